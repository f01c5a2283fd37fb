namespace VendorScreen;

/// <summary>The spelling of model values in files, JSON output and messages.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public static class ModelText
{
    /// <summary>Spells a relation kind the way the dataset format and the CLI do (<c>subsidiary-of</c>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lower-kebab name.</returns>
    public static string ToKebabCase(this RelationKind kind) => kind switch
    {
        RelationKind.SubsidiaryOf => "subsidiary-of",
        RelationKind.BrandOf => "brand-of",
        RelationKind.AffiliateOf => "affiliate-of",
        RelationKind.OwnedBy => "owned-by",
        RelationKind.ControlledBy => "controlled-by",
        RelationKind.RelabelOf => "relabel-of",
        RelationKind.OemOf => "oem-of",
        RelationKind.SuccessorOf => "successor-of",
        RelationKind.ProductionSiteOf => "production-site-of",
        RelationKind.LinkedTo => "linked-to",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown relation kind."),
    };

    /// <summary>Reads a relation kind spelt as <see cref="ToKebabCase(RelationKind)"/> spells it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="comparison">How the text is compared: <see cref="StringComparison.Ordinal"/> where a format fixes the spelling.</param>
    /// <param name="kind">The kind read.</param>
    /// <returns><see langword="true"/> when the text is a kind's spelling.</returns>
    internal static bool TryParseRelationKind(string? text, StringComparison comparison, out RelationKind kind)
    {
        foreach (var candidate in Enum.GetValues<RelationKind>())
        {
            if (string.Equals(candidate.ToKebabCase(), text, comparison))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Gets the spelling of every member of an enum in the files the library reads (dataset JSON, policy files): its name in
    /// lower kebab case (<c>ProcurementProhibition</c> is <c>procurement-prohibition</c>, <c>PEP</c> is <c>pep</c>), in the order
    /// of the members.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <returns>The members by spelling.</returns>
    internal static IReadOnlyDictionary<string, TEnum> KebabSpellings<TEnum>()
        where TEnum : struct, Enum => Spellings<TEnum>.ByKebab;

    /// <summary>Reads an enum member spelt as <see cref="KebabSpellings{TEnum}"/> spells it (compared ordinally).</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="value">The member read.</param>
    /// <returns><see langword="true"/> when the text is a member's spelling.</returns>
    internal static bool TryParseKebab<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Spellings<TEnum>.ByKebab.TryGetValue(text, out value);
    }

    /// <summary>Spells a decision in lower case (<c>block</c>, <c>review</c>, <c>clear</c>, <c>incomplete</c>).</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The lower-case name.</returns>
    public static string ToLowerCase(this ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Clear => "clear",
        ScreeningDecision.Review => "review",
        ScreeningDecision.Block => "block",
        ScreeningDecision.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision."),
    };

    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static class Spellings<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> ByKebab = Enum.GetValues<TEnum>().ToDictionary(v => Kebab(v.ToString()), StringComparer.Ordinal);
    }
}

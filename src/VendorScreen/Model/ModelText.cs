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
}

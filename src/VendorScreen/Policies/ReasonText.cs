namespace VendorScreen.Policies;

// Parts of a verdict's reason, written straight into the reason as it is formatted, so that no part is a string of its own.
// Each formats as the text the policy's reasons have always held; a part that does not fit asks for a larger buffer.

/// <summary>The listed entity with the ids of its lists, each once: <c>NAME (list-a, list-b)</c>.</summary>
internal readonly struct TargetText(string name, string[] listIds) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var writer = new SpanWriter(destination);
        writer.Write(name);
        writer.Write(" (");
        for (var i = 0; i < listIds.Length; i++)
        {
            writer.Write(i == 0 ? string.Empty : ", ");
            writer.Write(listIds[i]);
        }

        writer.Write(")");
        return writer.Done(out charsWritten);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => $"{this}";
}

/// <summary>The path to the listed entity, when there is one: <c> through A owned-by B, B subsidiary-of C</c>; nothing
/// for an entity listed itself (and for the default value, which has no path).</summary>
internal readonly struct PathText(IReadOnlyList<Relation> path) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var writer = new SpanWriter(destination);
        for (var i = 0; path is not null && i < path.Count; i++)
        {
            var r = path[i];
            writer.Write(i == 0 ? " through " : ", ");
            writer.Write(r.FromId);
            writer.Write(" ");
            writer.Write(r.Kind.ToKebabCase());
            writer.Write(" ");
            writer.Write(r.ToId);
        }

        return writer.Done(out charsWritten);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => $"{this}";
}

/// <summary>The categories of the lists of some listings, each once, in the order first met: <c>Sanctions, ExportControl</c>.</summary>
internal readonly struct CategoriesText(IReadOnlyList<(Listing Listing, ListDefinition List)> listings) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var writer = new SpanWriter(destination);
        var written = 0;
        for (var i = 0; i < listings.Count; i++)
        {
            if (FirstOfCategory(i))
            {
                writer.Write(written++ == 0 ? string.Empty : ", ");
                writer.Write(Name(listings[i].List.Category));
            }
        }

        return writer.Done(out charsWritten);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => $"{this}";

    private bool FirstOfCategory(int at)
    {
        for (var j = 0; j < at; j++)
        {
            if (listings[j].List.Category == listings[at].List.Category)
            {
                return false;
            }
        }

        return true;
    }

    private static string Name(ListCategory category) => category switch
    {
        ListCategory.ProcurementProhibition => nameof(ListCategory.ProcurementProhibition),
        ListCategory.Sanctions => nameof(ListCategory.Sanctions),
        ListCategory.ExportControl => nameof(ListCategory.ExportControl),
        ListCategory.HumanRights => nameof(ListCategory.HumanRights),
        ListCategory.MilitaryOrInvestment => nameof(ListCategory.MilitaryOrInvestment),
        ListCategory.Custom => nameof(ListCategory.Custom),
        ListCategory.Other => nameof(ListCategory.Other),
        ListCategory.Debarment => nameof(ListCategory.Debarment),
        _ => category.ToString(),
    };
}

/// <summary>Writes text into a span until it is full; then reports that it did not fit.</summary>
internal ref struct SpanWriter(Span<char> destination)
{
    private readonly Span<char> _destination = destination;
    private int _written;
    private bool _full;

    public void Write(string text)
    {
        if (_full || !text.AsSpan().TryCopyTo(_destination[_written..]))
        {
            _full = true;
            return;
        }

        _written += text.Length;
    }

    public readonly bool Done(out int charsWritten)
    {
        charsWritten = _full ? 0 : _written;
        return !_full;
    }
}

/// <summary>A reason of the default policy, written when first read: text, the listed entity with its lists, the path to it and
/// text (<c>is NAME (list-a) through A owned-by B: purchases prohibited</c>); for a weak match, the score before the entity; for a
/// review because of the lists' categories, those categories after the path. Holds only the names, list ids, relations and
/// listings of the hit until it is written.</summary>
internal sealed class PolicyReason : DeferredText
{
    private string _before;
    private TargetText _target;
    private PathText _via;
    private string _after;
    private readonly double _score;
    private IReadOnlyList<(Listing Listing, ListDefinition List)>? _categories;

    private PolicyReason(string before, TargetText target, PathText via, string after, double score, IReadOnlyList<(Listing Listing, ListDefinition List)>? categories)
    {
        _before = before;
        _target = target;
        _via = via;
        _after = after;
        _score = score;
        _categories = categories;
    }

    /// <summary>Gets the reason <c>{before}{target}{via}{after}</c>.</summary>
    public static PolicyReason Of(string before, TargetText target, PathText via, string after) => new(before, target, via, after, double.NaN, null);

    /// <summary>Gets the reason <c>possible match ({score:0.00}) to {target}{via}</c>.</summary>
    public static PolicyReason WeakMatch(double score, TargetText target, PathText via) => new(string.Empty, target, via, string.Empty, score, null);

    /// <summary>Gets the reason <c>{before}{target}{via}; lists of category {categories} call for review</c>.</summary>
    public static PolicyReason ForReview(string before, TargetText target, PathText via, IReadOnlyList<(Listing Listing, ListDefinition List)> listings) =>
        new(before, target, via, string.Empty, double.NaN, listings);

    protected override string Write() =>
        _categories is not null ? $"{_before}{_target}{_via}; lists of category {new CategoriesText(_categories)} call for review"
        : !double.IsNaN(_score) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"possible match ({_score:0.00}) to {_target}{_via}")
        : $"{_before}{_target}{_via}{_after}";

    protected override void Release()
    {
        _before = _after = string.Empty;
        _target = default;
        _via = default;
        _categories = null;
    }
}

/// <summary>The ids of one list, as the lists of verdicts hold them: one array per list id, shared by every verdict on that list
/// alone (a bounded number of ids; past it, an array each).</summary>
internal static class ListIds
{
    private const int MaxKept = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Kept = new(StringComparer.Ordinal);

    public static string[] One(string id)
    {
        if (Kept.TryGetValue(id, out var ids))
        {
            return ids;
        }

        ids = [id];
        return Kept.Count < MaxKept ? Kept.GetOrAdd(id, ids) : ids;
    }
}

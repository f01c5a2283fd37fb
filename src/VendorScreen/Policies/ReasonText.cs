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
/// for an entity listed itself.</summary>
internal readonly struct PathText(IReadOnlyList<Relation> path) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var writer = new SpanWriter(destination);
        for (var i = 0; i < path.Count; i++)
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

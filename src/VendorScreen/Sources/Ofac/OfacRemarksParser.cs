using System.Buffers;
using System.Text.RegularExpressions;

namespace VendorScreen.Sources.Ofac;

/// <summary>A relation named in OFAC remarks (<c>Linked To: NAME.</c>), not yet resolved to an entity.</summary>
/// <param name="Kind">The relation kind.</param>
/// <param name="TargetName">The name of the other party, as written.</param>
/// <param name="Label">The label in the remarks (<c>Linked To</c>).</param>
/// <param name="Reversed">Whether the relation points from the named party to the entry (<c>Owns, controls, or operates</c>).</param>
internal sealed record OfacRemarkLink(RelationKind Kind, string TargetName, string Label, bool Reversed = false);

/// <summary>What the structured parts of an OFAC remarks field say.</summary>
internal sealed class OfacRemarks
{
    /// <summary>Gets the names (a.k.a., f.k.a., n.k.a.) found in the remarks.</summary>
    public List<EntityName> Names { get; } = [];

    /// <summary>Gets the identifiers, dates and places of birth.</summary>
    public List<EntityIdentifier> Identifiers { get; } = [];

    /// <summary>Gets the ISO alpha-2 codes of nationalities, citizenships and registration countries.</summary>
    public List<string> Countries { get; } = [];

    /// <summary>Gets the nationalities, citizenships and registration countries as written, whether the country table knows
    /// them or not.</summary>
    public List<string> CountryNames { get; } = [];

    /// <summary>Gets the relations named in the remarks.</summary>
    public List<OfacRemarkLink> Links { get; } = [];
}

/// <summary>
/// Parses the remarks field of the OFAC legacy files into names, identifiers, countries and relations. The remarks are
/// <c>; </c>-separated items such as <c>DOB 28 Jul 1963</c>, <c>POB Toledo District, Belize</c>,
/// <c>Passport P0017003 (Belize)</c>, <c>nationality Iran</c>, <c>a.k.a. 'HESA'</c> and <c>Linked To: NAME</c>,
/// ending with a period; items OFAC repeats start with <c>alt.</c>.
/// </summary>
/// <remarks>
/// The a.k.a., f.k.a. and n.k.a. names in the remarks of the legacy files are the names OFAC classes as weak (low quality):
/// its strong aliases are in <c>alt.csv</c>. They become <see cref="NameKind.WeakAlias"/> names whatever their type, so that a
/// match on one is reviewed, never blocked. The name may be in single, double or typographic quotes (<c>a.k.a. 'ETA'</c>,
/// <c>f.k.a. "NAME"</c>) or unquoted to the end of the item (<c>n.k.a. NAME</c>).
/// The type is stateless and safe for concurrent use.
/// </remarks>
internal static partial class OfacRemarksParser
{
    private static readonly SearchValues<char> Quotes = SearchValues.Create("'\"\u2018\u2019\u201C\u201D");

    private static readonly (string Label, RelationKind Kind, bool Reversed)[] RelationLabels =
    [
        ("Linked To", RelationKind.LinkedTo, false),
        ("Owned or Controlled By", RelationKind.OwnedBy, false),
        ("Subsidiary Of", RelationKind.SubsidiaryOf, false),
        ("Property in the interest of", RelationKind.OwnedBy, false),
        ("Owns, controls, or operates", RelationKind.OwnedBy, true),
        ("Acting for or on behalf of", RelationKind.LinkedTo, false),
        ("Associate Of", RelationKind.LinkedTo, false),
        ("Providing support to", RelationKind.LinkedTo, false),
        ("Leader or official of", RelationKind.LinkedTo, false),
        ("Family member of", RelationKind.LinkedTo, false),
        ("Principal Executive Officer", RelationKind.LinkedTo, false),
        ("playing a significant role in", RelationKind.LinkedTo, false),
    ];

    // a.k.a. 'ETA'; f.k.a. "NAME"; n.k.a. ‘NAME’ (straight or typographic quotes, the closing period of the label optional).
    [GeneratedRegex(@"^(?<type>[afn]\.k\.a\.?),?\s*['""\u2018\u201C](?<name>.*)['""\u2019\u201D]\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex QuotedNameRegex();

    [GeneratedRegex(@"^[afn]\.k\.a\.?,?\s*['""\u2018\u201C]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedNameStartRegex();

    // n.k.a. NAME, without quotes: the rest of the item is the name.
    [GeneratedRegex(@"^(?<type>[afn]\.k\.a\.),?\s+(?<name>[^'""\u2018\u201C\s].*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UnquotedNameRegex();

    /// <summary>Gets the relation kind of an OFAC relation label or advanced-XML relation type; unknown labels are
    /// <see cref="RelationKind.LinkedTo"/>.</summary>
    /// <param name="label">The label, such as <c>Owned or Controlled By</c>.</param>
    public static (RelationKind Kind, bool Reversed) RelationOf(string label)
    {
        var trimmed = label.Trim().TrimEnd(':').Trim();
        foreach (var (known, kind, reversed) in RelationLabels)
        {
            if (string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return (kind, reversed);
            }
        }

        return (RelationKind.LinkedTo, false);
    }

    /// <summary>Parses a remarks field.</summary>
    /// <param name="remarks">The remarks, possibly <see langword="null"/>.</param>
    /// <returns>The structured data found.</returns>
    public static OfacRemarks Parse(string? remarks)
    {
        var result = new OfacRemarks();
        if (string.IsNullOrWhiteSpace(remarks))
        {
            return result;
        }

        foreach (var raw in Segments(remarks))
        {
            var segment = raw.Trim();
            if (segment.StartsWith("alt. ", StringComparison.OrdinalIgnoreCase))
            {
                segment = segment[5..].TrimStart();
            }

            if (segment.Length == 0)
            {
                continue;
            }

            if (TryName(segment, result) || TryRelation(segment, result) || TryPersonal(segment, result))
            {
                continue;
            }

            if (OfacIdentifierTypes.TryMatchPrefix(segment, out var label, out var rest))
            {
                AddIdentifier(label, rest, result);
            }
        }

        return result;
    }

    /// <summary>Splits remarks into items at <c>;</c>, keeping quoted names whole, and drops the closing period.</summary>
    internal static List<string> Segments(string remarks)
    {
        var text = remarks.Trim();
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        var pieces = text.Split(';');
        var result = new List<string>(pieces.Length);
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            var trimmed = StripAlt(piece.Trim());
            if (QuotedNameStartRegex().IsMatch(trimmed))
            {
                // A quoted name may hold a ';': join pieces until the closing quote.
                while (!IsClosed(piece) && i + 1 < pieces.Length)
                {
                    i++;
                    piece = piece + ";" + pieces[i];
                }
            }

            result.Add(piece);
        }

        return result;

        static bool IsClosed(string piece)
        {
            var t = WithoutWeakMark(piece.Trim().TrimEnd('.').TrimEnd());
            var first = t.IndexOfAny(Quotes);
            return first >= 0 && t.Length > first + 1 && Quotes.Contains(t[^1]);
        }

        static string StripAlt(string s) => s.StartsWith("alt. ", StringComparison.OrdinalIgnoreCase) ? s[5..].TrimStart() : s;
    }

    private static bool TryName(string segment, OfacRemarks result)
    {
        var match = QuotedNameRegex().Match(segment);
        if (!match.Success)
        {
            match = UnquotedNameRegex().Match(segment);
            if (!match.Success)
            {
                return false;
            }
        }

        var name = WithoutWeakMark(match.Groups["name"].Value.Trim());

        if (name.Length > 0 && !result.Names.Any(n => string.Equals(n.Value, name, StringComparison.Ordinal)))
        {
            result.Names.Add(new EntityName(name, NameKind.WeakAlias));
        }

        return true;
    }

    // OFAC marks a low-quality name with a trailing "(weak)"; the mark is not part of the name.
    private static string WithoutWeakMark(string text) =>
        text.EndsWith("(weak)", StringComparison.OrdinalIgnoreCase) ? text[..^6].TrimEnd() : text;

    private static bool TryRelation(string segment, OfacRemarks result)
    {
        foreach (var (label, kind, reversed) in RelationLabels)
        {
            if (segment.Length > label.Length + 1
                && segment.StartsWith(label, StringComparison.OrdinalIgnoreCase)
                && segment[label.Length] == ':')
            {
                var target = segment[(label.Length + 1)..].Trim();
                if (target.Length > 0)
                {
                    result.Links.Add(new OfacRemarkLink(kind, target, label, reversed));
                }

                return true;
            }
        }

        return false;
    }

    private static bool TryPersonal(string segment, OfacRemarks result)
    {
        if (StartsWithWord(segment, "DOB", out var dob))
        {
            var normalized = OfacList.NormalizeDate(dob, out var approximate);
            result.Identifiers.Add(new EntityIdentifier(OfacIdentifierTypes.DateOfBirth, normalized ?? dob.Trim())
            {
                Notes = normalized is null ? null : approximate ? "circa" : null,
            });
            return true;
        }

        if (StartsWithWord(segment, "POB", out var pob))
        {
            result.Identifiers.Add(new EntityIdentifier(OfacIdentifierTypes.PlaceOfBirth, pob.Trim()));
            return true;
        }

        if (StartsWithWord(segment, "nationality", out var nationality)
            || StartsWithWord(segment, "citizen", out nationality)
            || StartsWithWord(segment, "Nationality of Registration", out nationality))
        {
            AddCountry(nationality, result);
            return true;
        }

        return false;
    }

    private static void AddCountry(string name, OfacRemarks result)
    {
        var country = name.Trim().TrimStart(':').Trim();
        if (country.Length == 0)
        {
            return;
        }

        result.CountryNames.Add(country);
        if (OfacList.CountryCode(country) is { } code && !result.Countries.Contains(code, StringComparer.Ordinal))
        {
            result.Countries.Add(code);
        }
    }

    private static void AddIdentifier(string label, string rest, OfacRemarks result)
    {
        var text = rest.Trim().TrimStart(':').Trim();
        string value;
        string? country = null, extra = null;
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf(')', open);
        if (open > 0 && close > open)
        {
            value = text[..open];
            country = text[(open + 2)..close].Trim();
            extra = text[(close + 1)..].Trim().TrimStart(',', ';').Trim();
        }
        else
        {
            value = text;
            foreach (var word in (string[])[" issued ", " expires ", " Issue Date ", ", "])
            {
                var at = value.IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (at > 0)
                {
                    extra = value[at..].Trim().TrimStart(',').Trim();
                    value = value[..at];
                    break;
                }
            }
        }

        if (label.StartsWith(OfacIdentifierTypes.DigitalCurrencyPrefix, StringComparison.Ordinal)
            || string.Equals(label, OfacIdentifierTypes.VesselRegistration, StringComparison.Ordinal))
        {
            // Addresses and IMO numbers hold no spaces; anything after the first word is commentary.
            value = value.Trim();
        }

        var identifier = OfacIdentifierTypes.Create(label, value, string.IsNullOrEmpty(country) ? null : country, string.IsNullOrEmpty(extra) ? null : extra);
        if (identifier is not null && !result.Identifiers.Any(i => i.Scheme == identifier.Scheme && i.Value == identifier.Value))
        {
            result.Identifiers.Add(identifier);
        }
    }

    private static bool StartsWithWord(string segment, string word, out string rest)
    {
        if (segment.Length > word.Length
            && segment.StartsWith(word, StringComparison.Ordinal)
            && segment[word.Length] is ' ' or ':')
        {
            rest = segment[(word.Length + 1)..];
            return true;
        }

        rest = string.Empty;
        return false;
    }
}

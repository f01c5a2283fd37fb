using System.Globalization;
using System.Text;
using VendorScreen.Normalization;

namespace VendorScreen.Sources.Ofac;

/// <summary>The two OFAC lists published in the legacy and XML layouts.</summary>
internal enum OfacListKind
{
    /// <summary>The Specially Designated Nationals and Blocked Persons list (<c>sdn.csv</c>, <c>SDN.XML</c>).</summary>
    Sdn = 0,

    /// <summary>The Consolidated (non-SDN) lists (<c>cons_prim.csv</c>, <c>CONSOLIDATED.XML</c>).</summary>
    Consolidated,
}

/// <summary>Ids, names and small text rules shared by the OFAC readers and mappers.</summary>
internal static class OfacList
{
    /// <summary>The authority on every OFAC listing.</summary>
    public const string Authority = "US Treasury OFAC";

    /// <summary>The list id of the SDN list.</summary>
    public const string SdnListId = "us-ofac-sdn";

    /// <summary>The list id of the Consolidated (non-SDN) lists.</summary>
    public const string ConsolidatedListId = "us-ofac-cons";

    /// <summary>The source name of a source that reads the SDN list only.</summary>
    public const string SdnSourceName = "ofac-sdn";

    /// <summary>The source name of a source that reads the Consolidated list only.</summary>
    public const string ConsolidatedSourceName = "ofac-cons";

    /// <summary>The OFAC null marker.</summary>
    public const string NullMarker = "-0-";

    private const string RegionLabel = "Region:";

    private const string DetailsUrl = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=";

    /// <summary>Gets the entity id prefix of a list: <c>ofac-sdn</c> or <c>ofac-cons</c>.</summary>
    public static string IdPrefix(OfacListKind kind) => kind == OfacListKind.Sdn ? SdnSourceName : ConsolidatedSourceName;

    /// <summary>Gets the list id of a list.</summary>
    public static string ListId(OfacListKind kind) => kind == OfacListKind.Sdn ? SdnListId : ConsolidatedListId;

    /// <summary>Gets the entity id of an entry.</summary>
    public static string EntityId(OfacListKind kind, string uid) => IdPrefix(kind) + ":" + uid;

    /// <summary>Gets the public detail page of an entry.</summary>
    public static string DetailUrl(string uid) => DetailsUrl + uid;

    /// <summary>Gets the ISO 3166-1 alpha-2 code of a country as OFAC writes it (nationality, citizenship, country of
    /// registration, vessel flag, address country) from the shared <see cref="Countries"/> table. An address in an area
    /// that OFAC names as a region, <c>Region: NAME</c>, reads as NAME: "Region: Gaza" is PS, and a region that is not a
    /// country's name ("Region: Crimea", "Region: Kafia Kingi") has no code.</summary>
    /// <param name="text">The country as written.</param>
    /// <returns>The code, or <see langword="null"/> when the text names no known country.</returns>
    public static string? CountryCode(string? text)
    {
        var name = text?.Trim();
        if (name is not null && name.StartsWith(RegionLabel, StringComparison.OrdinalIgnoreCase))
        {
            name = name[RegionLabel.Length..];
        }

        return Countries.ToIso2(name);
    }

    /// <summary>Gets the source name for a set of lists read together.</summary>
    public static string SourceName(bool sdn, bool consolidated) =>
        sdn && consolidated ? "ofac" : consolidated ? ConsolidatedSourceName : SdnSourceName;

    /// <summary>Gets the list a file name points to: names starting with <c>cons</c> are the Consolidated list.</summary>
    public static OfacListKind KindFromFileName(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("cons", StringComparison.OrdinalIgnoreCase) ? OfacListKind.Consolidated : OfacListKind.Sdn;
    }

    /// <summary>Returns <see langword="null"/> for the OFAC null marker (<c>-0-</c>, with or without spaces) and for blank text;
    /// otherwise the text trimmed, with runs of white space (line breaks included) made one space.</summary>
    public static string? Value(string? field)
    {
        if (field is null)
        {
            return null;
        }

        var trimmed = field.Trim();
        if (trimmed.Length == 0 || trimmed == NullMarker)
        {
            return null;
        }

        for (var i = 1; i < trimmed.Length; i++)
        {
            if (char.IsWhiteSpace(trimmed[i]) && (trimmed[i] != ' ' || char.IsWhiteSpace(trimmed[i - 1])))
            {
                return string.Join(' ', trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return trimmed;
    }

    /// <summary>Returns <see langword="null"/> for the null marker and blank text; otherwise the text exactly as written.</summary>
    public static string? RawValue(string? field) =>
        field is null || field.Trim() is var t && (t.Length == 0 || t == NullMarker) ? null : field;

    /// <summary>Splits an OFAC program field such as <c>SDGT] [NS-PLC</c> into its programs, without brackets.</summary>
    public static IReadOnlyList<string> SplitPrograms(string? field)
    {
        var value = Value(field);
        if (value is null)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var part in value.Split(']', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var piece in part.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var program = piece.Trim().Trim('[', ']').Trim();
                if (program.Length > 0 && program != NullMarker && !result.Contains(program, StringComparer.Ordinal))
                {
                    result.Add(program);
                }
            }
        }

        return result;
    }

    /// <summary>Gets the key two names must share to be the same name when resolving relation targets: letters and digits only,
    /// diacritics removed, upper case (<c>D'S SUPERMARKET CO., LTD.</c> and <c>D S Supermarket Co Ltd</c> share a key).</summary>
    public static string NameKey(string name)
    {
        var text = name;
        foreach (var c in name)
        {
            if (c > '\u007F')
            {
                text = NameNormalizer.RemoveDiacritics(name, compatibility: true);
                break;
            }
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>Gets the entity kind of an OFAC type (<c>individual</c>, <c>vessel</c>, <c>aircraft</c>, <c>-0-</c> or <c>entity</c>).</summary>
    public static EntityKind KindOf(string? type) => Value(type)?.ToUpperInvariant() switch
    {
        null or "ENTITY" => EntityKind.Organization,
        "INDIVIDUAL" => EntityKind.Person,
        "VESSEL" => EntityKind.Vessel,
        "AIRCRAFT" => EntityKind.Aircraft,
        _ => EntityKind.Unknown,
    };

    /// <summary>Formats a date as a snapshot version.</summary>
    public static string Version(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses OFAC dates (<c>28 Jul 1963</c>, <c>Jul 1963</c>, <c>1963</c>, <c>circa 1963</c>); see
    /// <see cref="BirthDates.NormalizeDayMonthYear"/>.</summary>
    public static string? NormalizeDate(string text, out bool approximate) => BirthDates.NormalizeDayMonthYear(text, out approximate);
}

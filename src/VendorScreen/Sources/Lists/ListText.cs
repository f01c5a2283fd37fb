using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VendorScreen.Normalization;

namespace VendorScreen.Sources.Lists;

/// <summary>Text helpers shared by the list readers and mappers: cleaning, splitting, dates, scripts and hashes.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class ListText
{
    /// <summary>Trims a value, collapses inner runs of white space to one space, turns an empty value into null, and repairs
    /// C1 control characters (see <see cref="FieldText.Clean"/>).</summary>
    public static string? Clean(string? value) => FieldText.Clean(value);

    /// <summary>Splits a multi-valued cell on a separator, cleaning each part and dropping empty ones.</summary>
    public static List<string> Split(string? value, char separator = ';')
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var part in value.Split(separator))
        {
            if (Clean(part) is { } cleaned)
            {
                result.Add(cleaned);
            }
        }

        return result;
    }

    /// <summary>Joins the non-empty values with a separator, or returns null when there are none.</summary>
    public static string? Join(string separator, IEnumerable<string?> values)
    {
        var parts = values.Select(Clean).Where(v => v is not null).Distinct(StringComparer.Ordinal).ToList();
        return parts.Count == 0 ? null : string.Join(separator, parts);
    }

    /// <summary>Spells a label in lower kebab case: "Registration ID" becomes <c>registration-id</c>.</summary>
    public static string Kebab(string value)
    {
        var sb = new StringBuilder(value.Length);
        var dash = false;
        foreach (var c in NameNormalizer.RemoveDiacritics(value))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Parses an ISO date (<c>yyyy</c>, <c>yyyy-MM</c>, <c>yyyy-MM-dd</c>, optionally followed by a time).</summary>
    public static FactDate? IsoDate(string? value)
    {
        var text = Clean(value);
        if (text is null)
        {
            return null;
        }

        if (text.Length > 10 && text[10] is 'T' or ' ')
        {
            text = text[..10];
        }

        return FactDate.TryParse(text, out var date) ? date : null;
    }

    /// <summary>Parses a day-first date (<c>dd/MM/yyyy</c>; a day or month of <c>00</c> means unknown).</summary>
    public static FactDate? DayFirstDate(string? value) => SlashDate(value, dayFirst: true);

    /// <summary>Parses a month-first date (<c>MM/dd/yyyy</c>, or <c>M/d/yy</c>).</summary>
    public static FactDate? MonthFirstDate(string? value) => SlashDate(value, dayFirst: false);

    /// <summary>Parses an ISO date, then a day-first date, then a month-first date.</summary>
    public static FactDate? AnyDate(string? value) => IsoDate(value) ?? DayFirstDate(value) ?? MonthFirstDate(value);

    /// <summary>Formats a date of a file's publication as a version: <c>yyyy-MM-dd</c>.</summary>
    public static string Version(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Gets the lower-case hex SHA-256 of bytes.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>Gets a short stable key for a record that has no id of its own: 16 hex digits of the SHA-256 of its parts.</summary>
    public static string StableKey(params string?[] parts)
    {
        var text = string.Join("\u001f", parts.Select(p => Clean(p)?.ToUpperInvariant() ?? string.Empty));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    /// <summary>Gets the ISO 15924 code of the main non-Latin script of a name, or null for a Latin or unknown one.</summary>
    public static string? NonLatinScript(string value)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rune in value.EnumerateRunes())
        {
            var script = ScriptOf(rune.Value);
            if (script is not null)
            {
                counts[script] = counts.GetValueOrDefault(script) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var top = counts.MaxBy(p => p.Value).Key;
        return top == "Latn" ? null : top;
    }

    private static string? ScriptOf(int c) => c switch
    {
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= 0xC0 and <= 0x24F or >= 0x1E00 and <= 0x1EFF => "Latn",
        >= 0x370 and <= 0x3FF or >= 0x1F00 and <= 0x1FFF => "Grek",
        >= 0x400 and <= 0x52F => "Cyrl",
        >= 0x530 and <= 0x58F => "Armn",
        >= 0x590 and <= 0x5FF => "Hebr",
        >= 0x600 and <= 0x6FF or >= 0x750 and <= 0x77F or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => "Arab",
        >= 0x900 and <= 0x97F => "Deva",
        >= 0xE00 and <= 0xE7F => "Thai",
        >= 0x10A0 and <= 0x10FF => "Geor",
        >= 0x3040 and <= 0x30FF => "Jpan",
        >= 0x1100 and <= 0x11FF or >= 0xAC00 and <= 0xD7AF or >= 0x3130 and <= 0x318F => "Hang",
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2FFFF => "Hani",
        _ => null,
    };

    private static FactDate? SlashDate(string? value, bool dayFirst)
    {
        var text = Clean(value);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/', '.', '-');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var second = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var year = int.Parse(parts[2], CultureInfo.InvariantCulture);
        if (parts[2].Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        else if (parts[2].Length != 4 || parts[0].Length > 2 || parts[1].Length > 2)
        {
            return null;
        }

        var (day, month) = dayFirst ? (first, second) : (second, first);
        if (year <= 0)
        {
            return null;
        }

        if (month == 0)
        {
            return FactDate.Parse(year.ToString("D4", CultureInfo.InvariantCulture));
        }

        if (month > 12)
        {
            return null;
        }

        var text2 = day == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
        return FactDate.TryParse(text2, out var date) ? date : null;
    }
}

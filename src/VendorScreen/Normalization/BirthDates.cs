using System.Globalization;

namespace VendorScreen.Normalization;

/// <summary>
/// Turns the birth dates that lists print into the values of <see cref="IdentifierSchemes.DateOfBirth"/> identifiers:
/// <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>, or a range <c>&lt;from&gt; to &lt;to&gt;</c> of such dates; an approximate
/// date carries the note <see cref="Circa"/>. The screening engine reads the same forms back with <see cref="TryParseRange"/>.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class BirthDates
{
    /// <summary>The identifier note of an approximate date.</summary>
    public const string Circa = "circa";

    private static readonly string[] ApproximatePrefixes = ["circa ", "approximately ", "approx. ", "approx ", "about ", "ca. ", "c. "];

    /// <summary>Normalises a printed birth date: ISO forms, <c>dd/MM/yyyy</c> with <c>00</c> for unknown parts, OFAC's
    /// <c>12 Jan 1965</c> / <c>Jan 1965</c>, a <c>circa</c> prefix, and ranges written <c>A to B</c> or <c>yyyy-yyyy</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="approximate">Whether the text marks the date as approximate.</param>
    /// <returns>The normalised value, or <see langword="null"/> when the text is not a date.</returns>
    public static string? Normalize(string? text, out bool approximate)
    {
        approximate = false;
        var t = FieldText.Clean(text);
        if (t is null)
        {
            return null;
        }

        foreach (var prefix in ApproximatePrefixes)
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                approximate = true;
                t = t[prefix.Length..].Trim();
                break;
            }
        }

        var to = t.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to > 0)
        {
            var from = Single(t[..to], out var a);
            var until = Single(t[(to + 4)..], out var b);
            approximate |= a || b;
            return from is not null && until is not null && FactDate.Parse(from).Start <= FactDate.Parse(until).End ? from + " to " + until : null;
        }

        if (t.Length == 9 && t[4] == '-' && FactDate.TryParse(t[..4], out var y1) && FactDate.TryParse(t[5..], out var y2) && y1.Year < y2.Year)
        {
            return $"{t[..4]} to {t[5..]}";
        }

        var single = Single(t, out var c);
        approximate |= c;
        return single;
    }

    /// <summary>Reads a <see cref="IdentifierSchemes.DateOfBirth"/> value back as the span of days it can mean.</summary>
    /// <param name="value">The identifier value (normalised by <see cref="Normalize"/>, or as a source printed it).</param>
    /// <param name="notes">The identifier's notes; <see cref="Circa"/> marks an approximate date.</param>
    /// <param name="start">The first day the value can mean.</param>
    /// <param name="end">The last day the value can mean.</param>
    /// <param name="approximate">Whether the value is approximate.</param>
    /// <param name="range">Whether the value is a range of dates.</param>
    /// <returns><see langword="true"/> when the value is a date.</returns>
    public static bool TryParseRange(string value, string? notes, out DateOnly start, out DateOnly end, out bool approximate, out bool range)
    {
        start = end = default;
        range = false;
        var normalized = FactDate.TryParse(value, out _) ? value.Trim() : Normalize(value, out _);
        approximate = (notes is not null && notes.Contains(Circa, StringComparison.OrdinalIgnoreCase))
            || value.StartsWith(Circa, StringComparison.OrdinalIgnoreCase);
        if (normalized is null)
        {
            return false;
        }

        var to = normalized.IndexOf(" to ", StringComparison.Ordinal);
        if (to > 0)
        {
            range = true;
            start = FactDate.Parse(normalized[..to]).Start;
            end = FactDate.Parse(normalized[(to + 4)..]).End;
            return true;
        }

        var date = FactDate.Parse(normalized);
        start = date.Start;
        end = date.End;
        return true;
    }

    private static string? Single(string text, out bool approximate)
    {
        approximate = false;
        var t = text.Trim().TrimEnd('.', ',', ';').Trim();
        if (FactDate.TryParse(t, out var iso))
        {
            return iso.ToString();
        }

        // dd/MM/yyyy with 00 for an unknown day or month (UK list).
        var parts = t.Split('/');
        if (parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && parts[2].Length == 4)
        {
            var year = int.Parse(parts[2], CultureInfo.InvariantCulture);
            var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var day = int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (year < 1000 || month > 12)
            {
                return null;
            }

            var text2 = month == 0 ? parts[2]
                : day == 0 ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}")
                : string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
            return FactDate.TryParse(text2, out var parsed) ? parsed.ToString() : null;
        }

        return NormalizeDayMonthYear(t.Replace(".", " ", StringComparison.Ordinal), out approximate);
    }

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Parses OFAC dates (<c>28 Jul 1963</c>, <c>Jul 1963</c>, <c>1963</c>, <c>circa 1963</c>) into <c>yyyy-MM-dd</c>,
    /// <c>yyyy-MM</c> or <c>yyyy</c>; returns <see langword="null"/> for anything else (ranges, free text).</summary>
    public static string? NormalizeDayMonthYear(string text, out bool approximate)
    {
        approximate = false;
        var t = text.Trim().TrimEnd('.').Trim();
        if (t.StartsWith("circa ", StringComparison.OrdinalIgnoreCase))
        {
            approximate = true;
            t = t[6..].Trim();
        }

        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int year, month = 0, day = 0;
        switch (parts.Length)
        {
            case 1 when TryYear(parts[0], out year):
                break;
            case 2 when TryMonth(parts[0], out month) && TryYear(parts[1], out year):
                break;
            case 3 when int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out day) && TryMonth(parts[1], out month) && TryYear(parts[2], out year):
                if (day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        return day > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
            : month > 0 ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}") : year.ToString("D4", CultureInfo.InvariantCulture);

        static bool TryYear(string s, out int y) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out y) && s.Length == 4 && y is > 1000 and < 3000;

        static bool TryMonth(string s, out int m)
        {
            m = s.Length >= 3 ? Array.IndexOf(Months, s[..3].ToUpperInvariant()) + 1 : 0;
            return m > 0;
        }
    }
}

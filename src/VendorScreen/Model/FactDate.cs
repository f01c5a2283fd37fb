using System.Globalization;
using System.Text.Json.Serialization;

namespace VendorScreen;

/// <summary>
/// A date known to a year, a month or a day, as facts in public sources are ("2015", "2023-02", "2020-11-17").
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use. In JSON a fact date is the string of <see cref="ToString"/>.</remarks>
[JsonConverter(typeof(FactDateJsonConverter))]
public readonly record struct FactDate
{
    private FactDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the month (1-12), or <see langword="null"/> when only the year is known.</summary>
    public int? Month { get; }

    /// <summary>Gets the day of the month, or <see langword="null"/> when only the year or month is known.</summary>
    public int? Day { get; }

    /// <summary>Gets the first day the date can mean.</summary>
    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>Gets the last day the date can mean.</summary>
    public DateOnly End => Day is { } d
        ? new DateOnly(Year, Month!.Value, d)
        : Month is { } m ? new DateOnly(Year, m, DateTime.DaysInMonth(Year, m)) : new DateOnly(Year, 12, 31);

    /// <summary>Creates a date known to the day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fact date.</returns>
    public static FactDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed date.</returns>
    /// <exception cref="FormatException">The text is not one of the three forms, or names a day that does not exist.</exception>
    public static FactDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd.");
    }

    /// <summary>Tries to parse <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The parsed date when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid date.</returns>
    public static bool TryParse(string? text, out FactDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length == 4 && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y > 0)
        {
            value = new FactDate(y, null, null);
            return true;
        }

        if (span.Length == 7 && DateOnly.TryParseExact(span.ToString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ym))
        {
            value = new FactDate(ym.Year, ym.Month, null);
            return true;
        }

        if (span.Length == 10 && DateOnly.TryParseExact(span, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ymd))
        {
            value = new FactDate(ymd.Year, ymd.Month, ymd.Day);
            return true;
        }

        return false;
    }

    /// <summary>Formats the date with the precision it has.</summary>
    /// <returns><c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</returns>
    public override string ToString() => Day is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : Month is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);
}

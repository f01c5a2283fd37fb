using System.Globalization;
using System.Text;

namespace VendorScreen.Quality;

/// <summary>A case the matcher got wrong (or a notable alert), for reading.</summary>
internal sealed record WorstCase(string Query, string Candidate, double Score, string Label, string? Note = null);

/// <summary>What one suite measured: a printable table, the figures for the JSON line, and the worst cases.</summary>
internal sealed class SuiteReport
{
    private readonly List<(string Key, double Value)> _figures = [];
    private readonly List<string> _lines = [];

    public SuiteReport(string name, string title)
    {
        Name = name;
        Title = title;
    }

    public string Name { get; }

    public string Title { get; }

    public string? UnavailableReason { get; private set; }

    public IReadOnlyList<(string Key, double Value)> Figures => _figures;

    public IReadOnlyList<string> Lines => _lines;

    public List<WorstCase> Worst { get; } = [];

    public string WorstTitle { get; set; } = "worst cases";

    public static SuiteReport Unavailable(string name, string title, string reason)
    {
        var report = new SuiteReport(name, title) { UnavailableReason = reason };
        return report;
    }

    /// <summary>Adds a figure under <c>suite.metric</c>.</summary>
    public void Figure(string metric, double value) => _figures.Add(($"{Name}.{metric}", value));

    /// <summary>Adds a figure under <c>prefix.metric</c>, for a suite that reports more than one set of figures.</summary>
    public void Figure(string metric, double value, string prefix) => _figures.Add(($"{prefix}.{metric}", value));

    public void Line(string text) => _lines.Add(text);

    public void Table(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _lines.AddRange(table.Render());
    }

    /// <summary>Keeps the worst false negatives (lowest-scoring matches) and false positives (highest-scoring non-matches),
    /// up to half each, filling from the other kind when one runs short.</summary>
    public void AddWorst<T>(IEnumerable<T> cases, Func<T, double> score, Func<T, bool> isMatch, Func<T, WorstCase> describe, double threshold, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases.ToList();
        List<T> Distinct(IEnumerable<T> items) => items.DistinctBy(c => (describe(c).Query, describe(c).Candidate)).ToList();
        var misses = Distinct(list.Where(c => isMatch(c) && score(c) < threshold).OrderBy(score));
        var falseAlerts = Distinct(list.Where(c => !isMatch(c) && score(c) >= threshold).OrderByDescending(score));
        var half = count / 2;
        var takeMisses = Math.Min(misses.Count, Math.Max(half, count - falseAlerts.Count));
        var takeAlerts = Math.Min(falseAlerts.Count, count - takeMisses);
        Worst.AddRange(misses.Take(takeMisses).Select(describe));
        Worst.AddRange(falseAlerts.Take(takeAlerts).Select(describe));
    }

    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine();
        writer.WriteLine($"== {Name}: {Title}");
        if (UnavailableReason is not null)
        {
            writer.WriteLine($"   unavailable: {UnavailableReason}");
            return;
        }

        foreach (var line in _lines)
        {
            writer.WriteLine("   " + line);
        }

        if (Worst.Count > 0)
        {
            writer.WriteLine($"   -- {WorstTitle}");
            var table = new Table("label", "score", "query", "candidate", "note");
            foreach (var w in Worst)
            {
                table.Row(w.Label, Format.Score(w.Score), Format.Clip(w.Query, 48), Format.Clip(w.Candidate, 56), w.Note ?? string.Empty);
            }

            foreach (var line in table.Render())
            {
                writer.WriteLine("   " + line);
            }
        }
    }
}

/// <summary>A plain-text table with left-aligned columns.</summary>
internal sealed class Table
{
    private readonly string[] _header;
    private readonly List<string[]> _rows = [];

    public Table(params string[] header)
    {
        _header = header;
    }

    public Table Row(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _rows.Add(cells.Select(c => c switch
        {
            null => string.Empty,
            double d => Format.Number(d),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? string.Empty,
        }).ToArray());
        return this;
    }

    public IEnumerable<string> Render()
    {
        var widths = new int[_header.Length];
        foreach (var row in _rows.Prepend(_header))
        {
            for (var i = 0; i < Math.Min(row.Length, widths.Length); i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        string Render(string[] row)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Length ? row[i] : string.Empty;
                sb.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
            }

            return sb.ToString().TrimEnd();
        }

        yield return Render(_header);
        yield return new string('-', widths.Sum() + (2 * (widths.Length - 1)));
        foreach (var row in _rows)
        {
            yield return Render(row);
        }
    }
}

/// <summary>Number formatting for the tables.</summary>
internal static class Format
{
    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Clip(string? text, int max)
    {
        text = (text ?? string.Empty).ReplaceLineEndings(" ");
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}

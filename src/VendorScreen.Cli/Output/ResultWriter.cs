using System.Globalization;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>Counts of rows per decision.</summary>
internal sealed class DecisionCounts
{
    private readonly int[] _counts = new int[4];

    /// <summary>Gets the number of rows counted.</summary>
    public int Total => _counts.Sum();

    /// <summary>Gets the count for a decision.</summary>
    /// <param name="decision">The decision.</param>
    public int this[ScreeningDecision decision] => _counts[(int)decision];

    /// <summary>Counts one row.</summary>
    /// <param name="decision">Its decision.</param>
    public void Add(ScreeningDecision decision) => _counts[(int)decision]++;

    /// <summary>Describes the counts: <c>15 rows: 6 block, 4 review, 5 clear, 0 incomplete</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Total} {(Total == 1 ? "row" : "rows")}: {this[ScreeningDecision.Block]} block, {this[ScreeningDecision.Review]} review, {this[ScreeningDecision.Clear]} clear, {this[ScreeningDecision.Incomplete]} incomplete");
}

/// <summary>Writes screening results in one output format, one record per input row, in input order.</summary>
internal abstract class ResultWriter : IDisposable
{
    /// <summary>Writes one row's result.</summary>
    /// <param name="row">The input row.</param>
    /// <param name="result">Its result.</param>
    public abstract void Write(InputRow row, ScreeningResult result);

    /// <summary>Pushes out what has been written so far (called after every chunk).</summary>
    public virtual void Flush()
    {
    }

    /// <summary>Finishes the output.</summary>
    /// <param name="counts">The counts per decision.</param>
    public virtual void Complete(DecisionCounts counts) => Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the writer holds; never closes the underlying text writer.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Creates the writer for a format.</summary>
    /// <param name="format">The format: <c>table</c>, <c>json</c>, <c>csv</c> or <c>html</c>.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="terminal">Whether <paramref name="writer"/> is an interactive terminal (tables get colours).</param>
    /// <param name="report">What an HTML report says about the run; required for <c>html</c>.</param>
    /// <returns>The result writer.</returns>
    public static ResultWriter Create(string format, TextWriter writer, bool terminal, ReportInfo? report = null) => format switch
    {
        "json" => new JsonResultWriter(writer),
        "csv" => new CsvResultWriter(writer),
        "html" => new HtmlResultWriter(writer, report ?? throw new ArgumentNullException(nameof(report), "an HTML report needs the run's description")),
        _ => new TableResultWriter(writer, terminal),
    };

    /// <summary>Gets a hit's path as strings: the matched entity id, then per step the relation kind and the next entity id.</summary>
    /// <param name="hit">The hit.</param>
    /// <returns>The path.</returns>
    public static IReadOnlyList<string> PathOf(ScreeningHit hit) => PathOf(hit, hit.EntityId, static step => step.ToId);

    /// <summary>Gets a hit's path with entity names instead of ids, for people.</summary>
    /// <param name="hit">The hit.</param>
    /// <returns>The path.</returns>
    public static IReadOnlyList<string> NamedPathOf(ScreeningHit hit) => PathOf(hit, hit.EntityName, static step => step.ToName);

    private static List<string> PathOf(ScreeningHit hit, string start, Func<PathStep, string> entity)
    {
        var path = new List<string>(1 + (2 * hit.Path.Count)) { start };
        foreach (var step in hit.Path)
        {
            path.Add(step.Kind.ToKebabCase());
            path.Add(entity(step));
        }

        return path;
    }

    /// <summary>Gets a hit's path for people, each relation with its share and dates:
    /// <c>Sub &gt; owned-by 40% 2016-03-29.. &gt; Owner</c>.</summary>
    /// <param name="steps">The steps.</param>
    /// <param name="startName">The name of the entity the path starts from.</param>
    /// <returns>The text, empty for an empty path.</returns>
    public static string DetailedPath(IReadOnlyList<PathStep> steps, string startName)
    {
        if (steps.Count == 0)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder(startName);
        foreach (var step in steps)
        {
            text.Append(" > ").Append(StepText(step.Relation)).Append(" > ").Append(step.ToName);
        }

        return text.ToString();
    }

    /// <summary>Describes one relation: its kind, share (<c>?%</c> when a share-bearing relation states none) and dates.</summary>
    /// <param name="relation">The relation.</param>
    /// <returns>The text.</returns>
    public static string StepText(Relation relation)
    {
        var text = relation.Kind.ToKebabCase();
        if (relation.SharePercent is { } share)
        {
            text += " " + Percent(share);
        }
        else if (relation.Kind == RelationKind.OwnedBy)
        {
            text += " ?%";
        }

        if (relation.ValidFrom is not null || relation.ValidTo is not null)
        {
            text += $" {relation.ValidFrom}..{relation.ValidTo}";
        }

        return text;
    }

    /// <summary>Describes the ownership sum of a hit: <c>ofac-50-percent 70% (at least 50%) = X 30% [..] + W 40% [..]</c>.</summary>
    /// <param name="hit">The hit.</param>
    /// <returns>The text, empty when no ownership rule decided the hit.</returns>
    public static string OwnershipText(ScreeningHit hit)
    {
        if (hit.Ownership is not { } sum)
        {
            return string.Empty;
        }

        var terms = string.Join(" + ", sum.Terms.Select(t =>
            $"{t.OwnerName} {(t.SharePercent is { } p ? Percent(p) : "unknown share")} [{DetailedPath(t.Path, t.Path.Count > 0 ? t.Path[0].FromName : string.Empty)}]"));
        return $"{sum.Rule} {Percent(sum.SharePercent)}{(sum.HasUnknownShares ? " or more" : string.Empty)} ({(sum.ThresholdInclusive ? "at least" : "more than")} {Percent(sum.ThresholdPercent)}) = {terms}"
            + (sum.LimitReached is null ? string.Empty : $"; limit reached: {sum.LimitReached}");
    }

    /// <summary>Formats a percentage: <c>37.5%</c>.</summary>
    /// <param name="value">The percentage.</param>
    /// <returns>The text.</returns>
    public static string Percent(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>Gets the ids of the lists a hit's listings are on, without repeats, in the order of the listings.</summary>
    /// <param name="listings">The listings of the hit's entity.</param>
    /// <returns>The list ids.</returns>
    public static IReadOnlyList<string> ListsOf(IEnumerable<Listing> listings) => listings.Select(l => l.ListId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Rounds a score to 4 decimals.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The rounded score.</returns>
    public static double RoundScore(double score) => Math.Round(score, 4, MidpointRounding.AwayFromZero);

    /// <summary>Formats a score with up to 4 decimals.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The text.</returns>
    /// <remarks>A score of 0 or more (not -0) below a billion is written from its number of ten-thousandths, as the format <c>0.####</c>
    /// writes it (the integer part, then the decimals without trailing zeros); any other value through that format. Each row of
    /// a run writes a score: the general formatting took a part of a run's time, and its code had to be compiled first.</remarks>
    public static string FormatScore(double score)
    {
        var rounded = RoundScore(score);
        if (double.IsNegative(rounded) || !(rounded < 1e9))
        {
            return FormatScoreInGeneral(score);
        }

        var tenThousandths = (long)Math.Round(rounded * 10_000, MidpointRounding.AwayFromZero);
        var whole = tenThousandths / 10_000;
        var fraction = (int)(tenThousandths % 10_000);
        if (fraction == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var digits = 4;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        Span<char> text = stackalloc char[24];
        whole.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        text[length++] = '.';
        for (var k = digits - 1; k >= 0; k--)
        {
            text[length + k] = (char)('0' + (fraction % 10));
            fraction /= 10;
        }

        return new string(text[..(length + digits)]);
    }

    /// <summary>Formats a score as <see cref="FormatScore"/> does, always through the format <c>0.####</c>: its way for any value
    /// it does not write from ten-thousandths, and what tests compare it with.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The text.</returns>
    internal static string FormatScoreInGeneral(double score) => RoundScore(score).ToString("0.####", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;

namespace VendorScreen.Quality.Suites;

/// <summary>Agreement with the match / no-match labels in moov-io/watchman's tests and user reports.</summary>
internal sealed class WatchmanSuite : ISuite
{
    public string Name => "watchman";

    public string Title => "moov-io/watchman labelled cases: agreement with the match / no-match labels";

    public Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        using var doc = JsonDocument.Parse(File.ReadAllText(context.Eval("watchman-tests/labelled_cases.json")));
        var cases = new List<Case>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            var label = Text(r, "label");
            if (label is not ("match" or "no_match"))
            {
                continue;
            }

            var query = Text(r, "query") ?? string.Empty;
            var candidates = new List<string> { StripNote(Text(r, "indexed") ?? string.Empty) };
            foreach (var key in new[] { "indexed_alt_names", "indexed_former_names" })
            {
                if (r.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    candidates.AddRange(list.EnumerateArray().Select(x => x.GetString() ?? string.Empty));
                }
            }

            var best = PairScorer.Best([query], candidates);
            cases.Add(new Case(Text(r, "test") ?? "?", query, best.Right.Length > 0 ? best.Right : candidates[0], label == "match", best.Score, Text(r, "comment")));
        }

        var t = context.Threshold;
        var agree = cases.Count(c => (c.Score >= t) == c.IsMatch);
        var counts = Metrics.At(cases.Select(c => new ScoredCase(c.Score, c.IsMatch)), t);
        report.Line($"{cases.Count} labelled cases (tests with an explicit label and user reports); agree = (score >= {Format.Number(t)}) == label");
        report.Line($"agreement {agree}/{cases.Count}; {counts}");
        report.Figure("agreement", cases.Count == 0 ? 0 : agree / (double)cases.Count);

        var table = new Table("test", "cases", "agree");
        foreach (var g in cases.GroupBy(c => c.Test))
        {
            table.Row(g.Key, g.Count(), $"{g.Count(c => (c.Score >= t) == c.IsMatch)}/{g.Count()}");
        }

        report.Table(table);

        // Cross-script pairs: the expected Latin name should be found from the native-script query.
        var crossPath = context.Eval("watchman-tests/cross_script_pairs.csv");
        if (File.Exists(crossPath))
        {
            var lines = File.ReadAllLines(crossPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            var pairs = new List<Case>();
            foreach (var line in lines)
            {
                var parts = line.Split(',');
                if (parts.Length < 3 || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    continue;
                }

                pairs.Add(new Case("cross-script", parts[0], parts[1], true, PairScorer.Score(parts[0], parts[1]), parts.Length > 3 ? parts[3] : null));
            }

            var found = pairs.Count(p => p.Score >= t);
            report.Line($"cross-script pairs (native query vs Latin name): {found}/{pairs.Count} reach {Format.Number(t)}");
            report.Figure("cross_script_recall", pairs.Count == 0 ? 0 : found / (double)pairs.Count);
            report.AddWorst(cases, c => c.Score, c => c.IsMatch, Describe, t, context.WorstCount ?? 10);
            report.Worst.AddRange(pairs.Where(p => p.Score < t).OrderBy(p => p.Score).Take(6).Select(Describe));
        }
        else
        {
            report.AddWorst(cases, c => c.Score, c => c.IsMatch, Describe, t, context.WorstCount ?? 10);
        }

        return Task.FromResult(report);

        static WorstCase Describe(Case c) =>
            new(c.Query, c.Candidate, c.Score, c.IsMatch ? "miss" : "false alert", c.Test + (c.Comment is null ? string.Empty : ": " + Format.Clip(c.Comment, 50)));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // "MADURO MOROS, Nicolas (OFAC SDN, top hit)" -> "MADURO MOROS, Nicolas"
    private static string StripNote(string indexed)
    {
        var at = indexed.IndexOf(" (", StringComparison.Ordinal);
        return at > 0 && indexed.EndsWith(')') ? indexed[..at] : indexed;
    }

    private sealed record Case(string Test, string Query, string Candidate, bool IsMatch, double Score, string? Comment);
}

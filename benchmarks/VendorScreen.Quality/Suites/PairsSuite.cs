using System.Text.Json;

namespace VendorScreen.Quality.Suites;

/// <summary>OpenSanctions analyst pair judgements (dev split, pairs 0-199 of both samples), scored on names only.</summary>
internal sealed class PairsSuite : ISuite
{
    private static readonly string[] EntitySchemas = ["Person", "Organization", "Company", "LegalEntity", "Vessel"];
    private static readonly string[] NameProperties = ["name", "alias", "previousName"];

    public string Name => "pairs";

    public string Title => "OpenSanctions pairs, dev split (CC BY-NC; benchmark only): name-only F1 at the review threshold";

    public Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var files = new[] { "dev_200_unshuffled_v20260109.json", "dev_200_shuffled_v20260112.json" };
        var cases = new List<Case>();
        var skipped = 0;
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(context.Eval("opensanctions-pairs-sample/" + file)));
            foreach (var pair in doc.RootElement.EnumerateArray())
            {
                var left = pair.GetProperty("left");
                var right = pair.GetProperty("right");
                var ls = left.GetProperty("schema").GetString() ?? string.Empty;
                var rs = right.GetProperty("schema").GetString() ?? string.Empty;
                if (!EntitySchemas.Contains(ls) || !EntitySchemas.Contains(rs))
                {
                    skipped++;
                    continue;
                }

                var isMatch = pair.GetProperty("judgement").GetString() == "positive";
                var bestPair = PairScorer.Best(Names(left), Names(right));
                cases.Add(new Case(file.Contains("unshuffled", StringComparison.Ordinal) ? "unshuffled" : "shuffled", ls == rs ? ls : $"{ls}/{rs}",
                    left.GetProperty("caption").GetString() ?? string.Empty, right.GetProperty("caption").GetString() ?? string.Empty, bestPair, isMatch));
            }
        }

        var t = context.Threshold;
        var all = Metrics.At(cases.Select(c => new ScoredCase(c.Best.Score, c.IsMatch)), t);
        var (bestT, best) = Metrics.BestF1(cases.Select(c => new ScoredCase(c.Best.Score, c.IsMatch)).ToList());
        report.Line($"{cases.Count} entity pairs ({cases.Count(c => c.IsMatch)} positive) from both dev files; {skipped} relationship pairs skipped");
        report.Line("score = best name-to-name score over name/alias/previousName of both sides (names only: no dates, countries or identifiers)");
        report.Line($"at {Format.Number(t)}: {all}; best F1 {Format.Number(best.F1)} at {Format.Number(bestT)}");
        report.Figure("f1", all.F1);
        report.Figure("precision", all.Precision);
        report.Figure("recall", all.Recall);
        report.Figure("best_f1", best.F1);
        report.Figure("best_threshold", bestT);

        var table = new Table("slice", "n", "P", "R", "F1");
        foreach (var g in cases.GroupBy(c => c.File).Concat(cases.GroupBy(c => c.Schema)).Where(g => g.Count() >= 5))
        {
            var c = Metrics.At(g.Select(x => new ScoredCase(x.Best.Score, x.IsMatch)), t);
            table.Row(g.Key, g.Count(), c.Precision, c.Recall, c.F1);
            if (g.Key is "shuffled" or "unshuffled")
            {
                report.Figure(g.Key + "_f1", c.F1);
            }
        }

        report.Table(table);
        report.AddWorst(cases, c => c.Best.Score, c => c.IsMatch,
            c => new WorstCase(c.Best.Left.Length > 0 ? c.Best.Left : c.Left, c.Best.Right.Length > 0 ? c.Best.Right : c.Right, c.Best.Score,
                c.IsMatch ? "miss" : "false alert", $"{c.File}/{c.Schema}: {Format.Clip(c.Left, 30)} ~ {Format.Clip(c.Right, 30)}"), t, context.WorstCount ?? 10);
        return Task.FromResult(report);
    }

    private static List<string> Names(JsonElement entity)
    {
        var names = new List<string>();
        if (entity.TryGetProperty("properties", out var props))
        {
            foreach (var p in NameProperties)
            {
                if (props.TryGetProperty(p, out var values) && values.ValueKind == JsonValueKind.Array)
                {
                    names.AddRange(values.EnumerateArray().Select(v => v.GetString() ?? string.Empty));
                }
            }
        }

        if (names.Count == 0 && entity.TryGetProperty("caption", out var caption))
        {
            names.Add(caption.GetString() ?? string.Empty);
        }

        return names;
    }

    private sealed record Case(string File, string Schema, string Left, string Right, PairScore Best, bool IsMatch);
}

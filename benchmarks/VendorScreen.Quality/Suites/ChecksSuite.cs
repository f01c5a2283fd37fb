using YamlDotNet.Serialization;

namespace VendorScreen.Quality.Suites;

/// <summary>The nomenklatura entity checks (<c>checks.yml</c>): query and candidate entities with a match label.</summary>
internal sealed class ChecksSuite : ISuite
{
    public string Name => "checks";

    public string Title => "nomenklatura entity checks (checks.yml), share passed at the review threshold";

    public Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var yaml = File.ReadAllText(context.Eval("nomenklatura-bench/checks.yml"));
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, List<Dictionary<string, object>>>>(yaml);
        var checks = document["checks"].Select(c => new Check(
            string.Equals(c["match"]?.ToString(), "true", StringComparison.OrdinalIgnoreCase),
            c.GetValueOrDefault("schema")?.ToString() ?? "?",
            c.GetValueOrDefault("label")?.ToString(),
            Names(c["query"]),
            Names(c["candidate"]))).ToList();

        var t = context.Threshold;
        var scored = checks.Select(c => (Check: c, Best: PairScorer.Best(c.Query, c.Candidate))).ToList();
        var passed = scored.Count(s => (s.Best.Score >= t) == s.Check.Match);
        var counts = Metrics.At(scored.Select(s => new ScoredCase(s.Best.Score, s.Check.Match)), t);
        report.Line($"{checks.Count} checks; names from name/firstName/middleName/fatherName/lastName, best pair scored; pass = (score >= {Format.Number(t)}) == match");
        report.Line($"passed {passed}/{checks.Count}; {counts}");
        report.Figure("pass_rate", checks.Count == 0 ? 0 : passed / (double)checks.Count);
        report.Figure("f1", counts.F1);

        var table = new Table("schema", "checks", "passed", "pass rate", "match checks passed", "non-match checks passed");
        foreach (var g in scored.GroupBy(s => s.Check.Schema).OrderByDescending(g => g.Count()))
        {
            var n = g.Count();
            var p = g.Count(s => (s.Best.Score >= t) == s.Check.Match);
            table.Row(g.Key, n, p, p / (double)n,
                $"{g.Count(s => s.Check.Match && s.Best.Score >= t)}/{g.Count(s => s.Check.Match)}",
                $"{g.Count(s => !s.Check.Match && s.Best.Score < t)}/{g.Count(s => !s.Check.Match)}");
        }

        report.Table(table);
        report.AddWorst(scored, s => s.Best.Score, s => s.Check.Match,
            s => new WorstCase(string.Join(" | ", s.Check.Query), string.Join(" | ", s.Check.Candidate), s.Best.Score,
                s.Check.Match ? "miss" : "false alert", s.Check.Schema + (s.Check.Label is null ? string.Empty : "/" + s.Check.Label)),
            t, context.WorstCount ?? 10);
        return Task.FromResult(report);
    }

    private static List<string> Names(object entity)
    {
        var names = new List<string>();
        if (entity is not Dictionary<object, object> map)
        {
            return names;
        }

        string? Get(string key) => map.TryGetValue(key, out var v) ? v switch
        {
            string s => s,
            List<object> list => string.Join(' ', list),
            _ => v?.ToString(),
        } : null;

        if (map.TryGetValue("name", out var name))
        {
            if (name is List<object> list)
            {
                names.AddRange(list.Select(n => n.ToString() ?? string.Empty));
            }
            else if (name?.ToString() is { } single)
            {
                names.Add(single);
            }
        }

        var parts = new[] { Get("firstName"), Get("middleName"), Get("fatherName"), Get("lastName") }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (parts.Count > 0)
        {
            names.Add(string.Join(' ', parts));
        }

        return names;
    }

    private sealed record Check(bool Match, string Schema, string? Label, List<string> Query, List<string> Candidate);
}

using System.Globalization;
using System.Text.Json;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Quality.Suites;

/// <summary>Parity of <see cref="OfacParityScorer"/> with the scores shown by the OFAC Sanctions List Search tool.</summary>
internal sealed class OfacParitySuite : ISuite
{
    public string Name => "ofacparity";

    public string Title => $"OFAC Sanctions List Search score parity ({OfacParityScorer.Algorithm}) on ofac_fixtures.csv";

    public Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var rows = QualityContext.ReadCsv(context.Eval("nomenklatura-bench/ofac_fixtures.csv"))
            .Select(r => (Query: r["query_name"], Candidate: r["result_name"], Ofac: int.Parse(r["ofac_score"], CultureInfo.InvariantCulture)))
            .Select(r => (r.Query, r.Candidate, r.Ofac, Ours: OfacParityScorer.Compare(r.Query, r.Candidate)))
            .ToList();
        var scored = rows.Where(r => r.Ofac >= 0).ToList();
        var negatives = rows.Where(r => r.Ofac < 0).ToList();
        var within5 = scored.Count(r => Math.Abs(r.Ours.Score - r.Ofac) <= 5);
        var mae = scored.Count == 0 ? 0 : scored.Average(r => Math.Abs(r.Ours.Score - r.Ofac));
        var negativesBelow = negatives.Count(r => r.Ours.Score < 80);
        report.Line($"{scored.Count} rows with a portal score, {negatives.Count} rows the portal did not show at slider 80 (score -1)");
        report.Line($"within +/-5 points: {within5}/{scored.Count}; mean absolute difference {mae:0.00} points");
        report.Line($"rows not shown by the portal that score below 80 here: {negativesBelow}/{negatives.Count}");
        report.Figure("within5", scored.Count == 0 ? 0 : within5 / (double)scored.Count);
        report.Figure("mae", mae);
        report.Figure("negatives_below80", negatives.Count == 0 ? 0 : negativesBelow / (double)negatives.Count);
        var exact = scored.Count(r => r.Ours.Score == r.Ofac);
        report.Line($"exactly equal: {exact}/{scored.Count}");

        // The same pairs scored the way the engine scores a candidate when ScreeningOptions.Algorithm is ofac-parity-v1: through
        // the algorithm registry, on the 0 to 1 scale, from the written name and its normalised form.
        var algorithm = NameMatchAlgorithms.Get(NameMatchAlgorithms.OfacParityV1Name);
        var engineWithin5 = scored.Count(r =>
        {
            var q = NameNormalizer.Normalize(r.Query);
            var c = NameNormalizer.Normalize(r.Candidate);
            if (q.Count == 0 || c.Count == 0)
            {
                return Math.Abs(r.Ofac) <= 5;
            }

            var score = algorithm.Compare(new NameMatchInput(r.Query, q[0]), new NameMatchInput(r.Candidate, c[0])).Score;
            return Math.Abs((score * 100) - r.Ofac) <= 5;
        });
        report.Line($"through the engine's {algorithm.Name} algorithm (score x 100): within +/-5 points {engineWithin5}/{scored.Count}");
        report.Figure("engine_within5", scored.Count == 0 ? 0 : engineWithin5 / (double)scored.Count);

        // A second, independent check: the 20 SDN names to which the portal gave 100 for the query "Khamis Al".
        var khamisPath = context.Eval("watchman-tests/ofac_portal_khamis_al.json");
        if (File.Exists(khamisPath))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(khamisPath));
            var khamis = doc.RootElement.GetProperty("rows").EnumerateArray()
                .Select(r => (Query: r.GetProperty("query").GetString()!, Candidate: r.GetProperty("ofac_sdn_name").GetString()!, Ofac: r.GetProperty("ofac_portal_name_score").GetInt32()))
                .ToList();
            var khamisWithin = khamis.Count(r => Math.Abs(OfacParityScorer.Score(r.Query, r.Candidate) - r.Ofac) <= 5);
            report.Line($"\"Khamis Al\" portal rows (watchman-tests, not used to build the scorer): within +/-5 {khamisWithin}/{khamis.Count}");
            report.Figure("khamis_within5", khamis.Count == 0 ? 0 : khamisWithin / (double)khamis.Count);
        }

        report.WorstTitle = "largest differences (portal score in the label column)";
        foreach (var r in scored.OrderByDescending(r => Math.Abs(r.Ours.Score - r.Ofac)).Take(10))
        {
            report.Worst.Add(new WorstCase(r.Query, r.Candidate, r.Ours.Score / 100.0, $"portal {r.Ofac}", $"ours {r.Ours.Score}: {r.Ours.Explanation}"));
        }

        foreach (var r in negatives.Where(r => r.Ours.Score >= 80))
        {
            report.Worst.Add(new WorstCase(r.Query, r.Candidate, r.Ours.Score / 100.0, "portal -1", $"ours {r.Ours.Score}: {r.Ours.Explanation}"));
        }

        return Task.FromResult(report);
    }
}

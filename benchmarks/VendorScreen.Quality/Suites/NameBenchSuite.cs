using System.Globalization;

namespace VendorScreen.Quality.Suites;

/// <summary>The nomenklatura name benchmark (<c>cases.csv</c>), with logic-v2's frozen scores on the same rows.</summary>
internal sealed class NameBenchSuite : ISuite
{
    /// <summary>The threshold at which logic-v2's frozen outcomes were computed.</summary>
    public const double LogicV2Threshold = 0.70;

    public string Name => "namebench";

    public string Title => "nomenklatura name benchmark (cases.csv), P/R/F1 at the review threshold, logic-v2 side by side";

    public async Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var rows = QualityContext.ReadCsv(context.Eval("nomenklatura-bench/cases.csv"));
        var frozen = QualityContext.ReadCsv(context.Eval("nomenklatura-bench/logicv2-frozen.csv"))
            .GroupBy(r => Key(r)).ToDictionary(g => g.Key, g => double.Parse(g.First()["score"], CultureInfo.InvariantCulture), StringComparer.Ordinal);

        var cases = rows.Select(r => new Case(
            r["case_group"], r["schema"], r["name1"], r["name2"], bool.Parse(r["is_match"]), r["quality"], r["category"],
            PairScorer.Score(r["name1"], r["name2"]),
            frozen.TryGetValue(Key(r), out var v2) ? v2 : null)).ToList();

        var t = context.Threshold;
        var all = cases.Select(c => new ScoredCase(c.Score, c.IsMatch)).ToList();
        var at = Metrics.At(all, t);
        var (bestT, best) = Metrics.BestF1(all);
        report.Line($"{cases.Count} pairs; a pair is a match when the engine's score >= {Format.Number(t)} (the review threshold)");
        report.Line($"VendorScreen at {Format.Number(t)}: {at}");
        report.Line($"best F1 {Format.Number(best.F1)} at threshold {Format.Number(bestT)}: {best}");
        report.Figure("f1", at.F1);
        report.Figure("precision", at.Precision);
        report.Figure("recall", at.Recall);
        report.Figure("best_f1", best.F1);
        report.Figure("best_threshold", bestT);

        // Side by side with logic-v2 on the rows it scored.
        var common = cases.Where(c => c.LogicV2 is not null).ToList();
        var ours = Metrics.At(common.Select(c => new ScoredCase(c.Score, c.IsMatch)), t);
        var theirs = Metrics.At(common.Select(c => new ScoredCase(c.LogicV2!.Value, c.IsMatch)), LogicV2Threshold);
        var (_, theirsBest) = Metrics.BestF1(common.Select(c => new ScoredCase(c.LogicV2!.Value, c.IsMatch)).ToList());
        var mcnemar = Metrics.McNemar(common.Select(c => ((c.Score >= t) == c.IsMatch, (c.LogicV2!.Value >= LogicV2Threshold) == c.IsMatch)).ToList());
        report.Line($"on the {common.Count} rows logic-v2 scored: VendorScreen {ours}");
        report.Line($"                          logic-v2 at {Format.Number(LogicV2Threshold)}: {theirs}; its best F1 {Format.Number(theirsBest.F1)}");
        report.Line($"McNemar: only VendorScreen right {mcnemar.OnlyFirstRight}, only logic-v2 right {mcnemar.OnlySecondRight}, chi2 {Format.Number(mcnemar.ChiSquared)} (3.84 = p 0.05)");
        report.Figure("f1_common", ours.F1);
        report.Figure("logicv2_f1", theirs.F1);
        report.Figure("logicv2_precision", theirs.Precision);
        report.Figure("logicv2_recall", theirs.Recall);

        var table = new Table("slice", "n", "P", "R", "F1", "logic-v2 F1", "mean score (match / non-match)");
        void Slice(string label, IReadOnlyList<Case> slice)
        {
            var c = Metrics.At(slice.Select(x => new ScoredCase(x.Score, x.IsMatch)), t);
            var withV2 = slice.Where(x => x.LogicV2 is not null).ToList();
            var v2 = withV2.Count == 0 ? (double?)null : Metrics.At(withV2.Select(x => new ScoredCase(x.LogicV2!.Value, x.IsMatch)), LogicV2Threshold).F1;
            var meanMatch = slice.Where(x => x.IsMatch).Select(x => x.Score).DefaultIfEmpty().Average();
            var meanNon = slice.Where(x => !x.IsMatch).Select(x => x.Score).DefaultIfEmpty().Average();
            table.Row(label, slice.Count, c.Precision, c.Recall, c.F1, v2.HasValue ? Format.Number(v2.Value) : "-", $"{Format.Number(meanMatch)} / {Format.Number(meanNon)}");
        }

        foreach (var tier in new[] { "STRONG", "MEDIUM", "WEAK" })
        {
            var slice = cases.Where(c => string.Equals(c.Quality, tier, StringComparison.OrdinalIgnoreCase)).ToList();
            if (slice.Count > 0)
            {
                Slice("quality " + tier, slice);
                report.Figure(tier.ToLowerInvariant() + "_f1", Metrics.At(slice.Select(x => new ScoredCase(x.Score, x.IsMatch)), t).F1);
            }
        }

        foreach (var group in cases.GroupBy(c => c.Group).OrderByDescending(g => g.Count()))
        {
            Slice("group " + group.Key, group.ToList());
        }

        foreach (var schema in cases.GroupBy(c => c.Schema).OrderByDescending(g => g.Count()))
        {
            Slice("schema " + schema.Key, schema.ToList());
        }

        report.Table(table);
        var strongWrong = cases.Count(c => string.Equals(c.Quality, "STRONG", StringComparison.OrdinalIgnoreCase) && (c.Score >= t) != c.IsMatch);
        report.Line($"STRONG cases wrong (must get right): {strongWrong}");
        report.Figure("strong_wrong", strongWrong);

        report.AddWorst(cases, c => c.Score, c => c.IsMatch,
            c => new WorstCase(c.Name1, c.Name2, c.Score, c.IsMatch ? "miss" : "false alert",
                $"{c.Group}/{c.Schema}/{c.Quality}{(string.IsNullOrEmpty(c.Category) ? string.Empty : "/" + c.Category)}{(c.LogicV2 is { } s ? $" v2={Format.Number(s)}" : string.Empty)}"),
            t, context.WorstCount ?? 20);

        await EngineModeAsync(report, cases, t);
        return report;
    }

    /// <summary>
    /// The same pairs through the whole engine, as the command line screens a list: for each pair, <c>name2</c> is the one
    /// entity of a list and <c>name1</c> a party request, and the pair counts as a match when the engine reports that entity at
    /// the review threshold or above. This adds candidate retrieval and the engine's decision rules to the pair scores above.
    /// </summary>
    private static async Task EngineModeAsync(SuiteReport report, IReadOnlyList<Case> cases, double threshold)
    {
        var scored = new ScoredCase[cases.Count];
        var lost = new List<Case>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var entity = new Entity("namebench:1", c.Schema == "Person" ? EntityKind.Person : EntityKind.Organization, c.Name2)
            {
                Names = [new EntityName(c.Name2, NameKind.Primary)],
                Listings = [new Listing("us-ofac-sdn")],
            };
            var engine = await ListScreening.BuildEngineAsync([new ListSnapshot("namebench", "cases.csv") { Entities = [entity] }], useDefaultDataset: false, threshold);
            var result = await engine.ScreenAsync(ScreeningRequest.ForParty(c.Name1));
            var found = result.Decision is ScreeningDecision.Review or ScreeningDecision.Block;
            scored[i] = new ScoredCase(found ? 1 : 0, c.IsMatch);
            if (found != c.Score >= threshold)
            {
                lost.Add(c);
            }
        }

        var at = Metrics.At(scored, threshold);
        report.Line($"through the engine (each pair as a one-entity list, name1 screened as a party): {at}");
        report.Line($"pairs decided differently by the engine than by the pair score: {lost.Count}"
            + (lost.Count == 0 ? string.Empty : ": " + string.Join("; ", lost.Take(12).Select(c => $"{c.Name1} / {c.Name2} ({Format.Number(c.Score)})"))));
        report.Figure("engine_f1", at.F1);
        report.Figure("engine_precision", at.Precision);
        report.Figure("engine_recall", at.Recall);
    }

    private static string Key(Dictionary<string, string> row) => $"{row["schema"]}\u0001{row["name1"]}\u0001{row["name2"]}\u0001{row["is_match"].ToUpperInvariant()}";

    private sealed record Case(string Group, string Schema, string Name1, string Name2, bool IsMatch, string Quality, string Category, double Score, double? LogicV2);
}

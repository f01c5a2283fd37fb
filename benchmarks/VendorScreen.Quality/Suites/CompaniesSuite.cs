namespace VendorScreen.Quality.Suites;

/// <summary>The company-name pairs of easonanalytica/company_name_matcher.</summary>
internal sealed class CompaniesSuite : ISuite
{
    public string Name => "companies";

    public string Title => "company-name-matcher pairs (legal forms, tickers, renames, competitor negatives)";

    public Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var cases = new List<Case>();
        foreach (var r in QualityContext.ReadCsv(context.Eval("company-name-matcher/test_data.csv")))
        {
            cases.Add(new Case("test_data", r["Name_x"], r["Name_y"], r["Targets"].Trim() == "1", null));
        }

        foreach (var r in QualityContext.ReadCsv(context.Eval("company-name-matcher/positive_001.csv")))
        {
            cases.Add(new Case("positive_001", r["canonical_name"], r["variation"], true, r.GetValueOrDefault("source")));
        }

        foreach (var r in QualityContext.ReadCsv(context.Eval("company-name-matcher/negative_001.csv")))
        {
            cases.Add(new Case("negative_001", r["canonical_name_x"], r["canonical_name_y"], false, r.GetValueOrDefault("remark")));
        }

        var scored = cases.Select(c => c with { Score = PairScorer.Score(c.Left, c.Right) }).ToList();
        var t = context.Threshold;
        var all = Metrics.At(scored.Select(c => new ScoredCase(c.Score, c.IsMatch)), t);
        var (bestT, best) = Metrics.BestF1(scored.Select(c => new ScoredCase(c.Score, c.IsMatch)).ToList());
        report.Line($"{scored.Count} pairs ({scored.Count(c => c.IsMatch)} match); tickers and renames are out of scope for a sanctions matcher and counted anyway");
        report.Line($"all at {Format.Number(t)}: {all}; best F1 {Format.Number(best.F1)} at {Format.Number(bestT)}");
        report.Figure("f1", all.F1);
        report.Figure("precision", all.Precision);
        report.Figure("recall", all.Recall);
        report.Figure("best_f1", best.F1);

        var test = Metrics.At(scored.Where(c => c.File == "test_data").Select(c => new ScoredCase(c.Score, c.IsMatch)), t);
        report.Line($"test_data.csv only: {test}");
        report.Figure("test_data_f1", test.F1);
        var nonTicker = scored.Where(c => !IsTickerOrRename(c)).ToList();
        var scoped = Metrics.At(nonTicker.Select(c => new ScoredCase(c.Score, c.IsMatch)), t);
        report.Line($"without ticker rows ({scored.Count - nonTicker.Count} dropped: an all-caps single word of 2-5 letters on one side): {scoped}");
        report.Figure("f1_without_tickers", scoped.F1);

        report.WorstTitle = "worst cases (ticker rows left out)";
        report.AddWorst(nonTicker, c => c.Score, c => c.IsMatch,
            c => new WorstCase(c.Left, c.Right, c.Score, c.IsMatch ? "miss" : "false alert", c.File + (c.Note is null ? string.Empty : ": " + Format.Clip(c.Note, 40))), t, context.WorstCount ?? 10);
        return Task.FromResult(report);
    }

    private static bool IsTickerOrRename(Case c) => IsTicker(c.Left) || IsTicker(c.Right) || (c.Note?.Contains("ticker", StringComparison.OrdinalIgnoreCase) ?? false);

    private static bool IsTicker(string s) => s.Length is >= 2 and <= 5 && s.All(ch => char.IsAsciiLetterUpper(ch) || ch == '.');

    private sealed record Case(string File, string Left, string Right, bool IsMatch, string? Note)
    {
        public double Score { get; init; }
    }
}

using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Quality.Suites;

/// <summary>Alerts on SEC-listed US companies (assumed negatives) against every list.</summary>
internal sealed class SecSuite : ISuite
{
    public string Name => "sec";

    public string Title => "alerts per 1,000 SEC-listed companies against all lists (sanctions, BIS DPL, embedded dataset)";

    public async Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        if (await ListScreening.LoadEveryListAsync(context, report) is not { } snapshots)
        {
            return SuiteReport.Unavailable(Name, Title, "no list file could be loaded (only the embedded dataset): " + string.Join(" | ", report.Lines));
        }

        var companies = new List<string>();
        var seen = new HashSet<long>();
        foreach (var (cik, name, _) in ListScreening.SecCompanies(context))
        {
            if (seen.Add(cik))
            {
                companies.Add(name);
            }
        }

        var n = context.SampleSize(companies.Count, companies.Count, 1000);
        var names = companies.Take(n).ToList();
        using var engine = await ListScreening.BuildEngineAsync(snapshots, useDefaultDataset: true, context.Threshold);
        var alerts = await ListScreening.ScreenAsync(engine, names);
        var rate = Metrics.PerThousand(alerts.Count, n);
        report.Line($"{n} of {companies.Count} unique companies (by CIK) screened; {alerts.Count} alerts = {Format.Number(rate)} per 1,000");
        report.Line("assumed negatives: some registrants are Chinese SOEs or ADRs whose affiliates may be listed; adjudicate the alerts below");
        report.Figure("alerts_per_1000", rate);
        report.Figure("screened", n);
        report.Figure("block_per_1000", Metrics.PerThousand(alerts.Count(a => a.Decision == ScreeningDecision.Block), n));
        report.WorstTitle = "every alerting pair, highest score first";
        ListScreening.AddAlerts(report, alerts, "sec", alerts.Count);
        // How each alert was scored (the best pair of normalised forms), so that an alert on a generic word or place weighed as
        // distinctive can be read off.
        foreach (var a in alerts.OrderByDescending(a => a.Score).ThenBy(a => a.Query, StringComparer.Ordinal))
        {
            var best = NameNormalizer.Normalize(a.Query)
                .SelectMany(q => NameNormalizer.Normalize(a.MatchedName).Select(c => NameScorer.Compare(q, c)))
                .MaxBy(c => c.Score);
            var detail = best is null ? string.Empty
                : string.Join("; ", best.Features.Where(f => f.Feature == "token-alignment" || f.Weight < 0).Select(f => $"{f.Feature} {Format.Number(f.Score)} [{f.Detail}]"));
            report.Line($"  alert {a.Query} -> {a.MatchedName}: {Format.Number(a.Score)}; {detail}");
        }
        return report;
    }
}

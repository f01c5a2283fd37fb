namespace VendorScreen.Quality.Suites;

/// <summary>False alerts on people who are not on any sanctions list: synthetic persons and US Congress members.</summary>
internal sealed class NegativesSuite : ISuite
{
    private const string Folder = "yente-screening-fixtures/candidate_generation_benchmark/";

    /// <summary>A score this high means the two names are the same once normalised.</summary>
    private const double IdenticalScore = 0.9999;

    public string Name => "negatives";

    public string Title => "false alerts per 1,000 screened persons against the sanctions lists (synthetic persons, US Congress)";

    public async Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var snapshots = await ListScreening.LoadAsync(context, report, context.SanctionLists);
        if (snapshots.Count == 0)
        {
            return SuiteReport.Unavailable(Name, Title, "no sanctions list could be loaded: " + string.Join(" | ", report.Lines));
        }

        using var engine = await ListScreening.BuildEngineAsync(snapshots, useDefaultDataset: false, context.Threshold);
        var table = new Table("file", "screened", "of", "alerts", "per 1,000", "with dob", "per 1,000 with dob");
        var allAlerts = new List<(string File, ListScreening.Alert Alert)>();
        var qualifiedAlerts = new List<(string File, ListScreening.Alert Alert)>();
        var syntheticScreened = 0;
        var syntheticAlerts = 0;
        var syntheticQualified = 0;
        foreach (var (file, key, synthetic, defaultSample) in new[]
        {
            ("negatives_global.csv", "global", true, 5000),
            ("negatives_us.csv", "us", true, 5000),
            ("positives_us_congress_untreated.csv", "congress", false, 2000),
        })
        {
            var rows = QualityContext.ReadCsv(context.Eval(Folder + file));
            var n = context.SampleSize(rows.Count, defaultSample, 500);
            var names = rows.Take(n).Select(r => NameOf(r)).ToList();
            var alerts = await ListScreening.ScreenAsync(engine, names);
            var rate = Metrics.PerThousand(alerts.Count, n);

            // The same persons with their date of birth and nationality (as the request's country).
            var requests = rows.Take(n).Select((r, i) => ListScreening.WithQualifiers(ScreeningRequest.ForParty(names[i]), r)).ToList();
            var qualified = await ListScreening.ScreenAsync(engine, requests);
            var qualifiedRate = Metrics.PerThousand(qualified.Count, n);
            table.Row(file, n, rows.Count, alerts.Count, rate, qualified.Count, qualifiedRate);
            report.Figure(key + "_alerts_per_1000", rate);
            report.Figure(key + "_alerts_per_1000_with_dob", qualifiedRate);
            report.Figure(key + "_screened", n);
            allAlerts.AddRange(alerts.Select(a => (file, a)));
            qualifiedAlerts.AddRange(qualified.Select(a => (file, a)));
            if (synthetic)
            {
                syntheticScreened += n;
                syntheticAlerts += alerts.Count;
                syntheticQualified += qualified.Count;
            }
        }

        report.Line($"lists: {snapshots.Count}; first N rows of each file (--limit N to change); an alert is a Review or Block decision at review threshold {Format.Number(context.Threshold)}");
        report.Line("US Congress members are PEPs, not sanctioned: every alert on them is a false alert unless a loaded list names the member (check by hand)");
        report.Table(table);
        var pooled = Metrics.PerThousand(syntheticAlerts, syntheticScreened);
        report.Line($"synthetic persons pooled: {syntheticAlerts} alerts in {syntheticScreened} = {Format.Number(pooled)} per 1,000");
        report.Figure("alerts_per_1000", pooled);
        var identical = allAlerts.Count(a => a.File != "positives_us_congress_untreated.csv" && a.Alert.Score >= IdenticalScore);
        report.Line($"of these, {identical} are identical names (score 1.0 once normalised and romanised, e.g. a Han or Hangul name that spells a listed name): namesakes that only a date of birth can tell apart");
        report.Figure("identical_name_alerts", identical);
        var pooledQualified = Metrics.PerThousand(syntheticQualified, syntheticScreened);
        report.Line($"with date of birth and nationality: {syntheticQualified} alerts in {syntheticScreened} = {Format.Number(pooledQualified)} per 1,000");
        report.Figure("alerts_per_1000_with_dob", pooledQualified);
        foreach (var (file, alert) in qualifiedAlerts)
        {
            report.Line($"  alert with dob: {file} row {alert.Row + 1}: {alert.Query} -> {alert.MatchedName} [{alert.EntityId}] {Format.Number(alert.Score)} {alert.Decision.ToString().ToLowerInvariant()}{(alert.Qualifiers.Length == 0 ? string.Empty : " (" + alert.Qualifiers + ")")}");
        }

        report.WorstTitle = "top alerting pairs";
        foreach (var group in allAlerts.GroupBy(a => a.File))
        {
            ListScreening.AddAlerts(report, group.Select(g => g.Alert), group.Key, 10);
        }

        return report;
    }

    private static string NameOf(Dictionary<string, string> row)
    {
        var full = row.GetValueOrDefault("full_name");
        if (!string.IsNullOrWhiteSpace(full))
        {
            // Congress rows carry the birth year after a comma: "Jennifer L. McClellan, 1972".
            var comma = full.LastIndexOf(',');
            return comma > 0 && full[(comma + 1)..].Trim().All(char.IsAsciiDigit) ? full[..comma] : full;
        }

        return string.Join(' ', new[] { row.GetValueOrDefault("first_name"), row.GetValueOrDefault("middle_name"), row.GetValueOrDefault("last_name") }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}

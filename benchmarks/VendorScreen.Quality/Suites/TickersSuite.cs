namespace VendorScreen.Quality.Suites;

/// <summary>Alerts on the tickers of SEC-listed US companies, screened as party names (assumed negatives) against every list:
/// short names of two to five letters, as vendor masters and product listings write brands ("AMD", "MSI", "SAP").</summary>
internal sealed class TickersSuite : ISuite
{
    public string Name => "tickers";

    public string Title => "alerts per 1,000 SEC tickers screened as party names against all lists (sanctions, BIS DPL, embedded dataset)";

    public async Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        if (await ListScreening.LoadEveryListAsync(context, report) is not { } snapshots)
        {
            return SuiteReport.Unavailable(Name, Title, "no list file could be loaded (only the embedded dataset): " + string.Join(" | ", report.Lines));
        }

        // Each ticker once; the rows without one, or with one already read, are counted and reported.
        var rows = ListScreening.SecCompanies(context);
        var tickers = rows.Select(c => c.Ticker).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var withoutTicker = rows.Count(c => c.Ticker.Length == 0);
        report.Line($"{rows.Count} rows: {tickers.Count} unique tickers, {withoutTicker} rows without a ticker, "
            + $"{rows.Count - withoutTicker - tickers.Count} with a ticker of an earlier row");
        var n = context.SampleSize(tickers.Count, tickers.Count, 1000);
        var names = tickers.Take(n).ToList();
        using var engine = await ListScreening.BuildEngineAsync(snapshots, useDefaultDataset: true, context.Threshold);
        var alerts = await ListScreening.ScreenAsync(engine, names);

        // Which alerts rest on the ticker spelling the initials of the matched name's words (none of them the ticker itself), by
        // the kind of the party matched.
        var kinds = snapshots.Append(ListCatalog.DefaultDataset().Snapshot!)
            .SelectMany(s => s.Entities)
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var initials = alerts.Where(a => SpellsInitials(a.Query, a.MatchedName)).ToList();
        var ofPersons = initials.Count(a => kinds.GetValueOrDefault(a.EntityId) is EntityKind.Person or EntityKind.Vessel);
        var rate = Metrics.PerThousand(alerts.Count, n);
        report.Line($"{n} of {tickers.Count} unique tickers screened as party names; {alerts.Count} alerts = {Format.Number(rate)} per 1,000");
        report.Line($"of which the ticker spells the initials of the matched name's words: {ofPersons} of a person or a ship, "
            + $"{initials.Count - ofPersons} of another party");
        report.Line("assumed negatives: a ticker that is a listed name word for word (SNOW, AURA) alerts as that name; adjudicate the alerts below");
        report.Figure("alerts_per_1000", rate);
        report.Figure("block_per_1000", Metrics.PerThousand(alerts.Count(a => a.Decision == ScreeningDecision.Block), n));
        report.Figure("person_initials_per_1000", Metrics.PerThousand(ofPersons, n));
        report.Figure("acronym_per_1000", Metrics.PerThousand(initials.Count - ofPersons, n));
        report.Figure("screened", n);
        report.WorstTitle = "every alerting pair, highest score first";
        ListScreening.AddAlerts(report, alerts, "tickers", alerts.Count);
        return report;
    }

    // Whether the letters of a ticker are the first letters of consecutive words of a name, none of the name's words the ticker.
    private static bool SpellsInitials(string ticker, string name)
    {
        var words = name.Split([' ', ',', '-', '.', '\'', '(', ')', '&'], StringSplitOptions.RemoveEmptyEntries);
        if (ticker.Length < 2 || words.Any(w => w.Equals(ticker, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        for (var start = 0; start + ticker.Length <= words.Length; start++)
        {
            var all = true;
            for (var k = 0; k < ticker.Length && all; k++)
            {
                all = char.ToUpperInvariant(words[start + k][0]) == char.ToUpperInvariant(ticker[k]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Diagnostics;
using VendorScreen.Sources;

namespace VendorScreen.Quality.Suites;

/// <summary>Helpers shared by the suites that screen names against whole lists with the engine.</summary>
internal static class ListScreening
{
    /// <summary>Loads lists, reports which loaded (and why the others did not), and returns the usable snapshots.</summary>
    public static async Task<List<ListSnapshot>> LoadAsync(QualityContext context, SuiteReport report, IEnumerable<ListSpec> specs)
    {
        var loaded = await context.Lists.LoadAllAsync(specs);
        var snapshots = new List<ListSnapshot>();
        foreach (var list in loaded)
        {
            if (list.Ok)
            {
                report.Line($"list {list.Spec.Label}: {list.Snapshot!.Entities.Count} entities, {list.Snapshot.NameCount} names ({list.Spec.Describe(list.Location)})");
                snapshots.Add(list.Snapshot);
            }
            else
            {
                report.Line($"list {list.Spec.Label}: not loaded ({list.Spec.Describe(null)}): {Format.Clip(list.Error, 160)}");
            }
        }

        return snapshots;
    }

    /// <summary>Loads every list of the false-alert suites (the sanctions lists and the others) and reports them with the embedded
    /// dataset, which the engine adds; <see langword="null"/> when no list file could be loaded.</summary>
    public static async Task<List<ListSnapshot>?> LoadEveryListAsync(QualityContext context, SuiteReport report)
    {
        var snapshots = await LoadAsync(context, report, context.SanctionLists.Concat(context.OtherLists));
        report.Line($"list VendorScreen default dataset: {ListCatalog.DefaultDataset().Snapshot!.Entities.Count} entities (embedded)");
        return snapshots.Count == 0 ? null : snapshots;
    }

    /// <summary>Reads the rows of the SEC's list of companies and their tickers (cik, name, ticker, exchange), in the file's order.</summary>
    public static List<(long Cik, string Name, string Ticker)> SecCompanies(QualityContext context)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(context.Eval("sec-edgar-company-tickers/company_tickers_exchange.json")));
        return [.. doc.RootElement.GetProperty("data").EnumerateArray()
            .Select(row => (row[0].GetInt64(), row[1].GetString() ?? string.Empty, row[2].GetString() ?? string.Empty))];
    }

    /// <summary>Builds an engine over the given snapshots (and the embedded dataset when asked) at the given review threshold.</summary>
    public static async Task<ScreeningEngine> BuildEngineAsync(IReadOnlyList<ListSnapshot> snapshots, bool useDefaultDataset, double threshold,
        Action<ScreeningOptions>? configure = null)
    {
        var builder = new ScreeningEngineBuilder().Configure(o =>
        {
            o.UseDefaultDataset = useDefaultDataset;
            o.ReviewThreshold = threshold;
            o.MatchThreshold = Math.Max(o.MatchThreshold, threshold);
            configure?.Invoke(o);
        });
        foreach (var snapshot in snapshots)
        {
            builder.AddSource(new InMemorySanctionListSource(snapshot));
        }

        var engine = builder.Build();
        await engine.RefreshAsync();
        return engine;
    }

    /// <summary>Screens names as parties; an alert is a Review or Block decision.</summary>
    public static Task<List<Alert>> ScreenAsync(ScreeningEngine engine, IReadOnlyList<string> names) =>
        ScreenAsync(engine, names.Select(ScreeningRequest.ForParty).ToList());

    /// <summary>Screens party requests (with their dates of birth and countries); an alert is a Review or Block decision.</summary>
    public static async Task<List<Alert>> ScreenAsync(ScreeningEngine engine, IReadOnlyList<PartyScreeningRequest> requests)
    {
        var names = requests.Select(r => r.Name).ToList();
        var results = await engine.ScreenBatchAsync(requests);
        var alerts = new List<Alert>();
        for (var i = 0; i < names.Count; i++)
        {
            var result = results.Results[i];
            if (result.Decision is ScreeningDecision.Review or ScreeningDecision.Block && result.Hits.Count > 0)
            {
                var hit = result.Hits[0];
                alerts.Add(new Alert(i, names[i], hit.MatchedName, hit.EntityId, hit.Score, result.Decision, hit.Rule ?? result.DecidingRule ?? string.Empty)
                {
                    Qualifiers = string.Join("; ", hit.Features.Where(f => f.Feature is "date-of-birth" or "country").Select(f => f.Detail)),
                });
            }
            else
            {
                Debug.Assert(result.Decision != ScreeningDecision.Incomplete, "every source is in memory");
            }
        }

        return alerts;
    }

    public static void AddAlerts(SuiteReport report, IEnumerable<Alert> alerts, string file, int count)
    {
        foreach (var a in alerts.OrderByDescending(a => a.Score).ThenBy(a => a.Query, StringComparer.Ordinal).Take(count))
        {
            report.Worst.Add(new WorstCase(a.Query, $"{a.MatchedName} [{a.EntityId}]", a.Score, a.Decision.ToString().ToLowerInvariant(), $"{file}: {a.Rule}"));
        }
    }

    /// <summary>Reads a fixture row's date of birth and nationality as request qualifiers (unreadable values are left out).</summary>
    public static PartyScreeningRequest WithQualifiers(PartyScreeningRequest request, Dictionary<string, string> row) => request with
    {
        DateOfBirth = FactDate.TryParse(row.GetValueOrDefault("date_of_birth"), out var dob) ? dob : null,
        Country = VendorScreen.Normalization.Countries.ToIso2(row.GetValueOrDefault("nationality")),
    };

    internal sealed record Alert(int Row, string Query, string MatchedName, string EntityId, double Score, ScreeningDecision Decision, string Rule)
    {
        public string Qualifiers { get; init; } = string.Empty;
    }
}

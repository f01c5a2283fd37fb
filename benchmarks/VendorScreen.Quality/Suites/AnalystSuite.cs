namespace VendorScreen.Quality.Suites;

/// <summary>
/// Analyst-style queries against the OFAC SDN list of July 2021 (<c>data/analyst-queries.csv</c>, written by
/// <c>data/make_analyst_queries.py</c> from the list by fixed rules): full names, partial names (a rare surname alone, the
/// distinctive word of an organisation), nicknames without their article, names held only in OFAC remarks, one-letter typos,
/// and common words and surnames that must not alert. A query is found when an expected entry alerts (Review or Block);
/// a negative that alerts is a false alert. Partial names and nicknames should be decided Review, never Block.
/// The same queries are also screened with partial-name matching switched off, for comparison.
/// </summary>
internal sealed class AnalystSuite : ISuite
{
    private static readonly string[] Kinds = ["full", "partial", "nickname", "aka-remarks", "typo"];

    public string Name => "analyst";

    public string Title => "analyst queries against OFAC SDN 2021-07: found at the threshold per kind, false alerts on common words";

    public async Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var snapshots = await ListScreening.LoadAsync(context, report, [ListCatalog.Sanctions[0]]);
        if (snapshots.Count == 0)
        {
            return SuiteReport.Unavailable(Name, Title, "the OFAC SDN 2021-07 list could not be loaded: " + string.Join(" | ", report.Lines));
        }

        var file = Path.Combine(AppContext.BaseDirectory, "data", "analyst-queries.csv");
        var rows = QualityContext.ReadCsv(file)
            .Select(r => new Query(r["query"], r["expected"].Split(' ', StringSplitOptions.RemoveEmptyEntries), r["kind"], r["rule"]))
            .ToList();
        var unknownKind = rows.FirstOrDefault(r => r.Kind != "negative" && !Kinds.Contains(r.Kind, StringComparer.Ordinal));
        if (unknownKind is not null)
        {
            throw new InvalidDataException($"{file}: unknown kind \"{unknownKind.Kind}\" for query \"{unknownKind.Text}\"");
        }

        report.Line($"{rows.Count} queries from {Path.GetFileName(file)}; found = an expected entry alerts (Review or Block) at {Format.Number(context.Threshold)}");
        using var engine = await ListScreening.BuildEngineAsync(snapshots, useDefaultDataset: false, context.Threshold);
        using var without = await ListScreening.BuildEngineAsync(snapshots, useDefaultDataset: false, context.Threshold, o => o.MatchPartialNames = false);
        var results = (await engine.ScreenBatchAsync(rows.Select(r => ScreeningRequest.ForParty(r.Text)))).Results;
        var baseline = (await without.ScreenBatchAsync(rows.Select(r => ScreeningRequest.ForParty(r.Text)))).Results;

        var table = new Table("kind", "queries", "found", "share", "without partial", "decided block");
        var positives = 0;
        var found = 0;
        var foundWithout = 0;
        for (var k = 0; k < Kinds.Length; k++)
        {
            var kind = Kinds[k];
            var indexes = Enumerable.Range(0, rows.Count).Where(i => rows[i].Kind == kind).ToList();
            var hits = indexes.Count(i => Found(rows[i], results[i]) is not null);
            var hitsWithout = indexes.Count(i => Found(rows[i], baseline[i]) is not null);
            var blocked = indexes.Count(i => Found(rows[i], results[i]) is { Decision: ScreeningDecision.Block });
            positives += indexes.Count;
            found += hits;
            foundWithout += hitsWithout;
            var key = kind.Replace('-', '_');
            report.Figure($"{key}_found", indexes.Count == 0 ? 0 : hits / (double)indexes.Count);
            report.Figure($"{key}_found_without_partial", indexes.Count == 0 ? 0 : hitsWithout / (double)indexes.Count);
            table.Row(kind, indexes.Count, hits, indexes.Count == 0 ? 0 : hits / (double)indexes.Count, hitsWithout, blocked);
            foreach (var i in indexes.Where(i => Found(rows[i], results[i]) is null))
            {
                var top = results[i].Hits.Count > 0 ? results[i].Hits[0] : null;
                report.Worst.Add(new WorstCase(rows[i].Text, top is null ? "(no alert)" : $"{top.MatchedName} [{top.EntityId}]", top?.Score ?? 0,
                    $"missed {kind}", $"expected {string.Join(" ", rows[i].Expected)} ({rows[i].Rule})"));
            }
        }

        var negatives = Enumerable.Range(0, rows.Count).Where(i => rows[i].Kind == "negative").ToList();
        var falseAlerts = negatives.Where(i => results[i].Decision is ScreeningDecision.Review or ScreeningDecision.Block).ToList();
        var falseAlertsWithout = negatives.Count(i => baseline[i].Decision is ScreeningDecision.Review or ScreeningDecision.Block);
        table.Row("negative", negatives.Count, $"{falseAlerts.Count} alerts", negatives.Count == 0 ? 0 : falseAlerts.Count / (double)negatives.Count, $"{falseAlertsWithout} alerts", string.Empty);
        report.Table(table);

        // Partial names and nicknames are for review: a Block on a query that is only part of a name is a wrong decision.
        var partialKinds = Enumerable.Range(0, rows.Count).Where(i => rows[i].Kind is "partial" or "nickname").ToList();
        var partialHits = results.SelectMany(r => r.Hits).Where(h => h.Features.Any(f => f.Feature == "partial")).ToList();
        var partialBlocks = partialHits.Count(h => h.Decision == ScreeningDecision.Block);
        report.Line($"all kinds: {found} of {positives} found ({Format.Number(found / (double)Math.Max(1, positives))}); without partial-name matching {foundWithout}");
        report.Line($"hits with a partial feature: {partialHits.Count}, of which decided Block: {partialBlocks}; partial and nickname queries decided Block: "
            + partialKinds.Count(i => Found(rows[i], results[i]) is { Decision: ScreeningDecision.Block }));
        report.Figure("found", found / (double)Math.Max(1, positives));
        report.Figure("found_without_partial", foundWithout / (double)Math.Max(1, positives));
        report.Figure("false_alerts", falseAlerts.Count);
        report.Figure("false_alerts_without_partial", falseAlertsWithout);
        report.Figure("negatives", negatives.Count);
        report.Figure("partial_hits_blocked", partialBlocks);
        report.Figure("queries", rows.Count);
        foreach (var i in partialKinds.Where(i => Found(rows[i], results[i]) is { Decision: ScreeningDecision.Block }))
        {
            var hit = Found(rows[i], results[i])!;
            report.Worst.Add(new WorstCase(rows[i].Text, $"{hit.MatchedName} [{hit.EntityId}]", hit.Score, $"{rows[i].Kind} decided block ({hit.Rule})", rows[i].Rule));
        }

        foreach (var i in falseAlerts)
        {
            var top = results[i].Hits[0];
            report.Worst.Add(new WorstCase(rows[i].Text, $"{top.MatchedName} [{top.EntityId}]", top.Score, $"false alert ({top.Rule})", rows[i].Rule));
        }

        report.WorstTitle = "missed queries and false alerts";
        return report;
    }

    private static ScreeningHit? Found(Query query, ScreeningResult result) =>
        result.Hits.Where(h => h.Decision is ScreeningDecision.Review or ScreeningDecision.Block)
            .FirstOrDefault(h => query.Expected.Any(e => h.EntityId.EndsWith(":" + e, StringComparison.Ordinal) || h.ListedEntityId.EndsWith(":" + e, StringComparison.Ordinal)));

    private sealed record Query(string Text, string[] Expected, string Kind, string Rule);
}

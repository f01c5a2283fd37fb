using System.Globalization;
using VendorScreen.Normalization;
using VendorScreen.Screening;

namespace VendorScreen.Quality.Suites;

/// <summary>Recall@k of UN Security Council persons (untreated and typo-treated names) against the UN list.</summary>
internal sealed class UnSuite : ISuite
{
    private const string Folder = "yente-screening-fixtures/candidate_generation_benchmark/";

    public string Name => "un";

    public string Title => "UN SC persons (yente fixtures), treated and untreated, recall@1 and recall@10 against the UN list";

    public async Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var loaded = await context.Lists.LoadAsync(context.UnList);
        if (!loaded.Ok)
        {
            return SuiteReport.Unavailable(Name, Title, $"the UN list could not be opened as {context.UnList.Describe(null)}: {loaded.Error}");
        }

        var entities = loaded.Snapshot!.Entities;
        report.Line($"list {loaded.Spec.Label}: {entities.Count} entities, {loaded.Snapshot.NameCount} names");
        var screener = new ListScreener(entities);

        // The expected record: the entity one of whose names equals the untreated name (in compare form, or with the tokens in any order).
        var byKey = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entities.Count; e++)
        {
            foreach (var name in entities[e].Names)
            {
                foreach (var key in Keys(name.Value))
                {
                    if (!byKey.TryGetValue(key, out var set))
                    {
                        byKey[key] = set = [];
                    }

                    set.Add(e);
                }
            }
        }

        var untreated = QualityContext.ReadCsv(context.Eval(Folder + "positives_un_untreated.csv"));
        var treated = QualityContext.ReadCsv(context.Eval(Folder + "positives_un_treated.csv"));
        var n = context.SampleSize(Math.Min(untreated.Count, treated.Count), untreated.Count, 200);
        var targets = new HashSet<int>?[n];
        for (var i = 0; i < n; i++)
        {
            targets[i] = Keys(untreated[i]["full_name"]).Select(k => byKey.GetValueOrDefault(k)).FirstOrDefault(s => s is not null);
        }

        var resolved = Enumerable.Range(0, n).Where(i => targets[i] is not null).ToList();
        report.Line($"{n} of {untreated.Count} persons; {resolved.Count} resolved to a UN record by exact name (the others are not scored: {n - resolved.Count})");
        var table = new Table("queries", "n", "recall@1", "recall@10", "found at or above threshold");
        var matchThreshold = new ScreeningOptions().MatchThreshold;
        var lost = new List<string>();
        foreach (var (label, rows) in new[] { ("untreated", untreated), ("treated", treated) })
        {
            var ranks = new int?[resolved.Count];
            var alerted = new bool[resolved.Count];
            var top = new ListHit?[resolved.Count];
            var qualifiedRanks = new int?[resolved.Count];
            var qualifiedAlerted = new bool[resolved.Count];
            var qualifiedScore = new double[resolved.Count];
            var outcomes = new string[resolved.Count];
            Parallel.For(0, resolved.Count, j =>
            {
                var i = resolved[j];
                var hits = screener.Screen(rows[i]["full_name"]);
                var at = Rank(hits, targets[i]!);
                ranks[j] = at < 0 ? null : at + 1;
                alerted[j] = at >= 0 && hits[at].Score >= context.Threshold;
                top[j] = hits.Count > 0 ? hits[0] : null;

                // The same query with the fixture's date of birth and nationality, as the engine applies them to a party.
                var request = ListScreening.WithQualifiers(ScreeningRequest.ForParty(rows[i]["full_name"]), rows[i]);
                var qualifiers = PartyQualifiers.Create(request.DateOfBirth, request.Country);
                var qualified = qualifiers is null ? hits : hits
                    .Select(h => h with { Score = qualifiers.Evaluate(h.Entity, null).Apply(h.Score, matchThreshold) })
                    .OrderByDescending(h => h.Score).ThenBy(h => h.EntityIndex).ToList();
                var expected = qualifiers?.Evaluate(entities[targets[i]!.First()], null);
                outcomes[j] = expected is null ? "dob None, country None" : $"dob {expected.DateOfBirth}, country {expected.Country}";
                var qat = Rank(qualified, targets[i]!);
                qualifiedRanks[j] = qat < 0 ? null : qat + 1;
                qualifiedAlerted[j] = qat >= 0 && qualified[qat].Score >= context.Threshold;
                qualifiedScore[j] = qat >= 0 ? qualified[qat].Score : 0;
            });

            var r1 = Metrics.RecallAt(ranks, 1);
            var r10 = Metrics.RecallAt(ranks, 10);
            var found = resolved.Count == 0 ? 0 : alerted.Count(a => a) / (double)resolved.Count;
            table.Row(label, resolved.Count, r1, r10, found);
            report.Figure(label + "_recall1", r1);
            report.Figure(label + "_recall10", r10);
            report.Figure(label + "_recall_threshold", found);
            var qr1 = Metrics.RecallAt(qualifiedRanks, 1);
            var qr10 = Metrics.RecallAt(qualifiedRanks, 10);
            var qfound = resolved.Count == 0 ? 0 : qualifiedAlerted.Count(a => a) / (double)resolved.Count;
            table.Row(label + " with dob", resolved.Count, qr1, qr10, qfound);
            report.Figure(label + "_recall1_with_dob", qr1);
            report.Figure(label + "_recall10_with_dob", qr10);
            report.Figure(label + "_recall_threshold_with_dob", qfound);
            report.Line($"{label}: qualifier outcomes against the expected record: " + string.Join("; ", outcomes.GroupBy(o => o).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}: {g.Count()}")));
            for (var j = 0; j < resolved.Count; j++)
            {
                if (alerted[j] && !qualifiedAlerted[j] || ranks[j] is <= 10 && qualifiedRanks[j] is null or > 10)
                {
                    var i = resolved[j];
                    var entity = entities[targets[i]!.First()];
                    var dobs = string.Join(", ", entity.Identifiers.Where(x => x.Scheme == IdentifierSchemes.DateOfBirth).Select(x => x.Notes is null ? x.Value : $"{x.Value} ({x.Notes})"));
                    lost.Add(string.Create(CultureInfo.InvariantCulture,
                        $"  {label}: \"{rows[i]["full_name"]}\" dob {rows[i].GetValueOrDefault("date_of_birth")} nationality {rows[i].GetValueOrDefault("nationality")} -> {entity.Id} dob [{dobs}] countries [{string.Join(", ", entity.Countries)}]: score {qualifiedScore[j]:0.000}, rank {qualifiedRanks[j]?.ToString(CultureInfo.InvariantCulture) ?? "-"} (name only: rank {ranks[j]})"));
                }
            }
            for (var j = 0; j < resolved.Count && report.Worst.Count < 20; j++)
            {
                if (ranks[j] != 1)
                {
                    var i = resolved[j];
                    var expected = entities[targets[i]!.First()].PrimaryName;
                    report.Worst.Add(new WorstCase(rows[i]["full_name"], expected, top[j]?.Score ?? 0, $"{label} rank {(ranks[j]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")}",
                        top[j] is null ? "no candidate" : $"top: {Format.Clip(top[j]!.MatchedName, 40)}"));
                }
            }
        }

        report.Line($"ranked by the engine's score (candidate index + token statistics); found = the record is among the hits with score >= {Format.Number(context.Threshold)}");
        report.Table(table);
        report.Line($"with dob: the fixture's date_of_birth and nationality qualify each hit as the engine does for a party (PartyQualifiers); positives the qualifiers take below the threshold or out of the top 10: {lost.Count}");
        foreach (var line in lost)
        {
            report.Line(line);
        }

        report.WorstTitle = "queries whose record is not ranked first";
        return report;
    }

    private static IEnumerable<string> Keys(string name)
    {
        foreach (var variant in NameNormalizer.Normalize(name))
        {
            yield return variant.Key;
            yield return string.Join(' ', variant.Tokens.Select(t => t.Text).Order(StringComparer.Ordinal));
        }
    }

    private static int Rank(IReadOnlyList<ListHit> hits, HashSet<int> targets)
    {
        for (var k = 0; k < hits.Count; k++)
        {
            if (targets.Contains(hits[k].EntityIndex))
            {
                return k;
            }
        }

        return -1;
    }
}

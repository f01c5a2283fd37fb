using System.Globalization;
using System.Text;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Quality.Suites;

/// <summary>
/// Recall of OFAC SDN names with one (and two) random letter edits: a fixed-seed sample of primary names, each with one letter
/// substituted, deleted or inserted anywhere (first letters and legal forms included), screened through the engine with its
/// default options against the SDN list alone.
/// </summary>
internal sealed class TypoSuite : ISuite
{
    /// <summary>The seed of the sample and of the edits, fixed so that runs compare.</summary>
    public const int Seed = 20210701;

    private const int DefaultSize = 1000;

    public string Name => "typo";

    public string Title => "OFAC SDN 2021-07 primary names with one or two random letter edits, screened with default options against the SDN list";

    public async Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var spec = ListCatalog.Sanctions[0];
        var loaded = await context.Lists.LoadAsync(spec);
        if (!loaded.Ok)
        {
            return SuiteReport.Unavailable(Name, Title, $"the OFAC SDN list could not be opened as {spec.Describe(null)}: {loaded.Error}");
        }

        var entities = loaded.Snapshot!.Entities;
        report.Line($"list {spec.Label}: {entities.Count} entities, {loaded.Snapshot.NameCount} names ({spec.Describe(loaded.Location)})");

        // The expected records of a query: every entity whose primary name is the sampled name in compare form (a few SDN
        // names, mostly vessels, are shared by several records).
        var byKey = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var key = CompareKey(entity.PrimaryName);
            if (!byKey.TryGetValue(key, out var set))
            {
                byKey[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(entity.Id);
        }

        var random = new Random(Seed);
        var eligible = entities.Where(e => e.PrimaryName.Count(char.IsLetter) >= 2).ToList();
        var n = context.SampleSize(eligible.Count, DefaultSize, DefaultSize);
        var sample = Sample(eligible, n, random);
        var oneEdit = sample.Select(e => Edit(e.PrimaryName, random)).ToList();
        var twoEdits = oneEdit.Select(name => Edit(name, random)).ToList();

        var options = new ScreeningOptions();
        report.Line($"{n} of {eligible.Count} primary names sampled with seed {Seed}; default options (review threshold {Format.Number(options.ReviewThreshold)}, "
            + $"{options.MaxCandidates} candidates), threshold {Format.Number(context.Threshold)}");
        using var engine = await ListScreening.BuildEngineAsync([loaded.Snapshot], useDefaultDataset: false, context.Threshold);
        var screener = new ListScreener(entities, options.MaxCandidates);

        var table = new Table("set", "n", "recall at threshold", "10+ letters", "20+ letters", "recall@1", "candidate recall", "untouched recall at threshold");
        var untouched = await RecallAtThresholdAsync(engine, sample.Select(e => e.PrimaryName).ToList(), sample, byKey);
        Outcome[]? oneEditOutcome = null;
        foreach (var (label, queries) in new[] { ("typo", oneEdit), ("typo2", twoEdits) })
        {
            var outcome = await MeasureAsync(engine, screener, sample, queries, byKey);
            oneEditOutcome ??= outcome;
            var letters = sample.Select(e => e.PrimaryName.Count(char.IsLetter)).ToArray();
            double Share(Func<int, bool> select)
            {
                var rows = Enumerable.Range(0, n).Where(select).ToList();
                return rows.Count == 0 ? 0 : rows.Count(i => outcome[i].Found) / (double)rows.Count;
            }

            var all = Share(_ => true);
            var ten = Share(i => letters[i] >= 10);
            var twenty = Share(i => letters[i] >= 20);
            var recall1 = outcome.Count(o => o.Rank == 1) / (double)n;
            var candidates = outcome.Count(o => o.Candidate) / (double)n;
            table.Row(label == "typo" ? "one edit" : "two edits", n, all, ten, twenty, recall1, candidates, label == "typo" ? Format.Number(untouched) : "-");
            void Figure(string key, double value) => report.Figure(key, value, label);
            Figure("recall_threshold", all);
            Figure("recall_threshold_10plus", ten);
            Figure("recall_threshold_20plus", twenty);
            Figure("recall1", recall1);
            Figure("candidate_recall", candidates);
            Figure("n_10plus", letters.Count(l => l >= 10));
            Figure("n_20plus", letters.Count(l => l >= 20));

            foreach (var i in Enumerable.Range(0, n).Where(i => !outcome[i].Found).OrderBy(i => outcome[i].Score).Take(label == "typo" ? 30 : 10))
            {
                var o = outcome[i];
                report.Worst.Add(new WorstCase(queries[i], sample[i].PrimaryName, o.Score,
                    $"{(label == "typo" ? "1 edit" : "2 edits")} rank {o.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
                    (o.Candidate ? "candidate" : "not a candidate") + (o.Top is null ? string.Empty : $"; top: {Format.Clip(o.Top, 40)}")));
            }
        }

        report.Figure("untouched_recall_threshold", untouched);
        Explain(report, screener, sample, oneEdit, oneEditOutcome!);
        report.Line("found = the record is among the engine's hits (Review or Block); recall@1 = ranked first by score among the candidates (no threshold); "
            + "candidate recall = the record is among the candidate index's candidates before scoring");
        report.Line("the two-edit figures appear in the JSON as typo2.*");
        report.Table(table);
        report.WorstTitle = "misses at the threshold (lowest score of the expected record first)";
        return report;
    }

    /// <summary>Applies one random letter edit: a letter substituted (by another letter), deleted, or inserted anywhere.</summary>
    /// <param name="name">The name.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The name with one edit.</returns>
    internal static string Edit(string name, Random random)
    {
        var letters = Enumerable.Range(0, name.Length).Where(i => char.IsLetter(name[i])).ToArray();
        var kind = random.Next(3);
        var sb = new StringBuilder(name);
        switch (kind)
        {
            case 0:
            {
                var at = letters[random.Next(letters.Length)];
                var replacement = RandomLetter(random, name[at]);
                while (char.ToUpperInvariant(replacement) == char.ToUpperInvariant(name[at]))
                {
                    replacement = RandomLetter(random, name[at]);
                }

                sb[at] = replacement;
                break;
            }

            case 1:
                sb.Remove(letters[random.Next(letters.Length)], 1);
                break;
            default:
            {
                // Before a letter or just after the last letter of a word, so that a word can grow at either end.
                var slots = letters.Select(i => i).Concat(letters.Where(i => i + 1 >= name.Length || !char.IsLetter(name[i + 1])).Select(i => i + 1)).ToArray();
                var at = slots[random.Next(slots.Length)];
                var like = name[at < name.Length && char.IsLetter(name[at]) ? at : at - 1];
                sb.Insert(at, RandomLetter(random, like));
                break;
            }
        }

        return sb.ToString();
    }

    private static char RandomLetter(Random random, char like)
    {
        var ch = (char)('a' + random.Next(26));
        return char.IsUpper(like) ? char.ToUpperInvariant(ch) : ch;
    }

    private static List<Entity> Sample(List<Entity> entities, int n, Random random)
    {
        var order = Enumerable.Range(0, entities.Count).ToArray();
        random.Shuffle(order);
        return order.Take(n).Order().Select(i => entities[i]).ToList();
    }

    private static string CompareKey(string name) => NameNormalizer.Normalize(name) is [var first, ..] ? first.Key : name;

    private static async Task<double> RecallAtThresholdAsync(ScreeningEngine engine, List<string> queries, List<Entity> sample,
        Dictionary<string, HashSet<string>> byKey)
    {
        var results = await engine.ScreenBatchAsync(queries.Select(ScreeningRequest.ForParty).ToList());
        var found = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var expected = byKey[CompareKey(sample[i].PrimaryName)];
            found += results.Results[i].Hits.Any(h => expected.Contains(h.EntityId)) ? 1 : 0;
        }

        return queries.Count == 0 ? 0 : found / (double)queries.Count;
    }

    private static async Task<Outcome[]> MeasureAsync(ScreeningEngine engine, ListScreener screener, List<Entity> sample, List<string> queries,
        Dictionary<string, HashSet<string>> byKey)
    {
        var results = await engine.ScreenBatchAsync(queries.Select(ScreeningRequest.ForParty).ToList());
        var outcome = new Outcome[queries.Count];
        var maxCandidates = new ScreeningOptions().MaxCandidates;
        var index = screener.Index;
        Parallel.For(0, queries.Count, i =>
        {
            var expected = byKey[CompareKey(sample[i].PrimaryName)];
            var hits = results.Results[i].Hits;
            var found = hits.Any(h => expected.Contains(h.EntityId));
            var candidate = NameNormalizer.Normalize(queries[i])
                .Any(v => index.FindCandidates(v, maxCandidates).Any(id => expected.Contains(index.Entities[index.Names[id].EntityIndex].Id)));
            var ranked = screener.Screen(queries[i]);
            var at = ranked.ToList().FindIndex(h => expected.Contains(h.Entity.Id));
            outcome[i] = new Outcome(found, at < 0 ? null : at + 1, at < 0 ? 0 : ranked[at].Score, candidate, ranked.Count > 0 ? ranked[0].MatchedName : null);
        });

        return outcome;
    }

    /// <summary>
    /// Lists every one-edit miss with the expected record's best name score, its rank, whether it was a candidate, and the
    /// features that cost it the most (the factors below 1 and the token alignment), then counts the misses by kind.
    /// </summary>
    private static void Explain(SuiteReport report, ListScreener screener, List<Entity> sample, List<string> queries, Outcome[] outcome)
    {
        var misses = Enumerable.Range(0, queries.Count).Where(i => !outcome[i].Found).OrderBy(i => outcome[i].Score).ToList();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        report.Line($"one-edit misses at the threshold: {misses.Count}; per miss: best score of the expected record over its names, rank, and what cost the most");
        foreach (var i in misses)
        {
            var entity = sample[i];
            NameComparison? best = null;
            string? bestName = null;
            foreach (var variant in NameNormalizer.Normalize(queries[i]))
            {
                foreach (var name in entity.Names)
                {
                    foreach (var target in NameNormalizer.Normalize(name.Value))
                    {
                        var comparison = NameScorer.Compare(variant, target, screener.Index);
                        if (best is null || comparison.Score > best.Score)
                        {
                            (best, bestName) = (comparison, name.Value);
                        }
                    }
                }
            }

            var o = outcome[i];
            var letters = entity.PrimaryName.Count(char.IsLetter);
            var kind = !o.Candidate ? "not a candidate"
                : o.Rank is > 1 && best is not null && best.Score >= 0.8 ? "scored at the threshold but ranked below other records"
                : letters < 10 ? "short name (under 10 letters) scored below the threshold"
                : "name of 10+ letters scored below the threshold";
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var costs = best is null ? string.Empty
                : string.Join("; ", best.Features.Where(f => f.Weight < 0 || f.Feature == "token-alignment").Select(f => $"{f.Feature} {Format.Number(f.Score)} [{f.Detail}]"));
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"  {queries[i]} -> {bestName ?? entity.PrimaryName} ({entity.Kind}, {letters} letters): best {best?.Score ?? 0:0.000}, rank {o.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {(o.Candidate ? "candidate" : "not a candidate")}; {costs}"));
        }

        report.Line("one-edit misses by kind: " + string.Join("; ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
    }

    private readonly record struct Outcome(bool Found, int? Rank, double Score, bool Candidate, string? Top);
}

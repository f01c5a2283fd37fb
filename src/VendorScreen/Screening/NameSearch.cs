using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Screening;

/// <summary>The top-k name search over one engine state: candidates from the index, scored by the selected algorithm, the
/// best name per entity, best first. No qualifiers, no graph, no policy. With a minimum score above 0, a candidate of a name
/// in Latin letters whose score provably stays below it (<see cref="NameScorer.MayReach"/>, as screening bounds against the
/// review threshold) is not compared in full: it would not be a hit. A name transliterated from another script is compared
/// with every candidate: at the usual minimum scores (0.5) the bound rules out few of its candidates and costs more than it
/// saves.</summary>
internal static class NameSearch
{
    /// <summary>The most hits a search returns.</summary>
    public const int MaxTop = 1000;

    public static NameSearchResult Search(EngineState state, string name, int top, double minScore, ScreeningOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var algorithm = NameMatchAlgorithms.Get(options.Algorithm);
        var index = state.Index;
        var best = new Dictionary<int, (double Score, int NameId, NameScore Scored, NormalizedName Query)>();

        // Ask for more candidates than hits: the index ranks by shared tokens, the algorithm by the whole name.
        var candidates = Math.Max(options.MaxCandidates, top * 4);
        var variants = index.WithListedWordsApart(NameNormalizer.Normalize(name));
        var bound = minScore > 0 && !Screener.CompareEveryCandidate.Value ? Screener.BoundRules(algorithm) : null;
        try
        {
            foreach (var variant in Screener.Windows(variants))
            {
                // A window of a long text has no written form of its own: its tokens stand for it (as when screening).
                var queryText = variants.Any(v => ReferenceEquals(v, variant)) ? name : variant.Key;
                var boundRules = variant.IsTransliteration ? null : bound;
                foreach (var id in index.FindCandidates(variant, candidates))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var candidate = index.Names[id];

                    // A form with words read apart serves only names that write them apart, as in screening.
                    if (variant.HasWordsReadApart && !Screener.MayMeetWordsReadApart(variant, candidate.Normalized))
                    {
                        continue;
                    }

                    if (boundRules is not null && !NameScorer.MayReach(variant, candidate.Normalized, index, boundRules, minScore, index.FactsOf(id)))
                    {
                        continue;
                    }

                    // A query read only as the initials of a person's or a ship's names does not name them, as in screening.
                    var scored = algorithm.Score(new NameMatchInput(queryText, variant), new NameMatchInput(candidate.Name.Value, candidate.Normalized), index);
                    // Of two readings that score alike, the one not only read alike (Screener.IsReadAlike) is kept: it is what screening finds.
                    if (!Screener.IsInitialsOfAPersonOrShip(scored, index.Entities[candidate.EntityIndex]) && scored.Score >= minScore
                        && (!best.TryGetValue(candidate.EntityIndex, out var prior) || scored.Score > prior.Score
                            || (scored.Score == prior.Score && Screener.IsReadAlike(prior.Query, index.Entities[candidate.EntityIndex])
                                && !Screener.IsReadAlike(variant, index.Entities[candidate.EntityIndex]))))
                    {
                        best[candidate.EntityIndex] = (scored.Score, id, scored, variant);
                    }
                }
            }
        }
        finally
        {
            // What the bound keeps on this thread refers to this index: let it go, as screening does.
            if (bound is not null)
            {
                NameScorer.ReleaseBoundMemos();
            }
        }

        var hits = best
            .Select(p => (Entity: index.Entities[p.Key], p.Value.Score, Name: index.Names[p.Value.NameId].Name, p.Value.Scored, p.Value.NameId, p.Value.Query))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Entity.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(h => new NameSearchHit
            {
                EntityId = h.Entity.Id,
                EntityName = h.Entity.PrimaryName,
                Kind = h.Entity.Kind,
                MatchedName = h.Name.Value,
                MatchedNameKind = h.Name.Kind,
                Score = Math.Round(h.Score, 4),
                Features = ReadAlikeNoted(ScopeNoted(h.Scored.ToComparison(h.Query, index.Names[h.NameId].Normalized, index).Features, h.Name), h.Query, h.Entity),
                Listings = h.Entity.Listings,
            })
            .ToList();
        var sources = SourceAges.Apply(state.Sources, options, now);
        return new NameSearchResult
        {
            Query = name,
            Hits = hits,
            Algorithm = algorithm.Name,
            DatasetVersion = state.Dataset.Version,
            Sources = sources,
            IsComplete = sources.All(s => s.IsUsable),
        };
    }

    // A search has no policy: a name in Chinese characters read alike only through its romanisation keeps its score, and its
    // features say that screening reviews such a match rather than blocking it.
    private static IReadOnlyList<FeatureScore> ReadAlikeNoted(IReadOnlyList<FeatureScore> features, NormalizedName query, Entity entity) =>
        !Screener.IsReadAlike(query, entity) ? features
        : [.. features, new FeatureScore("read-alike", 1, 0, "the Chinese characters are read alike only through their romanisation (pinyin, without tones): screening reviews such a match, it does not block it")];

    // A search has no product: a name used only for products of some categories is found, and its features say where screening
    // matches it.
    private static IReadOnlyList<FeatureScore> ScopeNoted(IReadOnlyList<FeatureScore> features, EntityName name) =>
        name.Scope.Count == 0 ? features
        : [.. features, new FeatureScore("name-scope", 1, 0, $"the name is matched only in {string.Join(", ", name.Scope)} products when screening")];
}

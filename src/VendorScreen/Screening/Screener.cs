using System.Diagnostics;
using System.Globalization;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Policies;

namespace VendorScreen.Screening;

/// <summary>The screening pipeline over one engine state: normalise, find candidates, score, expand through the graph, apply the policy.</summary>
internal static partial class Screener
{
    private const double QualifiedNameScore = 0.95;

    /// <summary>While set in an asynchronous flow, screening and search compare every candidate in full, without the bound of
    /// <see cref="NameScorer.MayReach"/>: for tests that compare the results with and without it.</summary>
    internal static readonly AsyncLocal<bool> CompareEveryCandidate = new();
    private const double ExactScore = 0.99;

    // A long text is scored in windows of this many tokens, each starting WindowStride tokens after the one before: every run of
    // up to WindowTokens - WindowStride + 1 tokens (any listed name) lies whole inside one window, and each window is looked up
    // and scored like a title of ordinary length, so that no name is crowded out of the candidates by the rest of the text.
    internal const int WindowTokens = 64;
    internal const int WindowStride = 32;

    private static readonly string[] AccessoryWords = ["compatible", "compatibility", "replacement", "fits", "for", "adapter", "mount", "bracket", "case", "cover", "cable"];

    public static ScreeningResult Screen(EngineState state, ScreeningRequest request, ScreeningOptions options, ScreeningPolicy policy, DateOnly asOf, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var algorithm = NameMatchAlgorithms.Get(options.Algorithm);

        // The thread's list of matches, taken while in use and given back empty: a match never outlives the screening.
        var matches = _matches ?? new List<Match>();
        _matches = null;
        var context = ProductContext.For(request);
        string[] notes = [];
        switch (request)
        {
            case PartyScreeningRequest party:
                var qualifiers = PartyQualifiers.Create(party.DateOfBirth, party.Country);
                if (qualifiers?.UnrecognisedCountry is { } unreadCountry)
                {
                    // A country not read weighs no match: each hit says so, and a result without hits says it here.
                    notes = [PartyQualifiers.UnreadCountryNote(unreadCountry)];
                }

                MatchName(state, "name", party.Name, options, matches, mention: false, cancellationToken, qualifiers, partialNames: options.MatchPartialNames);
                for (var a = 0; a < party.Aliases.Count; a++)
                {
                    if (!string.IsNullOrWhiteSpace(party.Aliases[a]))
                    {
                        MatchName(state, "alias", party.Aliases[a], options, matches, mention: false, cancellationToken, qualifiers, partialNames: options.MatchPartialNames);
                    }
                }

                // The caller's own corporate tree: each parent is screened by name, and its hits start with the ties up to it.
                var ties = party.Parents.Count == 0 ? null : new List<Relation>();
                for (var p = 0; p < party.Parents.Count; p++)
                {
                    var parent = party.Parents[p];
                    var before = matches.Count;
                    MatchName(state, "parent", parent.Name, options, matches, mention: false, cancellationToken);
                    var from = p == 0 ? RequestPartyId : RequestParentId(p - 1);
                    for (var i = before; i < matches.Count; i++)
                    {
                        var tie = Tie(from, matches[i].Entity.Id, parent);
                        matches[i].Ties = [.. ties!, tie];
                    }

                    ties!.Add(Tie(from, RequestParentId(p), parent));
                }

                for (var n = 0; n < party.Identifiers.Count; n++)
                {
                    var identifier = party.Identifiers[n];
                    foreach (var e in state.Index.FindByIdentifier(identifier.Scheme, identifier.Value))
                    {
                        var folded = NameNormalizer.FoldIdentifier(identifier.Value);
                        var id = state.Index.Entities[e].Identifiers.First(x => string.Equals(x.Scheme, identifier.Scheme, StringComparison.Ordinal)
                            && string.Equals(NameNormalizer.FoldIdentifier(x.Value), folded, StringComparison.Ordinal));
                        matches.Add(new Match("identifier", identifier.Value, state.Index.Entities[e], $"{id.Scheme}:{id.Value}", null, id.Confidence, 1,
                            [new FeatureScore("identifier-exact", 1, 1, $"{id.Scheme} {id.Value}")], exactIdentifier: true, productIdentifier: IdentifierSchemes.IsProductEvidence(id.Scheme), scheme: id.Scheme)
                            { Identifier = id, EvidenceKind = MatchEvidence.Identifier });
                    }
                }

                break;
            case ProductScreeningRequest product:
                // A name used only for products of some categories (萤石, EZVIZ's brand and the word for fluorite) is matched only
                // in a product of those categories.
                MatchNames(state, "brand", product.Brand, options, matches, context.CategoryBits, cancellationToken);
                MatchNames(state, "manufacturer", product.Manufacturer, options, matches, context.CategoryBits, cancellationToken);
                MatchName(state, "seller", product.Seller, options, matches, mention: false, cancellationToken, categories: context.CategoryBits);
                MatchName(state, "title", product.Title, options, matches, mention: true, cancellationToken, categories: context.CategoryBits);
                MatchFccId(state, "fcc_id", product.FccId, product.FccId, matches, context, asOf);
                if (ProductContext.UnreadFccId(product.FccId) is { } unread)
                {
                    notes = [unread];
                }

                var fccIdField = product.FccId is null ? null : NameNormalizer.FoldIdentifier(ProductContext.WithoutLabel(product.FccId));
                foreach (var fccId in ProductContext.FccIdsInText(product.Title))
                {
                    // An FCC ID printed in the title ("4MP camera, FCC ID: 2ADTD-DS2CD2043G2"): its grantee is the maker. The FCC ID
                    // field is matched on its own.
                    if (!string.Equals(NameNormalizer.FoldIdentifier(fccId), fccIdField, StringComparison.Ordinal))
                    {
                        MatchFccId(state, "title", product.Title, fccId, matches, context, asOf);
                    }
                }

                // A model field's label ("Model: DS-2CD2043G2-I") is no part of the model.
                var model = product.Model is null ? null : ProductContext.WithoutLabel(product.Model);
                MatchModel(state, "model", product.Model, model, word: false, matches, context, asOf);
                foreach (var token in ProductContext.ModelTokens(product.Title))
                {
                    // A model number written in the title ("DH-XVR5108HS 8 channel DVR"); the model field is matched on its own.
                    if (!string.Equals(NameNormalizer.FoldIdentifier(token), NameNormalizer.FoldIdentifier(model), StringComparison.Ordinal))
                    {
                        MatchModel(state, "title", product.Title!, token, word: true, matches, context, asOf);
                    }
                }

                // A model number written with a space for its first separator ("IPC HDW2431T", "DS 2CD2043G2-I").
                foreach (var (first, second) in ProductContext.SpacedModelWords(product.Title))
                {
                    MatchModel(state, "title", product.Title!, first + " " + second, state.Index.FindSpacedModelPrefixes(first, second), word: true, matches, context, asOf);
                }

                break;
            default:
                throw new ArgumentException($"Unsupported request type {request.GetType().Name}.", nameof(request));
        }

        // The thread's list of hits, as the list of matches: the result holds an array of its own.
        var hits = _hits ?? new List<ScreeningHit>();
        _hits = null;
        foreach (var m in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // An entity that no relation leaves is its own only path, when it is listed: the common case needs no walk of the graph.
            if (m.Ties.Count == 0 && state.Graph.Outgoing(m.Entity.Id).Count == 0)
            {
                if (HasListingAt(m.Entity, asOf))
                {
                    AddHit(hits, state, request, options, policy, asOf, context, m, m.Entity, []);
                }

                continue;
            }

            var paths = state.Graph.FindPaths(m.Entity, asOf, options.RecentlyEndedRelationWindow, options.MaxPathDepth, ListedAt.Delegate(asOf));

            // A scoped fact (a relabel claim about a brand's cameras) holds only for products of its categories.
            for (var p = 0; p < paths.Count; p++)
            {
                var graphPath = paths[p];
                if (!context.Admits(graphPath.Steps))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                AddHit(hits, state, request, options, policy, asOf, context, m, graphPath.Target, m.Ties.Count == 0 ? graphPath.Steps : [.. m.Ties, .. graphPath.Steps]);
            }
        }

        for (var i = 0; i < matches.Count; i++)
        {
            Match.Return(matches[i]);
        }

        matches.Clear();
        _matches = matches.Capacity <= MaxKeptMatches ? matches : null;
        var ordered = OrderHits(hits, options.MaxHits);
        hits.Clear();
        _hits = hits.Capacity <= MaxKeptMatches ? hits : null;

        var sources = SourceAges.Apply(state.Sources, options, now);
        var decision = ordered.Length == 0 ? ScreeningDecision.Clear : ordered[0].Decision;
        DeferredText reason;
        string? rule = ordered.Length == 0 ? null : ordered[0].Rule;
        if (decision != ScreeningDecision.Block && AnyUnusable(sources))
        {
            decision = ScreeningDecision.Incomplete;
            rule = "source-unusable";
            reason = DeferredText.Of("source(s) not usable: " + string.Join("; ", sources.Where(s => !s.IsUsable).Select(s => $"{s.SourceName}: {s.Error ?? "not loaded"}")))!;
        }
        else
        {
            reason = ordered.Length == 0 ? NoMatch : new HitReason(ordered[0]);
        }

        return new ScreeningResult
        {
            RequestId = request.Id,
            Request = request,
            Decision = decision,
            Hits = ordered,
            DecidingRule = rule,
            Reason = null!,
            DeferredReason = reason,
            AsOf = asOf,
            DatasetVersion = state.Dataset.Version,
            Algorithm = algorithm.Name,
            Policy = policy.Name,
            ScreenedAt = now,
            Sources = sources,
            Notes = notes,
        };
    }

    private const int MaxKeptMatches = 256;

    [ThreadStatic]
    private static List<Match>? _matches;

    [ThreadStatic]
    private static List<ScreeningHit>? _hits;

    private const int MaxKeptCandidateIds = 4096;

    [ThreadStatic]
    private static int[]? _candidateIds;

    private const string NoMatchReason = "no match to a listed entity or its affiliates";

    private static readonly DeferredText NoMatch = DeferredText.Of(NoMatchReason)!;

    // The reason of a result, written when first read: the deciding hit's field, query and reason.
    private sealed class HitReason(ScreeningHit hit) : DeferredText
    {
        private ScreeningHit? _hit = hit;

        protected override string Write() => $"{_hit!.Field} \"{_hit.Query}\" {_hit.Reason}";

        protected override void Release() => _hit = null;
    }

    // Judges the path from a match to a listed entity under the policy, and adds the hit unless the policy clears it.
    private static void AddHit(List<ScreeningHit> hits, EngineState state, ScreeningRequest request, ScreeningOptions options, ScreeningPolicy policy, DateOnly asOf,
        ProductContext context, Match m, Entity target, IReadOnlyList<Relation> steps)
    {
        var listings = ListingsAt(target, asOf, state);

        // The aggregate ownership of the entity where the path's ownership relations start, precomputed per generation;
        // for a parent given with the request, the ties to it come first.
        var owned = m.Ties.Count > 0
            ? state.Ownership.Through(m.Ties, TieNames(request), m.Entity, asOf)
            : FirstOwnership(steps) is { } first ? state.Ownership.Find(first.FromId, asOf) : null;
        var evidence = new HitEvidence
        {
            Field = m.Field,
            Score = m.Score,
            ExactIdentifier = m.ExactIdentifier,
            ProductIdentifier = m.ProductIdentifier,
            IdentifierScheme = m.Scheme,
            Mention = m.Mention,
            AccessoryMention = m.AccessoryMention,
            WholeNameMention = m.WholeNameMention,
            Partial = m.Partial,
            MatchedNameKind = m.NameKind,
            MatchedConfidence = m.Confidence,
            MatchedEntity = m.Entity,
            ListedEntity = target,
            Path = steps,
            Listings = listings,
            AsOf = asOf,
            Ownership = owned?.Terms ?? [],
            OwnershipLimitReached = owned?.LimitReached,
        };
        var verdict = policy.Evaluate(new PolicyArguments(evidence, options));
        if (verdict.Decision == ScreeningDecision.Clear)
        {
            return;
        }

        hits.Add(new ScreeningHit
        {
            Field = m.Field,
            Query = m.Query,
            EntityId = m.Entity.Id,
            EntityName = m.Entity.PrimaryName,
            MatchedName = m.MatchedName,
            MatchedNameKind = m.NameKind,
            Score = Math.Round(m.Score, 4),
            Features = ScopeFeatures(m.Features, steps, context),
            ListedEntityId = target.Id,
            ListedEntityName = target.PrimaryName,
            Path = PathSteps(state, request, steps),
            Listings = ListingsOf(state, target, listings, verdict.Lists),
            Decision = verdict.Decision,
            Rule = verdict.Rule,
            DeferredReason = verdict.DeferredReason,
            Evidence = DescribeEvidence(m, steps, listings, context),
            Ownership = verdict.Ownership,
        });
    }

    // Whether an entity has a listing in force at a date: the end of a path through the graph.
    private static bool HasListingAt(Entity entity, DateOnly asOf)
    {
        var listings = entity.Listings;
        for (var i = 0; i < listings.Count; i++)
        {
            if (listings[i].AppliesAt(asOf))
            {
                return true;
            }
        }

        return false;
    }

    // The end of a path through the graph, as a delegate over one date: the thread's last one is used again for the same date.
    private sealed class ListedAt(DateOnly asOf)
    {
        [ThreadStatic]
        private static ListedAt? _last;

        [ThreadStatic]
        private static Func<Entity, bool>? _lastDelegate;

        public static Func<Entity, bool> Delegate(DateOnly asOf)
        {
            if (_last is not { } last || last._asOf != asOf || _lastDelegate is null)
            {
                _last = last = new ListedAt(asOf);
                _lastDelegate = last.IsTarget;
            }

            return _lastDelegate;
        }

        private readonly DateOnly _asOf = asOf;

        private bool IsTarget(Entity entity) => HasListingAt(entity, _asOf);
    }

    // The listings of an entity in force at a date, each with its list.
    private static (Listing, ListDefinition)[] ListingsAt(Entity entity, DateOnly asOf, EngineState state)
    {
        var all = entity.Listings;
        var count = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].AppliesAt(asOf))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        // Mostly all of them: those of the entity, written once.
        if (count == all.Count)
        {
            return state.ListingsOf(entity).WithLists;
        }

        var dataset = state.Dataset;
        var listings = new (Listing, ListDefinition)[count];
        var at = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].AppliesAt(asOf))
            {
                listings[at++] = (all[i], dataset.GetList(all[i].ListId));
            }
        }

        return listings;
    }

    // The listings a verdict rests on, in the order of the entity's listings.
    private static Listing[] ListingsOf(EngineState state, Entity target, (Listing Listing, ListDefinition List)[] listings, IReadOnlyList<string> lists)
    {
        var count = 0;
        for (var i = 0; i < listings.Length; i++)
        {
            if (Contains(lists, listings[i].List.Id))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        // All of the entity's listings, as its shared array.
        if (count == listings.Length && listings.Length == target.Listings.Count && state.ListingsOf(target) is { } entityListings && ReferenceEquals(entityListings.WithLists, listings))
        {
            return entityListings.Listings;
        }

        var result = new Listing[count];
        var at = 0;
        for (var i = 0; i < listings.Length; i++)
        {
            if (Contains(lists, listings[i].List.Id))
            {
                result[at++] = listings[i].Listing;
            }
        }

        return result;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Relation? FirstOwnership(IReadOnlyList<Relation> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (Graph.OwnershipIndex.IsOwnership(steps[i]))
            {
                return steps[i];
            }
        }

        return null;
    }

    private static PathStep[] PathSteps(EngineState state, ScreeningRequest request, IReadOnlyList<Relation> steps)
    {
        if (steps.Count == 0)
        {
            return [];
        }

        var path = new PathStep[steps.Count];
        for (var i = 0; i < path.Length; i++)
        {
            var r = steps[i];
            path[i] = new PathStep(r.FromId, NameOf(state, request, r.FromId), r.Kind, r.ToId, NameOf(state, request, r.ToId), r);
        }

        return path;
    }

    private static bool AnyUnusable(IReadOnlyList<SourceStatus> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (!sources[i].IsUsable)
            {
                return true;
            }
        }

        return false;
    }

    // A product's brand or manufacturer field: the whole, and its other readings (ProductContext.ReadingsOfAField: without a
    // label, the name before an address, each of several makers or brands it gives, "Hikvision/EZVIZ"), each hit quoting the
    // field as given.
    private static void MatchNames(EngineState state, string field, string? value, ScreeningOptions options, List<Match> matches, int categories,
        CancellationToken cancellationToken)
    {
        MatchName(state, field, value, options, matches, mention: false, cancellationToken, categories: categories);
        foreach (var part in ProductContext.ReadingsOfAField(value))
        {
            MatchName(state, field, value, options, matches, mention: false, cancellationToken, part: part, categories: categories);
        }
    }

    // part: the part of the value to screen, when not all of it (MatchNames); the hits quote the whole value. categories: the
    // product's (ProductContext.CategoryBits), which the names scoped to some categories need; none for a party.
    private static void MatchName(EngineState state, string field, string? value, ScreeningOptions options, List<Match> matches, bool mention, CancellationToken cancellationToken,
        PartyQualifiers? qualifiers = null, bool partialNames = false, string? part = null, int categories = 0)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var index = state.Index;
        var algorithm = NameMatchAlgorithms.Get(options.Algorithm);
        var compareEvery = CompareEveryCandidate.Value;
        var bound = compareEvery ? null : BoundRules(algorithm);

        // A batch or stream screens each name once per dataset generation (NameMatchMemo); a name it has screened before finds
        // the same matches again.
        var memo = _oneThreadPerScreening && !compareEvery && part is null && NameMatchMemo.Keeps(value, mention) ? state.RepeatedNames : null;
        var key = memo is null ? default : new NameMatchKey(field, value, partialNames, options.Algorithm, options.MaxCandidates, options.ReviewThreshold,
            options.MatchThreshold, qualifiers?.DateOfBirth, qualifiers?.Country, qualifiers?.UnrecognisedCountry, categories);
        if (memo is not null && memo.TryRepeat(key, matches))
        {
            return;
        }

        // The best match of each entity, in the order the entities are first met, from here on in the list of matches.
        var first = matches.Count;
        var variants = index.WithListedWordsApart(NameNormalizer.Normalize(part ?? value));
        var qualifications = qualifiers is null ? null : new Dictionary<int, PartyQualifiers.Qualification?>();
        var windows = Windows(variants);
        var similarCache = ReferenceEquals(windows, variants) ? null : new Dictionary<string, ArraySegment<int>>(StringComparer.Ordinal);

        try
        {
            if (FormsInParallel(options, windows, similarCache, mention))
            {
                MatchFormsInParallel(state, field, value, options, algorithm, bound, variants, windows, matches, first, qualifiers, partialNames, categories, cancellationToken);
            }
            else
            {
                // The thread's buffer of candidate ids, taken while in use (a nested screening would start one of its own) and
                // given back at the end: the ids of one look-up are read before the next look-up writes over them, and never kept.
                var ids = _candidateIds;
                _candidateIds = null;
                var shareCandidates = CandidatesInParallel(options, similarCache, mention);
                for (var w = 0; w < windows.Count; w++)
                {
                    MatchWindow(state, field, value, options, algorithm, bound, variants, windows[w], matches, first, mention, similarCache, qualifiers,
                        qualifications, partialNames, categories, ref ids, cancellationToken, shareCandidates);
                }

                _candidateIds = ids is null || ids.Length <= MaxKeptCandidateIds ? ids : null;
            }
        }
        finally
        {
            // The thread's memos of the bound let go of the index, cancelled or not.
            NameScorer.ReleaseBoundMemos();
        }

        // A query that names one entity exactly is explained by it: other entities found only because their (shorter)
        // name is contained in the query are dropped ("Dahua Technology USA Inc." is that company, not "Dahua Technology").
        var exact = false;
        for (var i = first; i < matches.Count && !exact; i++)
        {
            exact = matches[i].NameScore >= ExactScore && !matches[i].Mention && !matches[i].Contained;
        }

        if (exact)
        {
            for (var i = matches.Count - 1; i >= first; i--)
            {
                if ((matches[i].Contained || matches[i].Partial) && matches[i].NameScore < ExactScore)
                {
                    Match.Return(matches[i]);
                    matches.RemoveAt(i);
                }
            }
        }

        memo?.Remember(key, matches, first);
    }

    /// <summary>Gets or sets whether screenings on this thread keep to it: set while a batch or a stream screens on every
    /// processor, so that its screenings do not also share their forms with the thread pool (<see cref="FormsInParallel"/>).</summary>
    internal static bool OneThreadPerScreening
    {
        get => _oneThreadPerScreening;
        set => _oneThreadPerScreening = value;
    }

    [ThreadStatic]
    private static bool _oneThreadPerScreening;

    [ThreadStatic]
    private static FormsWork? _formsWork;

    // A name written in Hangul or kana is looked up and scored in each of its romanisations (a Korean name in two spellings), each
    // against Latin names by sound: the dearest screenings, by far. Two or more such forms are shared with another processor when
    // one may be used: not in a batch or a stream, which already screen on every processor, not for the windows of a long text
    // (which share the misspelling look-ups), not for a mention. (A Han name's forms are its ideographs, which find few names,
    // and one romanisation: nothing to share.)
    private static bool FormsInParallel(ScreeningOptions options, IReadOnlyList<NormalizedName> windows, Dictionary<string, ArraySegment<int>>? similarCache, bool mention)
    {
        if (!options.ParallelNameForms || _oneThreadPerScreening || windows.Count < 2 || similarCache is not null || mention || Environment.ProcessorCount < 2)
        {
            return false;
        }

        var romanised = 0;
        for (var w = 0; w < windows.Count; w++)
        {
            var form = windows[w];
            if (ComparedBySound(form) && form.Tokens.Count > 0 && form.Tokens[0].Class != TokenClass.Ideograph)
            {
                romanised++;
            }
        }

        return romanised >= 2;
    }

    // Whether a form of a name is written in Han, Hangul or kana (as its ideographs or syllables, or romanised), whose comparisons
    // with names in Latin letters go by sound rather than letter by letter.
    private static bool ComparedBySound(NormalizedName form) =>
        form.IsTransliteration && form.SourceScript is NameScript.Han or NameScript.Hangul or NameScript.Kana;

    // Screens the forms of a name on this thread and one helper from the thread pool: each takes the next form not yet taken
    // until none is left, so this thread never waits for a helper that has not started (it waits only for the forms the helper
    // took). Each form's matches are kept apart, then merged in the order of the forms, as one thread screening them in turn
    // keeps them: the same matches in the same order.
    private static void MatchFormsInParallel(EngineState state, string field, string value, ScreeningOptions options, NameMatchAlgorithm algorithm,
        NameScoringRules? bound, IReadOnlyList<NormalizedName> variants, IReadOnlyList<NormalizedName> windows, List<Match> matches, int first,
        PartyQualifiers? qualifiers, bool partialNames, int categories, CancellationToken cancellationToken)
    {
        // The thread's work is reused once its helper has run; a helper still queued from an earlier screening keeps its own.
        var work = _formsWork is { IsQueued: false } idle ? idle : _formsWork = new FormsWork();
        work.Start(state, field, value, options, algorithm, bound, variants, windows, qualifiers, partialNames, categories, cancellationToken);
        ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        work.Work();
        work.WaitForAll();

        for (var w = 0; w < windows.Count; w++)
        {
            foreach (var match in work.Matches(w))
            {
                Keep(matches, first, match);
            }
        }

        work.Finish();
    }

    // The forms of one name shared between the screening thread and a helper (an item of the thread pool, run at most once per
    // screening: queued by Start, and idle again once it has run).
    private sealed class FormsWork : IThreadPoolWorkItem
    {
        private readonly object _gate = new();
        private List<Match>[] _matches = [];
        private EngineState _state = null!;
        private string _field = null!;
        private string _value = null!;
        private ScreeningOptions _options = null!;
        private NameMatchAlgorithm _algorithm = null!;
        private NameScoringRules? _bound;
        private IReadOnlyList<NormalizedName> _variants = null!;
        private IReadOnlyList<NormalizedName> _windows = null!;
        private PartyQualifiers? _qualifiers;
        private bool _partialNames;
        private int _categories;
        private CancellationToken _cancellationToken;
        private int _count;
        private int _next;
        private int _completed;
        private int _queued;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;

        // Whether the helper of the last screening is still queued or running.
        public bool IsQueued => Volatile.Read(ref _queued) != 0;

        public void Start(EngineState state, string field, string value, ScreeningOptions options, NameMatchAlgorithm algorithm, NameScoringRules? bound,
            IReadOnlyList<NormalizedName> variants, IReadOnlyList<NormalizedName> windows, PartyQualifiers? qualifiers, bool partialNames,
            int categories, CancellationToken cancellationToken)
        {
            (_state, _field, _value, _options, _algorithm, _bound) = (state, field, value, options, algorithm, bound);
            (_variants, _windows, _qualifiers, _partialNames, _categories, _cancellationToken) = (variants, windows, qualifiers, partialNames, categories, cancellationToken);
            if (_matches.Length < windows.Count)
            {
                Array.Resize(ref _matches, windows.Count);
            }

            for (var w = 0; w < windows.Count; w++)
            {
                _matches[w] ??= [];
            }

            _count = windows.Count;
            _next = 0;
            _completed = 0;
            _failure = null;
            Volatile.Write(ref _queued, 1);
        }

        // The helper's run: its thread's memos of the bound let go of the index afterwards (the screening's thread lets go of its
        // own when the name is screened).
        public void Execute()
        {
            try
            {
                Work();
            }
            finally
            {
                NameScorer.ReleaseBoundMemos();
                Volatile.Write(ref _queued, 0);
            }
        }

        // Screens forms not yet taken, each into its own list of matches, until none is left. A form taken holds the screening
        // (its thread waits for it), so what the screening set is read only once a form is taken: a helper that starts after
        // every form was taken reads nothing else.
        public void Work()
        {
            int[]? ids = null;
            var taken = false;
            Dictionary<int, PartyQualifiers.Qualification?>? qualifications = null;
            int w;
            while ((w = Interlocked.Increment(ref _next) - 1) < Volatile.Read(ref _count))
            {
                if (!taken)
                {
                    ids = _candidateIds;
                    _candidateIds = null;
                    taken = true;
                }

                try
                {
                    qualifications ??= _qualifiers is null ? null : [];
                    MatchWindow(_state, _field, _value, _options, _algorithm, _bound, _variants, _windows[w], _matches[w], 0, mention: false, similarCache: null,
                        _qualifiers, qualifications, _partialNames, _categories, ref ids, _cancellationToken);
                }
#pragma warning disable CA1031 // A form's failure is thrown again on the screening's thread, as it would have been thrown there.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Interlocked.CompareExchange(ref _failure, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex), null);
                }
                finally
                {
                    lock (_gate)
                    {
                        if (++_completed == _count)
                        {
                            Monitor.PulseAll(_gate);
                        }
                    }
                }
            }

            if (taken)
            {
                _candidateIds = ids is null || ids.Length <= MaxKeptCandidateIds ? ids : null;
            }
        }

        // Waits until every form is screened (those left are the helper's, which has started), then throws a form's failure.
        public void WaitForAll()
        {
            lock (_gate)
            {
                while (_completed < _count)
                {
                    Monitor.Wait(_gate);
                }
            }

            _failure?.Throw();
        }

        public List<Match> Matches(int form) => _matches[form];

        // Forgets what the screening was, keeping the lists for the next (a helper yet to start finds every form taken).
        public void Finish()
        {
            for (var w = 0; w < _count; w++)
            {
                _matches[w].Clear();
            }

            (_state, _field, _value, _options, _algorithm, _bound) = (null!, null!, null!, null!, null!, null);
            (_variants, _windows, _qualifiers) = (null!, null!, null);
        }
    }

    // What the last read-ahead of a thread's candidates gave (CandidateIndex.ReadAhead): kept, so that the reads are not
    // left out as unused.
    [ThreadStatic]
    private static int _readAhead;

    // Looks one form (or window) of a name up and scores its candidates, keeping in the list of matches, from first on, the best
    // match of each entity in the order the entities are first met; the candidates' names are read ahead of their comparison.
    private static void MatchWindow(EngineState state, string field, string value, ScreeningOptions options, NameMatchAlgorithm algorithm, NameScoringRules? bound,
        IReadOnlyList<NormalizedName> variants, NormalizedName variant, List<Match> matches, int first, bool mention, Dictionary<string, ArraySegment<int>>? similarCache,
        PartyQualifiers? qualifiers, Dictionary<int, PartyQualifiers.Qualification?>? qualifications, bool partialNames, int categories, ref int[]? ids,
        CancellationToken cancellationToken, bool shareCandidates = false)
    {
        var index = state.Index;
        cancellationToken.ThrowIfCancellationRequested();
        var partial = partialNames ? PartialNameMatcher.For(variant, value, index, options) : null;
        var cut = partialNames ? CutNameMatcher.For(variant, value, options) : null;
        // A window of a long text has no written form of its own: its tokens stand for it.
        var queryText = IsVariant(variants, variant) ? value : variant.Key;
        // A helper that may share the candidates of a name in Latin letters (its one form, which nearly always finds enough of them)
        // or of a form looked up by sound (a romanisation, whose look-up takes longest) is asked for before the look-up, so that it
        // starts while the look-up runs; one for another form of a name in another script (its own letters, which find few names)
        // only once the look-up has found enough.
        // The early helper also looks up by sound the last groups of runs of a romanisation, and the words the query's last tokens
        // may misspell, while this thread tallies the first.
        var work = shareCandidates && (variants.Count == 1 || CandidateIndex.LooksUpBySound(variant)) ? QueueCandidatesWork(index, variant, mention ? null : bound, options.ReviewThreshold) : null;
        int found;
        try
        {
            var sound = work is { Sound.Query: not null } ? work.Sound : null;
            found = index.FindCandidates(variant, mention ? options.MaxCandidates * 4 : options.MaxCandidates, similarCache, ref ids, work?.Similar, sound);
            if (sound is { ReadFromHelper: > 0 })
            {
                Interlocked.Add(ref _soundGroupsFromHelpers, sound.ReadFromHelper);
            }

            _readAhead = index.ReadAhead(ids.AsSpan(0, found), stepByStep: !ComparedBySound(variant));
            if (work is not null)
            {
                CandidatesFound?.Invoke(variant);
            }
        }
        catch
        {
            // The helper waits for the candidates: it is told there are none.
            work?.PublishNone();
            throw;
        }

        var candidates = new WindowCandidates(state, field, value, options, algorithm, bound, variant, queryText, partial, mention, categories, work?.KnownReach, cut);
        if (shareCandidates && found >= MinSharedCandidates && (work ?? QueueCandidatesWork(null, null, null, 0)) is { } sharing)
        {
            ScoreCandidatesInParallel(sharing, candidates, ids!, found, matches, first, qualifiers, cancellationToken);
        }
        else
        {
            work?.PublishNone();
            ScoreCandidates(candidates, ids!, 0, found, matches, first, qualifiers, qualifications, cancellationToken);
        }

        // A name cut short whose whole words are legal forms ("LIMITED LIABILITY COMPANY STROYGAZM"): the names of the words its
        // last word starts, which its words could not find, are scored too.
        if (cut?.WordToComplete is { } start)
        {
            var more = index.NamesOfWordsStarting(start, options.MaxCandidates);
            var extra = new int[more.Count];
            var count = 0;
            foreach (var id in more)
            {
                // The look-up may have found nothing, and a thread's first look-up has no buffer then.
                if (found == 0 || Array.IndexOf(ids!, id, 0, found) < 0)
                {
                    extra[count++] = id;
                }
            }

            ScoreCandidates(candidates, extra, 0, count, matches, first, qualifiers, qualifications, cancellationToken);
        }
    }

    // What the candidates of one form (or window) of a name are scored against: the same for every candidate of the look-up.
    private readonly record struct WindowCandidates(EngineState State, string Field, string Value, ScreeningOptions Options, NameMatchAlgorithm Algorithm,
        NameScoringRules? Bound, NormalizedName Variant, string QueryText, PartialNameMatcher? Partial, bool Mention, int Categories, KnownBounds? KnownReach = null,
        CutNameMatcher? Cut = null);

    // Scores the candidates from one position to another of a look-up, in order, keeping each match as its entity's best in the
    // list of matches from first on.
    private static void ScoreCandidates(in WindowCandidates window, int[] ids, int from, int to, List<Match> matches, int first,
        PartyQualifiers? qualifiers, Dictionary<int, PartyQualifiers.Qualification?>? qualifications, CancellationToken cancellationToken)
    {
        for (var c = from; c < to; c++)
        {
            if (ScoreCandidate(window, ids[c], qualifiers, qualifications, cancellationToken) is { } pending)
            {
                Keep(matches, first, MatchOf(window.Field, window.Value, pending));
            }
        }

        CountBoundsRead();
    }

    // Adds the answers of the bound this thread read from a helper since it last counted them to the process's count.
    private static void CountBoundsRead()
    {
        if (_boundsReadHere != 0)
        {
            Interlocked.Add(ref _boundsFromHelpers, _boundsReadHere);
            _boundsReadHere = 0;
        }
    }

    // Whether a candidate's score may reach a value (NameScorer.MayReach): as the helper of a shared look-up bounded it while the
    // look-up ran (CandidatesWork.KnownReach, the same answer), else bounded here.
    private static bool MayReach(KnownBounds? knownReach, int id, NormalizedName variant, NormalizedName candidate, CandidateIndex index, NameScoringRules bound,
        double atLeast)
    {
        if (knownReach is not null && knownReach.TryGet(id, out var known))
        {
            _boundsReadHere++;
            return known;
        }

        return NameScorer.MayReach(variant, candidate, index, bound, atLeast, index.FactsOf(id));
    }

    // Whether a comparison read the query's words only as the initials of a person's names ("MSI" / "MENYAILO, Sergei Ivanovich",
    // "KIM" / "KAHVARIN, Iradj Mohammadi") or of a ship's ("KBR" / "KU BONG RYONG"): no match. A person known by initials has
    // them listed as a name of their own, which matches as written; brands, tickers and trade terms of three letters ("AMD",
    // "SAP", "ARM", "RAM") spell the initials of some listed person as often as not. An organisation's name is still read as
    // its acronym ("AIG" / "AMMUNITION INDUSTRIES GROUP").
    internal static bool IsInitialsOfAPersonOrShip(in NameScore scored, Entity entity) =>
        scored.QueryReadAsAcronym && entity.Kind is EntityKind.Person or EntityKind.Vessel;

    // Scores one candidate of a look-up: what its match is made from, or null when it is no match. A name in Chinese characters
    // read through its romanisation, against an entity whose name in Chinese characters is known, is at most reviewed (ReadAlike).
    private static PendingExplanation? ScoreCandidate(in WindowCandidates window, int id, PartyQualifiers? qualifiers,
        Dictionary<int, PartyQualifiers.Qualification?>? qualifications, CancellationToken cancellationToken)
    {
        var pending = ScoreCandidateAsCompared(window, id, qualifiers, qualifications, cancellationToken);
        return pending is { } found && IsReadAlike(window.Variant, found.Index.Entities[found.Candidate.EntityIndex])
            ? found with { Score = Math.Min(found.Score, ReadAlikeScore), ReadAlike = true }
            : pending;
    }

    // The highest score of a read-alike match (IsReadAlike): between the review and the match thresholds, as a misspelt mention's.
    private const double ReadAlikeScore = 0.85;

    // Whether a match is made only through the romanisation of a name in Chinese characters (pinyin) and the entity has a name
    // written in Chinese characters: pinyin has no tones, so 大话 ("big talk") and 达华 (another company) read as 大华, Dahua,
    // does, and a typist's homophone (海康微视 for 海康威视) as well. The name as written is compared too (a form of its own,
    // traditional characters read as simplified), so the entity's own name still matches in full; a name only read alike is
    // reviewed, not blocked. An entity known only by romanised names (most people on the lists) is matched as before.
    internal static bool IsReadAlike(NormalizedName query, Entity entity)
    {
        if (!query.IsTransliteration || query.SourceScript != NameScript.Han)
        {
            return false;
        }

        // By index: a foreach over the list's interface would allocate an enumerator for every match of such a query.
        var names = entity.Names;
        for (var i = 0; i < names.Count; i++)
        {
            if (WritesHan(names[i].Value))
            {
                return true;
            }
        }

        return WritesHan(entity.PrimaryName);
    }

    // Whether a text holds a Chinese character (NameNormalizer.IsHan).
    private static bool WritesHan(string text)
    {
        foreach (var c in text)
        {
            if (NameNormalizer.IsHan(c))
            {
                return true;
            }
        }

        return false;
    }

    // Scores one candidate of a look-up as the names compare: what its match is made from, or null when it is no match.
    private static PendingExplanation? ScoreCandidateAsCompared(in WindowCandidates window, int id, PartyQualifiers? qualifiers,
        Dictionary<int, PartyQualifiers.Qualification?>? qualifications, CancellationToken cancellationToken)
    {
        var (state, _, fieldText, options, algorithm, bound, variant, queryText, partial, mention, categories, knownReach, cut) = window;
        var index = state.Index;
        cancellationToken.ThrowIfCancellationRequested();
        var candidate = index.Names[id];

        // A form with words read apart is compared only with a name that writes them apart (MayMeetWordsReadApart).
        if (variant.HasWordsReadApart && !MayMeetWordsReadApart(variant, candidate.Normalized))
        {
            return null;
        }

        var qualification = Qualify(qualifiers, qualifications, candidate.EntityIndex, state);

        // A candidate whose score cannot reach the review threshold (for a mention: any candidate) and whose words cannot
        // all be in the query is no match, unless it is a partial one or starts with a name cut short: it is not compared in full.
        if (bound is not null && qualification is null
            && !MayReach(knownReach, id, variant, candidate.Normalized, index, bound, mention ? double.PositiveInfinity : options.ReviewThreshold)
            && (mention || (partial?.Match(candidate, index.Entities[candidate.EntityIndex], index) is null && cut?.Match(candidate) is null)))
        {
            return null;
        }

        // A name used only for products of some categories is no match elsewhere: 萤石, EZVIZ's brand, is also "fluorite". It is
        // matched only as written, not through its romanisation, which spells other words too (影视, "film and television", is
        // yingshi as 萤石 is). (Read once the candidate may match: most are let go by the bound without reading the name itself.)
        if (candidate.Name.Scope.Count > 0 && (candidate.Normalized.IsTransliteration || !ProductContext.InScope(categories, candidate.Name.Scope)))
        {
            return null;
        }

        var scored = algorithm.Score(new NameMatchInput(queryText, variant), new NameMatchInput(candidate.Name.Value, candidate.Normalized), index);
        if (IsInitialsOfAPersonOrShip(scored, index.Entities[candidate.EntityIndex]))
        {
            return null;
        }

        var mentionable = IsMentionable(index.Entities[candidate.EntityIndex], candidate);
        if (mention)
        {
            if (mentionable && scored.CandidateContained && IsDistinctiveMention(candidate, index.Entities[candidate.EntityIndex], state) && ExactCandidateTokens(scored)
                && WritesTrailingSigns(fieldText, candidate.Name.Value))
            {
                var accessory = IsAccessoryMention(variant, candidate.Normalized);
                return Pending(index, candidate, 1.0, scored, variant, isMention: true, accessory);
            }

            // A covered maker's name or brand misspelt in a listing's title ("Hikvison 4MP camera", "Dahau NVR"): a mention scored
            // below the default match threshold, so reviewed rather than blocked.
            if (mentionable && scored.CandidateContained && IsDistinctiveMention(candidate.Normalized) && IsMisspeltMention(variant, candidate.Normalized)
                && PartyQualifiers.IsOfTheProcurementProhibitions(index.Entities[candidate.EntityIndex], state.Dataset))
            {
                return Pending(index, candidate, MisspeltMentionScore, scored, variant, isMention: true, accessory: false);
            }

            return null;
        }

        if (mentionable && scored.CandidateContained && scored.Score < QualifiedNameScore && ExactCandidateTokens(scored)
            && (scored.QueryExtrasAreQualifiers || LegalForms.OnlyQualifiersAdded(variant.Tokens, candidate.Normalized.Tokens, digital: true))
            && IsDistinctiveMention(candidate, index.Entities[candidate.EntityIndex], state))
        {
            // "Norsat International Inc." names Norsat: the extra words only qualify the name. The engine also reads "Digital" so
            // ("Hikvision Digital Technology Company"), whatever the algorithm, whose own reading stays as recorded.
            return Pending(index, candidate, QualifiedNameScore, scored, variant, isMention: false, accessory: false, qualified: true, qualification, options.MatchThreshold);
        }

        if ((qualification?.Apply(scored.Score, options.MatchThreshold) ?? scored.Score) >= options.ReviewThreshold)
        {
            return Pending(index, candidate, scored.Score, scored, variant, isMention: false, accessory: false, qualification: qualification, matchThreshold: options.MatchThreshold);
        }

        if (cut?.Match(candidate) is { } start)
        {
            // "REVOLUTIONARY ARMED FORCES OF COLOM" is how "REVOLUTIONARY ARMED FORCES OF COLOMBIA" starts: cut by a name field, for review.
            var cutMatch = Pending(index, candidate, start.Score, scored, variant, isMention: false, accessory: false, qualification: qualification,
                matchThreshold: options.MatchThreshold, cut: cut.Explain(start, candidate.Name.Value));
            if (ScoreOf(cutMatch) >= options.ReviewThreshold)
            {
                return cutMatch;
            }
        }

        if (mentionable && scored.CandidateContained && IsDistinctiveMention(candidate.Normalized) && !ExactCandidateTokens(scored)
            && IsMisspeltMention(variant, candidate.Normalized)
            && PartyQualifiers.IsOfTheProcurementProhibitions(index.Entities[candidate.EntityIndex], state.Dataset))
        {
            // A covered maker's name or brand misspelt inside a party's longer name ("D4HUA STORE"), as in a listing's title.
            return Pending(index, candidate, MisspeltMentionScore, scored, variant, isMention: true, accessory: false, qualification: qualification,
                matchThreshold: options.MatchThreshold);
        }

        if (mentionable && scored.CandidateContained && IsDistinctiveMention(candidate, index.Entities[candidate.EntityIndex], state) && ExactCandidateTokens(scored))
        {
            // A whole name of two words or more, word for word and in order, inside a party's name with other words ("SHIRAZ
            // ELECTRONICS INDUSTRIES (OLD)", "... DBA ...", "... C/O ...") is that party written as vendor masters write it, rather
            // than a coincidence.
            return Pending(index, candidate, scored.Score, scored, variant, isMention: true, accessory: false, qualification: qualification, matchThreshold: options.MatchThreshold,
                wholeName: HoldsWholeName(variant, candidate.Normalized));
        }

        if (partial?.Match(candidate, index.Entities[candidate.EntityIndex], index) is { } part)
        {
            // "MASKAN" is a rare part of "BANK MASKAN": a partial match, for review.
            var partialMatch = Pending(index, candidate, part.Score, scored, variant, isMention: false, accessory: false, qualification: qualification,
                matchThreshold: options.MatchThreshold, partial: partial.Explain(part, candidate.Name.Value));
            return ScoreOf(partialMatch) >= options.ReviewThreshold ? partialMatch : null;
        }

        return null;
    }

    // The fewest candidates of one form shared with a helper: fewer are scored sooner than a helper starts.
    private const int MinSharedCandidates = 16;

    // The candidates one turn of a shared look-up takes.
    private const int SharedChunk = 4;

    // The most posting lists, and the most names of a list, the helper of a look-up bounds while the look-up runs (up to
    // KnownBounds.Capacity names in all).
    private const int MaxLikelyLists = 32;
    private const int MaxLikelyListLength = 64;

    private static long _sharedLookUps;
    private static long _turnsScoredAgain;
    private static long _soundGroupsFromHelpers;
    private static long _boundsFromHelpers;

    [ThreadStatic]
    private static CandidatesWork? _candidatesWork;

    [ThreadStatic]
    private static CandidatesWork? _candidatesWorkSpare;

    // The answers of the bound this thread read from helpers and has yet to add to the process's count (BoundsFromHelpers).
    [ThreadStatic]
    private static int _boundsReadHere;

    // Whether the candidates of a name's look-ups are shared with a helper (ParallelCandidates): not in a batch or a stream, which
    // already screen on every processor, not for the windows of a long text (which share their misspelling look-ups) or a mention.
    private static bool CandidatesInParallel(ScreeningOptions options, Dictionary<string, ArraySegment<int>>? similarCache, bool mention) =>
        options.ParallelCandidates && !_oneThreadPerScreening && similarCache is null && !mention && Environment.ProcessorCount >= 2;

    // Queues a helper for the candidates of the look-up about to run, or gives null when the thread's two works are both still
    // held by helpers of earlier look-ups (yet to start or to finish): the look-up's candidates are then scored on this thread alone.
    private static CandidatesWork? QueueCandidatesWork(CandidateIndex? index, NormalizedName? query, NameScoringRules? bound, double atLeast)
    {
        var work = _candidatesWork ??= new CandidatesWork();
        if (work.IsQueued)
        {
            var spare = _candidatesWorkSpare ??= new CandidatesWork();
            if (spare.IsQueued)
            {
                return null;
            }

            (_candidatesWork, _candidatesWorkSpare) = (spare, work);
            work = spare;
        }

        work.Queue(index, query, bound, atLeast);
        ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        return work;
    }

    /// <summary>Gets how many look-ups in this process have shared their candidates with a helper (for tests).</summary>
    internal static long SharedLookUps => Interlocked.Read(ref _sharedLookUps);

    /// <summary>Gets how many groups of runs of look-ups by sound in this process a screening's thread has read from its helper
    /// (for tests).</summary>
    internal static long SoundGroupsFromHelpers => Interlocked.Read(ref _soundGroupsFromHelpers);

    /// <summary>Gets how many candidates in this process a screening's thread or its helper read the bound of from what the helper
    /// bounded while the look-up ran (for tests).</summary>
    internal static long BoundsFromHelpers => Interlocked.Read(ref _boundsFromHelpers);

    /// <summary>Gets how many turns of candidates a screening's thread has scored again itself because the helper holding them
    /// had not finished them in time (for tests).</summary>
    internal static long TurnsScoredAgain => Interlocked.Read(ref _turnsScoredAgain);

    /// <summary>Gets or sets what the screening's thread and its helper call before each turn of candidates they take, with the
    /// value screened and whether the caller is the helper (for tests that hold one of them up; <see langword="null"/> otherwise).</summary>
    internal static Action<string, bool>? TurnStarting { get; set; }

    /// <summary>Gets or sets what the screening's thread calls once a look-up with an early helper has found its candidates, before
    /// they are scored, with the form looked up (for tests that hold it up until the helper has bounded the likely candidates;
    /// <see langword="null"/> otherwise).</summary>
    internal static Action<NormalizedName>? CandidatesFound { get; set; }

    /// <summary>Gets or sets what a helper calls once it has done its share of the look-up and bounded the likely candidates (all
    /// of them unless the candidates were published first), with the form looked up (for tests; <see langword="null"/>
    /// otherwise).</summary>
    internal static Action<NormalizedName>? LikelyCandidatesBounded { get; set; }

    /// <summary>Gets or sets what a helper calls when the thread pool starts it, before anything else (for tests that hold helpers
    /// back, as a busy pool would; <see langword="null"/> otherwise).</summary>
    internal static Action? HelperStarting { get; set; }

    // Publishes the candidates of a look-up to its helper and scores them with it, then keeps their matches in order.
    private static void ScoreCandidatesInParallel(CandidatesWork work, in WindowCandidates window, int[] ids, int found, List<Match> matches, int first,
        PartyQualifiers? qualifiers, CancellationToken cancellationToken)
    {
        work.Publish(window, ids, found, qualifiers, cancellationToken);
        Interlocked.Increment(ref _sharedLookUps);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var scored = work.Work();
            work.WaitForAll(started, scored);
            work.KeepAll(matches, first);
        }
        finally
        {
            // A work whose helper still holds a turn the screening's thread scored again is the helper's until it is done: the thread
            // lets go of it and makes another when it next needs one.
            if (!work.Finish())
            {
                _candidatesWork = ReferenceEquals(_candidatesWork, work) ? null : _candidatesWork;
                _candidatesWorkSpare = ReferenceEquals(_candidatesWorkSpare, work) ? null : _candidatesWorkSpare;
            }
        }
    }

    // The candidates of one look-up shared between the screening thread and a helper (an item of the thread pool, run at most
    // once per look-up: queued before the look-up, and idle again once it has run).
    private sealed class CandidatesWork : IThreadPoolWorkItem
    {
        // How long the screening's thread waits for a turn the helper holds before it scores the turn itself: at least this,
        // or twice as long as its own turns took on average. A helper the system has set aside (two processors, other threads
        // running) does not hold the screening up for long.
        private static readonly long MinWaitTicks = Stopwatch.Frequency / 20_000;

        private WindowCandidates _window;
        private int[] _ids = new int[64];
        private List<PendingExplanation>[] _matches = [];

        // By turn: 1 once scored (its matches in _matches); and the turns the screening's thread scored again itself, with their
        // matches, while the helper still held them (those of _matches are then the helper's until it is done).
        private int[] _done = [];
        private bool[] _redone = [];
        private List<PendingExplanation>[] _redoneMatches = [];
        private bool _abandoned;
        private PartyQualifiers? _qualifiers;
        private CancellationToken _cancellationToken;
        private int _found;
        private int _chunks;
        private int _next;
        private int _published;
        private int _queued;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;

        // The index the helper looks its share up in (by sound and for misspellings), until it takes it or the look-up is over
        // (published): a helper the pool has yet to start does not keep the index of an engine its screening's thread has let go.
        private CandidateIndex? _lookUpIndex;

        // What the helper bounds while the look-up runs, and with what.
        private readonly KnownBounds _reach = new();
        private NameScoringRules? _reachRules;
        private double _reachAtLeast;

        // The answers of the bound the helper writes while the look-up runs, for the look-up's candidates to read; null when it
        // bounds none.
        public KnownBounds? KnownReach => _reachRules is null ? null : _reach;

        // Whether the helper of the last look-up is still queued or running.
        public bool IsQueued => Volatile.Read(ref _queued) != 0;

        // The misspelling look-ups of the query's tokens, shared with the helper while the candidates are looked up (when the helper
        // is queued before the look-up).
        public SharedSimilarWords Similar { get; } = new();

        // The look-up by sound of a transliterated query, shared the same way (its query is null for a query not looked up by sound).
        public SharedSoundRuns Sound { get; } = new();

        // Readies the work for its helper, queued next: the helper looks up by sound the last groups of runs of a transliterated
        // query, and the words the query's last tokens may misspell (given the index and the query before the look-up), then waits
        // until the candidates are published.
        public void Queue(CandidateIndex? index, NormalizedName? query, NameScoringRules? bound, double atLeast)
        {
            // The answers of the last look-up, whose helper is done (a work is queued again only then), are forgotten.
            _reach.Clear();
            (_reachRules, _reachAtLeast) = query is null || index is null ? (null, 0) : (bound, atLeast);

            Sound.Clear();
            if (query is not null)
            {
                Similar.Reset(query);
                if (CandidateIndex.LooksUpBySound(query))
                {
                    Sound.Reset(query);
                }
            }

            // Once the look-ups are ready: a query whose runs cannot be worked out leaves no index behind.
            _lookUpIndex = index;

            _published = 0;
            _chunks = 0;
            _next = 0;
            _failure = null;
            _abandoned = false;
            Volatile.Write(ref _queued, 1);
        }

        // Nothing to share: the helper, when it starts, finds no turn.
        public void PublishNone()
        {
            Volatile.Write(ref _lookUpIndex, null);
            _chunks = 0;
            Volatile.Write(ref _published, 1);
            Similar.Clear();
            Sound.Clear();
        }

        // Publishes the candidates, in turns of a few, for the helper and the screening's thread to take.
        public void Publish(in WindowCandidates window, int[] ids, int found, PartyQualifiers? qualifiers, CancellationToken cancellationToken)
        {
            Volatile.Write(ref _lookUpIndex, null);
            _window = window;
            if (_ids.Length < found)
            {
                _ids = new int[Math.Max(found, _ids.Length * 2)];
            }

            Array.Copy(ids, _ids, found);
            _found = found;
            var chunks = (found + SharedChunk - 1) / SharedChunk;
            if (_matches.Length < chunks)
            {
                Array.Resize(ref _matches, chunks);
                Array.Resize(ref _redoneMatches, chunks);
                _done = new int[chunks];
                _redone = new bool[chunks];
            }

            for (var k = 0; k < chunks; k++)
            {
                _matches[k] ??= [];
                _done[k] = 0;
                _redone[k] = false;
            }

            (_qualifiers, _cancellationToken) = (qualifiers, cancellationToken);
            _chunks = chunks;
            Volatile.Write(ref _published, 1);
        }

        // The helper's run: it waits for the candidates, scores the turns it takes, and lets its thread's memos of the bound go.
        public void Execute()
        {
            try
            {
                HelperStarting?.Invoke();
                if (Interlocked.Exchange(ref _lookUpIndex, null) is { } index)
                {
                    LookUp(index);
                    BoundLikelyCandidates(index);
                    if (Similar.Query is { } query)
                    {
                        LikelyCandidatesBounded?.Invoke(query);
                    }
                }

                var wait = default(SpinWait);
                while (Volatile.Read(ref _published) == 0)
                {
                    wait.SpinOnce(sleep1Threshold: -1);
                }

                Work(helper: true);
            }
            finally
            {
                Volatile.Write(ref _queued, 0);
                NameScorer.ReleaseBoundMemos();
            }
        }

        // The helper's share of the look-up: the last groups of runs by sound (which the screening's thread reaches last), then the
        // misspellings of the last tokens. A failure leaves the group or token it held to the screening's thread, which looks it up
        // itself when the helper does not finish it, and finds the same failure there if it is the look-up's.
        private void LookUp(CandidateIndex index)
        {
            try
            {
                // A look-up the screening's thread has done with meanwhile was cleared: nothing is left, and nothing is thrown.
                index.LookUpSoundFromTheEnd(Sound);
                index.LookUpSimilarFromTheEnd(Similar);
            }
#pragma warning disable CA1031 // Left to the screening's thread, as said.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        // While the look-up runs, bounds the names that share a rare word with the query (those of its short posting lists, and
        // of the words its tokens misspell that are already looked up), which are nearly always among its candidates: the
        // screening's thread and the helper then read the answers instead of bounding those candidates. Stops once the
        // candidates are published. A failure is left to the scoring of the candidates, which bounds them again.
        private void BoundLikelyCandidates(CandidateIndex index)
        {
            if (_reachRules is not { } rules || Similar.Query is not { } query)
            {
                return;
            }

            try
            {
                Span<int> lists = stackalloc int[MaxLikelyLists];
                var count = index.ShortPostings(query, Similar, MaxLikelyListLength, lists);
                var names = index.Names;
                foreach (var list in lists[..count])
                {
                    foreach (var id in index.PostingList(list))
                    {
                        if (Volatile.Read(ref _published) != 0)
                        {
                            return;
                        }

                        if (_reach.Contains(id))
                        {
                            continue;
                        }

                        var reach = NameScorer.MayReach(query, names[id].Normalized, index, rules, _reachAtLeast, index.FactsOf(id));
                        if (!_reach.TryAdd(id, reach))
                        {
                            return;
                        }
                    }
                }
            }
#pragma warning disable CA1031 // Left to the scoring, as said.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        // Scores turns not yet taken, each into its own list of matches, until none is left; gives how many it scored.
        public int Work(bool helper = false)
        {
            var count = 0;
            Dictionary<int, PartyQualifiers.Qualification?>? qualifications = null;
            int k;
            while ((k = Interlocked.Increment(ref _next) - 1) < Volatile.Read(ref _chunks))
            {
                qualifications ??= _qualifiers is null ? null : [];
                Score(k, _matches[k], qualifications, helper);
                Volatile.Write(ref _done[k], 1);
                count++;
            }

            return count;
        }

        // Scores one turn into a list; a failure is thrown again on the screening's thread, as it would have been thrown there.
        private void Score(int k, List<PendingExplanation> matches, Dictionary<int, PartyQualifiers.Qualification?>? qualifications, bool helper)
        {
            try
            {
                TurnStarting?.Invoke(_window.Value, helper);

                var from = k * SharedChunk;
                for (var c = from; c < Math.Min(from + SharedChunk, _found); c++)
                {
                    if (ScoreCandidate(_window, _ids[c], _qualifiers, qualifications, _cancellationToken) is { } pending)
                    {
                        matches.Add(pending);
                    }
                }

                CountBoundsRead();
            }
#pragma warning disable CA1031 // Thrown again on the screening's thread.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref _failure, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex), null);
            }
        }

        // Waits for the turns the helper holds, each for a little while, scoring a turn itself when the helper has not finished it
        // by then (the same matches: a turn's matches depend only on its candidates); then throws a turn's failure.
        public void WaitForAll(long started, int scoredHere)
        {
            var ownTicks = scoredHere == 0 ? 0 : (Stopwatch.GetTimestamp() - started) / scoredHere;
            var patience = Math.Max(MinWaitTicks, 2 * ownTicks);
            Dictionary<int, PartyQualifiers.Qualification?>? qualifications = null;
            for (var k = 0; k < _chunks; k++)
            {
                if (Volatile.Read(ref _done[k]) != 0)
                {
                    continue;
                }

                var deadline = Stopwatch.GetTimestamp() + patience;
                var spin = default(SpinWait);
                while (Volatile.Read(ref _done[k]) == 0 && Stopwatch.GetTimestamp() < deadline)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }

                if (Volatile.Read(ref _done[k]) == 0)
                {
                    qualifications ??= _qualifiers is null ? null : [];
                    Score(k, _redoneMatches[k] ??= [], qualifications, helper: false);
                    _redone[k] = true;
                    _abandoned = true;
                    Interlocked.Increment(ref _turnsScoredAgain);
                }
            }

            _failure?.Throw();
        }

        // Makes the match of every turn's pending explanations on this thread, keeping them in the order of the candidates.
        public void KeepAll(List<Match> matches, int first)
        {
            var (_, field, value, _, _, _, _, _, _, _, _, _, _) = _window;
            for (var k = 0; k < _chunks; k++)
            {
                foreach (var pending in _redone[k] ? _redoneMatches[k] : _matches[k])
                {
                    Keep(matches, first, MatchOf(field, value, pending));
                }
            }
        }

        // Forgets what the look-up was; gives false, forgetting nothing, when a helper still scores a turn the screening's thread
        // scored again (it reads what the look-up was, and writes the turn's list).
        public bool Finish()
        {
            if (_abandoned)
            {
                return false;
            }

            for (var k = 0; k < _chunks; k++)
            {
                _matches[k].Clear();
            }

            _window = default;
            (_qualifiers, _cancellationToken) = (null, default);
            Similar.Clear();
            Sound.Clear();
            return true;
        }
    }

    // Keeps a name match in the list of matches as its entity's best from first on: added when the entity is new there, in
    // place of the entity's match when better, else given back.
    private static void Keep(List<Match> matches, int first, Match match)
    {
        var at = IndexOfEntity(matches, first, match.EntityIndex);
        if (at < 0)
        {
            matches.Add(match);
        }
        else if (Better(match, matches[at]))
        {
            Match.Return(matches[at]);
            matches[at] = match;
        }
        else
        {
            Match.Return(match);
        }
    }

    private static int IndexOfEntity(List<Match> matches, int first, int entityIndex)
    {
        for (var i = first; i < matches.Count; i++)
        {
            if (matches[i].EntityIndex == entityIndex)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Keeps the best hit of each field, matched entity and listed entity (the strongest decision, then the weakest
    /// evidence confidence, then the shortest path; the first among equals), and orders those by decision, score, path length and
    /// entity id, the first met first among equals; at most <paramref name="maxHits"/>.</summary>
    internal static ScreeningHit[] OrderHits(List<ScreeningHit> hits, int maxHits)
    {
        if (hits.Count == 0 || maxHits <= 0)
        {
            return [];
        }

        if (hits.Count == 1)
        {
            return [hits[0]];
        }

        // The groups in the order their first hit is met, each with its best hit so far (in the thread's array of groups); a few
        // groups are searched in turn.
        var best = _groupHits is { } kept && kept.Length >= hits.Count ? kept : new ScreeningHit[Math.Max(hits.Count, 16)];
        _groupHits = null;
        var count = 0;
        Dictionary<(string, string, string), int>? groups = hits.Count > GroupsSearchedInTurn ? new(hits.Count) : null;
        foreach (var h in hits)
        {
            int at;
            if (groups is null)
            {
                at = -1;
                for (var i = 0; i < count && at < 0; i++)
                {
                    at = SameGroup(h, best[i]) ? i : -1;
                }

                if (at < 0)
                {
                    best[count++] = h;
                }
            }
            else if (!groups.TryGetValue((h.Field, h.EntityId, h.ListedEntityId), out at))
            {
                groups[(h.Field, h.EntityId, h.ListedEntityId)] = count;
                best[count++] = h;
                at = -1;
            }

            if (at >= 0 && BetterInGroup(h, best[at]))
            {
                best[at] = h;
            }
        }

        // A stable order: the groups' positions sorted, among equals the group met first.
        var order = count <= MaxOrderOnStack ? stackalloc int[count] : new int[count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // A few hits are sorted in place (Sort takes its comparer as an interface and makes a delegate of it).
        var byOrder = new HitOrder(best);
        if (count <= InsertionSorted)
        {
            for (var i = 1; i < count; i++)
            {
                var at = order[i];
                var j = i - 1;
                for (; j >= 0 && byOrder.Compare(at, order[j]) < 0; j--)
                {
                    order[j + 1] = order[j];
                }

                order[j + 1] = at;
            }
        }
        else
        {
            order.Sort(byOrder);
        }

        var result = new ScreeningHit[Math.Min(maxHits, count)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = best[order[i]];
        }

        Array.Clear(best, 0, count);
        _groupHits = best.Length <= MaxKeptMatches ? best : null;
        return result;
    }

    private const int MaxOrderOnStack = 256;

    private const int InsertionSorted = 32;

    // The thread's array of the best hit of each group, as its list of hits.
    [ThreadStatic]
    private static ScreeningHit[]? _groupHits;

    // The order of hits: the stronger decision, then the higher score, then the shorter path, then the entity id, then the group
    // met first.
    private readonly struct HitOrder(ScreeningHit[] hits) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            ScreeningHit a = hits[x], b = hits[y];
            var c = ((int)b.Decision).CompareTo((int)a.Decision);
            c = c != 0 ? c : b.Score.CompareTo(a.Score);
            c = c != 0 ? c : a.Path.Count.CompareTo(b.Path.Count);
            c = c != 0 ? c : string.CompareOrdinal(a.EntityId, b.EntityId);
            return c != 0 ? c : x.CompareTo(y);
        }
    }

    private const int GroupsSearchedInTurn = 16;

    private static bool SameGroup(ScreeningHit a, ScreeningHit b) =>
        string.Equals(a.Field, b.Field, StringComparison.Ordinal) && string.Equals(a.EntityId, b.EntityId, StringComparison.Ordinal)
        && string.Equals(a.ListedEntityId, b.ListedEntityId, StringComparison.Ordinal);

    // Whether a hit comes strictly before another of its group: a stronger decision, then a weaker evidence confidence (none
    // first), then a shorter path.
    private static bool BetterInGroup(ScreeningHit h, ScreeningHit current)
    {
        var c = ((int)current.Decision).CompareTo((int)h.Decision);
        c = c != 0 ? c : Nullable.Compare(h.Evidence?.Confidence, current.Evidence?.Confidence);
        c = c != 0 ? c : h.Path.Count.CompareTo(current.Path.Count);
        return c < 0;
    }

    /// <summary>Gets the windows to score of each variant: the variant itself when it has at most <see cref="WindowTokens"/>
    /// tokens, else overlapping windows that together cover every token. When no variant is longer, the variants themselves.</summary>
    internal static IReadOnlyList<NormalizedName> Windows(IReadOnlyList<NormalizedName> variants)
    {
        var windowed = false;
        for (var v = 0; v < variants.Count && !windowed; v++)
        {
            windowed = variants[v].Tokens.Count > WindowTokens;
        }

        if (!windowed)
        {
            return variants;
        }

        var windows = new List<NormalizedName>();
        foreach (var variant in variants)
        {
            if (variant.Tokens.Count <= WindowTokens)
            {
                windows.Add(variant);
                continue;
            }

            for (var start = 0; ; start += WindowStride)
            {
                windows.Add(variant.Window(start, WindowTokens));
                if (start + WindowTokens >= variant.Tokens.Count)
                {
                    break;
                }
            }
        }

        return windows;
    }

    // The rules of a token-alignment algorithm, whose score NameScorer.MayReach bounds; null for another algorithm.
    internal static NameScoringRules? BoundRules(NameMatchAlgorithm algorithm)
    {
        if (algorithm is not TokenAlignAlgorithm)
        {
            return null;
        }

        var all = NameScoringRules.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(all[i].Name, algorithm.Name, StringComparison.Ordinal))
            {
                return all[i];
            }
        }

        return null;
    }

    private static bool IsVariant(IReadOnlyList<NormalizedName> variants, NormalizedName name)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (ReferenceEquals(variants[i], name))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a match of an entity explains a query better than another of the same entity: a name match before a mention, a
    // mention of a whole name before another mention (which counts against fewer lists), a whole match before a partial one,
    // then the higher score and the stronger kind of name.
    private static bool Better(Match a, Match b) =>
        a.Mention != b.Mention ? !a.Mention
        : a.WholeNameMention != b.WholeNameMention ? a.WholeNameMention
        : a.Partial != b.Partial ? !a.Partial
        : a.Score != b.Score ? a.Score > b.Score : (a.NameKind ?? NameKind.Alias) < (b.NameKind ?? NameKind.Alias);

    private static PartyQualifiers.Qualification? Qualify(PartyQualifiers? qualifiers, Dictionary<int, PartyQualifiers.Qualification?>? cache, int entityIndex, EngineState state)
    {
        if (qualifiers is null || cache is null)
        {
            return null;
        }

        if (!cache.TryGetValue(entityIndex, out var qualification))
        {
            qualification = qualifiers.Evaluate(state.Index.Entities[entityIndex], state.Dataset);
            cache[entityIndex] = qualification.IsEmpty ? null : qualification;
        }

        return cache[entityIndex];
    }

    // What a candidate's match is made from (MatchOf, on the screening's thread). The match's explanation is written only when the
    // match becomes a hit (PendingFeatures, made when the hit reads the match's features): a match that a better one of the same
    // entity replaces, or that the policy clears, costs no explanation.
    private static PendingExplanation Pending(CandidateIndex index, IndexedName candidate, double score, NameScore scored, NormalizedName query, bool isMention,
        bool accessory, bool qualified = false, PartyQualifiers.Qualification? qualification = null, double matchThreshold = 1, FeatureScore? partial = null,
        FeatureScore? cut = null, bool wholeName = false) =>
        new(scored, query, index, candidate, score, isMention, accessory, qualified, qualification, matchThreshold, partial, cut, wholeName);

    // The score of the match a pending explanation makes (MatchOf).
    private static double ScoreOf(in PendingExplanation pending)
    {
        var score = pending.Qualification?.Apply(pending.Score, pending.MatchThreshold) ?? pending.Score;
        return pending.ReadAlike ? Math.Min(score, ReadAlikeScore) : score;
    }

    // A name match of a field's value, made from what its explanation is written from: the rest of the match follows from it (which
    // is all a name found again in a batch keeps of its matches, NameMatchMemo).
    private static Match MatchOf(string field, string value, in PendingExplanation pending)
    {
        var candidate = pending.Candidate;
        var score = ScoreOf(pending);
        var match = Match.Rent(field, value, pending.Index.Entities[candidate.EntityIndex], candidate.Name.Value, candidate.Name.Kind, candidate.Name.Confidence, score, null);
        match.Mention = pending.IsMention;
        match.AccessoryMention = pending.Accessory;
        match.WholeNameMention = pending.WholeName;
        match.Contained = pending.Scored.CandidateContained && pending.Scored.Score < ExactScore;
        match.Partial = pending.Partial is not null;
        match.NameScore = pending.Score;
        match.EntityIndex = candidate.EntityIndex;
        match.Explain(pending);
        return match;
    }

    // What the explanation of a name match is written from, kept with the match until a hit reads its features.
    internal readonly record struct PendingExplanation(NameScore Scored, NormalizedName Query, CandidateIndex Index, IndexedName Candidate, double Score, bool IsMention,
        bool Accessory, bool Qualified, PartyQualifiers.Qualification? Qualification, double MatchThreshold, FeatureScore? Partial, FeatureScore? Cut = null,
        bool WholeName = false, bool ReadAlike = false);

    // The explanation of a name match, written when first read: the comparison's features, then what the pipeline added to them.
    // A hit holds it as its features, so that a result whose explanation nobody reads never writes it. Once written, it lets go
    // of what it was written from (the names compared and the index whose token rarity weighed them).
    private sealed class PendingFeatures : IReadOnlyList<FeatureScore>
    {
        private readonly double _score;
        private readonly double _matchThreshold;
        private readonly bool _isMention;
        private readonly bool _accessory;
        private readonly bool _wholeName;
        private readonly bool _qualified;
        private readonly bool _readAlike;
        private NameScore _scored;
        private NormalizedName? _query;
        private CandidateIndex? _index;
        private IndexedName? _candidate;
        private PartyQualifiers.Qualification? _qualification;
        private FeatureScore? _partial;
        private FeatureScore? _cut;
        private List<FeatureScore>? _features;

        public PendingFeatures(in PendingExplanation pending)
        {
            _scored = pending.Scored;
            _query = pending.Query;
            _index = pending.Index;
            _candidate = pending.Candidate;
            _score = pending.Score;
            _isMention = pending.IsMention;
            _accessory = pending.Accessory;
            _wholeName = pending.WholeName;
            _qualified = pending.Qualified;
            _readAlike = pending.ReadAlike;
            _qualification = pending.Qualification;
            _matchThreshold = pending.MatchThreshold;
            _partial = pending.Partial;
            _cut = pending.Cut;
        }

        public int Count => Written.Count;

        private List<FeatureScore> Written => Volatile.Read(ref _features) ?? WriteOnce();

        public FeatureScore this[int index] => Written[index];

        public IEnumerator<FeatureScore> GetEnumerator() => Written.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        // Written by one thread; the inputs are read and let go of only under the lock, after the features are published.
        private List<FeatureScore> WriteOnce()
        {
            lock (this)
            {
                if (_features is null)
                {
                    Volatile.Write(ref _features, Write());
                    _scored = default;
                    _query = null;
                    _index = null;
                    _candidate = null;
                    _qualification = null;
                    _partial = null;
                    _cut = null;
                }

                return _features;
            }
        }

        private List<FeatureScore> Write()
        {
            var candidate = _candidate!;
            var comparison = _scored.ToComparison(_query!, candidate.Normalized, _index).Features;
            var features = new List<FeatureScore>(comparison.Count + 1 + (_partial is null ? 0 : 1) + (_cut is null ? 0 : 1) + (_qualified ? 1 : 0) + (_isMention ? 1 : 0) + (_accessory ? 1 : 0) + (candidate.Name.Scope.Count > 0 ? 1 : 0)
                + (_readAlike ? 1 : 0) + (_qualification is null ? 0 : 2))
            {
                new("name-kind", 1, 0, $"matched the {KindName(candidate.Name.Kind)} name \"{candidate.Name.Value}\""),
            };
            for (var i = 0; i < comparison.Count; i++)
            {
                features.Add(comparison[i]);
            }

            if (_partial is not null)
            {
                features.Add(_partial);
            }

            if (_cut is not null)
            {
                features.Add(_cut);
            }

            if (_qualified)
            {
                features.Add(new FeatureScore("qualified-name", _score, 0, "the name with only legal forms, places or words such as International or Group added"));
            }

            if (_isMention)
            {
                features.Add(new FeatureScore("mention", 1, 0, _wholeName
                    ? "the whole name, of two words or more, appears in the query with other words"
                    : "every distinctive word of the name appears in the query"));
            }

            if (_accessory)
            {
                features.Add(new FeatureScore("accessory-mention", 1, 0, "the text reads as an accessory or compatibility claim"));
            }

            if (candidate.Name.Scope.Count > 0)
            {
                features.Add(new FeatureScore("name-scope", 1, 0,
                    $"the name is matched only in {string.Join(", ", candidate.Name.Scope)} products, and the product is one"));
            }

            if (_qualification is not null)
            {
                features.AddRange(_qualification.Explain(_score, _matchThreshold));
            }

            if (_readAlike)
            {
                features.Add(new FeatureScore("read-alike", _score, 0,
                    $"the Chinese characters are read alike only through their romanisation (pinyin, without tones), and {_index!.Entities[candidate.EntityIndex].PrimaryName}'s name in Chinese characters is not written so: reviewed, not blocked"));
            }

            return features;
        }
    }

    // The kind of a name as explanations write it: the enum name in lower case.
    private static string KindName(NameKind kind) => kind switch
    {
        NameKind.Primary => "primary",
        NameKind.Alias => "alias",
        NameKind.WeakAlias => "weakalias",
        NameKind.Former => "former",
        NameKind.NativeScript => "nativescript",
        NameKind.Brand => "brand",
        _ => kind.ToString().ToLowerInvariant(),
    };

    // Only organisations and brands are found inside longer texts: a person's or a ship's one-word name ("Dave", "Castor")
    // inside a longer name is a coincidence, and weak aliases never count.
    private static bool IsMentionable(Entity entity, IndexedName name) =>
        entity.Kind is EntityKind.Organization or EntityKind.Brand or EntityKind.Government or EntityKind.Unknown
        && name.Name.Kind != NameKind.WeakAlias;

    /// <summary>Gets whether a text writes the signs a name of one word ends in, when it ends in any: <c>Face++</c> is read as the
    /// word <c>face</c>, which a title ("Face mask") holds by chance; only a text that writes <c>Face++</c> mentions it.</summary>
    /// <param name="text">The text, as given.</param>
    /// <param name="name">The name, as listed.</param>
    /// <returns>Whether the text mentions the name with its signs, or the name ends in none.</returns>
    internal static bool WritesTrailingSigns(string text, string name)
    {
        var trimmed = name.AsSpan().Trim();
        if (trimmed.IsEmpty || char.IsLetterOrDigit(trimmed[^1]) || trimmed.ContainsAny(' ', '\t'))
        {
            return true;
        }

        var letters = trimmed.TrimEnd(".,;:!?)]}\"'");
        return letters.IsEmpty || char.IsLetterOrDigit(letters[^1]) || text.Contains(trimmed, StringComparison.OrdinalIgnoreCase);
    }

    private static bool ExactCandidateTokens(NameScore scored) =>
        !scored.HasFuzzyTokens;

    /// <summary>Gets whether a query holds a whole name as a run of its words: the name's words other than its legal forms, two or
    /// more, one after the other in the name's order among the query's words other than its legal forms ("shiraz electronics
    /// industries" in "shiraz electronics industries old"). Names written in an abjad (Arabic, Hebrew) are read without their
    /// vowels, so that short names of other words are runs of them by chance ("nsr ldyn", Ansar Eddine, in Nasr al-Din): a query
    /// transliterated from one holds no whole name.</summary>
    /// <param name="query">The query as normalised.</param>
    /// <param name="name">The name as normalised.</param>
    /// <returns>Whether the query holds it so.</returns>
    internal static bool HoldsWholeName(NormalizedName query, NormalizedName name)
    {
        if (query.IsTransliteration && query.SourceScript is NameScript.Arabic or NameScript.Hebrew)
        {
            return false;
        }

        var words = name.Tokens;
        var tokens = query.Tokens;
        var count = CountNonLegalForms(words);
        if (count < 2 || count > CountNonLegalForms(tokens))
        {
            return false;
        }

        for (var start = 0; start < tokens.Count; start++)
        {
            if (tokens[start].Class == TokenClass.LegalForm)
            {
                continue;
            }

            // The name's words and the query's from here, each read past its legal forms, until they differ.
            int at = start, k = 0, matched = 0;
            while (true)
            {
                while (k < words.Count && words[k].Class == TokenClass.LegalForm)
                {
                    k++;
                }

                while (at < tokens.Count && tokens[at].Class == TokenClass.LegalForm)
                {
                    at++;
                }

                if (k == words.Count || at == tokens.Count || !string.Equals(tokens[at].Text, words[k].Text, StringComparison.Ordinal))
                {
                    break;
                }

                matched++;
                k++;
                at++;
            }

            if (matched == count)
            {
                return true;
            }
        }

        return false;
    }

    // The tokens that are not legal forms.
    private static int CountNonLegalForms(List<NameToken> tokens)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            count += token.Class == TokenClass.LegalForm ? 0 : 1;
        }

        return count;
    }

    // Whether a candidate's name, found in a longer text, says that the text names its entity: a distinctive name
    // (IsDistinctiveMention), or a covered maker's name of three capitals ("ZTE", "DJI", "HYT") when the maker is itself on a
    // procurement-prohibition list: such a name is the maker's mark, which a listing's title writes as a word of its own ("DJI Mini
    // 4 Pro drone", "ZTE Blade V40 smartphone"). A relabeller's or a sanctioned party's short name is no such mark ("ADI", "LTS").
    private static bool IsDistinctiveMention(IndexedName candidate, Entity entity, EngineState state) =>
        IsDistinctiveMention(candidate.Normalized) || IsCoveredMakersMark(candidate, entity, state);

    /// <summary>Gets whether a name is a covered maker's mark of three capitals (<c>ZTE</c>, <c>DJI</c>): a name of one word, written
    /// as three capital Latin letters, of an entity itself on a procurement-prohibition list.</summary>
    /// <param name="candidate">The indexed name.</param>
    /// <param name="entity">Its entity.</param>
    /// <param name="state">The engine state, for the dataset's lists.</param>
    /// <returns>Whether it is such a mark.</returns>
    internal static bool IsCoveredMakersMark(IndexedName candidate, Entity entity, EngineState state)
    {
        var value = candidate.Name.Value;
        return value.Length == CoveredMarkLength && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) && char.IsAsciiLetterUpper(value[2])
            && candidate.Name.Kind != NameKind.WeakAlias && PartyQualifiers.IsListedOnAProcurementProhibition(entity, state.Dataset);
    }

    // The letters of a covered maker's mark (IsCoveredMakersMark); a name of four letters or more is distinctive anyway, and one
    // of two is too often a word or another code.
    private const int CoveredMarkLength = 3;

    private static bool IsDistinctiveMention(NormalizedName name)
    {
        var tokens = name.Tokens;
        var count = 0;
        var first = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class is TokenClass.Word or TokenClass.Ideograph or TokenClass.Number && count++ == 0)
            {
                first = i;
            }
        }

        if (count == 0)
        {
            return false;
        }

        return count >= 2 || tokens[first].Text.Length >= 4 || tokens[first].Class == TokenClass.Ideograph && tokens.Count >= 2;
    }

    // The score of a misspelt mention (IsMisspeltMention): a review at the default thresholds, below the match threshold (0.92) at
    // which a title's brand blocks.
    private const double MisspeltMentionScore = 0.85;

    // The fewest letters of a word a text may misspell by one edit and still mention it ("Hikvison"); a word of
    // MinSwappedMentionWord letters only by two adjacent letters swapped ("Dahau") or one letter added ("DAHUWA"); a shorter one
    // not at all ("Imou").
    private const int MinMisspeltMentionWord = 6;

    private const int MinSwappedMentionWord = 5;

    /// <summary>Gets whether a text mentions a name with one of its words misspelt: each of the name's distinctive words
    /// (<see cref="TokenClass.Word"/>) is a word of the text, and one or more of them only one edit apart (a letter substituted,
    /// dropped, added, or two adjacent letters swapped) from a word of the text of as many letters as it has or one fewer or
    /// more, a word of <see cref="MinMisspeltMentionWord"/> letters or more; one of <see cref="MinSwappedMentionWord"/> letters
    /// by two adjacent letters swapped or one letter added only; or written with digits for the letters they look like (<c>D4HUA</c>). Words of
    /// other classes are left to the scorer (which found the name contained).</summary>
    /// <param name="text">The text (a window of a listing's title, or a party's name), as normalised.</param>
    /// <param name="name">The name, as normalised.</param>
    /// <returns>Whether the text mentions the name misspelt.</returns>
    internal static bool IsMisspeltMention(NormalizedName text, NormalizedName name)
    {
        var misspelt = false;
        var romanised = RomanisedFromSyllables(text);
        foreach (var word in name.Tokens)
        {
            if (word.Class != TokenClass.Word)
            {
                continue;
            }

            var found = false;
            var near = false;
            var mayBeMisspelt = MayBeMisspelt(word.Text, romanised);
            foreach (var token in text.Tokens)
            {
                if (string.Equals(token.Text, word.Text, StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }

                near |= (mayBeMisspelt && IsMisspelling(token.Text, word.Text)) || SoundsLike(text, token.Text, word.Text);
            }

            if (!found && !near)
            {
                return false;
            }

            misspelt |= !found;
        }

        return misspelt;
    }

    // Whether a word of a text transliterated from Cyrillic or Greek writes a word of a name of MinSwappedMentionWord letters or
    // more as that script writes its sounds ("Дахуа", "dakhua", for "dahua"; "Хуавей", "khuavey", for "huawei"), as the look-up
    // by sound finds words.
    private static bool SoundsLike(NormalizedName text, string written, string word) =>
        text.IsTransliteration && text.SourceScript is NameScript.Cyrillic or NameScript.Greek && word.Length >= MinSwappedMentionWord
        && CrossScriptSimilarity.Similarity(word, written, text.SourceScript) >= CandidateIndex.MinSoundSimilarity;

    // Whether a text is the romanisation of one in kana, Hangul or Han.
    private static bool RomanisedFromSyllables(NormalizedName text) =>
        text.IsTransliteration && text.SourceScript is NameScript.Kana or NameScript.Hangul or NameScript.Han;

    // Whether a word of a name may be read misspelt in a text (IsMisspelling). A word written in kana, Hangul or Han may not: each
    // of its characters is a syllable or a word rather than a letter, so one edit of it is no slip of one letter ("ハイビジョン",
    // "Hi-Vision", is one kana short of "ハイクビジョン"); such a word is compared through its romanisation, the text's other form,
    // letter by letter ("haikuvijon" for "haikubijon"). In a romanisation, only a word of MinMisspeltMentionWord letters or more
    // may: a shorter one's letters are too few to tell a slip from another word ("feawei", "フェアウェイ", fairway, is "fawei",
    // "ファーウェイ", with a letter added).
    private static bool MayBeMisspelt(string word, bool romanised) =>
        IsWrittenInLetters(word) && (!romanised || word.Length >= MinMisspeltMentionWord);

    // Whether a word of a text misspells a word of a name by one edit (IsMisspeltMention), or writes digits for its letters
    // ("D4HUA", "H1KV1S10N").
    private static bool IsMisspelling(string written, string word)
    {
        if (written.Length == word.Length && DigitLetters.IsCandidate(written))
        {
            foreach (var reading in DigitLetters.Readings(written))
            {
                if (string.Equals(reading, word, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        if (word.Length >= MinMisspeltMentionWord)
        {
            return NameScorer.OsaDistance(written, word, 1) <= 1;
        }

        // A word of MinSwappedMentionWord letters: two adjacent letters swapped ("Dahau"), or one letter added ("DAHUWA", "EZVIIZ",
        // "Dahuaa", and "Dahuas" for "Dahua's"). A letter substituted or dropped writes other words ("Dahla", "lore" for "Lorex").
        return word.Length == MinSwappedMentionWord
            && ((written.Length == word.Length && NameScorer.OsaDistance(written, word, 1) == 1 && LegalForms.EditDistance(written, word) == 2)
                || (written.Length == word.Length + 1 && NameScorer.OsaDistance(written, word, 1) == 1));
    }

    // Whether a word holds no kana, Hangul syllable or Han character.
    private static bool IsWrittenInLetters(string word)
    {
        foreach (var c in word)
        {
            if (NameNormalizer.ScriptOf(c) is NameScript.Kana or NameScript.Hangul or NameScript.Han)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAccessoryMention(NormalizedName query, NormalizedName candidate)
    {
        var first = candidate.Tokens.FirstOrDefault(t => t.Class is TokenClass.Word or TokenClass.Ideograph).Text;
        var tokens = query.Tokens;
        var at = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (string.Equals(tokens[i].Text, first, StringComparison.Ordinal))
            {
                at = i;
                break;
            }
        }

        if (at < 0)
        {
            return false;
        }

        for (var i = Math.Max(0, at - 3); i < at; i++)
        {
            if (AccessoryWords.Contains(tokens[i].Text, StringComparer.Ordinal) || string.Equals(tokens[i].Text, "with", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return tokens.Skip(at + 1).Take(3).Any(t => t.Text is "compatible" or "replacement" or "adapter");
    }

    // field and query: the request's field and its value, which hold the FCC ID (the fcc_id field, or a title that prints one).
    private static void MatchFccId(EngineState state, string field, string? query, string? fccId, List<Match> matches, ProductContext context, DateOnly asOf)
    {
        if (ProductContext.GranteeCodeOf(fccId) is not { } grantee)
        {
            return;
        }

        foreach (var e in state.Index.FindByIdentifier(IdentifierSchemes.FccGranteeCode, grantee))
        {
            var entity = state.Index.Entities[e];
            var id = entity.Identifiers.First(x => string.Equals(x.Scheme, IdentifierSchemes.FccGranteeCode, StringComparison.Ordinal) && string.Equals(NameNormalizer.FoldIdentifier(x.Value), grantee, StringComparison.Ordinal));
            if (!context.Admits(id, asOf))
            {
                continue;
            }

            matches.Add(new Match(field, query!, entity, $"FCC grantee code {id.Value}", null, id.Confidence, 1,
                [new FeatureScore("fcc-grantee-code", 1, 1, string.Create(CultureInfo.InvariantCulture, $"FCC ID {fccId} has grantee code {grantee}, held by {entity.PrimaryName}"))],
                exactIdentifier: true, productIdentifier: true, scheme: IdentifierSchemes.FccGranteeCode) { Identifier = id, EvidenceKind = MatchEvidence.FccGranteeCode });
        }
    }

    private static void MatchModel(EngineState state, string field, string? query, string? model, bool word, List<Match> matches, ProductContext context, DateOnly asOf)
    {
        if (string.IsNullOrWhiteSpace(model) || query is null)
        {
            return;
        }

        MatchModel(state, field, query, model, state.Index.FindModelPrefixes(model, word), word, matches, context, asOf);
    }

    private static void MatchModel(EngineState state, string field, string query, string model, IReadOnlyList<(int EntityIndex, EntityIdentifier Identifier)> prefixes,
        bool word, List<Match> matches, ProductContext context, DateOnly asOf)
    {
        if (prefixes.Count == 0)
        {
            return;
        }

        var seen = new HashSet<int>();
        foreach (var (e, id) in prefixes)
        {
            // The longest prefix of an entity that counts for this product explains the match.
            if (!context.Admits(id, asOf) || !seen.Add(e))
            {
                continue;
            }

            var entity = state.Index.Entities[e];
            var prefix = id.Value;
            var where = word ? $"the title names model {model}, which" : $"model {model}";
            var detail = $"{where} starts with {prefix}, a model prefix of {entity.PrimaryName}" + (id.Notes is null ? string.Empty : $" ({id.Notes})");
            var features = new List<FeatureScore> { new("model-prefix", 1, 1, detail) };
            if (id.Weak || id.Scope.Count > 0)
            {
                features.Add(new FeatureScore("product-category", 1, 0,
                    $"{(id.Weak ? "a weak prefix, shared with other makers: " : string.Empty)}counted because the product is {context.Explanation}"));
            }

            if (id.ValidFrom is not null || id.ValidTo is not null)
            {
                features.Add(new FeatureScore("valid-dates", 1, 0,
                    $"the prefix points to {entity.PrimaryName} from {id.ValidFrom?.ToString() ?? "the start"} to {id.ValidTo?.ToString() ?? "now"}; as of {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
            }

            matches.Add(new Match(field, query, entity, $"model prefix {prefix}", null, id.Confidence, 1,
                features, exactIdentifier: true, productIdentifier: true, scheme: IdentifierSchemes.ModelPrefix) { Identifier = id, EvidenceKind = MatchEvidence.ModelPrefix });
        }
    }

    /// <summary>The id of the screened party on a path through the parents given with the request.</summary>
    internal const string RequestPartyId = "request:party";

    /// <summary>Gets the id of the parent at a position of <see cref="PartyScreeningRequest.Parents"/> on such a path.</summary>
    internal static string RequestParentId(int index) => string.Create(CultureInfo.InvariantCulture, $"request:parent-{index + 1}");

    private static Relation Tie(string from, string to, PartyParent parent) => new(from, to, parent.Kind)
    {
        SharePercent = parent.SharePercent,
        Confidence = FactConfidence.Official,
        Notes = "given with the request",
    };

    private static Dictionary<string, string> TieNames(ScreeningRequest request)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request is PartyScreeningRequest party)
        {
            names[RequestPartyId] = party.Name;
            for (var p = 0; p < party.Parents.Count; p++)
            {
                names[RequestParentId(p)] = party.Parents[p].Name;
            }
        }

        return names;
    }

    private static string NameOf(EngineState state, ScreeningRequest request, string id)
    {
        if (state.Dataset.FindEntity(id) is { } entity)
        {
            return entity.PrimaryName;
        }

        return id.StartsWith("request:", StringComparison.Ordinal) && TieNames(request).TryGetValue(id, out var name) ? name : id;
    }

    /// <summary>Adds to a hit's explanation the product category that let a scoped relation on its path apply.</summary>
    private static IReadOnlyList<FeatureScore> ScopeFeatures(IReadOnlyList<FeatureScore> features, IReadOnlyList<Relation> path, ProductContext context)
    {
        Relation? scoped = null;
        for (var i = 0; i < path.Count && scoped is null; i++)
        {
            scoped = path[i].Scope.Count > 0 ? path[i] : null;
        }

        return scoped is null
            ? features
            : [.. features, new FeatureScore("product-category", 1, 0,
                $"{scoped.FromId} {scoped.Kind.ToKebabCase()} {scoped.ToId} is about {string.Join(", ", scoped.Scope)} products; it applies because the product is {context.Explanation}")];
    }

    /// <summary>Describes the evidence behind a hit: what fired, how well the weakest fact on the way is supported, and the
    /// source of the fact that ties the product or party to the listed entity.</summary>
    private static MatchEvidence DescribeEvidence(Match m, IReadOnlyList<Relation> path, (Listing Listing, ListDefinition List)[] listings, ProductContext context)
    {
        var kind = m.EvidenceKind ?? (string.Equals(m.Field, "title", StringComparison.Ordinal) ? MatchEvidence.TitleMention : MatchEvidence.Name);
        var confidence = m.Confidence;

        // The fact that ties it: the identifier that fired, else the relabel or OEM claim on the path, else the weakest relation
        // (the first of the weakest), else the listing of the matched entity itself.
        Relation? relabel = null, weakest = null;
        for (var i = 0; i < path.Count; i++)
        {
            var r = path[i];
            confidence = r.Confidence > confidence ? r.Confidence : confidence;
            if (relabel is null && r.Kind is RelationKind.RelabelOf or RelationKind.OemOf)
            {
                relabel = r;
            }

            if (weakest is null || r.Confidence > weakest.Confidence)
            {
                weakest = r;
            }
        }

        var source = m.Identifier?.SourceUrl ?? (relabel ?? weakest)?.SourceUrl;
        for (var i = 0; source is null && i < listings.Length; i++)
        {
            source = listings[i].Listing.SourceUrl;
        }

        return new MatchEvidence(kind, confidence)
        {
            SourceUrl = source,
            Categories = context.Categories,
        };
    }

    // A match of one entity in one screening. Matches are taken from the thread's free matches and given back when the screening
    // (or a better match of the same entity) is done with them: a hit copies what it needs, and holds only the features.
    internal sealed class Match
    {
        private const int MaxFree = 256;

        [ThreadStatic]
        private static Stack<Match>? _free;

        private IReadOnlyList<FeatureScore>? _features;
        private PendingExplanation _pending;
        private bool _hasPending;

        private Match()
        {
        }

        public Match(string field, string query, Entity entity, string matchedName, NameKind? nameKind, FactConfidence confidence, double score,
            IReadOnlyList<FeatureScore> features, bool exactIdentifier = false, bool productIdentifier = false, string? scheme = null)
        {
            Set(field, query, entity, matchedName, nameKind, confidence, score, features);
            ExactIdentifier = exactIdentifier;
            ProductIdentifier = productIdentifier;
            Scheme = scheme;
        }

        public string Field { get; private set; } = null!;

        public string Query { get; private set; } = null!;

        public Entity Entity { get; private set; } = null!;

        public string MatchedName { get; private set; } = null!;

        public NameKind? NameKind { get; private set; }

        public FactConfidence Confidence { get; private set; }

        public double Score { get; private set; }

        /// <summary>Gets the explanation: for a name match, written when first read (the same list every time).</summary>
        public IReadOnlyList<FeatureScore> Features => _features ??= _hasPending ? new PendingFeatures(_pending) : [];

        public bool ExactIdentifier { get; private set; }

        public bool ProductIdentifier { get; private set; }

        public string? Scheme { get; private set; }

        public bool Mention { get; set; }

        public bool AccessoryMention { get; set; }

        public bool WholeNameMention { get; set; }

        public bool Contained { get; set; }

        public bool Partial { get; set; }

        /// <summary>Gets the identifier that matched, for identifier evidence.</summary>
        public EntityIdentifier? Identifier { get; set; }

        /// <summary>Gets, for a match of a parent given with the request, the ties from the party up to the matched entity.</summary>
        public IReadOnlyList<Relation> Ties { get; set; } = [];

        /// <summary>Gets the kind of evidence (<see cref="MatchEvidence.Kind"/>) when it is not read from the field.</summary>
        public string? EvidenceKind { get; set; }

        /// <summary>Gets the name score before the date-of-birth and country qualifiers.</summary>
        public double NameScore { get; set; }

        /// <summary>Gets the index of the matched entity in the candidate index, for a name match; -1 otherwise.</summary>
        public int EntityIndex { get; set; } = -1;

        /// <summary>Takes a match from the thread's free matches (or a new one), with no explanation yet.</summary>
        public static Match Rent(string field, string query, Entity entity, string matchedName, NameKind? nameKind, FactConfidence confidence, double score,
            IReadOnlyList<FeatureScore>? features)
        {
            var match = _free is { Count: > 0 } free ? free.Pop() : new Match();
            match.Set(field, query, entity, matchedName, nameKind, confidence, score, features);
            return match;
        }

        /// <summary>Gives a match back to the thread's free matches, emptied: nothing may read it after.</summary>
        public static void Return(Match match)
        {
            match.Set(null!, null!, null!, null!, null, default, 0, null);
            var free = _free ??= new Stack<Match>();
            if (free.Count < MaxFree)
            {
                free.Push(match);
            }
        }

        /// <summary>Gets what the explanation of a name match is written from, from which the match was made
        /// (<see cref="MatchOf"/>); the default for any other match.</summary>
        public PendingExplanation Pending => _pending;

        /// <summary>Sets what the explanation of a name match is written from, when a hit first reads it.</summary>
        public void Explain(in PendingExplanation pending)
        {
            _pending = pending;
            _hasPending = true;
        }

        private void Set(string field, string query, Entity entity, string matchedName, NameKind? nameKind, FactConfidence confidence, double score,
            IReadOnlyList<FeatureScore>? features)
        {
            Field = field;
            Query = query;
            Entity = entity;
            MatchedName = matchedName;
            NameKind = nameKind;
            Confidence = confidence;
            Score = score;
            _features = features;
            _pending = default;
            _hasPending = false;
            ExactIdentifier = false;
            ProductIdentifier = false;
            Scheme = null;
            Mention = false;
            AccessoryMention = false;
            WholeNameMention = false;
            Contained = false;
            Partial = false;
            Identifier = null;
            Ties = [];
            EvidenceKind = null;
            NameScore = score;
            EntityIndex = -1;
        }
    }
}

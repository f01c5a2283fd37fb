using System.Collections.Concurrent;
using System.Numerics;
using System.Text;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>One indexed name variant of one entity.</summary>
/// <param name="EntityIndex">The position of the entity in the indexed list.</param>
/// <param name="Name">The entity name.</param>
/// <param name="Normalized">The normalised variant.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed record IndexedName(int EntityIndex, EntityName Name, NormalizedName Normalized);

/// <summary>
/// Stage 1 of matching: finds candidate names cheaply and without losing true matches, through token postings, postings
/// of joined adjacent tokens, a character-trigram index over the token vocabulary for misspellings, transliterated keys, and
/// sound keys of Latin words for names in other scripts (<see cref="CrossScriptKey.RetrievalKeys"/>).
/// Also keeps the exact identifier map.
/// </summary>
/// <remarks>Instances are safe for concurrent use. Their tables are immutable after construction; the one thing written later is
/// the memo of the misspelling look-up of indexed words (<see cref="SimilarVocabularyOf"/>), whose entries are each written once
/// with the value any thread would compute. The memo starts with the look-up of every word of the indexed names worked out
/// (<see cref="PrecomputeMisspellings"/>).</remarks>
internal sealed partial class CandidateIndex : ITokenStatistics, IWordSoundCodes, IWordSketches
{
    internal const int MaxFuzzyExpansions = 24;
    internal const int MaxSoundExpansions = 16;
    internal const int MinSoundWordLength = 4;

    // Words of up to five letters (seven padded trigrams) are looked up by any one shared trigram.
    internal const int ShortWordTrigrams = 7;

    // Retrieval by sound takes only close sound matches: weaker ones, found for every common name in another script, would
    // bring in more unrelated candidates than true ones.
    internal const double MinSoundSimilarity = 0.93;

    // Trigrams shared by more vocabulary tokens than this carry little signal and are skipped in fuzzy lookups.
    internal const int MaxTrigramPostings = 4096;

    private readonly PooledLists<string> _postings;
    // The rarity of a posting key by its document frequency (the length of its posting list), computed once for each frequency
    // up to the longest list (RarityOf): a key's rarity is read with its posting list, without a table of its own.
    private readonly double[] _rarityByFrequency;
    // The typo vocabulary, shortest words first (words of one length in posting order), so that each trigram's list of word ids,
    // in increasing order, runs from short words to long ones and a look-up reads only the part of the lengths it can accept.
    private readonly string[] _vocabulary;

    // The posting-list number of each typo-vocabulary word: where a look-up reads the postings of a word it found, without looking
    // the word up by its letters, and the order in which it ranks equally similar words (the order of the postings).
    private readonly int[] _vocabularyPostings;

    // The first typo-vocabulary id of each word length and longer; one entry past the longest length, for the end.
    private readonly int[] _vocabularyLengthStart;

    // The spelling sketch of each typo-vocabulary word, by id: what the cheap similarity test needs.
    private readonly SpellingSketch[] _vocabularySketches;
    private readonly PooledLists<ulong> _trigramToVocabulary;
    private readonly Dictionary<string, int[]> _identifiers;
    private readonly (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] _modelPrefixes;
    private readonly ICandidateScoring _scoring;

    // The names posted under each run of three or four of their tokens with an "and" inside it, joined without its inner "and"s
    // (KeysWithoutInnerAnds), but for those already posted under the same key: looked up for a query's tokens and joined runs as
    // written, not among the misspellings of a word (where they would crowd out the names of the words it may misspell), and
    // not counted in any rarity. Made from the names, by a built index and by one read from a snapshot alike.
    private readonly Dictionary<string, int[]> _withoutAnd;

    /// <summary>Initializes a new instance of the <see cref="CandidateIndex"/> class.</summary>
    /// <param name="entities">The entities to index.</param>
    /// <param name="scoring">The token weights and spelling similarity of the scoring stage (<c>NameScoringRules.Default</c> for the
    /// engine's own).</param>
    /// <exception cref="ArgumentNullException"><paramref name="entities"/> or <paramref name="scoring"/> is <see langword="null"/>.</exception>
    public CandidateIndex(IReadOnlyList<Entity> entities, ICandidateScoring scoring)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(scoring);
        _scoring = scoring;
        Entities = entities;
        var names = new List<IndexedName>();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var identifiers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entities.Count; e++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var entityNames = entities[e].Names.Any(n => string.Equals(n.Value, entities[e].PrimaryName, StringComparison.Ordinal))
                ? entities[e].Names
                : entities[e].Names.Prepend(new EntityName(entities[e].PrimaryName, NameKind.Primary));
            foreach (var name in entityNames)
            {
                foreach (var variant in NameNormalizer.NormalizeListed(name.Value))
                {
                    if (!seen.Add(variant.Key))
                    {
                        continue;
                    }

                    var id = names.Count;
                    names.Add(new IndexedName(e, name, variant));
                    foreach (var key in PostingKeys(variant.Tokens))
                    {
                        if (!postings.TryGetValue(key, out var list))
                        {
                            postings[key] = list = [];
                        }

                        if (list.Count == 0 || list[^1] != id)
                        {
                            list.Add(id);
                        }
                    }
                }
            }

            foreach (var identifier in entities[e].Identifiers)
            {
                if (!IdentifierSchemes.IsIdentifying(identifier.Scheme))
                {
                    continue;
                }

                var key = IdentifierKey(identifier.Scheme, identifier.Value);
                if (!identifiers.TryGetValue(key, out var list))
                {
                    identifiers[key] = list = [];
                }

                if (!list.Contains(e))
                {
                    list.Add(e);
                }
            }
        }

        Names = [.. names];
        _nameWords = NameWordsTable(Names);
        (_vocabulary, _vocabularyPostings, _vocabularyLengthStart) = TypoVocabulary(postings.Keys);
        (_vocabularyIds, _misspellings) = SimilarMemo(_vocabulary);

        // The tables below depend only on the names and the typo vocabulary, not on each other: they are made side by side, each
        // the same as when made alone.
        var vocabulary = _vocabulary;
        PooledLists<string>? postingLists = null;
        double[]? rarity = null;
        SpellingSketch[]? sketches = null;
        PooledLists<ulong>? trigramTable = null;
        SoundVocabulary? sound = null;
        Parallel.Invoke(
            () =>
            {
                postingLists = PooledLists<string>.Of(postings);
                rarity = RarityByFrequency(postingLists, names.Count);
            },
            () => sketches = Sketches(vocabulary, scoring),
            () => trigramTable = TrigramTable(vocabulary),
            () => sound = SoundVocabulary.Build(names, MinSoundWordLength));
        _postings = postingLists!;
        _withoutAnd = PostingsWithoutInnerAnds(Names, _postings);
        _rarityByFrequency = rarity!;
        _vocabularySketches = sketches!;
        _trigramToVocabulary = trigramTable!;
        _trigramSlots = TrigramSlots(_trigramToVocabulary);
        _sound = sound!;
        _identifiers = identifiers.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _modelPrefixes = ModelPrefixes(entities);
        _nameFacts = MakeFacts(names);
        _precomputedMisspellings = PrecomputeMisspellings(names);
    }

    // The trigram table of the typo vocabulary: for each trigram, the ids of the words that hold it, in increasing order.
    private static PooledLists<ulong> TrigramTable(string[] vocabulary)
    {
        var trigrams = new Dictionary<ulong, List<int>>();
        var grams = new List<ulong>();
        for (var v = 0; v < vocabulary.Length; v++)
        {
            Trigrams(vocabulary[v], grams, distinct: false);
            foreach (var g in grams)
            {
                if (!trigrams.TryGetValue(g, out var list))
                {
                    trigrams[g] = list = [];
                }

                if (list.Count == 0 || list[^1] != v)
                {
                    list.Add(v);
                }
            }
        }

        return PooledLists<ulong>.Of(trigrams);
    }

    /// <summary>Gets the indexed entities.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>Gets every indexed name variant, by name id.</summary>
    /// <remarks>An array, read as one: a screening reads a name per candidate, and an array's element is read in place, where a
    /// read through <see cref="IReadOnlyList{T}"/> is an interface call.</remarks>
    public IndexedName[] Names { get; }

    /// <inheritdoc />
    public double Rarity(string token)
    {
        PostingNumber(token, out var rarity);
        return rarity;
    }

    // The posting-list number of a token, -1 when it has none, and its rarity (as Rarity gives it) from the same look-up.
    private int PostingNumber(string token, out double rarity)
    {
        if (_postings.Numbers.TryGetValue(token, out var number))
        {
            rarity = _rarityByFrequency[_postings[number].Length];
            return number;
        }

        rarity = 1;
        return -1;
    }

    // The rarity of a key held by a number of the indexed names: the log of the inverse document frequency over the log of the
    // number of names, in [0.05, 1].
    private static double RarityOf(int documentFrequency, int nameCount) =>
        Math.Clamp(Math.Log(1 + (nameCount / (double)documentFrequency)) / Math.Log(2 + nameCount), 0.05, 1);

    // The rarity of a key for every document frequency from 0 to the length of the longest posting list.
    private static double[] RarityByFrequency(PooledLists<string> postings, int nameCount)
    {
        var rarity = new double[postings.Longest + 1];
        for (var frequency = 0; frequency < rarity.Length; frequency++)
        {
            rarity[frequency] = RarityOf(frequency, nameCount);
        }

        return rarity;
    }

    /// <summary>Gets how many entities carry a token, or a run of up to four adjacent tokens written together
    /// (<c>"arellanofelix"</c>), in any of their indexed names: the document frequency by entity.</summary>
    /// <param name="key">The token, or the adjacent tokens concatenated.</param>
    /// <param name="limit">Counting stops at this many entities.</param>
    /// <returns>The number of entities, at most <paramref name="limit"/>.</returns>
    internal int EntityFrequency(string key, int limit)
    {
        if (!_postings.TryGetValue(key, out var ids))
        {
            return 0;
        }

        // Names are indexed entity by entity, so the entity indexes of a posting list never decrease.
        var count = 0;
        var last = -1;
        foreach (var id in ids)
        {
            var entity = Names[id].EntityIndex;
            if (entity != last)
            {
                last = entity;
                if (++count >= limit)
                {
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>Finds the candidate names for a query name, best retrieval overlap first.</summary>
    /// <param name="query">The normalised query.</param>
    /// <param name="maxCandidates">The most candidates to return.</param>
    /// <returns>Ids into <see cref="Names"/>.</returns>
    public IReadOnlyList<int> FindCandidates(NormalizedName query, int maxCandidates) => FindCandidates(query, maxCandidates, null);

    /// <summary>Finds the candidate names for a query name, reusing the misspelling look-ups of tokens already looked up for the
    /// same text (the overlapping windows of a long text share most of their tokens).</summary>
    /// <param name="query">The normalised query.</param>
    /// <param name="maxCandidates">The most candidates to return.</param>
    /// <param name="similarCache">Similar vocabulary by token, filled as tokens are looked up; <see langword="null"/> for none.</param>
    /// <returns>Ids into <see cref="Names"/>.</returns>
    internal IReadOnlyList<int> FindCandidates(NormalizedName query, int maxCandidates, Dictionary<string, ArraySegment<int>>? similarCache)
    {
        int[]? ids = null;
        return FindCandidates(query, maxCandidates, similarCache, ref ids) == 0 ? [] : ids!;
    }

    /// <summary>Finds the candidate names for a query name into a buffer of the caller's (as
    /// <see cref="FindCandidates(NormalizedName, int, Dictionary{string, ArraySegment{int}})"/>), so that a caller that screens many names
    /// reuses one buffer instead of receiving an array per name.</summary>
    /// <param name="query">The normalised query.</param>
    /// <param name="maxCandidates">The most candidates to return.</param>
    /// <param name="similarCache">Similar vocabulary by token, filled as tokens are looked up; <see langword="null"/> for none.</param>
    /// <param name="ids">The buffer the ids into <see cref="Names"/> are written to, best first, from its start: replaced by a larger
    /// one when it is too small; when <see langword="null"/>, an array of exactly the candidates found (none: left
    /// <see langword="null"/>). Elements past the returned count are left as they were.</param>
    /// <returns>How many candidates were written.</returns>
    /// <param name="shared">The misspelling look-ups of the query's words shared with a helper thread that takes them from the last
    /// word (<see cref="LookUpSimilarFromTheEnd"/>), or <see langword="null"/>: a word the helper has taken is read from it once
    /// it is done. The words found, and so the tally and the candidates, are the same either way.</param>
    /// <param name="sharedSound">The look-up by sound of the query shared with a helper thread that takes its groups of runs from the
    /// last (<see cref="LookUpSoundFromTheEnd"/>), or <see langword="null"/>: as <paramref name="shared"/>, for a query looked up by
    /// sound (<see cref="LooksUpBySound"/>).</param>
    internal int FindCandidates(NormalizedName query, int maxCandidates, Dictionary<string, ArraySegment<int>>? similarCache, ref int[]? ids,
        SharedSimilarWords? shared = null, SharedSoundRuns? sharedSound = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = query.Tokens;
        var useLowWeight = UsesLowWeightTokens(tokens);
        if (shared is not null && !ReferenceEquals(shared.Query, query))
        {
            throw new ArgumentException("the shared look-ups are of another query", nameof(shared));
        }

        if (sharedSound is not null && (!ReferenceEquals(sharedSound.Query, query) || !LooksUpBySound(query)))
        {
            throw new ArgumentException("the shared look-up by sound is of another query, or of one not looked up by sound", nameof(sharedSound));
        }

        var scratch = Scratch.Rent(Names.Length, _vocabulary.Length);
        var scores = scratch.Scores;
        var touched = scratch.TouchedNames;
        try
        {
            void Add(string key, double weight)
            {
                if (_postings.TryGetValue(key, out var ids))
                {
                    Tally(ids, weight, scratch);
                }
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                // The token's postings and its rarity from one look-up.
                var number = PostingNumber(t.Text, out var rarity);
                var baseWeight = _scoring.BaseWeight(t.Class);
                var weight = baseWeight * rarity;

                // A legal form is looked up only in a query of low-weight tokens alone; in another, its names are tallied (as
                // written, at its weight) when few names carry it ("asbl", "eood"): then it finds a short name whose other words
                // are too short to be looked up misspelt ("AL-QSA ASBL" for "AL-AQSA ASBL").
                if (!useLowWeight && t.Class is TokenClass.LegalForm)
                {
                    if (number >= 0 && _postings[number].Length <= RareLegalFormNames)
                    {
                        Tally(_postings[number], weight, scratch);
                    }

                    continue;
                }

                if (number >= 0)
                {
                    Tally(_postings[number], weight, scratch);
                }
                else if (t.Class == TokenClass.Word && DigitLetters.IsCandidate(t.Text))
                {
                    // Digits written for the letters they look like ("D4HUA", "EZV1Z"), which the scorer reads so: the names of each
                    // reading, at its own rarity. A short word misspelt so is not found by its trigrams, which the digits change.
                    TallyDigitReadings(t.Text, baseWeight, scratch);
                }

                if (_withoutAnd.Count > 0 && _withoutAnd.TryGetValue(t.Text, out var withoutAnd))
                {
                    Tally(withoutAnd, weight, scratch);
                }

                if (IsLookedUpForMisspellings(t))
                {
                    var similarWords = default(ArraySegment<int>);
                    var cacheKey = similarCache is null ? null : query.IsTransliteration ? "\u0001" + t.Text : t.Text;
                    if ((shared is null || !shared.TryTakeOrRead(i, out similarWords))
                        && (similarCache is null || !similarCache.TryGetValue(cacheKey!, out similarWords)))
                    {
                        similarWords = SimilarVocabularyOf(t.Text, shortWordLookup: !query.IsTransliteration, scratch);
                        similarCache?.Add(cacheKey!, similarWords);
                    }

                    // Every vocabulary word has postings: read by its number. A near spelling counts for four fifths of the token's
                    // weight at the rarity of the two that is lower: one that many names share ("bakr" for "baskr") counts for less
                    // than a rare one ("baskar"), whose names it would otherwise crowd out of the candidates kept.
                    foreach (var similar in similarWords)
                    {
                        var similarPostings = _postings[_vocabularyPostings[similar]];
                        var similarRarity = Math.Min(rarity, _rarityByFrequency[similarPostings.Length]);
                        Tally(similarPostings, baseWeight * similarRarity * 0.8, scratch);
                    }
                }

                // Joined adjacent query tokens: "hik vision" finds "hikvision".
                AddJoined(tokens, i, weight, scratch);
            }

            // Names in an abjad (Arabic, Hebrew) are not looked up by sound: without written vowels, common names there sound
            // like too many Latin names; they are still found through their other words and compared by sound when found.
            if (LooksUpBySound(query))
            {
                foreach (var (word, weight) in SoundAlikeVocabulary(query, scratch, sharedSound))
                {
                    Add(word, weight);
                }

                scratch.SoundWords.Clear();
            }

            var count = TopCandidates(scores, touched, maxCandidates, scratch, ref ids);
            return KeepNamesOfTheQuerysWords(query, maxCandidates, ref ids, count);
        }
        finally
        {
            foreach (var id in touched)
            {
                scores[id] = 0;
                scratch.NameTouched[id] = false;
            }

            touched.Clear();
            Scratch.Return(scratch);
        }
    }

    // The most names a legal form is carried by for it to be tallied in a query with other words (FindCandidates).
    private const int RareLegalFormNames = 40;

    // Whether a query's legal forms are tallied: only when every token of it is a legal form, a generic word or a place.
    private static bool UsesLowWeightTokens(List<NameToken> tokens)
    {
        var useLowWeight = true;
        for (var i = 0; i < tokens.Count && useLowWeight; i++)
        {
            useLowWeight = tokens[i].Class is TokenClass.LegalForm or TokenClass.Generic or TokenClass.Location;
        }

        return useLowWeight;
    }

    // Tallies the names of each reading of a word with letters for its digits (DigitLetters.Readings) that is a posting key, at the
    // word's base weight and the reading's rarity.
    private void TallyDigitReadings(string word, double baseWeight, Scratch scratch)
    {
        foreach (var reading in DigitLetters.Readings(word))
        {
            var number = PostingNumber(reading, out var rarity);
            if (number >= 0)
            {
                Tally(_postings[number], baseWeight * rarity, scratch);
            }
        }
    }

    /// <summary>Gets whether a query token that is tallied is looked up for the words it may misspell: four characters or more, not
    /// a number nor an ideograph.</summary>
    /// <param name="token">The token.</param>
    /// <returns>Whether it is looked up.</returns>
    internal static bool IsLookedUpForMisspellings(NameToken token) =>
        token.Text.Length >= 4 && token.Class is not (TokenClass.Number or TokenClass.Ideograph);

    /// <summary>Looks up the words a query's tokens may misspell on a helper thread, from its last token back, while the
    /// screening's thread finds the query's candidates (<see cref="FindCandidates(NormalizedName, int, Dictionary{string, ArraySegment{int}}, ref int[], SharedSimilarWords, SharedSoundRuns)"/>)
    /// from its first: each takes the tokens not yet taken, and the helper stops at the first the other thread took.</summary>
    /// <param name="shared">The look-ups shared, of the query they were reset for. Once cleared (the screening's thread is done
    /// with the look-up before the helper starts), nothing is left to look up, and nothing is.</param>
    internal void LookUpSimilarFromTheEnd(SharedSimilarWords shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (shared.Query is not { } query)
        {
            return;
        }

        var tokens = query.Tokens;
        var useLowWeight = UsesLowWeightTokens(tokens);
        Scratch? scratch = null;
        try
        {
            for (var i = tokens.Count - 1; i >= 0; i--)
            {
                var t = tokens[i];
                if ((!useLowWeight && t.Class is TokenClass.LegalForm) || !IsLookedUpForMisspellings(t))
                {
                    continue;
                }

                if (!shared.TryTake(i))
                {
                    return;
                }

                scratch ??= Scratch.Rent(Names.Length, _vocabulary.Length);
                shared.Done(i, SimilarVocabularyOf(t.Text, shortWordLookup: !query.IsTransliteration, scratch));
            }
        }
        finally
        {
            if (scratch is not null)
            {
                Scratch.Return(scratch);
            }
        }
    }

    /// <summary>Writes the numbers of the posting lists of at most a number of names that a query's look-up tallies from its
    /// tokens as written, and from the words its tokens were found to misspell so far (in a look-up shared with a helper), shortest
    /// first: the names that share a rare word with the query, which the look-up nearly always takes among its candidates.</summary>
    /// <param name="query">The normalised query.</param>
    /// <param name="similar">The misspelling look-ups of the query shared with a helper, read where done; or <see langword="null"/>.</param>
    /// <param name="maxNames">The most names of a list written.</param>
    /// <param name="numbers">Where the numbers are written.</param>
    /// <returns>How many were written (no more than the room given).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNames"/> is negative.</exception>
    internal int ShortPostings(NormalizedName query, SharedSimilarWords? similar, int maxNames, Span<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNames);
        var count = 0;
        var tokens = query.Tokens;
        for (var i = 0; i < tokens.Count && count < numbers.Length; i++)
        {
            if (_postings.Numbers.TryGetValue(tokens[i].Text, out var number) && _postings[number].Length <= maxNames)
            {
                numbers[count++] = number;
            }

            if (similar is not null && similar.TryRead(i, out var words))
            {
                foreach (var word in words)
                {
                    var list = _vocabularyPostings[word];
                    if (count < numbers.Length && _postings[list].Length <= maxNames)
                    {
                        numbers[count++] = list;
                    }
                }
            }
        }

        // Shortest first; a list met twice is read twice, which the reader's marks make harmless.
        var written = numbers[..count];
        for (var a = 1; a < written.Length; a++)
        {
            var x = written[a];
            var b = a - 1;
            while (b >= 0 && _postings[written[b]].Length > _postings[x].Length)
            {
                written[b + 1] = written[b];
                b--;
            }

            written[b + 1] = x;
        }

        return count;
    }

    /// <summary>Gets the names of a posting list by its number (<see cref="ShortPostings"/>).</summary>
    /// <param name="number">The list's number.</param>
    /// <returns>The ids of its names.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not the number of a list of the index.</exception>
    internal ReadOnlySpan<int> PostingList(int number)
    {
        if ((uint)number >= (uint)_postings.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"no posting list has this number: the index has {_postings.Count}");
        }

        return _postings[number];
    }

    /// <summary>Gets the names that hold a word starting with some letters and going on (the word a name cut short by a field
    /// ends with, "STROYGAZM" of "STROYGAZMONTAZH"): the look-up finds names by their words, whole or misspelt, and the start of
    /// a word is neither. The typo vocabulary (words of four characters or more) is read in full, about a millisecond: for the
    /// few names whose whole words say nothing else.</summary>
    /// <param name="start">The letters, three or more.</param>
    /// <param name="maxNames">The most names given.</param>
    /// <returns>The positions in <see cref="Names"/> of the names, each once, in the order of the words' posting lists.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNames"/> is negative.</exception>
    internal List<int> NamesOfWordsStarting(string start, int maxNames)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNames);
        var names = new List<int>();
        if (start.Length < 3)
        {
            return names;
        }

        var seen = new HashSet<int>();
        for (var id = LengthStart(start.Length + 1); id < _vocabulary.Length && names.Count < maxNames; id++)
        {
            if (!_vocabulary[id].StartsWith(start, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var name in _postings[_vocabularyPostings[id]])
            {
                if (names.Count < maxNames && seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    // Adds a weight to the tally of each name of a posting list.
    private static void Tally(ReadOnlySpan<int> ids, double weight, Scratch scratch)
    {
        var scores = scratch.Scores;
        var nameTouched = scratch.NameTouched;
        foreach (var id in ids)
        {
            if (!nameTouched[id])
            {
                nameTouched[id] = true;
                scratch.TouchedNames.Add(id);
            }

            scores[id] += weight;
        }
    }

    // Tallies the postings of the token at i joined with each of the next up to three tokens ("hik vision" finds "hikvision"),
    // joined in a buffer on the stack where the runtime looks strings up by their characters.
    private void AddJoined(List<NameToken> tokens, int i, double weight, Scratch scratch)
    {
        var end = Math.Min(tokens.Count, i + 4);
#if NET9_0_OR_GREATER
        var length = 0;
        for (var k = i; k < end; k++)
        {
            length += tokens[k].Text.Length;
        }

        if (length <= 256 && _postings.Numbers.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            && _withoutAnd.TryGetAlternateLookup<ReadOnlySpan<char>>(out var withoutAndLookup))
        {
            Span<char> buffer = stackalloc char[256];
            var written = tokens[i].Text.Length;
            tokens[i].Text.AsSpan().CopyTo(buffer);
            for (var k = i + 1; k < end; k++)
            {
                tokens[k].Text.AsSpan().CopyTo(buffer[written..]);
                written += tokens[k].Text.Length;
                if (lookup.TryGetValue(buffer[..written], out var list))
                {
                    Tally(_postings[list], weight, scratch);
                }

                if (_withoutAnd.Count > 0 && withoutAndLookup.TryGetValue(buffer[..written], out var withoutAnd))
                {
                    Tally(withoutAnd, weight, scratch);
                }
            }

            return;
        }
#endif
        var joined = tokens[i].Text;
        for (var k = i + 1; k < end; k++)
        {
            joined += tokens[k].Text;
            if (_postings.TryGetValue(joined, out var ids))
            {
                Tally(ids, weight, scratch);
            }

            if (_withoutAnd.TryGetValue(joined, out var withoutAnd))
            {
                Tally(withoutAnd, weight, scratch);
            }
        }
    }

    // The best-scored names, highest score first and lower id first among equal scores, by partial selection: a bounded
    // min-heap of the best seen so far (in the thread's scratch memory) rather than a sort of every name touched.
    private static int TopCandidates(double[] scores, List<int> touched, int maxCandidates, Scratch scratch, ref int[]? ids)
    {
        if (maxCandidates <= 0 || touched.Count == 0)
        {
            return 0;
        }

        // The heap's root is the worst kept candidate: the lowest score, and among equal scores the highest id.
        var heap = scratch.Heap(Math.Min(maxCandidates, touched.Count));
        var count = 0;
        foreach (var id in touched)
        {
            var key = (scores[id], id);
            if (count < maxCandidates)
            {
                // Sift the new entry up from the end.
                var at = count++;
                while (at > 0)
                {
                    var parent = (at - 1) >> 1;
                    if (WorseThan(heap[parent], key))
                    {
                        break;
                    }

                    heap[at] = heap[parent];
                    at = parent;
                }

                heap[at] = key;
            }
            else if (WorseThan(heap[0], key))
            {
                // Replace the root and sift it down.
                var at = 0;
                while (true)
                {
                    var child = (2 * at) + 1;
                    if (child >= count)
                    {
                        break;
                    }

                    if (child + 1 < count && WorseThan(heap[child + 1], heap[child]))
                    {
                        child++;
                    }

                    if (WorseThan(key, heap[child]))
                    {
                        break;
                    }

                    heap[at] = heap[child];
                    at = child;
                }

                heap[at] = key;
            }
        }

        // The kept candidates, best first: the order is total (ids differ), so it is the order of any exact selection.
        var kept = heap.AsSpan(0, count);
        kept.Sort(static (x, y) => WorseThan(x, y) ? 1 : WorseThan(y, x) ? -1 : 0);
        if (ids is null || ids.Length < count)
        {
            ids = ids is null ? new int[count] : new int[Math.Max(count, 2 * ids.Length)];
        }

        for (var i = 0; i < count; i++)
        {
            ids[i] = kept[i].Id;
        }

        return count;
    }

    // The hash of each name's words (WordsHash: its normalised tokens in any order) beside its id, in the order of the hashes and
    // then of the ids: the names holding a query's words, by one binary search.
    private readonly (int Hash, int Id)[] _nameWords;

    private static (int Hash, int Id)[] NameWordsTable(IndexedName[] names)
    {
        var words = new (int Hash, int Id)[names.Length];
        for (var id = 0; id < names.Length; id++)
        {
            words[id] = (WordsHash(names[id].Normalized.Tokens), id);
        }

        Array.Sort(words);
        return words;
    }

    // A hash of a name's words that does not depend on their order ("abdallah muhammad" and "muhammad abdallah" hash alike):
    // the sum of each counted word's hash (CountsAsWord), mixed.
    private static int WordsHash(List<NameToken> tokens, bool titlesAside = false)
    {
        var allAside = AllAside(tokens);
        var hash = 0u;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (CountsAsWord(tokens[i], allAside, titlesAside))
            {
                hash += BitOperations.RotateLeft((uint)StringComparer.Ordinal.GetHashCode(tokens[i].Text) * 0x9E3779B1u, 15) * 0x85EBCA77u;
            }
        }

        return (int)hash;
    }

    // Whether a token counts among a name's words: legal forms are set aside ("Hikvision Ltd" holds the words of "Hikvision LLC"
    // and of "Hikvision"), unless the name holds nothing else. A listed name's titles count: "Ibrahim" finding "DR. IBRAHIM" (a
    // weak alias) among hundreds of names holding "ibrahim" was one false alert more on the quality harness's common words. A
    // query's titles are also set aside, in a second look-up (KeepNamesOfTheQuerysWords): "Mr Muhammad 'Abdallah" holds the
    // words of "'ABDALLAH, Muhammad".
    private static bool CountsAsWord(NameToken token, bool allAside, bool titlesAside = false) =>
        allAside || (token.Class is not TokenClass.LegalForm && !(titlesAside && token.Class is TokenClass.Title));

    // Whether every token of a name is a legal form.
    private static bool AllAside(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class is not TokenClass.LegalForm)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets the names that hold a query's words (its tokens, as normalised, legal forms aside unless it holds nothing
    /// else) and no other, in any order, lowest id first.</summary>
    /// <param name="query">The normalised query.</param>
    /// <returns>Ids into <see cref="Names"/>.</returns>
    internal IEnumerable<int> NamesOfWords(NormalizedName query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var hash = WordsHash(query.Tokens);
        for (var at = FirstOfHash(hash); at < _nameWords.Length && _nameWords[at].Hash == hash; at++)
        {
            var id = _nameWords[at].Id;
            if (HasWordsOf(id, query))
            {
                yield return id;
            }
        }
    }

    // Whether a name holds the words of a query and no other, in any order: each word as many times, legal forms aside
    // (CountsAsWord).
    private bool HasWordsOf(int id, NormalizedName query, bool queryTitlesAside = false)
    {
        var q = query.Tokens;
        var c = Names[id].Normalized.Tokens;
        var qAside = AllAside(q);
        var cAside = AllAside(c);
        if (qAside != cAside || Counted(q, qAside, null, queryTitlesAside) != Counted(c, cAside, null))
        {
            return false;
        }

        for (var i = 0; i < q.Count; i++)
        {
            if (CountsAsWord(q[i], qAside, queryTitlesAside) && Counted(q, qAside, q[i].Text, queryTitlesAside) != Counted(c, cAside, q[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    // How many of a name's counted words (CountsAsWord) are written as a text, or how many there are when the text is null.
    private static int Counted(List<NameToken> tokens, bool allAside, string? text, bool titlesAside = false)
    {
        var count = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (CountsAsWord(tokens[k], allAside, titlesAside) && (text is null || string.Equals(tokens[k].Text, text, StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    // The position of the first entry of a hash in the table of names' words, or where it would be.
    private int FirstOfHash(int hash)
    {
        int lo = 0, hi = _nameWords.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_nameWords[mid].Hash < hash)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // A name of the query's words, in any order, legal forms aside, is a candidate whatever its tally: one that a tie of more
    // names than are kept left out ("Hassan", a one-word alias, among hundreds of names holding "hassan"; "'ABDALLAH, Muhammad"
    // among hundreds holding both words) takes the place of the last candidate that is not such a name, or is added when fewer
    // than the most were found. Up to the most candidates are kept in all.
    private int KeepNamesOfTheQuerysWords(NormalizedName query, int maxCandidates, ref int[]? ids, int count)
    {
        count = KeepNamesOfWords(query, titlesAside: false, maxCandidates, ref ids, count);

        // A query with a title and other words also keeps the names of its other words ("Mr Muhammad 'Abdallah" the name
        // "'ABDALLAH, Muhammad"); a listed name's titles still count.
        return HasTitleAndWord(query.Tokens) ? KeepNamesOfWords(query, titlesAside: true, maxCandidates, ref ids, count) : count;
    }

    // Whether a name holds a title and a word that is neither a title nor a legal form.
    private static bool HasTitleAndWord(List<NameToken> tokens)
    {
        bool title = false, word = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            title |= tokens[i].Class is TokenClass.Title;
            word |= tokens[i].Class is not (TokenClass.Title or TokenClass.LegalForm);
        }

        return title && word;
    }

    // Keeps among the candidates the names of the query's words (with its titles set aside or not), each in place of a
    // candidate that is not one of them when the candidates are full.
    private int KeepNamesOfWords(NormalizedName query, bool titlesAside, int maxCandidates, ref int[]? ids, int count)
    {
        var hash = WordsHash(query.Tokens, titlesAside);
        var at = FirstOfHash(hash);
        if (maxCandidates <= 0 || at >= _nameWords.Length || _nameWords[at].Hash != hash)
        {
            return count;
        }

        // The last position that a name not of the query's words may be given up from.
        var replace = count - 1;
        for (; at < _nameWords.Length && _nameWords[at].Hash == hash; at++)
        {
            var id = _nameWords[at].Id;
            if (!HasWordsOf(id, query, titlesAside) || (count > 0 && Array.IndexOf(ids!, id, 0, count) >= 0))
            {
                continue;
            }

            if (count < maxCandidates)
            {
                // Grown one at a time: a caller that gave no buffer receives an array of exactly the candidates.
                if (ids is null || ids.Length <= count)
                {
                    Array.Resize(ref ids, count + 1);
                }

                ids[count++] = id;
                continue;
            }

            while (replace >= 0 && (HasWordsOf(ids![replace], query) || (titlesAside && HasWordsOf(ids[replace], query, queryTitlesAside: true))))
            {
                replace--;
            }

            if (replace < 0)
            {
                break;
            }

            ids![replace--] = id;
        }

        return count;
    }

    // Whether a candidate ranks below another: a lower score, or (among equal scores) a higher id.
    private static bool WorseThan((double Score, int Id) x, (double Score, int Id) y) =>
        x.Score != y.Score ? x.Score < y.Score : x.Id > y.Id;

    /// <summary>Finds the entities that carry an identifier exactly (compared on letters and digits, case-insensitive).</summary>
    /// <param name="scheme">The identifier scheme.</param>
    /// <param name="value">The value.</param>
    /// <returns>Indexes into <see cref="Entities"/>.</returns>
    public IReadOnlyList<int> FindByIdentifier(string scheme, string value) =>
        _identifiers.TryGetValue(IdentifierKey(scheme, value), out var list) ? list : [];

    /// <summary>Finds the entities whose model prefixes start a model number, longest prefix first.</summary>
    /// <param name="model">The model number.</param>
    /// <returns>Pairs of entity index and the prefix as published.</returns>
    public IReadOnlyList<(int EntityIndex, string Prefix)> FindByModelPrefix(string model)
    {
        var folded = NameNormalizer.FoldIdentifier(model);
        if (folded.Length == 0)
        {
            return [];
        }

        return _modelPrefixes
            .Where(p => p.Pattern.MatchesFolded(folded))
            .Select(p => (p.EntityIndex, p.Identifier.Value))
            .ToList();
    }

    /// <summary>Finds the model prefixes that start a model number, longest prefix first, with the identifiers that carry them.</summary>
    /// <param name="model">The model number, or a model-like word of a longer text.</param>
    /// <param name="word"><see langword="true"/> for a word of a longer text, which must have the prefix's separators too;
    /// <see langword="false"/> for a model field, compared on letters and digits only.</param>
    /// <returns>Pairs of entity index and model-prefix identifier.</returns>
    internal IReadOnlyList<(int EntityIndex, EntityIdentifier Identifier)> FindModelPrefixes(string model, bool word)
    {
        var folded = word ? ModelPrefixPattern.FoldWord(model) : NameNormalizer.FoldIdentifier(model);
        if (folded.Length == 0)
        {
            return [];
        }

        return _modelPrefixes
            .Where(p => word ? p.Pattern.MatchesWord(folded) : p.Pattern.MatchesFolded(folded))
            .Select(p => (p.EntityIndex, p.Identifier))
            .ToList();
    }

    /// <summary>Finds the model prefixes that a model number written in a text as two words (<c>IPC HDW2431T</c>) starts with,
    /// through the space (<see cref="ModelPrefixPattern.MatchesSpacedWords"/>), longest first.</summary>
    /// <param name="first">The first word, letters only (<c>IPC</c>).</param>
    /// <param name="second">The second word (<c>HDW2431T</c>).</param>
    /// <returns>Pairs of entity index and model-prefix identifier.</returns>
    internal IReadOnlyList<(int EntityIndex, EntityIdentifier Identifier)> FindSpacedModelPrefixes(string first, string second)
    {
        var space = ModelPrefixPattern.FoldWord(first);
        var words = space + "-" + ModelPrefixPattern.FoldWord(second);
        return _modelPrefixes
            .Where(p => p.Pattern.MatchesSpacedWords(words, space.Length))
            .Select(p => (p.EntityIndex, p.Identifier))
            .ToList();
    }

    // The model-prefix identifiers of the entities, longest first.
    private static (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] ModelPrefixes(IReadOnlyList<Entity> entities) =>
        entities
            .SelectMany((entity, e) => entity.Identifiers
                .Where(id => string.Equals(id.Scheme, IdentifierSchemes.ModelPrefix, StringComparison.Ordinal))
                .Select(id => (EntityIndex: e, Identifier: id, Pattern: ModelPrefixPattern.Compile(id.Value))))
            .Where(p => p.Pattern.Folded.Length >= 2)
            .OrderByDescending(p => p.Pattern.Folded.Length)
            .ToArray();

    private static string IdentifierKey(string scheme, string value) => scheme + "\u0000" + NameNormalizer.FoldIdentifier(value);

    // The names posted under each key of a run without its inner "and"s (KeysWithoutInnerAnds), in increasing order, but for
    // those the postings already list under that key.
    private static Dictionary<string, int[]> PostingsWithoutInnerAnds(IndexedName[] names, PooledLists<string> postings)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < names.Length; id++)
        {
            var tokens = names[id].Normalized.Tokens;
            if (!tokens.Exists(NameNormalizer.IsAnd))
            {
                continue;
            }

            foreach (var key in KeysWithoutInnerAnds(tokens))
            {
                if (postings.TryGetValue(key, out var posted) && posted.BinarySearch(id) >= 0)
                {
                    continue;
                }

                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                if (list.Count == 0 || list[^1] != id)
                {
                    list.Add(id);
                }
            }
        }

        return lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the keys a name is looked up under beside its <see cref="PostingKeys"/>: each run of three or four of its
    /// tokens with an "and" inside it, joined without its inner "and"s, as the scorer also reads such a run ("oil and gas" is
    /// also "oilgas", so that "OIL &amp; GAS" written "OILGAS" finds the name). They are not words of the typo vocabulary, nor
    /// counted in any rarity: a misspelt word is not looked up among them, where they would crowd out the names of the words it
    /// may misspell ("harramain" would find every "Al-Haramain &amp; Al Masjed" as "haramainal").</summary>
    /// <param name="tokens">The name's tokens.</param>
    /// <returns>The keys, in the order of their runs.</returns>
    internal static IEnumerable<string> KeysWithoutInnerAnds(List<NameToken> tokens)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            for (var k = i + 2; k < Math.Min(tokens.Count, i + 4); k++)
            {
                if (JoinedWithoutInnerAnds(tokens, i, k) is { } withoutAnd)
                {
                    yield return withoutAnd;
                }
            }
        }
    }

    // The run of a name's tokens from one to another joined without the "and"s inside it (neither its first nor its last
    // token); null when no "and" is inside it.
    private static string? JoinedWithoutInnerAnds(List<NameToken> tokens, int first, int last)
    {
        var inner = false;
        for (var k = first + 1; k < last && !inner; k++)
        {
            inner = NameNormalizer.IsAnd(tokens[k]);
        }

        if (!inner)
        {
            return null;
        }

        var joined = new StringBuilder();
        for (var k = first; k <= last; k++)
        {
            if (k == first || k == last || !NameNormalizer.IsAnd(tokens[k]))
            {
                joined.Append(tokens[k].Text);
            }
        }

        return joined.ToString();
    }

    internal static IEnumerable<string> PostingKeys(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            yield return tokens[i].Text;
            var joined = tokens[i].Text;
            for (var k = i + 1; k < Math.Min(tokens.Count, i + 4); k++)
            {
                joined += tokens[k].Text;
                yield return joined;
            }
        }

        // The initials of a name of three to five words, so that an acronym finds it ("pla": "peoples liberation army").
        if (tokens.Count is >= 3 and <= 5 && tokens.All(NameNormalizer.IsAcronymWord))
        {
            yield return string.Concat(tokens.Select(t => t.Text[0]));
        }
    }

    /// <summary>Gets the indexed words a token may be a misspelling of, as a query's look-up takes them: most similar first,
    /// at most <see cref="MaxFuzzyExpansions"/>.</summary>
    /// <param name="token">The token, in compare form.</param>
    /// <param name="shortWordLookup"><see langword="true"/> to look a short word up by any one shared trigram (a Latin-script
    /// query); <see langword="false"/> for the ordinary share of trigrams (a transliterated query).</param>
    /// <returns>The words.</returns>
    internal string[] SimilarWords(string token, bool shortWordLookup)
    {
        ArgumentNullException.ThrowIfNull(token);
        var scratch = Scratch.Rent(Names.Length, _vocabulary.Length);
        try
        {
            return [.. SimilarVocabularyOf(token, shortWordLookup, scratch).Select(id => _vocabulary[id])];
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    // The typo vocabulary: the posting keys of four characters or more, ordered by length, and in ordinal order within a length,
    // with each word's posting-list number (its position among the keys, in order) and the first id of each length. A
    // misspelling look-up reads, for each word found in enough trigram lists, its sketch and then its letters, from places in
    // memory no earlier query may have read: in this order the words found for one token (which mostly share its first letters)
    // lie near one another in the sketches and, as each word is copied in id order here, in memory. The copies are the
    // vocabulary's own (the names and the postings keep the strings they were made with); an index snapshot stores the words in
    // this order, so that a read index has them so without copies (ReadWords).
    private static (string[] Words, int[] Postings, int[] LengthStart) TypoVocabulary(IEnumerable<string> keys)
    {
        var words = new List<string>();
        var numbers = new List<int>();
        var number = 0;
        foreach (var key in keys)
        {
            if (IsTypoWord(key))
            {
                words.Add(key);
                numbers.Add(number);
            }

            number++;
        }

        var sorted = words.ToArray();
        var postings = numbers.ToArray();
        Array.Sort(sorted, postings, Comparer<string>.Create(CompareInVocabulary));
        for (var id = 0; id < sorted.Length; id++)
        {
            sorted[id] = new string(sorted[id]);
        }

        return (sorted, postings, LengthStarts(sorted));
    }

    // The order of the typo vocabulary: by length, then ordinally.
    private static int CompareInVocabulary(string x, string y) => x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);

    // Whether a word comes after another in the typo vocabulary.
    private static bool VocabularyOrder(string before, string word) => CompareInVocabulary(before, word) < 0;

    // The first id of each length in a vocabulary ordered by length (its last word the longest), up to one past the longest
    // (LengthStart).
    private static int[] LengthStarts(string[] words)
    {
        var lengthStart = new int[(words.Length == 0 ? 0 : words[^1].Length) + 2];
        foreach (var word in words)
        {
            lengthStart[word.Length + 1]++;
        }

        for (var length = 1; length < lengthStart.Length; length++)
        {
            lengthStart[length] += lengthStart[length - 1];
        }

        return lengthStart;
    }

    // The first typo-vocabulary id of a word length (or of the next longer one present); the count of words past the longest.
    private int LengthStart(int length) =>
        length <= 0 ? 0 : length >= _vocabularyLengthStart.Length ? _vocabulary.Length : _vocabularyLengthStart[length];

    // The first position in a part of an increasing id list (from low to high) whose id is at least a value; high when none is.
    private static int LowerBound(int[] ids, int low, int high, int value)
    {
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ids[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // A typed slip is a Latin-script phenomenon: a word transliterated from another script (Chinese, Korean) is looked up by
    // the ordinary share of trigrams even when short. Only words within three letters of the token's length can be accepted, so
    // of each trigram's list (ordered by word length) only that part is read. tokenId is the token's typo-vocabulary id, or -1
    // when the token is not a vocabulary word.
    private int[] SimilarVocabulary(string token, int tokenId, bool shortWordLookup, Scratch scratch)
    {
        var grams = scratch.Grams;
        Trigrams(token, grams, distinct: true);

        // Each word's count of lists and first trigram, packed into one number (the count in the low 16 bits, the trigram's
        // position in the high 16): one read and one write per list entry, in a table half the size of two. A token is at most
        // NameNormalizer.MaxNameLength characters long, so both fit.
        var tally = scratch.VocabularyTally;
        if (grams.Count > 0xFFFF)
        {
            throw new ArgumentException($"a token of {token.Length} characters, longer than a name can be", nameof(token));
        }

        var touched = scratch.TouchedVocabulary;
        var found = scratch.Similar;
        var from = LengthStart(token.Length - 3);
        var to = LengthStart(token.Length + 4);
        var lists = scratch.GramLists;
        try
        {
            // A short word shares few trigrams with itself misspelt ("kmla" / "kala" share only "la$"): one shared trigram makes it a
            // candidate word, which the similarity check below then confirms or drops.
            var needed = shortWordLookup && grams.Count <= ShortWordTrigrams ? 1 : Math.Max(1, (int)Math.Ceiling(grams.Count * 0.35));

            // The list of each trigram, cut to the words of the lengths accepted, shortest first.
            for (var gi = 0; gi < grams.Count; gi++)
            {
                if (from >= to || !TryGetTrigramRange(grams[gi], out var ids, out var listStart, out var listEnd)
                    || listEnd - listStart > MaxTrigramPostings)
                {
                    continue;
                }

                var start = LowerBound(ids, listStart, listEnd, from);
                var end = LowerBound(ids, start, listEnd, to);
                if (end > start)
                {
                    lists.Add((ids, start, end, gi));
                }
            }

            lists.Sort(static (a, b) => a.End - a.Start != b.End - b.Start ? (a.End - a.Start).CompareTo(b.End - b.Start) : a.Gram.CompareTo(b.Gram));

            // A word in the lists of at least `needed` trigrams is in one of the shortest lists.Count - needed + 1: those are read
            // whole, and the others only for the words found in them. Each word's count of lists and first trigram (in the
            // token's order) come out as when every list is read whole.
            var read = lists.Count - needed + 1;
            for (var l = 0; l < read; l++)
            {
                var (ids, start, end, gi) = lists[l];
                for (var at = start; at < end; at++)
                {
                    var id = ids[at];
                    var t = tally[id];
                    if (t == 0)
                    {
                        tally[id] = 1u | ((uint)gi << 16);
                        touched.Add(id);
                    }
                    else
                    {
                        tally[id] = Tallied(t, gi);
                    }
                }
            }

            for (var l = Math.Max(0, read); l < lists.Count; l++)
            {
                var (ids, start, end, gi) = lists[l];
                if ((long)touched.Count * 16 < end - start)
                {
                    foreach (var id in touched)
                    {
                        if (Array.BinarySearch(ids, start, end - start, id) >= 0)
                        {
                            tally[id] = Tallied(tally[id], gi);
                        }
                    }
                }
                else
                {
                    for (var at = start; at < end; at++)
                    {
                        var id = ids[at];
                        var t = tally[id];
                        if (t != 0)
                        {
                            tally[id] = Tallied(t, gi);
                        }
                    }
                }
            }

            var queryToken = new NameToken(token, TokenClass.Word);
            var tokenSketch = _scoring.Sketch(token);

            // The words in enough lists, with their sketches copied out first: the copies are reads that do not wait on one another
            // (the words lie anywhere in the vocabulary's sketches, mostly beyond the processor's nearest caches), where reading each
            // sketch as it is tested would wait for each read in turn.
            var passing = scratch.PassingVocabulary;
            foreach (var id in touched)
            {
                if ((tally[id] & 0xFFFF) >= needed)
                {
                    passing.Add(id);
                }
            }

            var sketches = scratch.PassingSketches(passing.Count);
            var vocabularySketches = _vocabularySketches;
            for (var k = 0; k < passing.Count; k++)
            {
                sketches[k] = vocabularySketches[passing[k]];
            }

            // Most words that share a trigram with the token are far from it: a test of their sketches, then of the words themselves,
            // leaves them out before the full comparison (it lets through every word the comparison accepts). The words that pass the
            // first test are kept in place, and each one's text is read (its length) as it is kept, so that the reads of their letters
            // for the second test do not each wait in turn.
            var count = 0;
            var lengths = 0;
            for (var k = 0; k < passing.Count; k++)
            {
                if (SpellingSketch.MayBeSimilar(tokenSketch, sketches[k]))
                {
                    var id = passing[k];
                    sketches[count] = sketches[k];
                    passing[count++] = id;
                    lengths += _vocabulary[id].Length;
                }
            }

            scratch.ReadAheadLengths = lengths;
            for (var k = 0; k < count; k++)
            {
                var id = passing[k];
                var t = tally[id];
                ref readonly var sketch = ref sketches[k];

                // The token itself, when it is a vocabulary word, is not a misspelling of it.
                var v = _vocabulary[id];
                if (id == tokenId || !_scoring.MayBeSimilar(token, tokenSketch, v, sketch))
                {
                    continue;
                }

                var sim = _scoring.TokenSimilarity(queryToken, new NameToken(v, TokenClass.Word));
                if (sim > 0)
                {
                    // Words are ranked in the order first met when the trigrams' lists are read in posting order: by the first
                    // trigram that holds them, then by posting order.
                    found.Add((sim, ((long)(t >> 16) << 32) | (uint)_vocabularyPostings[id], id));
                }
            }

            // Most similar first; among equals, the word met first.
            if (found.Count == 0)
            {
                return [];
            }

            found.Sort(static (a, b) => a.Sim != b.Sim ? b.Sim.CompareTo(a.Sim) : a.Order.CompareTo(b.Order));
            var result = new int[Math.Min(MaxFuzzyExpansions, found.Count)];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = found[i].Word;
            }

            return result;
        }
        finally
        {
            foreach (var id in touched)
            {
                tally[id] = 0;
            }

            touched.Clear();
            scratch.PassingVocabulary.Clear();
            found.Clear();
            lists.Clear();
        }
    }

    // A word's tally (count of lists, first trigram) after one more list, that of the trigram at a position, holds it.
    private static uint Tallied(uint tally, int gram)
    {
        var first = Math.Min((int)(tally >> 16), gram);
        return ((tally & 0xFFFF) + 1) | ((uint)first << 16);
    }

    // The trigrams of a token padded with ^ and $, each packed into one number (three UTF-16 code units), in order; with
    // distinct, each only where it first occurs.
    private static void Trigrams(string token, List<ulong> grams, bool distinct)
    {
        grams.Clear();
        var length = token.Length + 2;
        for (var i = 0; i + 3 <= length; i++)
        {
            var g = ((ulong)Padded(token, i) << 32) | ((ulong)Padded(token, i + 1) << 16) | Padded(token, i + 2);
            if (!distinct || !grams.Contains(g))
            {
                grams.Add(g);
            }
        }
    }

    private static char Padded(string token, int at) => at == 0 ? '^' : at == token.Length + 1 ? '$' : token[at - 1];

    /// <summary>Gets how many working memories of candidate look-ups this process has made (for tests: look-ups on threads
    /// that come and go reuse those given back).</summary>
    internal static int LookUpMemoriesMade => Scratch.Made;

    // Working memory of a candidate look-up, sized to an index: tallies by name and by vocabulary word, reset after each
    // look-up, so that a look-up allocates no per-candidate dictionary. A look-up rents one and gives it back: they are kept
    // for the process, not per thread, so that a thread the thread pool adds (it adds and retires threads as the load changes)
    // takes one a retired thread used instead of making its own (0.8 MB for the real lists, on the large object heap).
    private sealed class Scratch
    {
        // The working memories not in use; a thread takes back the one it gave back last when it can.
        private static readonly ConcurrentBag<Scratch> Free = [];

        private static int _made;

        private Scratch(int names, int vocabulary)
        {
            Scores = new double[names];
            NameTouched = new bool[names];
            VocabularyTally = new uint[vocabulary];
            Interlocked.Increment(ref _made);
        }

        // How many have been made in this process (for tests).
        public static int Made => Volatile.Read(ref _made);

        public double[] Scores { get; }

        public bool[] NameTouched { get; }

        public List<int> TouchedNames { get; } = [];

        // By vocabulary word: the misspelling look-up's count of trigram lists holding the word (low 16 bits) and the position
        // of the first of those trigrams in the token (high 16 bits); 0 for a word in none.
        public uint[] VocabularyTally { get; }

        public List<int> TouchedVocabulary { get; } = [];

        public List<ulong> Grams { get; } = [];

        // The trigram lists a misspelling look-up reads: each list, the part of it of the lengths accepted, and the trigram's
        // position in the token.
        public List<(int[] Ids, int Start, int End, int Gram)> GramLists { get; } = [];

        public List<(double Sim, long Order, int Word)> Similar { get; } = [];

        // The misspelling look-up's words in enough trigram lists, and their sketches.
        public List<int> PassingVocabulary { get; } = [];

        // The sum of the lengths of the words read ahead by the misspelling look-up: written so that the reads are made.
        public int ReadAheadLengths { get; set; }

        private SpellingSketch[] _passingSketches = new SpellingSketch[256];

        public SpellingSketch[] PassingSketches(int length)
        {
            if (_passingSketches.Length < length)
            {
                _passingSketches = new SpellingSketch[Math.Max(length, _passingSketches.Length * 2)];
            }

            return _passingSketches;
        }

        // The code sequences the runs of one walk of the look-up by sound find (by run), with their similarity, and the bucket
        // entries a run keeps.
        public List<(int Run, int Code, double Sim)> SoundCandidates { get; } = [];

        // The code sequences the walk of a run alone finds.
        public List<(int Code, double Sim)> SoundCandidatesAlone { get; } = [];

        public List<(double Sim, int Bucket, int Word)> SoundMatches { get; } = [];

        // The sound codes of the runs a look-up by sound reads.
        public List<string> SoundRuns { get; } = [];

        // The words a group of runs offers, as it offers them, for the memo of the look-up by sound.
        public List<SoundWord> SoundOffered { get; } = [];

        // The Latin words a look-up by sound takes, with their weights, in the order first found.
        public Dictionary<string, double> SoundWords { get; } = new(StringComparer.Ordinal);

        private (double Score, int Id)[] _heap = new (double, int)[64];

        // The heap of the candidate selection, at least as long as asked.
        public (double Score, int Id)[] Heap(int length)
        {
            if (_heap.Length < length)
            {
                _heap = new (double, int)[Math.Max(length, _heap.Length * 2)];
            }

            return _heap;
        }

        // A working memory at least as large as an index needs: one given back, or a new one (one given back that is too small,
        // kept for a smaller index, is replaced by one large enough for both).
        public static Scratch Rent(int names, int vocabulary)
        {
            if (Free.TryTake(out var free))
            {
                if (free.Scores.Length >= names && free.VocabularyTally.Length >= vocabulary)
                {
                    return free;
                }

                names = Math.Max(names, free.Scores.Length);
                vocabulary = Math.Max(vocabulary, free.VocabularyTally.Length);
            }

            return new Scratch(names, vocabulary);
        }

        // Gives back a working memory whose tallies and lists the look-up has reset.
        public static void Return(Scratch scratch) => Free.Add(scratch);
    }
}

using System.Runtime.CompilerServices;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

// A cheap upper bound of the score, for screening to skip the candidates that cannot become a hit.
internal static partial class NameScorer
{
    // The bound is compared with a margin: the score is rounded to four decimals after it is bounded.
    private const double BoundMargin = 1e-3;

    // The most memoised candidate tokens kept for one query before the memo starts over.
    internal const int MaxBoundMemo = 4096;

    [ThreadStatic]
    private static BoundSpace? _boundSpace;

    /// <summary>
    /// Gets whether comparing two names may give a score of at least a value, or may find every word of the candidate other
    /// than its legal forms in the query (a contained candidate, which screening reads as a mention): when it returns
    /// <see langword="false"/>, <see cref="Score"/> under <paramref name="rules"/>, and under the same rules without given-name
    /// equivalents or without parts-left-out, gives a lower score and a candidate that is not contained.
    /// </summary>
    /// <remarks>
    /// The bound reads the two names as <see cref="Score"/> reads them (wider word classes, misspelt legal forms, the same token
    /// weights) and marks each token that some pair of the scorer can cover: a pair of single tokens of similarity above 0, of a
    /// spelling-variant rule of single tokens, or by sound between a Latin word and a run of a transliterated query (kept per
    /// query for each candidate token it has seen, with the query's joined runs the token may spell and its rarity); a joined
    /// run, an acronym, a Wade-Giles run, a country's abbreviation, the pairs by sound of a transliterated candidate. Every
    /// aligned pair covers marked tokens only and counts their weights at most once, at a similarity of at most 1, and a
    /// misspelt word only lowers the weights of tokens it covers, so the weighted share of the marked tokens bounds the score
    /// before its factors; the factors and caps only lower it. The floors are checked on their own: one edit apart and numbered
    /// siblings exactly, parts-left-out (at most its factor) whenever every part of the shorter name is marked. Two names both in Han or both in Hangul, a candidate transliterated from Han or
    /// Hangul against a query in Latin letters (where marking the pairs by sound costs about what the comparison does), and rule
    /// sets with a factor or similarity above 1 are not bounded (the method returns <see langword="true"/>). A query in Han or
    /// Hangul is bounded against Latin candidates: the runs of its syllables each Latin word sounds like are worked out once per
    /// query and word, and shared with the comparison of the candidates that pass.
    /// </remarks>
    /// <param name="query">The query name.</param>
    /// <param name="candidate">The candidate name.</param>
    /// <param name="statistics">Token rarity, as given to <see cref="Score"/>.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="atLeast">The score that counts; <see cref="double.PositiveInfinity"/> when only a contained candidate counts.</param>
    /// <param name="facts">The facts of the candidate's tokens when it is a name of the index given as <paramref name="statistics"/>
    /// (<see cref="CandidateIndex.FactsOf"/>): read in place of looking its tokens up; the answer is the same without them.</param>
    /// <returns><see langword="false"/> when the score is certainly below <paramref name="atLeast"/> and the candidate is not contained.</returns>
    internal static bool MayReach(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics, NameScoringRules rules, double atLeast,
        IndexedNameFacts? facts = null)
    {
        // Facts of another name, or from another index, are not read.
        if (facts is { } given && (!ReferenceEquals(given.Tokens, candidate.Tokens) || !ReferenceEquals(given.Statistics, statistics)))
        {
            facts = null;
        }

        // Lists often carry the same name more than once (one person on several lists): a name not transliterated is bounded once
        // per query, and its twins read the answer kept (the bound depends only on the two names, the statistics, the rules and the
        // score that counts).
        if (candidate.IsTransliteration)
        {
            return MayReachOnce(query, candidate, statistics, rules, atLeast, facts);
        }

        var bound = _boundSpace ??= new BoundSpace();
        var answers = bound.AnswersFor(query, statistics, rules, atLeast);
        if (answers.TryGetValue(candidate, out var known))
        {
            return known;
        }

        var reach = MayReachOnce(query, candidate, statistics, rules, atLeast, facts);
        if (answers.Count >= MaxBoundMemo)
        {
            answers.Clear();
        }

        answers[candidate] = reach;
        return reach;
    }

    /// <summary>Forgets what the bound keeps on this thread for the query last bounded (its answers and the pairs of each
    /// candidate token seen), so that the next call works everything out again: for tests that compare two ways of bounding.</summary>
    internal static void ForgetBoundMemos() => _boundSpace = null;

    /// <summary>Lets go of what the bound keeps on this thread for the query last bounded (its answers, the pairs of its candidate
    /// tokens, and the index they were read from), keeping the tables for the next query: called when a screening is done with
    /// the bound, so that a thread that screens no more does not keep the index of an engine disposed or of a dataset replaced.</summary>
    internal static void ReleaseBoundMemos() => _boundSpace?.Release();

    // Names read alike by the bound (SameName), hashed by the hash of their tokens' texts that each name holds (KeyHash): a
    // look-up hashes no text.
    private sealed class SameNameComparer : IEqualityComparer<NormalizedName>
    {
        public static readonly SameNameComparer Instance = new();

        public bool Equals(NormalizedName? x, NormalizedName? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.KeyHash == y.KeyHash && SameName(x, y));

        public int GetHashCode(NormalizedName obj) => obj.KeyHash;
    }

    // Whether two names not transliterated are read alike by the bound: the same tokens, syllable continuations and spellings.
    private static bool SameName(NormalizedName x, NormalizedName y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x.IsTransliteration != y.IsTransliteration || x.SourceScript != y.SourceScript || x.PrimarySpelling is not null || y.PrimarySpelling is not null
            || x.Tokens.Count != y.Tokens.Count || !x.SyllableContinuations.AsSpan().SequenceEqual(y.SyllableContinuations))
        {
            return false;
        }

        for (var i = 0; i < x.Tokens.Count; i++)
        {
            if (x.Tokens[i] != y.Tokens[i])
            {
                return false;
            }
        }

        return true;
    }

    // The bound of one pair of names (MayReach).
    private static bool MayReachOnce(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics, NameScoringRules rules, double atLeast,
        IndexedNameFacts? facts)
    {
        var q = query.Tokens;
        var c = candidate.Tokens;
        // Two names both in Han or both in Hangul are compared syllable by syllable, in their first romanisation: not bounded.
        if (q.Count == 0 || c.Count == 0 || q.Count > 64 || c.Count > 64 || !Bounded(rules) || SameSyllabicScript(query, candidate))
        {
            return true;
        }

        // What the scorer reads by script: whether both names are in Latin letters, both spelled alphabetically, and which of them,
        // if one, is a transliteration from another script to be paired with the other's Latin words by sound.
        var latin = !query.IsTransliteration && !candidate.IsTransliteration;
        var alphabetic = SpelledAlphabetically(query) && SpelledAlphabetically(candidate);
        var crossScript = query.IsTransliteration != candidate.IsTransliteration
            && (query.IsTransliteration ? query : candidate).SourceScript != NameScript.Latin;
        var mode = new PairMode(latin, alphabetic, crossScript && query.IsTransliteration ? query : null);

        // A Latin word is compared by sound with every run of up to eight Han or Hangul syllables. For a query in Han or Hangul
        // the runs each candidate word sounds like are kept per query (CrossScriptSpace) and marked as a Cyrillic query's are;
        // for a candidate in Han or Hangul they would be worked out for each candidate, at about the cost of comparing the
        // names, so such candidates are compared in full.
        if (crossScript && candidate.IsTransliteration && candidate.SourceScript is NameScript.Han or NameScript.Hangul)
        {
            return true;
        }

        // The facts of the candidate's tokens are made when first read, here.
        facts = facts?.Made();

        // The names as the scorer reads them, with its weights: the query's wider word classes are read once per query.
        var space = _workSpace ??= new WorkSpace();
        var bound = _boundSpace ??= new BoundSpace();
        if (rules.WiderWordClasses)
        {
            q = bound.WiderQuery(q);
            c = facts?.WiderTokens ?? WiderClasses(c, space.WiderC);
        }

        if (rules.MisspeltLegalForms && latin)
        {
            // A name's runs are read only when one of them misspells a form the other name carries and it lacks (AnyRunMisspells),
            // which is worked out once per query and once per indexed name for each form: most candidates carry a legal form the
            // query lacks, or lack one it carries, and few of either's runs misspell it.
            if (MayReadMisspeltForm(q, c, bound.QueryMisspellings(query.Tokens), null))
            {
                q = ReadMisspeltLegalForms(q, c, null, rules, space.FormsQ);
            }

            var read = facts is not { } known || MayReadMisspeltForm(c, q, null, known) ? ReadMisspeltLegalForms(c, q, null, rules, space.FormsC) : c;

            // The facts are by place: a candidate with a misspelt legal form read as one token has other places.
            facts = ReferenceEquals(read, c) ? facts : null;
            c = read;
        }

        // The pairs by sound read the names' tokens as written, which the wider word classes keep in place.
        if (mode.Native is not null && c.Count != candidate.Tokens.Count)
        {
            return true;
        }

        space.Reset(q.Count, c.Count);

        // The tokens some pair can cover, and the rarity of each token (kept with what it pairs with).
        var soundCodes = statistics as IWordSoundCodes;
        var wordSketches = statistics as IWordSketches;
        var masks = bound.MasksFor(q, rules, mode, statistics, soundCodes);
        var rarityC = bound.RarityC(c.Count);
        var markedQ = space.UsedQ;
        var markedC = space.UsedC;
        var wadeGilesC = false;
        var abbreviationC = false;
        var acronymC = false;
        var numbered = bound.NumberedMasks;

        // The query's tokens some candidate token pairs with, as a mask, marked once all the candidate's tokens are read; and the
        // facts read once rather than copied for each token.
        var pairedQ = 0UL;
        var hasFacts = facts.HasValue;
        var nameFacts = facts.GetValueOrDefault();
        for (var j = 0; j < c.Count; j++)
        {
            // A token of an indexed name is kept by its posting-list number and class, any other by its letters and class.
            var key = hasFacts ? NumberedBounds.KeyOf(nameFacts.PostingNumberAt(j), c[j].Class) : -1;
            if (!(key >= 0 ? numbered.TryGetValue(key, out var seen) : masks.TryGetValue(c[j], out seen)))
            {
                // Two words of four letters or more whose sketches rule a likeness out have a similarity of 0 (MayBeSimilar): the
                // candidate word's sketch is read from the index that holds it (or made), once, when first compared with a query
                // word that has one (the query's are made once per query).
                var sketched = HasSketch(c[j]);
                SpellingSketch? sketchC = null;
                // The token's traits are kept with the facts of an indexed name's token in its wider class (the tokens read here
                // under rules with the wider classes, or when no class is wider), worked out once per process rather than per query.
                var keptTraits = hasFacts && ReferenceEquals(c, nameFacts.WiderTokens);
                var traitsC = keptTraits ? (WordTraits)nameFacts.TraitsAt(j) : WordTraits.None;
                if (traitsC == WordTraits.None)
                {
                    traitsC = TraitsOf(c[j]);
                    if (keptTraits)
                    {
                        nameFacts.KeepTraits(j, (byte)traitsC);
                    }
                }

                var pairsWith = 0UL;
                for (var i = 0; i < q.Count; i++)
                {
                    var spelling = true;
                    if (sketched && bound.IsSketched(q, i, out var sketchQ))
                    {
                        sketchC ??= hasFacts ? nameFacts.SketchAt(j) : SketchOf(c[j].Text, wordSketches);
                        spelling = SpellingSketch.MayBeSimilar(sketchQ, sketchC.Value);
                    }

                    if (MayPair(q[i], bound.TraitsQ(q, i), c[j], traitsC, rules, mode, spelling))
                    {
                        pairsWith |= 1UL << i;
                    }
                }

                var rarity = hasFacts ? nameFacts.RarityAt(j) : RarityOf(c[j], statistics);
                seen = new TokenBound(pairsWith, JoinedRunsOf(c[j], q, rules), rarity, (traitsC & WordTraits.WadeGiles) != 0,
                    (traitsC & WordTraits.CountryAbbreviation) != 0, MayBeAcronym(c[j], rules));
                if (key >= 0)
                {
                    numbered.Add(key, seen);
                }
                else
                {
                    if (masks.Count >= MaxBoundMemo)
                    {
                        masks.Clear();
                    }

                    masks[c[j]] = seen;
                }
            }

            // The query's tokens this word pairs with, and those of the query's joined runs it may spell (as MarkJoined marks
            // them, kept per candidate word).
            var mask = seen.Mask | seen.Joined;
            wadeGilesC |= seen.WadeGiles;
            abbreviationC |= seen.CountryAbbreviation;
            acronymC |= seen.Acronym;
            rarityC[j] = seen.Rarity;

            // Pairs by sound read the candidate's words as written, before the wider word classes.
            if (mode.Native is { } native)
            {
                var word = candidate.Tokens[j];
                if (!bound.SoundMasks.TryGetValue(word, out var sound))
                {
                    sound = SoundRunsOf(native, word, rules, soundCodes, hasFacts ? nameFacts.SoundCodesAt(j) : null);
                    if (bound.SoundMasks.Count >= MaxBoundMemo)
                    {
                        bound.SoundMasks.Clear();
                    }

                    bound.SoundMasks[word] = sound;
                }

                mask |= sound;
            }

            if (mask != 0)
            {
                markedC[j] = true;
                pairedQ |= mask;
            }
        }

        for (var i = 0; i < q.Count; i++)
        {
            markedQ[i] = (pairedQ & (1UL << i)) != 0;
        }

        var pairs = bound.Pairs;
        pairs.Clear();
        MarkJoined(q, markedQ, c, markedC, rules);

        // Acronyms are looked for only on a side with a word that may be one (known for the query once, for the candidate's
        // words from their memo).
        if (bound.QueryHasAcronym(q, rules))
        {
            AddAcronyms(q, c, pairs, queryIsAcronym: true, rules);
        }

        if (acronymC)
        {
            AddAcronyms(c, q, pairs, queryIsAcronym: false, rules);
        }

        // The spelling variants of runs of tokens; those of single tokens are in the masks. Wade-Giles runs are looked for only in a
        // name with a word only Wade-Giles spells, as AddWadeGilesPairs does (known for the query once, for the candidate's words
        // from their memo).
        if (rules.WadeGilesSimilarity > 0)
        {
            if (!query.IsTransliteration && bound.QueryHasWadeGilesWord(q))
            {
                AddWadeGilesPairs(q, c, pairs, queryIsWadeGiles: true, rules);
            }

            if (!candidate.IsTransliteration && wadeGilesC)
            {
                AddWadeGilesPairs(c, q, pairs, queryIsWadeGiles: false, rules);
            }
        }

        // A candidate transliterated from another script, against a query in Latin letters: its pairs by sound, as the scorer finds them.
        if (crossScript && candidate.IsTransliteration)
        {
            AddCrossScriptPairs(query, candidate, pairs, rules, soundCodes);
        }

        // A side without a country's abbreviation adds no pair (known for the query once, for the candidate's words from their memo).
        if (rules.CountryAbbreviationSimilarity > 0 && latin)
        {
            if (bound.QueryHasCountryAbbreviation(q))
            {
                AddCountryAbbreviationPairs(q, c, pairs, queryIsAbbreviation: true, rules);
            }

            if (abbreviationC)
            {
                AddCountryAbbreviationPairs(c, q, pairs, queryIsAbbreviation: false, rules);
            }
        }

        foreach (var p in pairs)
        {
            MarkUsed(markedQ, p.QStart, p.QCount);
            MarkUsed(markedC, p.CStart, p.CCount);
        }

        pairs.Clear();

        // Contained needs every word of the candidate but its legal forms aligned.
        if (CountDistinctive(c, out _) > 0 && !AnyUnused(c, markedC, TokenTest.NotLegalForm))
        {
            return true;
        }

        var reach = atLeast - BoundMargin;
        if (rules.NumberedSiblingScore >= reach && rules.NumberedSiblingScore > 0 && NumberedSiblings(q, c))
        {
            return true;
        }

        if (rules.OneEditNameMinLength > 0 && latin && OneEditFloor(q, c, rules.OneEditNameMinLength) >= reach)
        {
            return true;
        }

        if (rules.PartsLeftOutFactor > 0 && rules.PartsLeftOutFactor >= reach && alphabetic && MayLeaveOutParts(q, markedQ, c, markedC))
        {
            return true;
        }

        // The weights only count from here: the query's are worked out once per query, for a candidate with a number and one without.
        var wq = bound.WeightsQ(q, statistics, IsSyllabic(query), otherHasNumber: HasNumber(c), rules);
        var wc = space.WeightsC;
        WeightsOf(c, rarityC, wc, IsSyllabic(candidate), otherHasNumber: HasNumber(q), rules);
        double marked = 0, total = 0;
        for (var i = 0; i < q.Count; i++)
        {
            total += wq[i];
            marked += markedQ[i] ? wq[i] : 0;
        }

        for (var j = 0; j < c.Count; j++)
        {
            total += wc[j];
            marked += markedC[j] ? wc[j] : 0;
        }

        return total > 0 && marked / total >= reach;
    }

    // Whether ReadMisspeltLegalForms may read a run of a name's tokens as a legal form the other name carries and it lacks: some
    // such form is misspelt by a run of the name (AnyRunMisspells), as kept for the query's tokens or for an indexed name's facts.
    private static bool MayReadMisspeltForm(List<NameToken> tokens, List<NameToken> other, Dictionary<string, bool>? queryMisspellings,
        IndexedNameFacts? facts)
    {
        for (var i = 0; i < other.Count; i++)
        {
            var form = other[i].Text;
            if (other[i].Class != TokenClass.LegalForm || HasLegalForm(tokens, form))
            {
                continue;
            }

            bool misspelt;
            if (queryMisspellings is not null)
            {
                if (!queryMisspellings.TryGetValue(form, out misspelt))
                {
                    queryMisspellings[form] = misspelt = AnyRunMisspells(tokens, form);
                }
            }
            else if (!facts!.Value.TryGetMisspelling(form, out misspelt))
            {
                misspelt = AnyRunMisspells(facts.Value.Tokens, form);
                facts.Value.KeepMisspelling(form, misspelt);
            }

            if (misspelt)
            {
                return true;
            }
        }

        return false;
    }

    // Marks the tokens of the joined pairs the scorer may align (AddJoined): a word of four letters or more of one name and a run
    // of two to four tokens of the other (a legal form at either end of a run stops it under joined-skips-legal-forms) whose
    // spelling similarity may be above 0 (MaySpellAlike).
    [SkipLocalsInit]
    private static void MarkJoined(List<NameToken> single, bool[] markedSingle, List<NameToken> multi, bool[] markedMulti, NameScoringRules rules)
    {
        // Only the runs whose first letters some word of four letters or more shares can be spelt alike with one.
        var starts = JoinedStartsForAll(single, multi);

        if (starts == 0 && multi.Count <= 64)
        {
            return;
        }

        Span<char> withAl = stackalloc char[MaxArticleWord];
        var runs = new JoinedRuns(multi, stackalloc char[JoinedRuns.StackLength], rules.JoinedSkipsLegalForms, starts);
        while (runs.MoveNext())
        {
            for (var i = 0; i < single.Count; i++)
            {
                // A pair whose tokens are all marked marks nothing more; most runs are ruled out by their length and letters before
                // they are written. A word with the article joined is read as AddJoined reads it.
                var x = single[i].Text.AsSpan();
                if (x.Length >= 4 && !(markedSingle[i] && AllMarked(markedMulti, runs.Start, runs.Count))
                    && (MaySpellRun(x, ref runs)
                        || (rules.JoinedArticleEl && HasJoinedArticle(x) && StartsWithArticle(multi, runs.Start)
                            && MaySpellRun(WithArticleAl(x, withAl), ref runs))))
                {
                    markedSingle[i] = true;
                    MarkUsed(markedMulti, runs.Start, runs.Count);
                }
            }
        }

        runs.Dispose();
    }

    // Whether a word may be spelt alike with a run joined (by the run's length and letters, then its text).
    private static bool MaySpellRun(ReadOnlySpan<char> x, ref JoinedRuns runs) =>
        MaySpellAlikeShape(x, runs.First, runs.Second, runs.Last, runs.Length) && MaySpellAlike(x, runs.Joined);

    // Whether the tokens of a run are all marked.
    private static bool AllMarked(bool[] marked, int start, int count)
    {
        for (var k = start; k < start + count; k++)
        {
            if (!marked[k])
            {
                return false;
            }
        }

        return true;
    }

    // The tokens (as a mask) of the runs of two to four tokens of a name that MarkJoined pairs with a word of the other name.
    [SkipLocalsInit]
    private static ulong JoinedRunsOf(NameToken word, List<NameToken> multi, NameScoringRules rules)
    {
        var x = word.Text.AsSpan();
        if (x.Length < 4 || multi.Count < 2)
        {
            return 0;
        }

        var starts = JoinedStartsFor(x, multi, 0);
        if (starts == 0 && multi.Count <= 64)
        {
            return 0;
        }

        var mask = 0UL;
        Span<char> withAl = stackalloc char[MaxArticleWord];
        var article = rules.JoinedArticleEl && HasJoinedArticle(x);
        var runs = new JoinedRuns(multi, stackalloc char[JoinedRuns.StackLength], rules.JoinedSkipsLegalForms, starts);
        while (runs.MoveNext())
        {
            if (MaySpellRun(x, ref runs) || (article && StartsWithArticle(multi, runs.Start) && MaySpellRun(WithArticleAl(x, withAl), ref runs)))
            {
                for (var m = runs.Start; m < runs.Start + runs.Count; m++)
                {
                    mask |= 1UL << m;
                }
            }
        }

        runs.Dispose();
        return mask;
    }

    // Whether the spelling similarity of a word of four letters or more and a joined run, compared without the short-word rules, may
    // be above 0: the same letters in runs of other lengths, or the first or the second letter the same and an optimal string
    // alignment distance within the edit budget of the longer.
    internal static bool MaySpellAlike(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (SameLetterRuns(x, y))
        {
            return true;
        }

        if (x[0] != y[0] && x[1] != y[1])
        {
            return false;
        }

        var budget = JoinedEditBudget(Math.Max(x.Length, y.Length));
        return Math.Abs(x.Length - y.Length) <= budget && OsaDistance(x, y, budget) <= budget;
    }

    // Whether MaySpellAlike may hold for a word of four letters or more and a joined run known by its length and its first, second
    // and last letters, before the run is written: the same letters in runs need the same first and last letters, and the
    // edit test the first or the second letter the same and lengths within its edit budget. A run of fewer than two letters is
    // left to MaySpellAlike.
    internal static bool MaySpellAlikeShape(ReadOnlySpan<char> x, char first, char second, char last, int length)
    {
        if (length < 2 || (x[0] == first && x[^1] == last))
        {
            return true;
        }

        if (x[0] != first && x[1] != second)
        {
            return false;
        }

        return Math.Abs(x.Length - length) <= JoinedEditBudget(Math.Max(x.Length, length));
    }

    // The edits MaySpellAlike allows between a word and a joined run, by the longer's length.
    private static int JoinedEditBudget(int longer) => longer switch
    {
        <= 3 => 0,
        <= 5 => 1,
        <= 9 => 2,
        _ => 3,
    };

    // The spelling sketch of a word: as the index holds it when it does, else made.
    private static SpellingSketch SketchOf(string word, IWordSketches? sketches) =>
        sketches is not null && sketches.TryGetSketch(word, out var sketch) ? sketch : Sketch(word);

    // Whether the bound compares a token's spelling sketch before its spelling (MayBeSimilar): a word of four letters or more.
    private static bool HasSketch(NameToken token) => token.Class == TokenClass.Word && token.Text.Length >= 4;

    // Whether a pair of single tokens of two names neither of which is a transliteration may be aligned: by their similarity
    // (exact, within the edit budget, by sound), or by a spelling-variant rule of single tokens without the conditions it puts on
    // the rest of the names (a given name and its short form, digits read as letters either way, a Baltic ending either way).
    private static bool MayPair(NameToken a, WordTraits traitsA, NameToken b, WordTraits traitsB, NameScoringRules rules, PairMode mode, bool spelling)
    {
        // spelling: false when the similarity is known to be 0.
        if (spelling && TokenSimilarity(a, b, shortSubstitution: mode.Latin, rules) > 0)
        {
            return true;
        }

        if (a.Class != TokenClass.Word || b.Class != TokenClass.Word)
        {
            return false;
        }

        // Each rule below holds only for words with the traits it names, read once per word rather than per pair.
        if (rules.GivenNameSimilarity > 0 && mode.Alphabetic && a.Text.Length >= 2 && (traitsA & traitsB & WordTraits.GivenName) != 0
            && GivenNames.AreEquivalent(a.Text, b.Text))
        {
            return true;
        }

        if (rules.DigitLetterFactor > 0 && mode.Latin
            && (((traitsA & WordTraits.DigitsForLetters) != 0 && (traitsB & WordTraits.AsciiLetters) != 0 && ReadsWithDigitsAs(a, b, rules))
                || ((traitsB & WordTraits.DigitsForLetters) != 0 && (traitsA & WordTraits.AsciiLetters) != 0 && ReadsWithDigitsAs(b, a, rules))))
        {
            return true;
        }

        return rules.BalticEndingSimilarity > 0 && mode.Alphabetic && (BalticEndings.IsWithEnding(a.Text, b.Text) || BalticEndings.IsWithEnding(b.Text, a.Text));
    }

    // What the bound asks of each token on its own, read once per token: for MayPair's spelling-variant rules of single tokens,
    // whether a word is a given name of the table (the given-name rule needs both words to be), a word whose digits may stand for
    // letters or a word of ASCII letters only (the digit-for-letter rule needs one of each); whether it is a word only Wade-Giles
    // spells or a country's abbreviation (which pairs of runs to look for). Known is set in every token's traits, so that 0
    // means not yet worked out.
    [Flags]
    private enum WordTraits : byte
    {
        None = 0,
        Known = 1,
        GivenName = 2,
        DigitsForLetters = 4,
        AsciiLetters = 8,
        WadeGiles = 16,
        CountryAbbreviation = 32,
    }

    /// <summary>Gets the traits the bound keeps of a token on its own (for tests that check the traits kept with an index's facts).</summary>
    /// <param name="token">The token.</param>
    /// <returns>The traits, as kept.</returns>
    internal static byte KeptTraitsOf(NameToken token) => (byte)TraitsOf(token);

    // A token's traits.
    private static WordTraits TraitsOf(NameToken token)
    {
        var traits = WordTraits.Known | (IsCountryAbbreviation(token) ? WordTraits.CountryAbbreviation : WordTraits.None);
        if (token.Class != TokenClass.Word)
        {
            return traits;
        }

        var text = token.Text;
        return traits
            | (GivenNames.Contains(text) ? WordTraits.GivenName : WordTraits.None)
            | (DigitLetters.IsCandidate(text) ? WordTraits.DigitsForLetters : WordTraits.None)
            | (NameNormalizer.IsAsciiLetters(text) ? WordTraits.AsciiLetters : WordTraits.None)
            | (IsWadeGilesWord(token) ? WordTraits.WadeGiles : WordTraits.None);
    }

    // The tokens of a transliterated query (as a mask) that a Latin word of the candidate may be paired with by sound: those of every
    // run of the query's syllables or words whose sound codes have a similarity above 0 with the word's, as AddCrossScriptPairs
    // reads them (without its test of the whole Latin name for romanised words, which only takes pairs away). The word's sound
    // codes are given when the candidate's facts hold them, else looked up.
    private static ulong SoundRunsOf(NormalizedName native, NameToken word, NameScoringRules rules, IWordSoundCodes? soundCodes, string? latinCodes)
    {
        var script = native.SourceScript;
        if (word.Class != TokenClass.Word || word.Text.Length < rules.CrossScriptMinLength || CrossScriptSimilarity.IsRomanisedSyllables(word.Text, script))
        {
            return 0;
        }

        var mask = 0UL;
        foreach (var (start, count, _) in CrossScriptSpaceFor(native).SoundRuns(word.Text, soundCodes, latinCodes))
        {
            for (var m = start; m < start + count; m++)
            {
                mask |= 1UL << m;
            }
        }

        return mask;
    }

    // How single tokens pair for one kind of name pair: with the short-word rules (both names in Latin letters), the rules of
    // names spelled alphabetically, and by sound with the runs of a transliterated query.
    private readonly record struct PairMode(bool Latin, bool Alphabetic, NormalizedName? Native);

    // Whether a word with digits for letters, read with letters, is similar to a word of letters (as the digit-for-letter pairs
    // compare them).
    private static bool ReadsWithDigitsAs(NameToken digits, NameToken letters, NameScoringRules rules)
    {
        if (!DigitLetters.IsCandidate(digits.Text) || !NameNormalizer.IsAsciiLetters(letters.Text))
        {
            return false;
        }

        foreach (var reading in DigitLetters.Readings(digits.Text))
        {
            if (TokenSimilarity(new NameToken(reading, TokenClass.Word), letters, shortSubstitution: true, rules) > 0)
            {
                return true;
            }
        }

        return false;
    }

    // Whether the parts-left-out floor may apply: the names have different numbers of parts (two or more each), neither holds a
    // legal form or a number, and every part of the shorter is marked.
    private static bool MayLeaveOutParts(List<NameToken> q, bool[] markedQ, List<NameToken> c, bool[] markedC)
    {
        var qParts = CountParts(q);
        var cParts = CountParts(c);
        if (qParts == cParts || Math.Min(qParts, cParts) < 2 || HasCompanyOrNumber(q) || HasCompanyOrNumber(c))
        {
            return false;
        }

        var shorter = qParts < cParts ? q : c;
        var marked = qParts < cParts ? markedQ : markedC;
        for (var i = 0; i < shorter.Count; i++)
        {
            if (shorter[i].Class != TokenClass.Title && !marked[i])
            {
                return false;
            }
        }

        return true;
    }

    // Whether every factor and pair similarity of a rule set is at most 1, as the bound needs.
    private static bool Bounded(NameScoringRules rules) =>
        rules.NumberMismatchFactor <= 1 && rules.PatronymicSwapFactor <= 1 && rules.PhoneticFactor <= 1 && rules.PhoneticEqualFactor <= 1
        && rules.SingleWordFuzzyFactor <= 1 && rules.LongSingleWordFuzzyFactor <= 1 && rules.SingleWordFirstLetterFactor <= 1
        && rules.AcronymSimilarity <= 1 && rules.PartReplacedFactor <= 1 && rules.ShortSubstitutionFactor <= 1 && rules.AcronymExtraPartFactor <= 1
        && rules.InitialSimilarity <= 1 && rules.ShortWordEditSimilarity <= 1 && rules.GivenNameSimilarity <= 1 && rules.DigitLetterFactor <= 1
        && rules.WadeGilesSimilarity <= 1 && rules.BalticEndingSimilarity <= 1 && rules.CountryAbbreviationSimilarity <= 1
        && rules.PartsLeftOutFactor <= 1;

    // What the bound keeps of a candidate token for one query: the query tokens it pairs with as a single token and those of the
    // query's joined runs it may spell (as masks), its rarity, whether it is a word only Wade-Giles spells, whether it is a
    // country's abbreviation (IsCountryAbbreviation) and whether it may be an acronym under the query's rules (MayBeAcronym).
    internal readonly record struct TokenBound(ulong Mask, ulong Joined, double Rarity, bool WadeGiles, bool CountryAbbreviation, bool Acronym);

    // What the bound keeps of the tokens of indexed names for one query (the entries BoundSpace.Masks would hold for them), by a
    // key made of the token's posting-list number in the index and its class: found without hashing and comparing the token's
    // letters, which a candidate's every token otherwise costs. A table of open addressing with linear probing, at most half
    // full: it starts with 256 slots and doubles as it fills, so a thread that bounds short queries keeps a small one, up to
    // 2 * MaxBoundMemo slots for MaxBoundMemo entries; emptied by clearing the slots used.
    internal sealed class NumberedBounds
    {
        private const int FirstSlotBits = 8;

        // A key plus 1 in each slot used; 0 in an empty one.
        private int[] _keys = new int[1 << FirstSlotBits];
        private TokenBound[] _values = new TokenBound[1 << FirstSlotBits];
        private int[] _used = new int[1 << (FirstSlotBits - 1)];
        private int _slotBits = FirstSlotBits;
        private int _count;

        /// <summary>Gets the number of entries held.</summary>
        public int Count => _count;

        /// <summary>Gets the number of slots of the table (for tests).</summary>
        public int Slots => _keys.Length;

        // The key of a token of an indexed name: its posting-list number and class; -1 for a token without postings (kept by its
        // letters instead).
        public static int KeyOf(int postingNumber, TokenClass tokenClass) =>
            postingNumber is >= 0 and < int.MaxValue >> 4 && (uint)tokenClass < 8 ? (postingNumber << 3) | (int)tokenClass : -1;

        public bool TryGetValue(int key, out TokenBound value)
        {
            var last = _keys.Length - 1;
            var slot = SlotOf(key, _slotBits);
            while (true)
            {
                var held = _keys[slot];
                if (held == key + 1)
                {
                    value = _values[slot];
                    return true;
                }

                if (held == 0)
                {
                    value = default;
                    return false;
                }

                slot = (slot + 1) & last;
            }
        }

        // Adds the entry of a key not held (TryGetValue found none); a full table starts over first, as the masks do.
        public void Add(int key, TokenBound value)
        {
            if (_count >= MaxBoundMemo)
            {
                Clear();
            }
            else if (_count >= _keys.Length >> 1)
            {
                Grow();
            }

            Place(key, value);
        }

        public void Clear()
        {
            for (var i = 0; i < _count; i++)
            {
                _keys[_used[i]] = 0;
            }

            _count = 0;
        }

        private void Place(int key, TokenBound value)
        {
            var last = _keys.Length - 1;
            var slot = SlotOf(key, _slotBits);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & last;
            }

            _keys[slot] = key + 1;
            _values[slot] = value;
            _used[_count++] = slot;
        }

        // Twice the slots, the entries placed again in the order they were added.
        private void Grow()
        {
            var (keys, values, used, count) = (_keys, _values, _used, _count);
            _slotBits++;
            _keys = new int[1 << _slotBits];
            _values = new TokenBound[1 << _slotBits];
            _used = new int[1 << (_slotBits - 1)];
            _count = 0;
            for (var i = 0; i < count; i++)
            {
                Place(keys[used[i]] - 1, values[used[i]]);
            }
        }

        // Fibonacci hashing: the high bits of the key times 2^32 over the golden ratio.
        private static int SlotOf(int key, int slotBits) => (int)(((uint)key * 0x9E3779B9u) >> (32 - slotBits));
    }

    // The bound's memory of the thread: for the query tokens last bounded (under one rule set, kind of name pair, token statistics
    // and sound codes), which of them each candidate token seen pairs with and its rarity, and the query tokens' rarities.
    private sealed class BoundSpace
    {
        private readonly List<NameToken> _query = new(16);
        private NameScoringRules? _rules;
        private PairMode _mode;
        private ITokenStatistics? _statistics;
        private IWordSoundCodes? _soundCodes;
        private double[] _rarityQ = new double[16];
        private double[] _rarityC = new double[16];
        private bool _rarityQRead;

        // The weights of the query tokens last given to MasksFor against a candidate without a number and with one, each once made
        // (for the query's reading as syllables or not that they were made for).
        private readonly double[][] _weightsQ = [new double[16], new double[16]];
        private readonly bool[] _weightsQMade = new bool[2];
        private bool _weightsQSyllabic;
        private SpellingSketch[] _sketchQ = new SpellingSketch[16];
        private bool _sketchesMade;
        private WordTraits[] _traitsQ = new WordTraits[16];
        private bool _traitsMade;

        // The query tokens last read with their wider word classes, and what they read as.
        private readonly List<NameToken> _widerQuery = new(16);
        private List<NameToken>? _widerOf;
        private List<NameToken>? _wider;

        public Dictionary<NameToken, TokenBound> Masks { get; } = [];

        // The entries of Masks for tokens of indexed names, kept by number (emptied with Masks).
        public NumberedBounds NumberedMasks { get; } = new();

        // The query's tokens with their wider word classes (WiderClasses), read once for a list of tokens: a name's tokens do not
        // change once it is made, and the list last read is kept, so its reference cannot come to mean another list.
        public List<NameToken> WiderQuery(List<NameToken> q)
        {
            if (!ReferenceEquals(_widerOf, q))
            {
                _wider = WiderClasses(q, _widerQuery);
                _widerOf = q;
            }

            return _wider!;
        }

        public Dictionary<NameToken, ulong> SoundMasks { get; } = [];

        // The query tokens last read for the legal forms their runs misspell, and whether they misspell each form asked about.
        private List<NameToken>? _misspellingsOf;
        private readonly Dictionary<string, bool> _misspellings = new(StringComparer.Ordinal);

        // Whether some run of the query's tokens misspells each legal form asked about (AnyRunMisspells), kept for a name's list of
        // tokens (its tokens as made, not a working list: they do not change once it is made, and the list last read is kept, so
        // its reference cannot come to mean another list). It depends on the texts alone, which the wider word classes keep.
        public Dictionary<string, bool> QueryMisspellings(List<NameToken> q)
        {
            if (!ReferenceEquals(_misspellingsOf, q))
            {
                _misspellings.Clear();
                _misspellingsOf = q;
            }

            return _misspellings;
        }

        // Whether the query tokens last given to MasksFor have a word only Wade-Giles spells, a country's abbreviation, and a word
        // that may be an acronym under the rules last given, each read once.
        private bool? _wadeGilesQ;
        private bool? _abbreviationQ;
        private bool? _acronymQ;

        public bool QueryHasWadeGilesWord(List<NameToken> q) => _wadeGilesQ ??= AnyToken(q, IsWadeGilesWord);

        public bool QueryHasCountryAbbreviation(List<NameToken> q) => _abbreviationQ ??= AnyToken(q, IsCountryAbbreviation);

        public bool QueryHasAcronym(List<NameToken> q, NameScoringRules rules)
        {
            if (_acronymQ is not { } known)
            {
                known = false;
                for (var i = 0; i < q.Count && !known; i++)
                {
                    known = MayBeAcronym(q[i], rules);
                }

                _acronymQ = known;
            }

            return known;
        }

        private static bool AnyToken(List<NameToken> tokens, Func<NameToken, bool> test)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (test(tokens[i]))
                {
                    return true;
                }
            }

            return false;
        }

        public List<Pair> Pairs { get; } = new(16);

        // The answers of the bound for the candidate names (those read alike as one: SameNameComparer) last bounded against one
        // query, under one set of statistics, rules and score that counts.
        private readonly Dictionary<NormalizedName, bool> _answers = new(SameNameComparer.Instance);
        private NormalizedName? _answersQuery;
        private ITokenStatistics? _answersStatistics;
        private NameScoringRules? _answersRules;
        private double _answersAtLeast;

        public Dictionary<NormalizedName, bool> AnswersFor(NormalizedName query, ITokenStatistics? statistics, NameScoringRules rules, double atLeast)
        {
            if (!ReferenceEquals(_answersQuery, query) || !ReferenceEquals(_answersStatistics, statistics) || !ReferenceEquals(_answersRules, rules)
                || !_answersAtLeast.Equals(atLeast))
            {
                _answers.Clear();
                _answersQuery = query;
                _answersStatistics = statistics;
                _answersRules = rules;
                _answersAtLeast = atLeast;
            }

            return _answers;
        }

        // Forgets the query, the names and the index last read, as a new query would; the next call of each reader starts afresh.
        public void Release()
        {
            (_rules, _mode, _statistics, _soundCodes) = (null, default, null, null);
            _query.Clear();
            Masks.Clear();
            NumberedMasks.Clear();
            SoundMasks.Clear();
            (_widerOf, _wider) = (null, null);
            _widerQuery.Clear();
            _misspellingsOf = null;
            _misspellings.Clear();
            (_answersQuery, _answersStatistics, _answersRules) = (null, null, null);
            _answers.Clear();
        }

        public Dictionary<NameToken, TokenBound> MasksFor(List<NameToken> q, NameScoringRules rules, PairMode mode, ITokenStatistics? statistics,
            IWordSoundCodes? soundCodes)
        {
            var same = ReferenceEquals(_rules, rules) && _mode.Latin == mode.Latin && _mode.Alphabetic == mode.Alphabetic
                && ReferenceEquals(_mode.Native, mode.Native) && ReferenceEquals(_statistics, statistics) && ReferenceEquals(_soundCodes, soundCodes)
                && _query.Count == q.Count;
            for (var i = 0; same && i < q.Count; i++)
            {
                same = _query[i] == q[i];
            }

            if (!same)
            {
                _rules = rules;
                _mode = mode;
                _statistics = statistics;
                _soundCodes = soundCodes;
                _rarityQRead = false;
                _weightsQMade[0] = _weightsQMade[1] = false;
                _sketchesMade = false;
                _traitsMade = false;
                _wadeGilesQ = null;
                _abbreviationQ = null;
                _acronymQ = null;
                _query.Clear();
                for (var i = 0; i < q.Count; i++)
                {
                    _query.Add(q[i]);
                }

                Masks.Clear();
                NumberedMasks.Clear();
                SoundMasks.Clear();
            }

            return Masks;
        }

        // Whether the query token at an index (of those last given to MasksFor) is a word of four letters or more, and its sketch,
        // made once.
        public bool IsSketched(List<NameToken> q, int i, out SpellingSketch sketch)
        {
            if (!_sketchesMade)
            {
                if (_sketchQ.Length < q.Count)
                {
                    _sketchQ = new SpellingSketch[Math.Max(q.Count, _sketchQ.Length * 2)];
                }

                for (var k = 0; k < q.Count; k++)
                {
                    _sketchQ[k] = HasSketch(q[k]) ? Sketch(q[k].Text) : default;
                }

                _sketchesMade = true;
            }

            sketch = _sketchQ[i];
            return sketch.Length >= 4;
        }

        // The traits of the query token at an index (of those last given to MasksFor), read once.
        public WordTraits TraitsQ(List<NameToken> q, int i)
        {
            if (!_traitsMade)
            {
                if (_traitsQ.Length < q.Count)
                {
                    _traitsQ = new WordTraits[Math.Max(q.Count, _traitsQ.Length * 2)];
                }

                for (var k = 0; k < q.Count; k++)
                {
                    _traitsQ[k] = TraitsOf(q[k]);
                }

                _traitsMade = true;
            }

            return _traitsQ[i];
        }

        // The rarities of the query tokens last given to MasksFor, read once.
        public double[] RarityQ(List<NameToken> q, ITokenStatistics? statistics)
        {
            if (!_rarityQRead)
            {
                if (_rarityQ.Length < q.Count)
                {
                    _rarityQ = new double[Math.Max(q.Count, _rarityQ.Length * 2)];
                }

                for (var i = 0; i < q.Count; i++)
                {
                    _rarityQ[i] = RarityOf(q[i], statistics);
                }

                _rarityQRead = true;
            }

            return _rarityQ;
        }

        // The weights of the query tokens last given to MasksFor (WeightsOf), against a candidate with a number or without.
        public double[] WeightsQ(List<NameToken> q, ITokenStatistics? statistics, bool syllabic, bool otherHasNumber, NameScoringRules rules)
        {
            if (syllabic != _weightsQSyllabic)
            {
                _weightsQMade[0] = _weightsQMade[1] = false;
                _weightsQSyllabic = syllabic;
            }

            var which = otherHasNumber ? 1 : 0;
            if (!_weightsQMade[which])
            {
                if (_weightsQ[which].Length < q.Count)
                {
                    _weightsQ[which] = new double[Math.Max(q.Count, _weightsQ[which].Length * 2)];
                }

                WeightsOf(q, RarityQ(q, statistics), _weightsQ[which], syllabic, otherHasNumber, rules);
                _weightsQMade[which] = true;
            }

            return _weightsQ[which];
        }

        // A buffer for the rarities of a candidate's tokens.
        public double[] RarityC(int count)
        {
            if (_rarityC.Length < count)
            {
                _rarityC = new double[Math.Max(count, _rarityC.Length * 2)];
            }

            return _rarityC;
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using FuzzySharp;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

/// <summary>What screening reads of the comparison of a query name with a candidate name, as a value: the score and the facts the
/// pipeline decides on, without the explanation, so that the many candidates compared and dropped allocate nothing.
/// <see cref="ToComparison"/> gives the <see cref="NameComparison"/> of a kept candidate, whose explanation is written on demand.</summary>
/// <param name="Score">The score in [0, 1].</param>
/// <param name="CandidateContained">Whether every distinctive token of the candidate was found in the query.</param>
/// <param name="QueryExtrasAreQualifiers">Whether every query token left unmatched only qualifies a name.</param>
/// <param name="HasFuzzyTokens">Whether some token pair matched within the edit budget rather than exactly.</param>
/// <param name="PartsLeftOutLastKept">When the score is the <c>parts-left-out</c> floor, the index of the last token of the longer
/// name that the shorter keeps; -1 otherwise.</param>
/// <param name="PartsLeftOutQueryShorter">Whether the query is the shorter name when <paramref name="PartsLeftOutLastKept"/> is set.</param>
/// <param name="Rules">The rules that computed the score, which also write its explanation; <see langword="null"/> when
/// <paramref name="Comparison"/> is set.</param>
/// <param name="Comparison">The comparison itself, for an algorithm that writes it as it scores.</param>
internal readonly record struct NameScore(
    double Score,
    bool CandidateContained,
    bool QueryExtrasAreQualifiers,
    bool HasFuzzyTokens,
    int PartsLeftOutLastKept,
    bool PartsLeftOutQueryShorter,
    NameScoringRules? Rules,
    NameComparison? Comparison = null)
{
    /// <summary>Gets, when a given name and its short form are aligned, which names were read surname first to find the surnames;
    /// none otherwise (see <see cref="NameComparison.GivenNameSurnameFirst"/>).</summary>
    public SpellingVariant GivenNameSurnameFirst { get; init; }

    /// <summary>Gets whether the query's words matched only as an acronym of the candidate's words: every pair aligned is a word of
    /// the query read as the initials of two words or more of the candidate ("MSI" / "MENYAILO, Sergei Ivanovich"). Screening
    /// reads neither a person's nor a ship's name so (<c>Screener.IsInitialsOfAPersonOrShip</c>). <see langword="false"/> for an
    /// algorithm that reads no acronym.</summary>
    public bool QueryReadAsAcronym { get; init; }

    /// <summary>Gets the score of a comparison already made.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The score, which returns the comparison itself from <see cref="ToComparison"/>.</returns>
    public static NameScore Of(NameComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new NameScore(comparison.Score, comparison.CandidateContained, comparison.QueryExtrasAreQualifiers, comparison.HasFuzzyTokens,
            comparison.PartsLeftOutLastKept, comparison.PartsLeftOutQueryShorter, null, comparison)
        {
            GivenNameSurnameFirst = comparison.GivenNameSurnameFirst,
        };
    }

    /// <summary>Gets the comparison this score belongs to: its explanation is written when first read, by comparing the same
    /// names again under the same rules.</summary>
    /// <param name="query">The query name scored.</param>
    /// <param name="candidate">The candidate name scored.</param>
    /// <param name="statistics">The token rarity the score was computed with.</param>
    /// <returns>The comparison.</returns>
    public NameComparison ToComparison(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics) =>
        Comparison ?? new NameComparison(Score, query, candidate, statistics, Rules!, HasFuzzyTokens, CandidateContained, QueryExtrasAreQualifiers)
        {
            Algorithm = Rules!.Name, PartsLeftOutLastKept = PartsLeftOutLastKept, PartsLeftOutQueryShorter = PartsLeftOutQueryShorter,
            GivenNameSurnameFirst = GivenNameSurnameFirst,
        };
}

/// <summary>The outcome of comparing a query name with a candidate name.</summary>
/// <remarks>The per-feature explanation is written when <see cref="Features"/> is first read, so that the many candidates
/// compared and dropped cost no explanation text. Instances are immutable in what they report and safe for concurrent use.</remarks>
internal sealed class NameComparison
{
    private readonly NormalizedName? _query;
    private readonly NormalizedName? _candidate;
    private readonly ITokenStatistics? _statistics;
    private readonly NameScoringRules? _rules;
    private IReadOnlyList<FeatureScore>? _features;

    /// <summary>Initializes a new instance of the <see cref="NameComparison"/> class with its explanation written out.</summary>
    /// <param name="score">The score in [0, 1].</param>
    /// <param name="features">The per-feature explanation.</param>
    /// <param name="candidateContained">Whether every distinctive token of the candidate was found in the query (a mention).</param>
    /// <param name="queryExtrasAreQualifiers">Whether every query token left unmatched only qualifies a name (a legal form, a place,
    /// "International", "Group"), so that a contained candidate is the same name with qualifiers.</param>
    public NameComparison(double score, IReadOnlyList<FeatureScore> features, bool candidateContained, bool queryExtrasAreQualifiers = false)
    {
        ArgumentNullException.ThrowIfNull(features);
        Score = score;
        _features = features;
        CandidateContained = candidateContained;
        QueryExtrasAreQualifiers = queryExtrasAreQualifiers;
        HasFuzzyTokens = features.Any(f => string.Equals(f.Feature, FuzzyTokensFeature, StringComparison.Ordinal));
    }

    /// <summary>Initializes a new instance of the <see cref="NameComparison"/> class whose explanation is written on demand by
    /// comparing the two names again under the same rules, so that a comparison that is dropped keeps no explanation state.</summary>
    /// <param name="score">The score in [0, 1].</param>
    /// <param name="query">The query name compared.</param>
    /// <param name="candidate">The candidate name compared.</param>
    /// <param name="statistics">The token rarity the score was computed with.</param>
    /// <param name="rules">The rules the score was computed with.</param>
    /// <param name="hasFuzzyTokens">Whether the explanation holds a <c>fuzzy-tokens</c> feature.</param>
    /// <param name="candidateContained">Whether every distinctive token of the candidate was found in the query.</param>
    /// <param name="queryExtrasAreQualifiers">Whether every query token left unmatched only qualifies a name.</param>
    internal NameComparison(double score, NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics, NameScoringRules rules, bool hasFuzzyTokens,
        bool candidateContained, bool queryExtrasAreQualifiers)
    {
        Score = score;
        _query = query;
        _candidate = candidate;
        _statistics = statistics;
        _rules = rules;
        HasFuzzyTokens = hasFuzzyTokens;
        CandidateContained = candidateContained;
        QueryExtrasAreQualifiers = queryExtrasAreQualifiers;
    }

    /// <summary>The name of the feature that lists token pairs matched within the edit budget rather than exactly.</summary>
    public const string FuzzyTokensFeature = "fuzzy-tokens";

    /// <summary>Gets the score in [0, 1].</summary>
    public double Score { get; }

    /// <summary>Gets the per-feature explanation.</summary>
    public IReadOnlyList<FeatureScore> Features => _features ??= NameScorer.Explain(_query!, _candidate!, _statistics, _rules!);

    /// <summary>Gets whether every distinctive token of the candidate was found in the query (a mention).</summary>
    public bool CandidateContained { get; }

    /// <summary>Gets whether every query token left unmatched only qualifies a name (a legal form, a place, "International",
    /// "Group"), so that a contained candidate is the same name with qualifiers.</summary>
    public bool QueryExtrasAreQualifiers { get; }

    /// <summary>Gets whether some token pair matched within the edit budget rather than exactly (the explanation then holds a
    /// <c>fuzzy-tokens</c> feature), without writing the explanation.</summary>
    public bool HasFuzzyTokens { get; }

    /// <summary>Gets the name and version of the rules that computed the score (such as <c>token-align-v4</c>).</summary>
    public string Algorithm { get; init; } = NameScoringRules.Default.Name;

    /// <summary>Gets, when the score is the <c>parts-left-out</c> floor, the index of the last token of the longer name that the
    /// shorter keeps; -1 otherwise.</summary>
    public int PartsLeftOutLastKept { get; init; } = -1;

    /// <summary>Gets whether the query is the shorter name when <see cref="PartsLeftOutLastKept"/> is set.</summary>
    public bool PartsLeftOutQueryShorter { get; init; }

    /// <summary>Gets, when a given name and its short form are aligned, which names were read surname first to find the surnames
    /// (<see cref="SpellingVariant.QuerySurnameFirst"/>, <see cref="SpellingVariant.CandidateSurnameFirst"/>); none otherwise.</summary>
    public SpellingVariant GivenNameSurnameFirst { get; init; }
}

/// <summary>
/// The <c>token-align-v3</c> name scorer: aligns tokens one to one (exact, fuzzy within an edit budget that grows with
/// token length, joined tokens such as "Hik Vision" = "Hikvision", initials, and by sound across scripts, a Latin word against
/// a transliterated word or run of Han or Hangul syllables, see <see cref="CrossScriptSimilarity"/>), weighs each token by its class (legal forms and
/// generic words weigh little, numbers must agree, a number in one name only weighs little) and its rarity, and returns a weighted Dice score with a per-feature
/// explanation.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static partial class NameScorer
{
    /// <summary>Gets the name and version of the default algorithm (<see cref="NameScoringRules.Default"/>), reported in results.</summary>
    public static string Algorithm => NameScoringRules.Default.Name;

    [ThreadStatic]
    private static RecentKeys? _recentPhoneticKeys;

    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    private static readonly string[] Patronymics = ["bin", "ben", "ibn", "bint", "binti", "ould"];
    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna", "ovitch", "evitch"];

    // The last letters of the patronymic endings.
    private static readonly SearchValues<char> PatronymicLastLetters = SearchValues.Create([.. PatronymicEndings.Select(e => e[^1]).Distinct()]);

    /// <summary>Gets the base weight of a token class.</summary>
    /// <param name="tokenClass">The class.</param>
    /// <returns>The base weight.</returns>
    public static double BaseWeight(TokenClass tokenClass) => NameScoringRules.Default.BaseWeight(tokenClass);

    /// <summary>Compares two normalised names.</summary>
    /// <param name="query">The query name.</param>
    /// <param name="candidate">The candidate name.</param>
    /// <param name="statistics">Token rarity; <see langword="null"/> weighs all tokens of a class alike.</param>
    /// <returns>The comparison, scored with the default rules (<see cref="NameScoringRules.Default"/>).</returns>
    public static NameComparison Compare(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics = null) =>
        Compare(query, candidate, statistics, NameScoringRules.Default);

    /// <summary>Compares two normalised names under a given rule set (algorithm version).</summary>
    /// <param name="query">The query name.</param>
    /// <param name="candidate">The candidate name.</param>
    /// <param name="statistics">Token rarity; <see langword="null"/> weighs all tokens of a class alike.</param>
    /// <param name="rules">The weights and rules, such as <see cref="NameScoringRules.V3"/> or <see cref="NameScoringRules.V4"/>.</param>
    /// <returns>The comparison; <see cref="NameComparison.Algorithm"/> names the rules.</returns>
    public static NameComparison Compare(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics, NameScoringRules rules)
    {
        return Score(query, candidate, statistics, rules).ToComparison(query, candidate, statistics);
    }

    /// <summary>Scores two normalised names under a given rule set without writing the explanation: what screening reads of a
    /// candidate, as a value.</summary>
    /// <param name="query">The query name.</param>
    /// <param name="candidate">The candidate name.</param>
    /// <param name="statistics">Token rarity; <see langword="null"/> weighs all tokens of a class alike.</param>
    /// <param name="rules">The weights and rules.</param>
    /// <returns>The score; <see cref="NameScore.ToComparison"/> gives the comparison with its explanation.</returns>
    internal static NameScore Score(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics, NameScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(rules);
        return Compare(query, candidate, statistics, rules, null);
    }

    /// <summary>Writes the per-feature explanation of a comparison: the two names are compared again under the same rules.</summary>
    /// <param name="query">The query name.</param>
    /// <param name="candidate">The candidate name.</param>
    /// <param name="statistics">Token rarity; <see langword="null"/> weighs all tokens of a class alike.</param>
    /// <param name="rules">The weights and rules.</param>
    /// <returns>The explanation that <see cref="NameComparison.Features"/> reports.</returns>
    internal static IReadOnlyList<FeatureScore> Explain(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics, NameScoringRules rules)
    {
        var explained = new ExplainedFeatures();
        Compare(query, candidate, statistics, rules, explained);
        return explained.Features!;
    }

    // Where a comparison with explain writes its explanation.
    private sealed class ExplainedFeatures
    {
        public IReadOnlyList<FeatureScore>? Features { get; set; }
    }

    // Compares two names in the work space of the thread. Without explain nothing is kept for the explanation: the comparison
    // writes it on demand by comparing again with explain, which follows the same steps and copies out what the explanation reads.
    private static NameScore Compare(NormalizedName query, NormalizedName candidate, ITokenStatistics? statistics, NameScoringRules rules, ExplainedFeatures? explained)
    {
        var explain = explained is not null;
        var q = query.Tokens;
        var c = candidate.Tokens;
        if (q.Count == 0 || c.Count == 0)
        {
            if (explained is not null)
            {
                explained.Features = [];
            }

            return new NameScore(0, false, false, false, -1, false, rules);
        }

        // Two names written in Hangul, or two in Han, compare in their first romanisation (or as written), syllable by syllable.
        var sameSyllabicScript = rules.SameScriptSyllablesExact && SameSyllabicScript(query, candidate);
        if (sameSyllabicScript && (query.IsSecondarySpelling || candidate.IsSecondarySpelling))
        {
            return Compare(query.PrimarySpelling ?? query, candidate.PrimarySpelling ?? candidate, statistics, rules, explained);
        }

        // Banking words and seas name a kind of business or a sea, not a party: under wider-word-classes they weigh as generic
        // words and places.
        // The names as read under the rules are written into lists of the thread's work space, reused.
        var space = _workSpace ??= new WorkSpace();
        if (rules.WiderWordClasses)
        {
            q = WiderClasses(q, space.WiderQ);
            c = WiderClasses(c, space.WiderC);
        }

        // A legal form misspelt on one side ("Limitd", "Cmmpany", "Ltz") where the other name carries that form is read as the form.
        var misspeltForms = explain ? new List<string>() : null;
        if (rules.MisspeltLegalForms && !query.IsTransliteration && !candidate.IsTransliteration)
        {
            q = ReadMisspeltLegalForms(q, c, misspeltForms, rules, space.FormsQ);
            c = ReadMisspeltLegalForms(c, q, misspeltForms, rules, space.FormsC);
        }

        space.Reset(q.Count, c.Count);
        var qHasNumber = HasNumber(q);
        var cHasNumber = HasNumber(c);
        var loneNumber = qHasNumber != cHasNumber;
        var wq = space.WeightsQ;
        var wc = space.WeightsC;
        Weights(q, wq, statistics, IsSyllabic(query), otherHasNumber: cHasNumber, rules);
        Weights(c, wc, statistics, IsSyllabic(candidate), otherHasNumber: qHasNumber, rules);
        // One substituted letter in a short word is a typing slip only between names written in Latin script: in a
        // transliteration (Arabic without vowels, Chinese syllables) it is a different name.
        var pairs = space.Pairs;
        CandidatePairs(q, c, pairs, shortSubstitution: !query.IsTransliteration && !candidate.IsTransliteration, exactOnly: sameSyllabicScript, rules);
        AddCrossScriptPairs(query, candidate, pairs, rules, statistics as IWordSoundCodes);
        AddVariantPairs(query, candidate, q, c, pairs, rules);
        // Among pairs alike in similarity, the one whose tokens sit at the same place on both sides comes first, then the one
        // that covers more tokens, so that a repeated word ("Hai Kang ... bin ... Hai Kang", "Hua Wei ... bin Huawei") is aligned
        // in order rather than crossed (a crossed alignment reads as a swapped patronymic), and so that the outcome does not
        // depend on the unstable sort.
        pairs.Sort(PairOrder);

        var usedQ = space.UsedQ;
        var usedC = space.UsedC;
        var alignment = space.Alignment;
        double matched = 0;
        var aligned = explain ? new List<Pair>(Math.Min(q.Count, c.Count)) : null;
        var fuzzyMin = 1.0;
        var fuzzyShortest = int.MaxValue;
        var fuzzyCount = 0;
        var firstLetterFuzzy = false;
        var spelled = false;
        var bySound = false;
        var acronymInQuery = false;
        var acronymInCandidate = false;
        var notAcronymOfQuery = false;
        var wordSpelled = false;
        var initialToWord = false;
        var oneToOne = true;
        var variants = SpellingVariant.None;
        foreach (var p in pairs)
        {
            if (AnyUsed(usedQ, p.QStart, p.QCount) || AnyUsed(usedC, p.CStart, p.CCount))
            {
                continue;
            }

            MarkUsed(usedQ, p.QStart, p.QCount);
            MarkUsed(usedC, p.CStart, p.CCount);
            for (var k = 0; k < p.QCount; k++)
            {
                alignment[p.QStart + k] = p.CStart;
            }

            // A misspelt word weighs what the word it stands for weighs: "anq" for the generic "and", "iuan" for the place "Iran".
            if (rules.MisspeltWordTakesClassWeight && p.Sim < 1 && !p.BySound && p.QCount == 1 && p.CCount == 1 && q[p.QStart].Class != c[p.CStart].Class
                && (q[p.QStart].Class == TokenClass.Word || c[p.CStart].Class == TokenClass.Word))
            {
                var weight = Math.Min(wq[p.QStart], wc[p.CStart]);
                wq[p.QStart] = weight;
                wc[p.CStart] = weight;
            }

            matched += p.Sim * (Sum(wq, p.QStart, p.QCount) + Sum(wc, p.CStart, p.CCount));
            oneToOne &= p.QCount == 1 && p.CCount == 1 && !p.Acronym;
            variants |= p.Variant;
            bySound |= p.BySound;
            acronymInQuery |= p.Acronym && p.QCount == 1;
            acronymInCandidate |= p.Acronym && p.CCount == 1;
            notAcronymOfQuery |= !p.Acronym || p.QCount != 1;
            spelled |= !p.BySound && p.Sim >= rules.CloseSpelling && IsDistinctive(q[p.QStart].Class);
            aligned?.Add(p);
            var qLength = JoinedLength(q, p.QStart, p.QCount);
            var cLength = JoinedLength(c, p.CStart, p.CCount);
            var initialPair = !p.Acronym && p.QCount == 1 && p.CCount == 1 && (qLength == 1) != (cLength == 1);
            initialToWord |= initialPair;
            wordSpelled |= p.BySound || p.Acronym || (!initialPair && qLength >= 2 && cLength >= 2 && (IsDistinctive(q[p.QStart].Class) || IsDistinctive(c[p.CStart].Class))
                && q[p.QStart].Class != TokenClass.Number);
            if (p.Sim < 1)
            {
                fuzzyCount++;
                fuzzyMin = Math.Min(fuzzyMin, p.Sim);
                fuzzyShortest = Math.Min(fuzzyShortest, Math.Min(qLength, cLength));
                firstLetterFuzzy |= !p.BySound && qLength > 0 && cLength > 0 && JoinedFirst(q, p.QStart, p.QCount) != JoinedFirst(c, p.CStart, p.CCount);
            }
        }

        var total = Sum(wq, 0, q.Count) + Sum(wc, 0, c.Count);
        var score = total <= 0 ? 0 : matched / total;

        // A name matched only by sound across scripts, with no word spelled alike, is evidence for a review, not a certainty:
        // transcriptions collide ("Kian Jahani" in Persian script sounds like "Cano Jhonny").
        var soundOnly = bySound && !spelled && score > rules.SoundOnlyCap;
        if (soundOnly)
        {
            score = rules.SoundOnlyCap;
        }

        var numberMismatch = AnyUnused(q, usedQ, TokenTest.Number) && AnyUnused(c, usedC, TokenTest.Number);
        if (numberMismatch)
        {
            score *= rules.NumberMismatchFactor;
        }

        // A one-word name rests on that word alone: a near spelling of it ("Tesla" / "Tesa", "Vistra" / "Vista") is weaker
        // evidence than a near spelling of one word among several.
        // A long word survives one slip better ("Hannibal" / "Hannibol", "Gazprom" / "Gasprom") than a short one.
        var singleWordFuzzy = fuzzyMin < rules.CloseSpelling && (IsSingleWordMatched(c, usedC) || IsSingleWordMatched(q, usedQ));
        var singleWordFactor = fuzzyShortest >= rules.LongWord ? rules.LongSingleWordFuzzyFactor
            : rules.FirstLetterEdits && firstLetterFuzzy ? rules.SingleWordFirstLetterFactor
            : rules.SingleWordFuzzyFactor;
        if (singleWordFuzzy)
        {
            score *= singleWordFactor;
        }

        // A name part on each side that matches nothing on the other ("... al-Rawi" / "... al-Tikriti", "Lula da Souza" /
        // "Lula da Silva") is a different name part, not a missing one.
        // Under near-token-not-replaced, a word one letter from a word of the other name is the same part misspelt, not another.
        var latin = !query.IsTransliteration && !candidate.IsTransliteration;
        var nearNotReplaced = rules.NearTokenNotReplaced && latin;
        var partReplaced = HasReplacedPart(q, usedQ, c, nearNotReplaced) && HasReplacedPart(c, usedC, q, nearNotReplaced);
        if (partReplaced)
        {
            score *= rules.PartReplacedFactor;
        }

        var patronymicSwap = PatronymicSwapped(q, c, alignment, rules);
        if (patronymicSwap)
        {
            score *= rules.PatronymicSwapFactor;
        }

        // An acronym stands for the whole of the other name: a name that holds a word, initial or number besides the acronym that
        // matches nothing ("Air T" / "Abdoulaye Issene Ramadane", "I-Mab") is less likely the name the acronym abbreviates.
        var acronymExtra = rules.AcronymExtraPartFactor < 1
            && ((acronymInQuery && AnyUnused(q, usedQ, TokenTest.WordOrNumber))
                || (acronymInCandidate && AnyUnused(c, usedC, TokenTest.WordOrNumber)));
        if (acronymExtra)
        {
            score *= rules.AcronymExtraPartFactor;
        }

        // Initials and numbers alone do not make a name: when the only words matched are initials against words ("One-P" /
        // "First Phosphate"), the score is at most the initials-only cap.
        var initialsOnly = rules.InitialsOnlyCap < 1 && initialToWord && !wordSpelled && score > rules.InitialsOnlyCap;
        if (initialsOnly)
        {
            score = rules.InitialsOnlyCap;
        }

        // A given name matched to its short form is evidence for a review, not a block.
        var givenNameCapped = (variants & SpellingVariant.GivenName) != 0 && score > rules.GivenNameCap;
        if (givenNameCapped)
        {
            score = rules.GivenNameCap;
        }

        // A person's name written without its middle names, patronymic or further family names ("AKHTAR MANSOUR" / "AKHTAR MOHAMMAD
        // MANSOUR SHAH MOHAMMED") is that name with parts left out, not another: it scores at least a share of what its kept parts score.
        // Compared by spelling only: in Latin letters, or one name transliterated from an alphabet that writes its vowels (Cyrillic,
        // Greek); a transliteration without vowels (Arabic, Hebrew) or by syllable (Han, Hangul, kana) collides too often.
        var partsLeftOut = rules.PartsLeftOutFactor > 0 && oneToOne && SpelledAlphabetically(query) && SpelledAlphabetically(candidate)
            ? PartsLeftOut(q, usedQ, wq, c, usedC, wc, alignment, statistics, rules)
            : default;
        var partsLeftOutFloor = partsLeftOut.LeftOutWeight > 0 && total > partsLeftOut.LeftOutWeight
            ? rules.PartsLeftOutFactor * matched / (total - partsLeftOut.LeftOutWeight)
            : 0;
        var partsLeftOutApplied = partsLeftOutFloor > score;
        if (partsLeftOutApplied)
        {
            score = partsLeftOutFloor;
        }

        // One slip anywhere in a name costs that letter's share of the name, whatever the words it falls in: "SAOCHI" / "SANCHI",
        // "MILE TECHNOLOGIES" / "SMILE TECHNOLOGIES" are the same names mistyped.
        var oneEditFloor = rules.OneEditNameMinLength > 0 && latin ? OneEditFloor(q, c, rules.OneEditNameMinLength) : 0;
        var oneEditName = oneEditFloor > score;
        if (oneEditName)
        {
            score = oneEditFloor;
        }

        // The same words with other numbers ("Snow Storm 1" / "Snow Storm 2", "Fund III L.P." / "Fund IV L.P.") name a sister vessel or
        // the next fund of a series: a party of the same family, for review, never blocked on the name alone, whatever the
        // alignment made of the numbers (Roman numerals read as words are one letter apart, digits as a number mismatch).
        var numberedSibling = rules.NumberedSiblingScore > 0 && NumberedSiblings(q, c);
        if (numberedSibling)
        {
            score = rules.NumberedSiblingScore;
        }

        // Contained: every word of the candidate except its legal form is in the query (generic words too, so that
        // "New Financial Technologies" is not found in "American Financial Group").
        var contained = CountDistinctive(c, out _) > 0
            && !AnyUnused(c, usedC, TokenTest.NotLegalForm);

        Explanation? explanation = null;
        if (explain)
        {
            explanation = new Explanation(score, q, c, aligned!, Unused(usedQ, q.Count), Unused(usedC, c.Count), rules, loneNumber, numberMismatch, soundOnly, partReplaced,
                singleWordFuzzy, singleWordFactor, acronymExtra, initialsOnly, patronymicSwap, query.IsTransliteration || candidate.IsTransliteration, misspeltForms!,
                oneEditName ? oneEditFloor : 0, partsLeftOutApplied ? partsLeftOut with { Floor = partsLeftOutFloor } : default);
        }

        if (rules.RoundScore)
        {
            // The decision sees the score as it is reported: 0.79999999 from floating-point products is 0.8.
            score = Math.Round(score, 4);
        }

        var qualifiersOnly = !AnyUnused(q, usedQ, TokenTest.NotQualifier);
        var surnameFirst = variants & (SpellingVariant.QuerySurnameFirst | SpellingVariant.CandidateSurnameFirst);
        var lastKept = partsLeftOutApplied ? partsLeftOut.LastKept : -1;
        if (explanation is not null)
        {
            explained!.Features = WithVariantFeatures(explanation.Write(), aligned!, q, c, rules, givenNameCapped, numberedSibling);
        }

        return new NameScore(Math.Clamp(score, 0, 1), contained, qualifiersOnly, fuzzyCount > 0, lastKept, partsLeftOut.QueryShorter, rules)
        {
            GivenNameSurnameFirst = surnameFirst,
            QueryReadAsAcronym = acronymInQuery && !notAcronymOfQuery,
        };
    }

    // Gets whether two names are the same words, legal forms aside, with other numbers at one place or more: each place holds
    // the same word on both sides, or a number on both sides, digits or a Roman numeral after the first word. Two words or
    // more are shared, one of them distinctive: a number with generic words ("Management Company 23" / "24") or with one word
    // ("Shipping Company 12" / "13", "Tiandy 5" / "Tiandy 7") is not enough to make a family.
    private static bool NumberedSiblings(List<NameToken> q, List<NameToken> c)
    {
        int i = 0, j = 0, position = 0, differing = 0, shared = 0;
        var sharedWord = false;
        while (true)
        {
            while (i < q.Count && q[i].Class == TokenClass.LegalForm)
            {
                i++;
            }

            while (j < c.Count && c[j].Class == TokenClass.LegalForm)
            {
                j++;
            }

            if (i == q.Count || j == c.Count)
            {
                return i == q.Count && j == c.Count && differing > 0 && shared >= 2 && sharedWord;
            }

            var a = q[i];
            var b = c[j];
            if (string.Equals(a.Text, b.Text, StringComparison.Ordinal))
            {
                shared++;
                sharedWord |= a.Class == TokenClass.Word;
            }
            else if (NumeralValue(a, position, c, j + 1) is { } x && NumeralValue(b, position, q, i + 1) is { } y)
            {
                differing += x == y ? 0 : 1;
            }
            else
            {
                return false;
            }

            i++;
            j++;
            position++;
        }
    }

    // Gets the value of a number token: digits, or after a name's first word a Roman numeral from I to XXXIX ("ii", "iv", "xiv"),
    // also when a one-letter numeral was joined to the letters of a dotted legal form after it ("X L.P." read "xlp"), the form
    // the other name holds after its number ("XI L.P."); null for a word that is no number, and for digits too long to read as
    // one (more than 18).
    private static long? NumeralValue(NameToken token, int position, List<NameToken> other, int otherNext)
    {
        if (token.Class == TokenClass.Number)
        {
            return token.Text.Length <= 18 ? long.Parse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
        }

        if (position == 0 || token.Class != TokenClass.Word)
        {
            return null;
        }

        var text = token.Text.AsSpan();
        if (RomanValue(text) is { } value)
        {
            return value;
        }

        return text.Length >= 3 && otherNext < other.Count && other[otherNext].Class == TokenClass.LegalForm
            && text[1..].SequenceEqual(other[otherNext].Text) && RomanValue(text[..1]) is { } letter ? letter : null;
    }

    // The value of a Roman numeral from I to XXXIX in lower case: up to three tens (x), then ix, iv, or an optional v and up
    // to three i.
    private static int? RomanValue(ReadOnlySpan<char> text)
    {
        var tens = 0;
        while (tens < text.Length && tens < 3 && text[tens] == 'x')
        {
            tens++;
        }

        var units = text[tens..];
        var value = tens * 10;
        if (units is "ix" or "iv")
        {
            return value + (units[1] == 'x' ? 9 : 4);
        }

        if (units.Length > 0 && units[0] == 'v')
        {
            value += 5;
            units = units[1..];
        }

        if (units.Length > 3 || (value == 0 && units.Length == 0))
        {
            return null;
        }

        foreach (var ch in units)
        {
            if (ch != 'i')
            {
                return null;
            }
        }

        return value + units.Length;
    }

    [ThreadStatic]
    private static WorkSpace? _workSpace;

    private static readonly Comparison<Pair> PairOrder = static (a, b) => b.Sim != a.Sim ? b.Sim.CompareTo(a.Sim)
        : Math.Abs(a.QStart - a.CStart) != Math.Abs(b.QStart - b.CStart) ? Math.Abs(a.QStart - a.CStart).CompareTo(Math.Abs(b.QStart - b.CStart))
        : a.QCount + a.CCount != b.QCount + b.CCount ? (b.QCount + b.CCount).CompareTo(a.QCount + a.CCount)
        : a.QStart != b.QStart ? a.QStart.CompareTo(b.QStart) : a.CStart.CompareTo(b.CStart);

    // The buffers of one comparison, kept per thread and reused: the arrays are at least as long as the names and only their
    // first Count entries are read.
    private sealed class WorkSpace
    {
        public double[] WeightsQ { get; private set; } = new double[16];

        public double[] WeightsC { get; private set; } = new double[16];

        public bool[] UsedQ { get; private set; } = new bool[16];

        public bool[] UsedC { get; private set; } = new bool[16];

        public int[] Alignment { get; private set; } = new int[16];

        public List<Pair> Pairs { get; } = new(64);

        // The query and candidate tokens under wider word classes, and with misspelt legal forms read as the forms.
        public List<NameToken> WiderQ { get; } = new(16);

        public List<NameToken> WiderC { get; } = new(16);

        public List<NameToken> FormsQ { get; } = new(16);

        public List<NameToken> FormsC { get; } = new(16);

        public void Reset(int queryCount, int candidateCount)
        {
            if (WeightsQ.Length < queryCount)
            {
                var size = Math.Max(queryCount, WeightsQ.Length * 2);
                WeightsQ = new double[size];
                UsedQ = new bool[size];
                Alignment = new int[size];
            }

            if (WeightsC.Length < candidateCount)
            {
                var size = Math.Max(candidateCount, WeightsC.Length * 2);
                WeightsC = new double[size];
                UsedC = new bool[size];
            }

            Array.Clear(UsedQ, 0, queryCount);
            Array.Clear(UsedC, 0, candidateCount);
            Array.Fill(Alignment, -1, 0, queryCount);
            Pairs.Clear();
        }
    }

    private enum TokenTest
    {
        Number,
        WordOrNumber,
        NotLegalForm,
        NotQualifier,
    }

    // Gets whether a token left unmatched passes a test.
    private static bool AnyUnused(List<NameToken> tokens, bool[] used, TokenTest test)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var t = tokens[i];
            var passes = test switch
            {
                TokenTest.Number => t.Class == TokenClass.Number,
                TokenTest.WordOrNumber => t.Class is TokenClass.Word or TokenClass.Number,
                TokenTest.NotLegalForm => t.Class is not TokenClass.LegalForm,
                _ => !LegalForms.IsQualifier(t),
            };
            if (passes)
            {
                return true;
            }
        }

        return false;
    }

    // Gets whether a word of three letters or more is left unmatched, unless (near) it is one letter from a word of the other name.
    private static bool HasReplacedPart(List<NameToken> tokens, bool[] used, List<NameToken> other, bool near)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!used[i] && tokens[i].Class == TokenClass.Word && tokens[i].Text.Length >= 3 && !(near && HasNearWord(tokens[i], other)))
            {
                return true;
            }
        }

        return false;
    }

    // The explanation of one comparison, written only when read (for the hits that are returned).
    private sealed record Explanation(
        double Score,
        List<NameToken> Q,
        List<NameToken> C,
        List<Pair> Aligned,
        List<int> UnmatchedQ,
        List<int> UnmatchedC,
        NameScoringRules Rules,
        bool LoneNumber,
        bool NumberMismatch,
        bool SoundOnly,
        bool PartReplaced,
        bool SingleWordFuzzy,
        double SingleWordFactor,
        bool AcronymExtra,
        bool InitialsOnly,
        bool PatronymicSwap,
        bool Transliteration,
        List<string> MisspeltForms,
        double OneEditFloor,
        LeftOutParts PartsLeftOut)
    {
        public List<FeatureScore> Write()
        {
            var entries = new List<string>(Aligned.Count);
            var fuzzy = new List<string>();
            foreach (var p in Aligned)
            {
                var entry = string.Create(CultureInfo.InvariantCulture, $"{Join(Q, p.QStart, p.QCount)}={Join(C, p.CStart, p.CCount)} ({p.Sim:0.00})");
                entries.Add(entry);
                if (p.Sim < 1)
                {
                    fuzzy.Add(entry);
                }
            }

            var features = new List<FeatureScore>(4)
            {
                new("token-alignment", Math.Round(Score, 4), 1.0, string.Join(", ", entries) + Unmatched(Q, UnmatchedQ, "query") + Unmatched(C, UnmatchedC, "candidate")),
            };
            if (fuzzy.Count > 0)
            {
                features.Add(new(NameComparison.FuzzyTokensFeature, Math.Round(fuzzy.Count / (double)entries.Count, 4), 0, "within edit budget: " + string.Join(", ", fuzzy)));
            }

            var legalQ = Q.Where(t => t.Class == TokenClass.LegalForm).Select(t => t.Text).ToList();
            var legalC = C.Where(t => t.Class == TokenClass.LegalForm).Select(t => t.Text).ToList();
            if (legalQ.Count + legalC.Count > 0)
            {
                features.Add(new("legal-form", legalQ.Intersect(legalC).Any() || (legalQ.Count == 0) != (legalC.Count == 0) ? 1 : 0, Rules.BaseWeight(TokenClass.LegalForm),
                    $"compare forms down-weighted: query [{string.Join(' ', legalQ)}], candidate [{string.Join(' ', legalC)}]"));
            }

            if (LoneNumber)
            {
                features.Add(new("lone-number", Rules.LoneNumberWeight, 0, "a number in one name only weighs " + Rules.LoneNumberWeight.ToString(CultureInfo.InvariantCulture) + " of a word"));
            }

            if (NumberMismatch)
            {
                features.Add(new("number-mismatch", Rules.NumberMismatchFactor, -1, "numbers differ; score multiplied by " + Rules.NumberMismatchFactor.ToString(CultureInfo.InvariantCulture)));
            }

            if (SoundOnly)
            {
                features.Add(new("sound-only", Rules.SoundOnlyCap, -1, "matched only by sound across scripts; score capped at " + Rules.SoundOnlyCap.ToString(CultureInfo.InvariantCulture)));
            }

            if (PartReplaced)
            {
                features.Add(new("name-part-replaced", Rules.PartReplacedFactor, -1, "each name has a part the other lacks; score multiplied by " + Rules.PartReplacedFactor.ToString(CultureInfo.InvariantCulture)));
            }

            if (SingleWordFuzzy)
            {
                features.Add(new("single-word-fuzzy", SingleWordFactor, -1, "a one-word name matched only approximately; score multiplied by " + SingleWordFactor.ToString(CultureInfo.InvariantCulture)));
            }

            if (AcronymExtra)
            {
                features.Add(new("acronym-extra-part", Rules.AcronymExtraPartFactor, -1, "read as an acronym, with a part the acronym leaves unmatched; score multiplied by "
                    + Rules.AcronymExtraPartFactor.ToString(CultureInfo.InvariantCulture)));
            }

            if (InitialsOnly)
            {
                features.Add(new("initials-only", Rules.InitialsOnlyCap, -1, "only initials matched words; score capped at " + Rules.InitialsOnlyCap.ToString(CultureInfo.InvariantCulture)));
            }

            if (PatronymicSwap)
            {
                features.Add(new("patronymic-order", Rules.PatronymicSwapFactor, -1, "the names around bin/ben/ibn are swapped: father and son differ"));
            }

            if (Transliteration)
            {
                features.Add(new("transliteration", 1, 0, "compared on transliterated (Latin) keys"));
            }

            if (OneEditFloor > 0)
            {
                features.Add(new("one-edit-name", Math.Round(OneEditFloor, 4), 1, "the names are one letter apart over their whole length; score at least "
                    + OneEditFloor.ToString("0.####", CultureInfo.InvariantCulture)));
            }

            if (PartsLeftOut.Floor > 0)
            {
                var left = PartsLeftOut.QueryShorter ? string.Join(' ', UnmatchedC.Select(i => C[i].Text)) : string.Join(' ', UnmatchedQ.Select(i => Q[i].Text));
                features.Add(new("parts-left-out", Math.Round(PartsLeftOut.Floor, 4), Rules.PartsLeftOutFactor, string.Create(CultureInfo.InvariantCulture,
                    $"every part of the shorter name is in the longer, in order, with its first part; left out: {left}; score at least {Rules.PartsLeftOutFactor} of the kept parts' score, {Math.Round(PartsLeftOut.Floor, 4)}")));
            }

            if (MisspeltForms.Count > 0)
            {
                features.Add(new("misspelt-legal-form", 1, 0, "read as the legal form the other name carries: " + string.Join(", ", MisspeltForms)));
            }

            return features;
        }
    }

    // What a name with parts left out keeps of the longer name: the weight of the parts it leaves out (0 when the rule does not
    // hold), whether the query is the shorter name and the index of the last part of the longer it keeps; and the floor, for the
    // explanation.
    private readonly record struct LeftOutParts(double LeftOutWeight, bool QueryShorter, int LastKept, double Floor = 0);

    // The name parts so common in listed persons' names that keeping them of a longer name identifies nobody ("MOHAMMAD ALI" kept
    // of "MOHAMMAD ALI HASSAN" says little): the given names and particles among the sixty parts most frequent in the names of the
    // OFAC SDN list's individuals (2021-07; "al" in 15 of 100 names, "ali" and "muhammad" in 4.5, "manuel" in 0.4), their other
    // usual spellings, and the connectors bin, ibn, bint and ould.
    private static readonly HashSet<string> CommonNameParts = new(StringComparer.Ordinal)
    {
        "al", "el", "abu", "abd", "abdul", "abdel", "bin", "ben", "ibn", "bint", "ould", "ali", "muhammad", "mohammad", "mohammed", "mohamed",
        "mohamad", "muhamad", "muhammed", "mohd", "ahmad", "ahmed", "hassan", "hasan", "hussein", "husayn", "hussain", "husain", "ibrahim",
        "abdullah", "abdallah", "abdulla", "rahman", "reza", "omar", "umar", "mustafa", "saleh", "salih", "hamid", "khan", "haji", "hajji",
        "jose", "maria", "juan", "carlos", "luis", "antonio", "jesus", "jorge", "manuel",
    };

    // Gets whether one name is the other with parts left out: the name with fewer parts (titles aside; two or more, each a word of
    // two Latin letters or more) has every part matched one to one, in order, to a part of the longer, one of them the longer's
    // first part; one kept part is distinctive (not one of the most common name parts, and at least the least rarity on both sides);
    // the shorter is not a romanised Chinese or Korean name (syllables only); and neither name holds a legal form, a number or an
    // ideograph. Only the first part counts as kept, not the last: lists write persons surname first ("ASHFIELD, Jeffrey John
    // James"), and the last part of such a name is a given name ("John James" keeps the given names only).
    private static LeftOutParts PartsLeftOut(List<NameToken> q, bool[] usedQ, double[] wq, List<NameToken> c, bool[] usedC, double[] wc,
        int[] alignment, ITokenStatistics? statistics, NameScoringRules rules)
    {
        var qParts = CountParts(q);
        var cParts = CountParts(c);
        if (qParts == cParts || Math.Min(qParts, cParts) < 2 || HasCompanyOrNumber(q) || HasCompanyOrNumber(c))
        {
            return default;
        }

        var queryShorter = qParts < cParts;
        var shorter = queryShorter ? q : c;
        var longer = queryShorter ? c : q;
        var usedShorter = queryShorter ? usedQ : usedC;
        var usedLonger = queryShorter ? usedC : usedQ;
        var wLonger = queryShorter ? wc : wq;

        // Where each part of the shorter name stands in the longer, read from the alignment (query index to candidate index).
        Span<int> at = shorter.Count <= 64 ? stackalloc int[shorter.Count] : new int[shorter.Count];
        at.Fill(-1);
        for (var i = 0; i < q.Count; i++)
        {
            if (alignment[i] >= 0)
            {
                if (queryShorter)
                {
                    at[i] = alignment[i];
                }
                else
                {
                    at[alignment[i]] = i;
                }
            }
        }

        // The shorter name's parts stand in the longer's order, and one of them is the longer's first part (titles aside).
        var previous = -1;
        var keepsFirst = false;
        var distinctive = false;
        for (var i = 0; i < shorter.Count; i++)
        {
            if (shorter[i].Class == TokenClass.Title)
            {
                continue;
            }

            if (shorter[i].Class != TokenClass.Word || shorter[i].Text.Length < 2 || !NameNormalizer.IsAsciiLetters(shorter[i].Text) || !usedShorter[i] || at[i] <= previous)
            {
                return default;
            }

            // The longer's first part is kept with a distinctive word: itself, or, when it is a common part ("ABDUL", "UMAR"), the
            // part after it too ("ABDUL GHANI", "UMAR PATEK"); "ABDUL MANAN" keeps only "ABDUL" of "ABDUL SATAR ABDUL MANAN".
            keepsFirst |= IsFirstPart(longer, at[i]) && (IsDistinctivePart(longer[at[i]], statistics, rules) || NextPartFollows(shorter, i, at, longer));
            previous = at[i];
            distinctive |= IsDistinctivePart(shorter[i], statistics, rules) && IsDistinctivePart(longer[at[i]], statistics, rules);
        }

        // A romanised Chinese or Korean name ("ZHANG WEI" of "ZHANG XIAO WEI", "KIM JONG" of "KIM JONG IL") is a few syllables from a
        // small set: one left out makes another person's name.
        if (!distinctive || !keepsFirst || AllRomanisedSyllables(shorter))
        {
            return default;
        }

        double leftOut = 0;
        for (var j = 0; j < longer.Count; j++)
        {
            if (!usedLonger[j])
            {
                leftOut += wLonger[j];
            }
        }

        return new LeftOutParts(leftOut, queryShorter, previous);
    }

    // Gets whether the part after a kept part of the shorter name (titles aside) stands right after its match in the longer.
    private static bool NextPartFollows(List<NameToken> shorter, int i, Span<int> at, List<NameToken> longer)
    {
        var next = i + 1;
        while (next < shorter.Count && shorter[next].Class == TokenClass.Title)
        {
            next++;
        }

        var following = at[i] + 1;
        while (following < longer.Count && longer[following].Class == TokenClass.Title)
        {
            following++;
        }

        return next < shorter.Count && at[next] == following;
    }

    // Gets whether a token is the first part of a name: no token before it but titles.
    private static bool IsFirstPart(List<NameToken> tokens, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (tokens[i].Class != TokenClass.Title)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDistinctivePart(NameToken token, ITokenStatistics? statistics, NameScoringRules rules) =>
        token.Text.Length >= 3 && !CommonNameParts.Contains(token.Text) && (statistics?.Rarity(token.Text) ?? 1.0) >= rules.PartsLeftOutMinRarity;

    private static bool AllRomanisedSyllables(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class != TokenClass.Title && !IsRomanisedSyllable(tokens[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    // Gets whether a name is written in Latin letters or transliterated from an alphabet that writes its vowels, so that its Latin
    // spelling compares letter by letter.
    private static bool SpelledAlphabetically(NormalizedName name) => !name.IsTransliteration || name.SourceScript is NameScript.Cyrillic or NameScript.Greek;

    // Gets whether a word is one syllable of romanised Chinese or Korean ("zhang", "wei", "jong").
    private static bool IsRomanisedSyllable(string text) =>
        Romanization.IsPinyinSyllable(text) || CrossScriptSimilarity.IsRomanisedSyllable(text, NameScript.Hangul);

    // The parts of a name: its tokens other than titles.
    private static int CountParts(List<NameToken> tokens)
    {
        var n = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            n += tokens[i].Class == TokenClass.Title ? 0 : 1;
        }

        return n;
    }

    private static bool HasCompanyOrNumber(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class is TokenClass.LegalForm or TokenClass.Number or TokenClass.Ideograph)
            {
                return true;
            }
        }

        return false;
    }

    // The least score of two names one edit apart over their letters and digits, read in order (1 - 1 / the longer length), or 0
    // when they are not, when the longer is shorter than minLength, or when the edit changes a digit, the first letter of a word
    // of three letters or fewer ("Bob" / "Rob") or one Chinese syllable into another ("Cheng" / "Chang").
    private static double OneEditFloor(List<NameToken> q, List<NameToken> c, int minLength)
    {
        var qLength = LetterCount(q);
        var cLength = LetterCount(c);
        var longer = Math.Max(qLength, cLength);
        if (longer < minLength || Math.Abs(qLength - cLength) > 1 || longer > 256)
        {
            return 0;
        }

        Span<char> x = stackalloc char[qLength];
        Span<char> y = stackalloc char[cLength];
        Span<int> xToken = stackalloc int[qLength];
        Span<int> yToken = stackalloc int[cLength];
        Span<int> xOffset = stackalloc int[qLength];
        Span<int> yOffset = stackalloc int[cLength];
        if (!Concatenate(q, x, xToken, xOffset) || !Concatenate(c, y, yToken, yOffset))
        {
            return 0;
        }

        // The one edit sits after the common prefix: a substitution, insertion or deletion there, or a swap of two letters.
        var p = 0;
        while (p < x.Length && p < y.Length && x[p] == y[p])
        {
            p++;
        }

        // The same letters split into other words ("SiemensAG" / "Siemens AG"): a space added or dropped is the one slip.
        if (p == x.Length && p == y.Length)
        {
            return 1.0 - (1.0 / longer);
        }

        var oneEdit = x.Length == y.Length
            ? x[(p + 1)..].SequenceEqual(y[(p + 1)..])
                || (p + 1 < x.Length && x[p] == y[p + 1] && x[p + 1] == y[p] && x[(p + 2)..].SequenceEqual(y[(p + 2)..]))
            : x.Length > y.Length ? x[(p + 1)..].SequenceEqual(y[p..]) : x[p..].SequenceEqual(y[(p + 1)..]);
        if (!oneEdit)
        {
            return 0;
        }

        // A changed letter is checked on both sides. An added letter is checked where it stands and, when it starts a word, against
        // the word the other side starts there ("N.A.B.C." / "A.B.C.", "Khan" / "Han" are other names).
        if (x.Length >= y.Length && (char.IsAsciiDigit(x[p]) || !EditAllowed(q, xToken, xOffset, p)
            || (x.Length > y.Length && xOffset[p] == 0 && p < y.Length && !EditAllowed(c, yToken, yOffset, p))))
        {
            return 0;
        }

        if (y.Length >= x.Length && (char.IsAsciiDigit(y[p]) || !EditAllowed(c, yToken, yOffset, p)
            || (y.Length > x.Length && yOffset[p] == 0 && p < x.Length && !EditAllowed(q, xToken, xOffset, p))))
        {
            return 0;
        }

        // A syllable of a romanised Chinese name changed into another is another name, not a slip.
        var qWord = p < x.Length ? q[xToken[p]].Text : q[xToken[p - 1]].Text;
        var cWord = p < y.Length ? c[yToken[p]].Text : c[yToken[p - 1]].Text;
        if (Romanization.IsPinyinSyllable(qWord) && Romanization.IsPinyinSyllable(cWord))
        {
            return 0;
        }

        return 1.0 - (1.0 / longer);
    }

    // Gets whether an edit at position p of a concatenated name may be a slip: not the first letter of a word of three letters or fewer.
    private static bool EditAllowed(List<NameToken> tokens, Span<int> tokenAt, Span<int> offsetAt, int p) =>
        offsetAt[p] != 0 || tokens[tokenAt[p]].Text.Length > 3;

    private static int LetterCount(List<NameToken> tokens)
    {
        var n = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            n += tokens[i].Text.Length;
        }

        return n;
    }

    // Writes the tokens' letters and digits in order, with the token and offset of each; false when a token holds anything else.
    private static bool Concatenate(List<NameToken> tokens, Span<char> text, Span<int> tokenAt, Span<int> offsetAt)
    {
        var w = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i].Text;
            for (var k = 0; k < t.Length; k++)
            {
                if (!char.IsAsciiLetterLower(t[k]) && !char.IsAsciiDigit(t[k]))
                {
                    return false;
                }

                text[w] = t[k];
                tokenAt[w] = i;
                offsetAt[w] = k;
                w++;
            }
        }

        return true;
    }

    // Rewrites words (or runs of up to four words) of one name that misspell a legal form the other name carries and this one
    // lacks, unless they resemble a word of the other name, to that legal form's compare token.
    [SkipLocalsInit]
    private static List<NameToken> ReadMisspeltLegalForms(List<NameToken> tokens, List<NameToken> other, List<string>? found, NameScoringRules rules,
        List<NameToken> into)
    {
        // The legal forms of the other name that this one lacks, in order, each once (in a list of the thread, reused).
        List<string>? forms = null;
        for (var i = 0; i < other.Count; i++)
        {
            var form = other[i].Text;
            if (other[i].Class == TokenClass.LegalForm && !HasLegalForm(tokens, form) && (forms is null || !forms.Contains(form)))
            {
                if (forms is null)
                {
                    forms = _missingForms ??= [];
                    forms.Clear();
                }

                forms.Add(form);
            }
        }

        if (forms is null)
        {
            return tokens;
        }

        // The lengths under 64 a run may have to misspell one of the forms left, read once and again when a form is found.
        var lengths = MisspellingLengths(forms);

        // Whether each word may be part of a misspelt legal form (RunIsEligible): read for the words of a run that spells a form,
        // once per word (the spelling is tested first: it is the cheaper test and the one that fails more often).
        Span<sbyte> eligible = tokens.Count <= 64 ? stackalloc sbyte[tokens.Count] : new sbyte[tokens.Count];
        eligible.Clear();

        // A run's text, with and without its spaces, is written into buffers on the stack when it fits.
        Span<char> spacedBuffer = stackalloc char[RunBufferLength];
        Span<char> joinedBuffer = stackalloc char[RunBufferLength];
        List<NameToken>? result = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var rewritten = false;
            for (var k = Math.Min(4, tokens.Count - i); k >= 1 && !rewritten; k--)
            {
                // The run is joined only when a form may be spelt at its length, with or without the spaces.
                var letters = JoinedLength(tokens, i, k) - (k - 1);
                var joinLetters = rules.JoinedLegalFormLetters && k > 1 && AllShort(tokens, i, k);
                var left = CollectionsMarshal.AsSpan(forms);
                if (!MayBeMisspelling(left, lengths, letters + (k - 1)) && !(joinLetters && MayBeMisspelling(left, lengths, letters)))
                {
                    continue;
                }

                var spacedLength = letters + (k - 1);
                ReadOnlySpan<char> text = spacedLength <= RunBufferLength ? WriteRun(tokens, i, k, ' ', spacedBuffer) : JoinRun(tokens, i, k, " ");
                // Under joined-legal-form-letters a run of one- and two-letter words is also read with its letters joined, as a
                // dotted form is written ("L.GL.C." for LLC, "S.EA." for S.A.).
                ReadOnlySpan<char> joined = !joinLetters ? default
                    : letters <= RunBufferLength ? WriteRun(tokens, i, k, null, joinedBuffer) : JoinRun(tokens, i, k, string.Empty);
                string? form = null;
                foreach (var f in forms)
                {
                    if (LegalForms.IsMisspelling(text, f) || (joinLetters && LegalForms.IsMisspelling(joined, f)))
                    {
                        form = f;
                        break;
                    }
                }

                // A run that spells a form is read as it when each of its words may be part of a misspelt form, and the name keeps a
                // word that is not a legal form besides it: a name of one word ("ASML", the ship "SARV") is a name, not a form
                // misspelt ("ASBL", "SARL").
                if (form is null || !RunIsEligible(tokens, other, rules, eligible, i, k) || !KeepsANameBesides(tokens, i, k))
                {
                    continue;
                }

                result ??= Take(tokens, i, into);
                result.Add(new NameToken(form, TokenClass.LegalForm));
                found?.Add($"{text}={form}");
                forms.Remove(form);
                lengths = MisspellingLengths(forms);
                i += k - 1;
                rewritten = true;
            }

            if (!rewritten)
            {
                result?.Add(tokens[i]);
            }
        }

        return result ?? tokens;
    }

    /// <summary>
    /// Gets whether some run of one to four of a name's tokens misspells a legal form (<see cref="LegalForms.IsMisspelling(string, string)"/>),
    /// its words written with single spaces or, for a run of two words or more of at most two letters each, with their letters
    /// joined: <see cref="ReadMisspeltLegalForms"/> reads a run of the name as the form only when this is <see langword="true"/>,
    /// under any rules and whatever the other name.
    /// </summary>
    /// <param name="tokens">The name's tokens.</param>
    /// <param name="form">The compare form of the legal form.</param>
    /// <returns><see langword="false"/> when no run of the name is read as the form.</returns>
    [SkipLocalsInit]
    internal static bool AnyRunMisspells(List<NameToken> tokens, string form)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(form);
        var lengths = LegalForms.MisspellingLengths(form);
        var forms = new ReadOnlySpan<string>(in form);
        Span<char> spacedBuffer = stackalloc char[RunBufferLength];
        Span<char> joinedBuffer = stackalloc char[RunBufferLength];
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var k = 1; k <= 4 && i + k <= tokens.Count; k++)
            {
                var spacedLength = JoinedLength(tokens, i, k);
                var letters = spacedLength - (k - 1);
                var joinLetters = k > 1 && AllShort(tokens, i, k);
                if (MayBeMisspelling(forms, lengths, spacedLength))
                {
                    ReadOnlySpan<char> text = spacedLength <= RunBufferLength ? WriteRun(tokens, i, k, ' ', spacedBuffer) : JoinRun(tokens, i, k, " ");
                    if (LegalForms.IsMisspelling(text, form))
                    {
                        return true;
                    }
                }

                if (joinLetters && MayBeMisspelling(forms, lengths, letters))
                {
                    ReadOnlySpan<char> joined = letters <= RunBufferLength ? WriteRun(tokens, i, k, null, joinedBuffer) : JoinRun(tokens, i, k, string.Empty);
                    if (LegalForms.IsMisspelling(joined, form))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static ulong MisspellingLengths(List<string> forms)
    {
        var lengths = 0UL;
        foreach (var form in forms)
        {
            lengths |= LegalForms.MisspellingLengths(form);
        }

        return lengths;
    }

    // Whether a text of a length may misspell one of the forms: by the set of their lengths under 64, else form by form.
    private static bool MayBeMisspelling(ReadOnlySpan<string> forms, ulong lengths, int length)
    {
        if (length < 64)
        {
            return (lengths & (1UL << length)) != 0;
        }

        foreach (var form in forms)
        {
            if (LegalForms.MayBeMisspelling(length, form))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLegalForm(List<NameToken> tokens, string form)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class == TokenClass.LegalForm && string.Equals(tokens[i].Text, form, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Gets whether a word of the other name other than a legal form is the token or within the edit budget of it.
    private static bool ResemblesWord(NameToken token, List<NameToken> other, NameScoringRules rules)
    {
        for (var i = 0; i < other.Count; i++)
        {
            var o = other[i];
            if (o.Class != TokenClass.LegalForm && (string.Equals(o.Text, token.Text, StringComparison.Ordinal) || TokenSimilarity(token, o, shortSubstitution: true, rules) > 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllShort(List<NameToken> tokens, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (tokens[i].Text.Length > 2)
            {
                return false;
            }
        }

        return true;
    }

    // The longest run text written on the stack when looking for a misspelt legal form; longer runs are joined into strings.
    private const int RunBufferLength = 128;

    [ThreadStatic]
    private static List<string>? _missingForms;

    // Writes the tokens of a run into a buffer at least as long as their text, with a separator between them or none, and
    // returns the text written.
    private static ReadOnlySpan<char> WriteRun(List<NameToken> tokens, int start, int count, char? separator, Span<char> buffer)
    {
        var w = 0;
        for (var i = start; i < start + count; i++)
        {
            if (i > start && separator is { } sep)
            {
                buffer[w++] = sep;
            }

            tokens[i].Text.AsSpan().CopyTo(buffer[w..]);
            w += tokens[i].Text.Length;
        }

        return buffer[..w];
    }

    private static string JoinRun(List<NameToken> tokens, int start, int count, string separator)
    {
        if (count == 1)
        {
            return tokens[start].Text;
        }

        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = tokens[start + i].Text;
        }

        return string.Join(separator, parts);
    }

    // Writes the first tokens into a list, emptied first.
    private static List<NameToken> Take(List<NameToken> tokens, int count, List<NameToken> result)
    {
        result.Clear();
        for (var i = 0; i < count; i++)
        {
            result.Add(tokens[i]);
        }

        return result;
    }

    // The tokens with banking words and seas in their wider classes, written into a list (emptied first) when one changes.
    private static List<NameToken> WiderClasses(List<NameToken> tokens, List<NameToken> into)
    {
        List<NameToken>? result = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var wider = LegalForms.WiderClass(tokens[i]);
            if (wider != tokens[i])
            {
                result ??= Take(tokens, tokens.Count, into);
                result[i] = wider;
            }
        }

        return result ?? tokens;
    }

    // A run of words may spell a legal form when each of its words may and at least one is an ordinary word. A word may be part
    // of a misspelt legal form when it is a plain Latin word or legal form that is neither a word of the other name nor within the
    // edit budget of one; what is found for a word is kept in its element of eligible (0 not yet known, 1 yes, -1 no).
    private static bool RunIsEligible(List<NameToken> tokens, List<NameToken> other, NameScoringRules rules, Span<sbyte> eligible, int start, int count)
    {
        var hasWord = false;
        for (var k = start; k < start + count; k++)
        {
            if (eligible[k] == 0)
            {
                var t = tokens[k];
                eligible[k] = t.Class is TokenClass.Word or TokenClass.LegalForm && NameNormalizer.IsAsciiLetters(t.Text) && !ResemblesWord(t, other, rules) ? (sbyte)1 : (sbyte)-1;
            }

            if (eligible[k] < 0)
            {
                return false;
            }

            hasWord |= tokens[k].Class == TokenClass.Word;
        }

        return hasWord;
    }

    // Whether a name holds a token that is not a legal form outside a run of its tokens.
    private static bool KeepsANameBesides(List<NameToken> tokens, int start, int count)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if ((k < start || k >= start + count) && tokens[k].Class != TokenClass.LegalForm)
            {
                return true;
            }
        }

        return false;
    }

    // A word of the other name one letter away (three letters or more, not two pinyin syllables, which differ by one letter).
    private static bool HasNearWord(NameToken token, List<NameToken> other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            var o = other[i];
            if (o.Class == TokenClass.Word && o.Text.Length >= 3 && Math.Abs(o.Text.Length - token.Text.Length) <= 1
                && !(Romanization.IsPinyinSyllable(o.Text) && Romanization.IsPinyinSyllable(token.Text)) && OsaDistance(o.Text, token.Text, 1) <= 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the similarity of two tokens in [0, 1]: 1 for equal, the Levenshtein ratio within the edit budget, 0 beyond it.</summary>
    /// <param name="a">The first token.</param>
    /// <param name="b">The second token.</param>
    /// <returns>The similarity.</returns>
    public static double TokenSimilarity(NameToken a, NameToken b) => TokenSimilarity(a, b, shortSubstitution: true, NameScoringRules.Default);

    /// <summary>Gets the similarity of two tokens in [0, 1] under a given rule set.</summary>
    /// <param name="a">The first token.</param>
    /// <param name="b">The second token.</param>
    /// <param name="rules">The weights and rules.</param>
    /// <returns>The similarity.</returns>
    public static double TokenSimilarity(NameToken a, NameToken b, NameScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return TokenSimilarity(a, b, shortSubstitution: true, rules);
    }

    [SkipLocalsInit]
    private static double TokenSimilarity(NameToken a, NameToken b, bool shortSubstitution, NameScoringRules rules)
    {
        // Pinyin syllables are a closed set: one letter more, less or changed makes another syllable ("cheng" / "chen",
        // "zhou" / "zhu", "jia" / "jian"), not a misspelling of the same one.
        if (!string.Equals(a.Text, b.Text, StringComparison.Ordinal) && Romanization.IsPinyinSyllable(a.Text) && Romanization.IsPinyinSyllable(b.Text))
        {
            return 0;
        }

        var direct = SpellingSimilarity(a, b, rules, shortSubstitution);
        if (direct > 0 || a.Class != TokenClass.Word || b.Class != TokenClass.Word || a.Text.Length < 4 || b.Text.Length < 4
            || ((a.Text.Length < 6 || b.Text.Length < 6) && a.Text[0] != b.Text[0] && !IsInitialOU(a.Text[0], b.Text[0])))
        {
            return direct;
        }

        // Transliteration variants ("Aleksandr" / "Alexander", "Usama" / "Osama", "Zelenskyy" / "Selenskyj") agree once
        // spelled phonetically; such a match counts a little less than a spelling match.
        Span<char> aBuffer = a.Text.Length <= 64 ? stackalloc char[64] : new char[a.Text.Length];
        var fa = RecentPhoneticKey(a.Text, aBuffer);
        Span<char> buffer = b.Text.Length <= 64 ? stackalloc char[64] : new char[b.Text.Length];
        var fb = PhoneticKey(b.Text, buffer);
        if (fa.Length < 3 || fb.Length < 3)
        {
            return 0;
        }

        // Phonetic keys already fold the usual variants: beyond them, one more slip at most ("Pufin" / "Pukini" is another name).
        var phonetic = fa.SequenceEqual(fb) ? rules.PhoneticEqualFactor / rules.PhoneticFactor
            : OsaDistance(fa, fb, 1) > 1 ? 0
            : SpellingSimilarity(fa, TokenClass.Word, fb, TokenClass.Word, rules, shortSubstitution: false);
        return phonetic * rules.PhoneticFactor;
    }

    // Arabic names written with a leading O or U are one name: "Osama" / "Usama", "Omar" / "Umar", "Othman" / "Uthman".
    private static bool IsInitialOU(char x, char y) => (x == 'o' && y == 'u') || (x == 'u' && y == 'o');

    /// <summary>Gets what <see cref="SpellingSketch.MayBeSimilar(in SpellingSketch, in SpellingSketch)"/> needs to know of a word: its length, first and last letter, its letters and
    /// those of its phonetic key.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The sketch.</returns>
    public static SpellingSketch Sketch(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var key = PhoneticKey(word, buffer);
        return SpellingSketch.Of(word, EditBounds.CharacterSet(key), key.Length);
    }

    /// <summary>
    /// Gets whether <see cref="TokenSimilarity(NameToken, NameToken, NameScoringRules)"/> of two words may be above 0 under any rule
    /// set, as <see cref="SpellingSketch.MayBeSimilar(in SpellingSketch, in SpellingSketch)"/> does, with the spelling path checked in full: the
    /// words' optimal string alignment distance, rather than a bound of it from the sketches. Call it for the words the cheaper
    /// test lets through.
    /// </summary>
    /// <param name="a">The first word.</param>
    /// <param name="aSketch">Its sketch.</param>
    /// <param name="b">The second word.</param>
    /// <param name="bSketch">Its sketch.</param>
    /// <returns><see langword="false"/> when the words are not similar.</returns>
    public static bool MayBeSimilar(string a, in SpellingSketch aSketch, string b, in SpellingSketch bSketch)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length < 4 || b.Length < 4)
        {
            return true;
        }

        if (aSketch.Letters == bSketch.Letters && a.Length != b.Length && SameLetterRuns(a, b))
        {
            return true;
        }

        var budget = SpellingSketch.EditBudget(Math.Max(a.Length, b.Length));
        // OsaDistance bounds the distance by the character sets first (as the sketch test did), then computes its band.
        return OsaDistance(a, b, budget) <= budget || SpellingSketch.MaySoundAlike(aSketch, bSketch);
    }

    /// <summary>Gets a phonetic spelling of a Latin token that folds common transliteration variants
    /// (ks/x, ph/f, kh/h, w/v, y/i, z/s, c/k, ou/u, doubled letters).</summary>
    /// <param name="token">A lower-case token.</param>
    /// <returns>The phonetic key.</returns>
    public static string PhoneticKey(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        var key = PhoneticKey(token, buffer);
        return key.Length == token.Length && key.SequenceEqual(token) ? token : new string(key);
    }

    // Writes the phonetic key of a token into a buffer at least as long as the token, and returns it (for a token holding U+0001,
    // the key by chained replacements).
    private static ReadOnlySpan<char> PhoneticKey(string token, Span<char> buffer)
    {
        if (token.Contains('\u0001', StringComparison.Ordinal))
        {
            return PhoneticKeyByReplacing(token);
        }

        // The rewrites below run in order over one buffer, as the chained replacements of PhoneticKeyByReplacing do: none
        // makes the text longer, so the buffer never grows.
        buffer = buffer[..token.Length];
        token.AsSpan().CopyTo(buffer);
        var n = buffer.Length;
        n = ReplaceInPlace(buffer, n, "sch", "sh");
        n = ReplaceInPlace(buffer, n, "tch", "ch");
        n = ReplaceInPlace(buffer, n, "ck", "k");
        n = ReplaceInPlace(buffer, n, "ks", "x");
        n = ReplaceInPlace(buffer, n, "cs", "x");
        n = ReplaceInPlace(buffer, n, "ph", "f");
        n = ReplaceInPlace(buffer, n, "kh", "h");
        n = ReplaceInPlace(buffer, n, "gh", "g");
        n = ReplaceInPlace(buffer, n, "dh", "d");
        n = ReplaceInPlace(buffer, n, "th", "t");
        n = ReplaceInPlace(buffer, n, "dj", "j");
        n = ReplaceInPlace(buffer, n, "ou", "u");
        n = ReplaceInPlace(buffer, n, "oo", "u");
        n = ReplaceInPlace(buffer, n, "ee", "i");

        // c is k except in ch (pairs taken left to right); then y, w, q and z fold.
        for (var i = 0; i < n; i++)
        {
            if (buffer[i] == 'c')
            {
                if (i + 1 < n && buffer[i + 1] == 'h')
                {
                    i++;
                    continue;
                }

                buffer[i] = 'k';
            }
        }

        for (var i = 0; i < n; i++)
        {
            buffer[i] = buffer[i] switch
            {
                'y' => 'i',
                'w' => 'v',
                'q' => 'k',
                'z' => 's',
                var ch => ch,
            };
        }

        if (n > 3 && buffer[0] == 'o')
        {
            buffer[0] = 'u';
        }

        // Runs of one letter count once.
        var w = 0;
        for (var i = 0; i < n; i++)
        {
            if (w == 0 || buffer[w - 1] != buffer[i])
            {
                buffer[w++] = buffer[i];
            }
        }

        return buffer[..w];
    }

    // Replaces every occurrence of a text by a text no longer than it, left to right without overlaps, as string.Replace does.
    private static int ReplaceInPlace(Span<char> buffer, int length, ReadOnlySpan<char> find, ReadOnlySpan<char> replacement)
    {
        if (buffer[..length].IndexOf(find) < 0)
        {
            return length;
        }

        int read = 0, write = 0;
        while (read < length)
        {
            if (read + find.Length <= length && buffer.Slice(read, find.Length).SequenceEqual(find))
            {
                replacement.CopyTo(buffer[write..]);
                write += replacement.Length;
                read += find.Length;
            }
            else
            {
                buffer[write++] = buffer[read++];
            }
        }

        return write;
    }

    // The phonetic key by chained replacements: the definition PhoneticKey follows, used as is for text holding U+0001.
    internal static string PhoneticKeyByReplacing(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var t = token
            .Replace("sch", "sh", StringComparison.Ordinal).Replace("tch", "ch", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal).Replace("ks", "x", StringComparison.Ordinal).Replace("cs", "x", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal).Replace("kh", "h", StringComparison.Ordinal).Replace("gh", "g", StringComparison.Ordinal)
            .Replace("dh", "d", StringComparison.Ordinal).Replace("th", "t", StringComparison.Ordinal).Replace("dj", "j", StringComparison.Ordinal)
            .Replace("ou", "u", StringComparison.Ordinal).Replace("oo", "u", StringComparison.Ordinal).Replace("ee", "i", StringComparison.Ordinal)
            .Replace("ch", "\u0001", StringComparison.Ordinal).Replace('c', 'k').Replace("\u0001", "ch", StringComparison.Ordinal)
            .Replace('y', 'i').Replace('w', 'v').Replace('q', 'k').Replace('z', 's');
        if (t.Length > 3 && t[0] == 'o')
        {
            t = "u" + t[1..];
        }

        return Squeeze(t);
    }

    private static double SpellingSimilarity(NameToken a, NameToken b, NameScoringRules rules, bool shortSubstitution = false) =>
        SpellingSimilarity(a.Text, a.Class, b.Text, b.Class, rules, shortSubstitution);

    private static double SpellingSimilarity(ReadOnlySpan<char> x, TokenClass aClass, ReadOnlySpan<char> y, TokenClass bClass, NameScoringRules rules, bool shortSubstitution)
    {
        if (x.SequenceEqual(y))
        {
            return 1;
        }

        if (aClass is TokenClass.Number or TokenClass.Ideograph || bClass is TokenClass.Number or TokenClass.Ideograph)
        {
            return 0;
        }

        if (aClass == TokenClass.LegalForm || bClass == TokenClass.LegalForm)
        {
            return 0;
        }

        var shorter = Math.Min(x.Length, y.Length);
        var longer = Math.Max(x.Length, y.Length);

        // An initial matches a word that starts with it.
        if (shorter == 1)
        {
            return x[0] == y[0] ? rules.InitialSimilarity : 0;
        }

        // A repeated keystroke ("Jong-uun" / "Jong-un", "Barackk" / "Barack") is one slip, even in a short word.
        if (x.Length != y.Length && SameLetterRuns(x, y))
        {
            return 1.0 - (1.0 / (x.Length + y.Length));
        }

        var budget = longer switch
        {
            <= 3 => 0,
            <= 5 => 1,
            <= 9 => 2,
            _ => 3,
        };

        // Under function-word-edit, a two-letter word one letter from a two-letter function word ("om" / "of", "tha" is not one) is
        // that word misspelt; it weighs what the function word weighs (misspelt-word-class-weight).
        if (rules.FunctionWordEdits && shortSubstitution && x.Length == 2 && y.Length == 2 && (aClass == TokenClass.Generic) != (bClass == TokenClass.Generic)
            && NameNormalizer.IsAsciiLetters(x) && NameNormalizer.IsAsciiLetters(y) && (x[0] == y[0] || x[1] == y[1]))
        {
            return rules.ShortWordEditSimilarity;
        }

        // A word of two or three letters one letter away from the other ("Ali" / "Ami", "Oil" / "Ol", "Arm" / "Farm") is a slip
        // that weighs only what such a short word weighs in the name: half a match, so that it decides nothing on its own.
        if (rules.ShortWordEditSimilarity > 0 && longer <= 4 && shorter >= 2 && (longer <= 3 || (shorter == 3 && x[0] != y[0]))
            && shortSubstitution && NameNormalizer.IsAsciiLetters(x) && NameNormalizer.IsAsciiLetters(y)
            && !(Romanization.IsPinyinSyllable(x) && Romanization.IsPinyinSyllable(y))
            && (x.Length != y.Length || shorter >= 3) && OsaDistance(x, y, 1) == 1)
        {
            return rules.ShortWordEditSimilarity;
        }

        // A first letter dropped, added or swapped with the next ("brahim" / "Ibrahim", "Xmuhanna" / "Muhanna") is an edit like
        // any other, once the rest of the word (four letters or more) is long enough to carry the name.
        if (rules.FirstLetterEdits && shortSubstitution && x[0] != y[0] && x[1] != y[1] && shorter >= 4)
        {
            if (x.Length == y.Length)
            {
                return IsTransposition(x, y) ? 1.0 - (1.0 / (x.Length + y.Length)) : 0;
            }

            var rest = x.Length > y.Length ? OsaDistance(x[1..], y, budget) : OsaDistance(x, y[1..], budget);
            // With a further edit the first letter costs two of the budget, as a substituted first letter does.
            return rest == 0 || 2 + rest <= budget ? IndelRatio(x, y) : 0;
        }

        // Short words: one inserted letter, same first letter ("jon" / "john").
        if (longer == 4 && shorter == 3)
        {
            budget = x[0] == y[0] ? 1 : 0;
        }

        // A different first letter is a rarer typo than one inside the word: it costs one edit of the budget, and only a
        // substituted first letter counts ("Caspersky" / "Kaspersky"), not an added one ("vista" / "avista").
        if (x[0] != y[0])
        {
            if (x[1] != y[1])
            {
                return 0;
            }

            if (longer <= 5 && x.Length == y.Length && OsaDistance(x, y, 1) == 1)
            {
                return ShortSubstitution(x, y, shortSubstitution, rules);
            }

            budget--;
        }

        if (budget <= 0 || longer - shorter > budget)
        {
            return 0;
        }

        // Optimal string alignment distance: a transposition ("appel" / "apple") is one edit.
        var distance = OsaDistance(x, y, budget);
        if (distance > budget)
        {
            return 0;
        }

        // Short words allow no substituted letter ("intel" / "inter", "ambev" / "amber" are different names), only an added,
        // dropped or swapped one.
        var transposition = x.Length == y.Length && IsTransposition(x, y);
        if (longer <= 5 && x.Length == y.Length && !transposition)
        {
            return ShortSubstitution(x, y, shortSubstitution, rules);
        }

        // A swapped pair of letters is one typing slip: credit it like one dropped letter.
        return transposition ? 1.0 - (1.0 / (x.Length + y.Length)) : IndelRatio(x, y);
    }

    /// <summary>Gets the similarity of two texts from their edit distance counting a substitution as two edits (a deletion and an
    /// insertion): (l - d) / l, where l is the sum of the lengths and d the distance, or 1 for equal texts.</summary>
    internal static double IndelRatio(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var lengths = x.Length + y.Length;
        var distance = lengths - (2 * LongestCommonSubsequence(x, y));
        return distance == 0 ? 1 : (lengths - distance) / (double)lengths;
    }

    private static int LongestCommonSubsequence(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        Span<int> row = y.Length < 128 ? stackalloc int[y.Length + 1] : new int[y.Length + 1];
        row.Clear();
        for (var i = 0; i < x.Length; i++)
        {
            var diagonal = 0;
            for (var j = 0; j < y.Length; j++)
            {
                var above = row[j + 1];
                row[j + 1] = x[i] == y[j] ? diagonal + 1 : Math.Max(above, row[j]);
                diagonal = above;
            }
        }

        return row[y.Length];
    }

    /// <summary>
    /// One substituted letter in a word of four or five letters ("Cook" / "Cock", "Putin" / "Pulin", "Gates" / "Cates"): a
    /// typing slip in a short name, credited below a spelling match of the same distance. Romanised Chinese syllables are
    /// closed-class words whose one-letter variants are other syllables ("cheng" / "chang", "xiang" / "qiang"), so they get
    /// no such credit; nor do words in other scripts, where one letter more often makes another name ("محمدی" / "احمدی").
    /// </summary>
    private static double ShortSubstitution(ReadOnlySpan<char> x, ReadOnlySpan<char> y, bool allowed, NameScoringRules rules) =>
        !allowed || x.Length < 4 || !NameNormalizer.IsAsciiLetters(x) || !NameNormalizer.IsAsciiLetters(y)
            || Romanization.IsPinyinSyllable(x) || Romanization.IsPinyinSyllable(y)
            ? 0
            : IndelRatio(x, y) * rules.ShortSubstitutionFactor;

    /// <summary>Collapses runs of one letter to one ("barackk" -> "barack").</summary>
    private static string Squeeze(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (sb.Length == 0 || sb[^1] != ch)
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>Gets whether two words are equal once each run of one letter counts once, without allocating.</summary>
    private static bool SameLetterRuns(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] != y[j])
            {
                return false;
            }

            var ch = x[i];
            while (i < x.Length && x[i] == ch)
            {
                i++;
            }

            while (j < y.Length && y[j] == ch)
            {
                j++;
            }
        }

        return i == x.Length && j == y.Length;
    }

    private static bool IsTransposition(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var i = 0;
        while (i < x.Length && x[i] == y[i])
        {
            i++;
        }

        return i + 1 < x.Length && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)..].SequenceEqual(y[(i + 2)..]);
    }

    // The optimal string alignment distance of two texts (a letter substituted, dropped, added, or two adjacent letters swapped,
    // is one edit) when it is at most limit; limit + 1 otherwise. A text of at most 64 characters is one machine word of the
    // table's column (BitParallelOsaDistance); two longer texts are compared in a band of the table (BandedOsaDistance).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int OsaDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        var beyond = limit + 1;
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return beyond;
        }

        // Each character of one text missing from the other costs an edit of its own (EditBounds.MinEdits): most pairs of
        // different words are known to be beyond the limit from their character sets, without the table.
        if (EditBounds.MinEdits(EditBounds.CharacterSet(a), a.Length, EditBounds.CharacterSet(b), b.Length) > limit)
        {
            return beyond;
        }

        // The distance is symmetric: the shorter text is the column.
        var shorterFirst = a.Length <= b.Length;
        if ((shorterFirst ? a : b).Length <= 64)
        {
            var distance = shorterFirst ? BitParallelOsaDistance(a, b, limit) : BitParallelOsaDistance(b, a, limit);
            return distance <= limit ? distance : beyond;
        }

        return Math.Min(BandedOsaDistance(a, b, limit), beyond);
    }

    // The optimal string alignment distance of a text of up to 64 characters (the column of the table, one bit a character) and
    // another text (read one character a step), or limit + 1 as soon as it is certain to be above the limit (some number above the
    // limit otherwise): the table is computed a column at a time as the signs of its vertical differences (+1 in vp, -1 in vn, one
    // bit a row), with the carry of an addition finding each row's cheapest predecessor (Myers' bit-vector algorithm), and a swap
    // of two adjacent characters as a diagonal step two rows and columns back (Hyyrö's extension): d0 marks the cells equal to the
    // cell diagonally before them. Only the last row's cell is tracked; the computation stops once it cannot come back within the
    // limit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static int BitParallelOsaDistance(ReadOnlySpan<char> column, ReadOnlySpan<char> row, int limit)
    {
        var m = column.Length;
        if (m == 0)
        {
            return row.Length;
        }

        // The rows of the column that hold each character below 128 of the other text (only those entries are written and read);
        // a character above 127 is looked up in the column itself.
        Span<ulong> rowsOf = stackalloc ulong[128];
        foreach (var c in row)
        {
            if (c < 128)
            {
                rowsOf[c] = 0;
            }
        }

        for (var i = 0; i < m; i++)
        {
            if (column[i] < 128)
            {
                rowsOf[column[i]] |= 1UL << i;
            }
        }

        var last = 1UL << (m - 1);
        var vp = ulong.MaxValue;
        var vn = 0UL;
        var d0 = 0UL;
        var previousEq = 0UL;
        var score = m;
        for (var j = 0; j < row.Length; j++)
        {
            var c = row[j];
            var eq = c < 128 ? rowsOf[c] : RowsOf(column, c);
            var swapped = ((~d0 & eq) << 1) & previousEq;
            d0 = (((eq & vp) + vp) ^ vp) | eq | vn | swapped;
            var hp = vn | ~(d0 | vp);
            var hn = vp & d0;
            if ((hp & last) != 0)
            {
                score++;
            }
            else if ((hn & last) != 0)
            {
                score--;
            }

            // The last row's cell falls by at most one a column: past the limit by more than the columns left, it stays past it.
            if (score - (row.Length - j - 1) > limit)
            {
                return limit + 1;
            }

            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | ~(d0 | hp);
            vn = hp & d0;
            previousEq = eq;
        }

        return score;
    }

    // The rows of a column that hold a character.
    private static ulong RowsOf(ReadOnlySpan<char> column, char c)
    {
        var rows = 0UL;
        for (var i = 0; i < column.Length; i++)
        {
            if (column[i] == c)
            {
                rows |= 1UL << i;
            }
        }

        return rows;
    }

    // The optimal string alignment distance of two texts when it is at most limit; some number above limit otherwise. Only the
    // band of cells within limit of the diagonal is computed: a cell further off holds at least its distance from the diagonal,
    // more than limit, and a path through it cannot end within limit. Those cells are read as limit + 1, so every cell computed
    // holds its distance when that is at most limit and more than limit otherwise. Row i's band is columns i - limit to
    // i + limit; the next row reads one cell past each end of it (its own cell left of its band, and this row's cell right of
    // it), so each row writes limit + 1 into those two cells rather than filling the row, and no cell is read that was not
    // written for the row it is read as.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static int BandedOsaDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        var beyond = limit + 1;
        var size = b.Length + 1;
        Span<int> rows = size <= 128 ? stackalloc int[3 * size] : new int[3 * size];
        var previous2 = rows[..size];
        var previous = rows.Slice(size, size);
        var current = rows.Slice(2 * size, size);
        var first = Math.Min(b.Length, limit);
        for (var j = 0; j <= first; j++)
        {
            previous[j] = j;
        }

        if (first + 1 < size)
        {
            previous[first + 1] = beyond;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - limit);
            var to = Math.Min(b.Length, i + limit);
            current[from - 1] = from == 1 && i <= limit ? i : beyond;
            if (to + 1 < size)
            {
                current[to + 1] = beyond;
            }

            var rowMin = i <= limit ? i : beyond;
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return beyond;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    // "SALMAN BIN MUHAMMAD" and "MUHAMMAD BIN SALMAN" are son and father: the names around the connector must not cross it. Under
    // patronymic-surname-first the candidate is read as its words allow (ReadsAsSonOf): a word it repeats ("EL-HOORIE, Ali Saed
    // Bin Ali") may stand in any of its places, and a name written surname first ("BIN LADEN, Usama", "AUF, Awad Ibn"), whose
    // connector starts or ends it, has its father's word before its son's.
    private static bool PatronymicSwapped(List<NameToken> q, List<NameToken> c, int[] alignment, NameScoringRules rules)
    {
        for (var i = 1; i < q.Count - 1; i++)
        {
            if (!Patronymics.Contains(q[i].Text) || alignment[i] < 0 || alignment[i - 1] < 0 || alignment[i + 1] < 0)
            {
                continue;
            }

            var connector = alignment[i];
            if (!Patronymics.Contains(c[connector].Text))
            {
                continue;
            }

            if (rules.SurnameFirstPatronymics ? !ReadsAsSonOf(c, alignment[i - 1], alignment[i + 1])
                : alignment[i - 1] > connector || alignment[i + 1] < connector)
            {
                return true;
            }
        }

        return false;
    }

    // Whether a name may read the word at one place as the son of the word at another: some connector of the name has the son's
    // word (or the same word in another place) before it and the father's after it; or the name is written surname first, with
    // the connector at one end: "bin laden usama" has the father's word right after its first connector and the son's later,
    // "auf awad ibn" the son's word right before its last connector and the father's earlier.
    private static bool ReadsAsSonOf(List<NameToken> c, int son, int father)
    {
        // The first and last places of each word.
        var sonText = c[son].Text;
        var fatherText = c[father].Text;
        int firstSon = son, lastSon = son, firstFather = father, lastFather = father;
        for (var k = 0; k < c.Count; k++)
        {
            if (string.Equals(c[k].Text, sonText, StringComparison.Ordinal))
            {
                firstSon = Math.Min(firstSon, k);
                lastSon = Math.Max(lastSon, k);
            }

            if (string.Equals(c[k].Text, fatherText, StringComparison.Ordinal))
            {
                firstFather = Math.Min(firstFather, k);
                lastFather = Math.Max(lastFather, k);
            }
        }

        var last = c.Count - 1;
        for (var x = 0; x < c.Count; x++)
        {
            if (!Patronymics.Contains(c[x].Text))
            {
                continue;
            }

            var inOrder = (firstSon < x && x < lastFather)
                || (x == 0 && last >= 2 && string.Equals(c[1].Text, fatherText, StringComparison.Ordinal) && lastSon > 1)
                || (x == last && last >= 2 && string.Equals(c[last - 1].Text, sonText, StringComparison.Ordinal) && firstFather < last - 1);
            if (inOrder)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds the patronymic of an East Slavic name ("Sergey Viktorovich Lavrov", "Putin Vladimir Vladimirovich"), often left
    /// out, so that it weighs little: the first word after the first with a patronymic ending, in a name of three words or
    /// more (a two-word "George Radanovich" has a surname, not a patronymic).
    /// </summary>
    private static int PatronymicIndex(List<NameToken> tokens)
    {
        if (tokens.Count < 3)
        {
            return -1;
        }

        for (var i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i].Text;
            if (tokens[i].Class == TokenClass.Word && t.Length >= 8 && HasPatronymicEnding(t))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasPatronymicEnding(string text)
    {
        // Most words are ruled out by their last letter, which no ending has.
        if (text.Length == 0 || !PatronymicLastLetters.Contains(text[^1]))
        {
            return false;
        }

        foreach (var ending in PatronymicEndings)
        {
            if (text.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSingleWordMatched(List<NameToken> tokens, bool[] used)
    {
        return CountDistinctive(tokens, out var only) == 1 && used[only];
    }

    private static List<int> Unused(bool[] used, int count)
    {
        var result = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (!used[i])
            {
                result.Add(i);
            }
        }

        return result;
    }

    // The number of distinctive tokens, and the position of the first one (-1 when none).
    private static int CountDistinctive(List<NameToken> tokens, out int first)
    {
        first = -1;
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsDistinctive(tokens[i].Class))
            {
                if (count++ == 0)
                {
                    first = i;
                }
            }
        }

        return count;
    }

    private static bool HasLegalForm(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class == TokenClass.LegalForm)
            {
                return true;
            }
        }

        return false;
    }

    // The phonetic keys of the tokens last keyed on this thread are kept, by token instance, in slots of one array of the thread:
    // a misspelt query word is compared with many vocabulary words in a row, and each word of a query with the words of every
    // candidate, always as the first token. A key longer than a slot is written into the buffer each time.
    private static ReadOnlySpan<char> RecentPhoneticKey(string token, Span<char> buffer)
    {
        var recent = _recentPhoneticKeys ??= new RecentKeys();
        var tokens = recent.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return recent.Keys.AsSpan(i * RecentKeys.SlotLength, recent.Lengths[i]);
            }
        }

        var key = PhoneticKey(token, buffer);
        if (key.Length <= RecentKeys.SlotLength)
        {
            var slot = recent.Next;
            key.CopyTo(recent.Keys.AsSpan(slot * RecentKeys.SlotLength));
            tokens[slot] = token;
            recent.Lengths[slot] = key.Length;
            recent.Next = (slot + 1) % tokens.Length;
        }

        return key;
    }

    private sealed class RecentKeys
    {
        public const int SlotLength = 32;

        public string?[] Tokens { get; } = new string?[16];

        public int[] Lengths { get; } = new int[16];

        public char[] Keys { get; } = new char[16 * SlotLength];

        public int Next { get; set; }
    }

    private static bool IsDistinctive(TokenClass tokenClass) => tokenClass is TokenClass.Word or TokenClass.Number or TokenClass.Ideograph;

    // Whether both names are written in Hangul, or both in Han: as transliterations of that script, or as written.
    private static bool SameSyllabicScript(NormalizedName query, NormalizedName candidate)
    {
        var script = SyllabicScript(query);
        return script != NameScript.Latin && script == SyllabicScript(candidate);
    }

    private static NameScript SyllabicScript(NormalizedName name)
    {
        if (name.IsTransliteration)
        {
            return name.SourceScript is NameScript.Han or NameScript.Hangul ? name.SourceScript : NameScript.Latin;
        }

        // Hangul as written is held as its letters (jamo): the normaliser decomposes each syllable.
        var first = name.Tokens[0].Text;
        var script = first.Length == 0 ? NameScript.Latin : NameNormalizer.ScriptOf(first[0]);
        return script is NameScript.Han or NameScript.Hangul ? script : NameScript.Latin;
    }

    // In a name transliterated syllable by syllable a one-letter token is a whole syllable (이 = "i", the surname Lee), not an initial.
    private static bool IsSyllabic(NormalizedName name) => name.IsTransliteration && name.SourceScript is NameScript.Han or NameScript.Hangul;

    private static bool HasNumber(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class == TokenClass.Number)
            {
                return true;
            }
        }

        return false;
    }

    private static void Weights(List<NameToken> tokens, double[] w, ITokenStatistics? statistics, bool syllabic, bool otherHasNumber, NameScoringRules rules)
    {
        var patronymic = PatronymicIndex(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            w[i] = Weight(tokens, i, patronymic, RarityOf(tokens[i], statistics), syllabic, otherHasNumber, rules);
        }
    }

    // The weights of tokens whose rarities are known (as Weights gives them).
    private static void WeightsOf(List<NameToken> tokens, double[] rarity, double[] w, bool syllabic, bool otherHasNumber, NameScoringRules rules)
    {
        var patronymic = PatronymicIndex(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            w[i] = Weight(tokens, i, patronymic, rarity[i], syllabic, otherHasNumber, rules);
        }
    }

    private static double RarityOf(NameToken token, ITokenStatistics? statistics) => statistics?.Rarity(token.Text) ?? 1.0;

    private static double Weight(List<NameToken> tokens, int i, int patronymic, double rarity, bool syllabic, bool otherHasNumber, NameScoringRules rules)
    {
        // An initial ("Thomas A. Lindeman") says little on its own.
        var baseWeight = tokens[i].Class == TokenClass.Number && !otherHasNumber ? rules.LoneNumberWeight
            : tokens[i].Class != TokenClass.Word ? rules.BaseWeight(tokens[i].Class)
            : tokens[i].Text.Length == 1 && !syllabic ? rules.InitialWeight
            : i == patronymic ? rules.PatronymicWeight
            : rules.BaseWeight(tokens[i].Class);
        return baseWeight * (rules.RarityFloor + ((1 - rules.RarityFloor) * rarity));
    }

    private static void CandidatePairs(List<NameToken> q, List<NameToken> c, List<Pair> pairs, bool shortSubstitution, bool exactOnly, NameScoringRules rules)
    {
        for (var i = 0; i < q.Count; i++)
        {
            for (var j = 0; j < c.Count; j++)
            {
                var sim = !exactOnly ? TokenSimilarity(q[i], c[j], shortSubstitution, rules)
                    : string.Equals(q[i].Text, c[j].Text, StringComparison.Ordinal) ? 1.0 : 0.0;
                if (sim > 0)
                {
                    pairs.Add(new Pair(i, 1, j, 1, sim));
                }
            }
        }

        // Joined tokens: "hik vision" = "hikvision", "da hua" = "dahua".
        AddJoined(q, c, pairs, queryJoined: false, rules);
        AddJoined(c, q, pairs, queryJoined: true, rules);

        // Acronyms and joined initials: "pla" = "peoples liberation army", "jc" = "jean claude", "us" = "united states".
        AddAcronyms(q, c, pairs, queryIsAcronym: true, rules);
        AddAcronyms(c, q, pairs, queryIsAcronym: false, rules);
    }

    [SkipLocalsInit]
    private static void AddJoined(List<NameToken> single, List<NameToken> multi, List<Pair> pairs, bool queryJoined, NameScoringRules rules)
    {
        // A pair below the least similarity adds nothing: when that is above 0, a run whose length and letters rule out a
        // similarity above 0 with a word (MaySpellAlikeShape, as the bound reads runs) is neither written nor compared with it.
        // Under joined-article, a word with the article joined ("elkurd") is also compared, with "al" for its "el", with a run
        // that starts with the article ("al kurd"), and pairs at the better of the two.
        var shaped = rules.JoinedMinSimilarity > 0;
        Span<char> withAl = stackalloc char[MaxArticleWord];
        var runs = new JoinedRuns(multi, stackalloc char[JoinedRuns.StackLength], rules.JoinedSkipsLegalForms);
        while (runs.MoveNext())
        {
            for (var i = 0; i < single.Count; i++)
            {
                var x = single[i].Text;
                if (x.Length < 4)
                {
                    continue;
                }

                var sim = double.NegativeInfinity;
                if (!shaped || MaySpellAlikeShape(x, runs.First, runs.Second, runs.Last, runs.Length))
                {
                    sim = JoinedRunSimilarity(x, single[i].Class, runs.Joined, rules);
                }

                if (rules.JoinedArticleEl && HasJoinedArticle(x) && StartsWithArticle(multi, runs.Start))
                {
                    var y = WithArticleAl(x, withAl);
                    if (!shaped || MaySpellAlikeShape(y, runs.First, runs.Second, runs.Last, runs.Length))
                    {
                        sim = Math.Max(sim, JoinedRunSimilarity(y, single[i].Class, runs.Joined, rules));
                    }
                }

                if (sim >= rules.JoinedMinSimilarity)
                {
                    pairs.Add(queryJoined ? new Pair(runs.Start, runs.Count, i, 1, sim) : new Pair(i, 1, runs.Start, runs.Count, sim));
                }
            }
        }

        runs.Dispose();
    }

    /// <summary>Gets the similarity at which the scorer pairs a word with a run of tokens of the other name joined: their spelling
    /// similarity without the short-word rules. For a word of four letters or more it is above 0 only where
    /// <see cref="MaySpellAlike"/> holds, and so where <see cref="MaySpellAlikeShape"/> does.</summary>
    /// <param name="word">The word.</param>
    /// <param name="wordClass">The word's class.</param>
    /// <param name="joined">The run's tokens, joined.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>The similarity.</returns>
    internal static double JoinedRunSimilarity(ReadOnlySpan<char> word, TokenClass wordClass, ReadOnlySpan<char> joined, NameScoringRules rules) =>
        SpellingSimilarity(word, wordClass, joined, TokenClass.Word, rules, shortSubstitution: false);

    // Whether a token may be read as an acronym of the other name's words: a word of two letters up to the rules' longest
    // acronym, in ASCII letters; two letters make an acronym only without a vowel ("JC", not the name part "Al" or "Wu").
    private static bool MayBeAcronym(NameToken a, NameScoringRules rules) =>
        a.Class == TokenClass.Word && a.Text.Length >= 2 && a.Text.Length <= rules.MaxAcronym && NameNormalizer.IsAsciiLetters(a.Text)
        && (a.Text.Length != 2 || a.Text.AsSpan().IndexOfAny(Vowels) < 0);

    private static void AddAcronyms(List<NameToken> acronymSide, List<NameToken> wordSide, List<Pair> pairs, bool queryIsAcronym, NameScoringRules rules)
    {
        for (var i = 0; i < acronymSide.Count; i++)
        {
            // An acronym longer than the other name has words spells none of its runs: its letters are not looked at.
            var a = acronymSide[i];
            if (a.Text.Length > wordSide.Count || !MayBeAcronym(a, rules))
            {
                continue;
            }

            for (var j = 0; j + a.Text.Length <= wordSide.Count; j++)
            {
                // An "and" inside the run gives its letter or is passed over ("pg" and "pag" both spell "procter and gamble",
                // as "P&G" and "PAG" are written).
                var k = 0;
                var end = j;
                while (k < a.Text.Length && end < wordSide.Count)
                {
                    var word = wordSide[end];
                    if (k > 0 && a.Text[k] != 'a' && NameNormalizer.IsAnd(word) && end + 1 < wordSide.Count)
                    {
                        end++;
                        continue;
                    }

                    if (!NameNormalizer.IsAcronymWord(word) || word.Text[0] != a.Text[k])
                    {
                        break;
                    }

                    k++;
                    end++;
                }

                if (k == a.Text.Length)
                {
                    var count = end - j;
                    pairs.Add(queryIsAcronym ? new Pair(i, 1, j, count, rules.AcronymSimilarity, Acronym: true) : new Pair(j, count, i, 1, rules.AcronymSimilarity, Acronym: true));
                }
            }
        }
    }

    private static string Unmatched(List<NameToken> tokens, List<int> indexes, string side) =>
        indexes.Count == 0 ? string.Empty : $"; unmatched {side}: {string.Join(' ', indexes.Select(i => tokens[i].Class == TokenClass.Word ? tokens[i].Text : $"{tokens[i].Text}({tokens[i].Class})"))}";

    // The length and first character of the tokens joined by '+' (as Join writes them), without joining them.
    private static int JoinedLength(List<NameToken> tokens, int start, int count)
    {
        var length = count - 1;
        for (var i = start; i < start + count; i++)
        {
            length += tokens[i].Text.Length;
        }

        return length;
    }

    private static char JoinedFirst(List<NameToken> tokens, int start, int count) =>
        tokens[start].Text.Length > 0 ? tokens[start].Text[0] : count > 1 ? '+' : '\0';

    private static string Join(List<NameToken> tokens, int start, int count) =>
        count == 1 ? tokens[start].Text : string.Join('+', Enumerable.Range(start, count).Select(i => tokens[i].Text));

    private static bool AnyUsed(bool[] used, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (used[i])
            {
                return true;
            }
        }

        return false;
    }

    private static void MarkUsed(bool[] used, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            used[i] = true;
        }
    }

    private static double Sum(double[] w, int start, int count)
    {
        double s = 0;
        for (var i = start; i < start + count; i++)
        {
            s += w[i];
        }

        return s;
    }

    // Cross-script pairs: a Latin token against a token (or a run of Han or Hangul syllables) transliterated from another
    // script, compared by sound (CrossScriptSimilarity) rather than spelling.
    // The sound codes of Latin words come from the index where it holds them (the words of the screened names), else from the
    // thread's cache.
    private static void AddCrossScriptPairs(NormalizedName query, NormalizedName candidate, List<Pair> pairs, NameScoringRules rules, IWordSoundCodes? soundCodes)
    {
        if (query.IsTransliteration == candidate.IsTransliteration)
        {
            return;
        }

        var queryIsNative = query.IsTransliteration;
        var native = queryIsNative ? query : candidate;
        var latin = (queryIsNative ? candidate : query).Tokens;
        var script = native.SourceScript;
        if (script == NameScript.Latin)
        {
            return;
        }

        var n = native.Tokens;
        // One Han or Hangul syllable against a Latin word is a Chinese or Korean name part romanised on the Latin side
        // ("Wen" / "Wang"): those compare by spelling. Foreign names transcribed syllable by syllable take two or more.
        var syllabic = script is NameScript.Han or NameScript.Hangul;

        // A Latin name that spells one of the syllables exactly ("LI, Youmin" / "zhi ming li"), or holds a one-syllable
        // pinyin or Revised Romanization word ("ZHANG, Jian"), is romanised by the same convention: it compares by spelling.
        if (syllabic && HasRomanisedWord(latin, native.Tokens, script))
        {
            return;
        }
        var space = CrossScriptSpaceFor(native);
        for (var i = 0; i < latin.Count; i++)
        {
            if (latin[i].Class != TokenClass.Word || latin[i].Text.Length < rules.CrossScriptMinLength || CrossScriptSimilarity.IsRomanisedSyllables(latin[i].Text, script))
            {
                continue;
            }

            var found = space.SoundRuns(latin[i].Text, soundCodes);
            if (found.Length == 0)
            {
                continue;
            }

            // Of runs that match about equally well, the one covering the most syllables wins: a trailing epenthetic syllable
            // ("linder" = "lin de leu") belongs to the word rather than left over.
            var best = found[0].Sim;
            for (var f = 1; f < found.Length; f++)
            {
                best = Math.Max(best, found[f].Sim);
            }

            var chosen = default((int Start, int Count, double Sim));
            var any = false;
            foreach (var f in found)
            {
                if (f.Sim >= best - rules.CrossScriptRunMargin && (!any || f.Count > chosen.Count || (f.Count == chosen.Count && f.Sim > chosen.Sim)))
                {
                    chosen = f;
                    any = true;
                }
            }

            // The runs it overlaps stay as fallbacks, ranked below it, for when another word takes part of it.
            foreach (var f in found)
            {
                var sim = f == chosen || f.Start + f.Count <= chosen.Start || f.Start >= chosen.Start + chosen.Count ? f.Sim : f.Sim - rules.CrossScriptRunMargin;
                pairs.Add(queryIsNative ? new Pair(f.Start, f.Count, i, 1, sim, BySound: true) : new Pair(i, 1, f.Start, f.Count, sim, BySound: true));
            }
        }
    }

    // The sound codes of a run of tokens (CrossScriptKey.Native of their joined text), joined in a buffer on the stack.
    private static string RunCodes(List<NameToken> tokens, int start, int count, NameScript script)
    {
        var run = new CharBuffer(stackalloc char[64]);
        try
        {
            for (var i = start; i < start + count; i++)
            {
                run.Append(tokens[i].Text);
            }

            return CrossScriptKey.NativeOf(run.Span, script);
        }
        finally
        {
            run.Dispose();
        }
    }

    [ThreadStatic]
    private static CrossScriptSpace? _crossScript;

    // Gets the thread's cross-script space for a native name. The sound codes of the native runs, and the runs each Latin word
    // sounds like, are kept for the native name last compared on this thread (a query in another script is bounded against and
    // compared with every candidate in a row, and candidates share most of their words); the sound codes of Latin words are kept
    // by their text. All of them depend on the texts alone.
    private static CrossScriptSpace CrossScriptSpaceFor(NormalizedName native)
    {
        var space = _crossScript ??= new CrossScriptSpace();
        if (!ReferenceEquals(space.Native, native))
        {
            space.Start(native);
        }

        return space;
    }

    // What the cross-script pairing of one thread keeps between comparisons: pure functions of the text.
    private sealed class CrossScriptSpace
    {
        private const int MaxLatinCodes = 4096;
        private const int MaxWordRuns = 4096;

        // The longest run a Latin word is compared with: eight Han or Hangul syllables.
        private const int MaxRunLength = 8;
        private readonly Dictionary<string, string> _latinCodes = new(StringComparer.Ordinal);
        private readonly Dictionary<(int, int), string> _runCodes = [];

        // The runs of the native name each Latin word seen sounds like: a part of the one list of runs found.
        private readonly Dictionary<string, (int Offset, int Count)> _wordRuns = new(StringComparer.Ordinal);
        private (int Start, int Count, double Sim)[] _runs = new (int, int, double)[64];
        private int _runsUsed;

        // The groups of runs of the native name, prepared at the first word compared with it (-1 until then); the groups past
        // those used are kept for their buffers.
        private RunGroup[] _groups = [];
        private int _groupsUsed = -1;

        public NormalizedName? Native { get; private set; }

        public void Start(NormalizedName native)
        {
            Native = native;
            _runCodes.Clear();
            _wordRuns.Clear();
            _runsUsed = 0;
            _groupsUsed = -1;
        }

        // The runs of the native name (of two to eight Han or Hangul syllables that continue one word, or single words of other
        // scripts) whose sound codes have a similarity above 0 with a Latin word's, in order of start and then length, with the
        // similarity; computed once per word and native name. The word's sound codes are those given, else looked up. The span is
        // valid until the next call.
        public ReadOnlySpan<(int Start, int Count, double Sim)> SoundRuns(string word, IWordSoundCodes? soundCodes, string? latinCodes = null)
        {
            if (_wordRuns.TryGetValue(word, out var kept))
            {
                return _runs.AsSpan(kept.Offset, kept.Count);
            }

            if (_wordRuns.Count >= MaxWordRuns)
            {
                _wordRuns.Clear();
                _runsUsed = 0;
            }

            var script = Native!.SourceScript;
            latinCodes ??= soundCodes?.LatinCodes(word) ?? LatinCodes(word);
            var latinMass = CrossScriptSimilarity.LatinMass(latinCodes);
            var offset = _runsUsed;
            Span<double> sims = stackalloc double[MaxRunLength];
            foreach (var group in Groups())
            {
                CrossScriptSimilarity.RunSimilarities(latinCodes, latinMass, group.Runs, script, sims);
                for (var r = 0; r < group.Runs.Ends.Length; r++)
                {
                    if (sims[r] > 0)
                    {
                        if (_runsUsed == _runs.Length)
                        {
                            Array.Resize(ref _runs, _runs.Length * 2);
                        }

                        _runs[_runsUsed++] = (group.Start, group.Count + r, sims[r]);
                    }
                }
            }

            _wordRuns[word] = (offset, _runsUsed - offset);
            return _runs.AsSpan(offset, _runsUsed - offset);
        }

        // The runs of the native name a Latin word is compared with, in groups: from each token in turn, the runs (of two to eight
        // Han or Hangul syllables that continue one word, or single words of other scripts) whose codes each begin with the one
        // before's, by length, each group prepared once for the native name (CrossScriptSimilarity.PreparedRuns), in buffers kept for the next.
        private ReadOnlySpan<RunGroup> Groups()
        {
            if (_groupsUsed >= 0)
            {
                return _groups.AsSpan(0, _groupsUsed);
            }

            _groupsUsed = 0;
            var native = Native!;
            var script = native.SourceScript;
            var syllabic = script is NameScript.Han or NameScript.Hangul;
            var minRun = syllabic ? 2 : 1;
            var maxRun = syllabic ? MaxRunLength : 1;
            var n = native.Tokens;
            Span<int> ends = stackalloc int[maxRun];
            for (var j = 0; j < n.Count; j++)
            {
                var longest = 0;
                while (longest < maxRun && j + longest < n.Count && n[j + longest].Class == TokenClass.Word && (longest == 0 || native.ContinuesWord(j + longest)))
                {
                    longest++;
                }

                for (var k = minRun; k <= longest;)
                {
                    var codes = Codes(j, k);
                    var count = 1;
                    ends[0] = codes.Length;
                    while (k + count <= longest && Codes(j, k + count) is { } longer && longer.StartsWith(codes, StringComparison.Ordinal))
                    {
                        codes = longer;
                        ends[count++] = codes.Length;
                    }

                    if (_groupsUsed == _groups.Length)
                    {
                        Array.Resize(ref _groups, Math.Max(8, _groups.Length * 2));
                    }

                    var group = _groups[_groupsUsed++] ??= new RunGroup();
                    (group.Start, group.Count) = (j, k);
                    group.Runs.Prepare(codes, ends[..count], script);
                    k += count;
                }
            }

            return _groups.AsSpan(0, _groupsUsed);
        }

        // A group of runs from one token: the token, the length of its shortest run and the runs prepared.
        private sealed class RunGroup
        {
            public int Start { get; set; }

            public int Count { get; set; }

            public CrossScriptSimilarity.PreparedRuns Runs { get; } = new();
        }

        // The sound codes of the run of count tokens from start, kept for the native name.
        private string Codes(int start, int count)
        {
            if (!_runCodes.TryGetValue((start, count), out var codes))
            {
                _runCodes[(start, count)] = codes = RunCodes(Native!.Tokens, start, count, Native.SourceScript);
            }

            return codes;
        }

        public string LatinCodes(string token)
        {
            if (!_latinCodes.TryGetValue(token, out var codes))
            {
                if (_latinCodes.Count >= MaxLatinCodes)
                {
                    _latinCodes.Clear();
                }

                _latinCodes[token] = codes = CrossScriptKey.Latin(token);
            }

            return codes;
        }
    }

    // Whether a Latin word is one romanised syllable, or spells one of the native name's syllables exactly.
    private static bool HasRomanisedWord(List<NameToken> latin, List<NameToken> native, NameScript script)
    {
        for (var i = 0; i < latin.Count; i++)
        {
            var l = latin[i];
            if (l.Class != TokenClass.Word)
            {
                continue;
            }

            if (CrossScriptSimilarity.IsRomanisedSyllable(l.Text, script))
            {
                return true;
            }

            for (var j = 0; j < native.Count; j++)
            {
                if (string.Equals(native[j].Text, l.Text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private readonly record struct Pair(int QStart, int QCount, int CStart, int CCount, double Sim, bool BySound = false, bool Acronym = false,
        SpellingVariant Variant = SpellingVariant.None);
}

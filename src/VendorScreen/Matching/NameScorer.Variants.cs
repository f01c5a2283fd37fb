using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

/// <summary>The kinds of spelling variant that align two tokens (or runs) beyond spelling and sound, one flag each.</summary>
[Flags]
internal enum SpellingVariant : byte
{
    /// <summary>No variant: the pair is aligned by spelling, sound, joining or as an acronym.</summary>
    None = 0,

    /// <summary>A given name and its short form (<see cref="NameScoringRules.GivenNameSimilarity"/>).</summary>
    GivenName = 1,

    /// <summary>Digits read as the letters they look like (<see cref="NameScoringRules.DigitLetterFactor"/>).</summary>
    DigitLetters = 2,

    /// <summary>Wade-Giles syllables read as Pinyin (<see cref="NameScoringRules.WadeGilesSimilarity"/>).</summary>
    WadeGiles = 4,

    /// <summary>A Latvian or Lithuanian nominative ending (<see cref="NameScoringRules.BalticEndingSimilarity"/>).</summary>
    BalticEnding = 8,

    /// <summary>A country's abbreviation and its name (<see cref="NameScoringRules.CountryAbbreviationSimilarity"/>).</summary>
    CountryAbbreviation = 64,

    /// <summary>With <see cref="GivenName"/>: the query name was read surname first to find its surname.</summary>
    QuerySurnameFirst = 16,

    /// <summary>With <see cref="GivenName"/>: the candidate name was read surname first to find its surname.</summary>
    CandidateSurnameFirst = 32,
}

// The token-align-v5 rules that align tokens written differently for a reason other than a slip: a given name and its short form,
// digits for letters, Wade-Giles for Pinyin, a Baltic ending. Each adds candidate pairs; the alignment then takes them as any other.
internal static partial class NameScorer
{
    // The longest run of Wade-Giles tokens read as one Pinyin word, and the longest joined text compared with it.
    private const int MaxWadeGilesRun = 3;
    private const int MaxJoinedVariant = 64;

    // Adds the pairs of the spelling-variant rules that are on.
    private static void AddVariantPairs(NormalizedName query, NormalizedName candidate, List<NameToken> q, List<NameToken> c, List<Pair> pairs,
        NameScoringRules rules)
    {
        var latin = !query.IsTransliteration && !candidate.IsTransliteration;
        if (rules.GivenNameSimilarity > 0 && SpelledAlphabetically(query) && SpelledAlphabetically(candidate))
        {
            AddGivenNamePairs(q, c, pairs, rules);
        }

        if (rules.DigitLetterFactor > 0 && latin)
        {
            AddDigitLetterPairs(q, c, pairs, queryHasDigits: true, rules);
            AddDigitLetterPairs(c, q, pairs, queryHasDigits: false, rules);
        }

        if (rules.WadeGilesSimilarity > 0)
        {
            if (!query.IsTransliteration)
            {
                AddWadeGilesPairs(q, c, pairs, queryIsWadeGiles: true, rules);
            }

            if (!candidate.IsTransliteration)
            {
                AddWadeGilesPairs(c, q, pairs, queryIsWadeGiles: false, rules);
            }
        }

        if (rules.BalticEndingSimilarity > 0 && SpelledAlphabetically(query) && SpelledAlphabetically(candidate))
        {
            AddBalticEndingPairs(q, c, pairs, rules);
        }

        if (rules.CountryAbbreviationSimilarity > 0 && latin)
        {
            AddCountryAbbreviationPairs(q, c, pairs, queryIsAbbreviation: true, rules);
            AddCountryAbbreviationPairs(c, q, pairs, queryIsAbbreviation: false, rules);
        }
    }

    // Country abbreviations and the names they stand for, in compare form: "U.S." / "United States", "UK" / "United Kingdom".
    private static readonly FrozenDictionary<string, string[][]> CountryAbbreviations = new Dictionary<string, string[][]>(StringComparer.Ordinal)
    {
        ["us"] = [["united", "states"], ["united", "states", "of", "america"]],
        ["usa"] = [["united", "states", "of", "america"], ["united", "states"]],
        ["uk"] = [["united", "kingdom"]],
        ["uae"] = [["united", "arab", "emirates"]],
        ["prc"] = [["peoples", "republic", "of", "china"]],
        ["dprk"] = [["democratic", "peoples", "republic", "of", "korea"]],
        ["ussr"] = [["union", "of", "soviet", "socialist", "republics"]],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Whether a token is one AddCountryAbbreviationPairs reads as a country's abbreviation: a word or place that abbreviates one.
    private static bool IsCountryAbbreviation(NameToken token) =>
        token.Class is TokenClass.Location or TokenClass.Word && CountryAbbreviations.ContainsKey(token.Text);

    // Country abbreviations: a word of one name that abbreviates a country ("us", "uk", "uae") aligns with the run of the other
    // name that spells that country's name ("united states").
    private static void AddCountryAbbreviationPairs(List<NameToken> abbreviations, List<NameToken> other, List<Pair> pairs, bool queryIsAbbreviation,
        NameScoringRules rules)
    {
        for (var i = 0; i < abbreviations.Count; i++)
        {
            if (abbreviations[i].Class is not (TokenClass.Location or TokenClass.Word) || !CountryAbbreviations.TryGetValue(abbreviations[i].Text, out var names))
            {
                continue;
            }

            for (var j = 0; j < other.Count; j++)
            {
                foreach (var name in names)
                {
                    if (!TokenLists.RunIs(other, j, name))
                    {
                        continue;
                    }

                    pairs.Add(queryIsAbbreviation
                        ? new Pair(i, 1, j, name.Length, rules.CountryAbbreviationSimilarity, Variant: SpellingVariant.CountryAbbreviation)
                        : new Pair(j, name.Length, i, 1, rules.CountryAbbreviationSimilarity, Variant: SpellingVariant.CountryAbbreviation));
                }
            }
        }
    }

    // Given names: "Ted Doe" / "Theodore Doe", "DOE, Theodore" / "Ted Doe". Both names are persons' names of two parts or more (no
    // legal form, number or ideograph). A pair counts when the two given names lie outside the surnames and the surnames match (the
    // same word or a close spelling), each name read given names first (surname last) or, failing that, surname first. Normalisation
    // drops the comma of "SURNAME, Given names", so the pair records which names it read surname first; the algorithm keeps it only
    // when such a name is written with that comma ("DOE, Theodore"), so that "Joe Wilson" is not "WILSON JOSEPH" (Wilson the given
    // name). "Richard Henry" / "Richard Harry" (two surnames) never counts read given names first.
    private static void AddGivenNamePairs(List<NameToken> q, List<NameToken> c, List<Pair> pairs, NameScoringRules rules)
    {
        if (CountParts(q) < 2 || CountParts(c) < 2 || HasCompanyOrNumber(q) || HasCompanyOrNumber(c))
        {
            return;
        }

        var qFirst = FirstPart(q);
        var qLast = LastPart(q);
        var cFirst = FirstPart(c);
        var cLast = LastPart(c);
        for (var i = 0; i < q.Count; i++)
        {
            if (q[i].Class != TokenClass.Word || q[i].Text.Length < 2 || !GivenNames.Contains(q[i].Text))
            {
                continue;
            }

            for (var j = 0; j < c.Count; j++)
            {
                // Names alike in spelling or sound ("Wladimir" / "Vladimir", "Aleksandr" / "Alexander") are compared by those.
                if (c[j].Class != TokenClass.Word || !GivenNames.AreEquivalent(q[i].Text, c[j].Text) || TokenSimilarity(q[i], c[j], shortSubstitution: true, rules) > 0)
                {
                    continue;
                }

                // The readings in order of preference: both given names first, then one or both surname first.
                var reading = SurnamesMatch(q, qLast, i, c, cLast, j, rules) ? SpellingVariant.GivenName
                    : SurnamesMatch(q, qLast, i, c, cFirst, j, rules) ? SpellingVariant.GivenName | SpellingVariant.CandidateSurnameFirst
                    : SurnamesMatch(q, qFirst, i, c, cLast, j, rules) ? SpellingVariant.GivenName | SpellingVariant.QuerySurnameFirst
                    : SurnamesMatch(q, qFirst, i, c, cFirst, j, rules) ? SpellingVariant.GivenName | SpellingVariant.QuerySurnameFirst | SpellingVariant.CandidateSurnameFirst
                    : SpellingVariant.None;
                if (reading != SpellingVariant.None)
                {
                    pairs.Add(new Pair(i, 1, j, 1, rules.GivenNameSimilarity, Variant: reading));
                }
            }
        }
    }

    // Gets whether the surnames of one reading match: neither is the given name compared, and they are the same word or a close
    // spelling of it.
    private static bool SurnamesMatch(List<NameToken> q, int qSurname, int qGiven, List<NameToken> c, int cSurname, int cGiven, NameScoringRules rules) =>
        qSurname != qGiven && cSurname != cGiven && q[qSurname].Class == TokenClass.Word && c[cSurname].Class == TokenClass.Word
        && (string.Equals(q[qSurname].Text, c[cSurname].Text, StringComparison.Ordinal) || TokenSimilarity(q[qSurname], c[cSurname], shortSubstitution: true, rules) >= rules.CloseSpelling);

    private static int FirstPart(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class != TokenClass.Title)
            {
                return i;
            }
        }

        return 0;
    }

    private static int LastPart(List<NameToken> tokens)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].Class != TokenClass.Title)
            {
                return i;
            }
        }

        return tokens.Count - 1;
    }

    // Digits for letters: a word that mixes letters and digits ("sech1n") is compared, read with letters for its digits, with the
    // other name's words of letters; the best reading's similarity counts, times the digit-for-letter factor.
    private static void AddDigitLetterPairs(List<NameToken> digitSide, List<NameToken> other, List<Pair> pairs, bool queryHasDigits, NameScoringRules rules)
    {
        for (var i = 0; i < digitSide.Count; i++)
        {
            if (digitSide[i].Class != TokenClass.Word || !DigitLetters.IsCandidate(digitSide[i].Text))
            {
                continue;
            }

            var readings = DigitLetters.Readings(digitSide[i].Text);
            for (var j = 0; j < other.Count; j++)
            {
                if (other[j].Class != TokenClass.Word || !NameNormalizer.IsAsciiLetters(other[j].Text))
                {
                    continue;
                }

                double best = 0;
                foreach (var reading in readings)
                {
                    best = Math.Max(best, TokenSimilarity(new NameToken(reading, TokenClass.Word), other[j], shortSubstitution: true, rules));
                }

                if (best > 0)
                {
                    var sim = best * rules.DigitLetterFactor;
                    pairs.Add(queryHasDigits ? new Pair(i, 1, j, 1, sim, Variant: SpellingVariant.DigitLetters) : new Pair(j, 1, i, 1, sim, Variant: SpellingVariant.DigitLetters));
                }
            }
        }
    }

    // Wade-Giles: in a name with a syllable only Wade-Giles spells ("hsi", "tse", "tung"), a run of one to three Wade-Giles syllables
    // ("chin ping") whose Pinyin reading is a word or a run of words of the other name ("jinping", "jin ping") is aligned with it.
    [SkipLocalsInit]
    private static void AddWadeGilesPairs(List<NameToken> wadeGiles, List<NameToken> other, List<Pair> pairs, bool queryIsWadeGiles, NameScoringRules rules)
    {
        var distinctive = false;
        for (var i = 0; i < wadeGiles.Count && !distinctive; i++)
        {
            distinctive = IsWadeGilesWord(wadeGiles[i]);
        }

        if (!distinctive)
        {
            return;
        }

        Span<char> joined = stackalloc char[MaxJoinedVariant];
        for (var i = 0; i < wadeGiles.Count; i++)
        {
            for (var k = 1; k <= MaxWadeGilesRun && i + k <= wadeGiles.Count && IsWadeGilesToken(wadeGiles[i + k - 1]); k++)
            {
                for (var j = 0; j < other.Count; j++)
                {
                    var length = 0;
                    for (var m = 1; m <= MaxWadeGilesRun && j + m <= other.Count && other[j + m - 1].Class == TokenClass.Word; m++)
                    {
                        var word = other[j + m - 1].Text;
                        if (length + word.Length > joined.Length)
                        {
                            break;
                        }

                        word.AsSpan().CopyTo(joined[length..]);
                        length += word.Length;
                        if (!SameTokensJoined(wadeGiles, i, k, joined[..length]) && ReadsAs(wadeGiles, i, k, joined[..length]))
                        {
                            pairs.Add(queryIsWadeGiles
                                ? new Pair(i, k, j, m, rules.WadeGilesSimilarity, Variant: SpellingVariant.WadeGiles)
                                : new Pair(j, m, i, k, rules.WadeGilesSimilarity, Variant: SpellingVariant.WadeGiles));
                        }
                    }
                }
            }
        }
    }

    // Whether a token is a word only Wade-Giles spells ("hsi", "tse"): a name with one is read for runs of Wade-Giles syllables.
    private static bool IsWadeGilesWord(NameToken token) => token.Class == TokenClass.Word && ChineseRomanization.IsDistinctive(token.Text);

    private static bool IsWadeGilesToken(NameToken token) => token.Class == TokenClass.Word && ChineseRomanization.IsWadeGilesSyllable(token.Text);

    // Gets whether the tokens of a run, joined, are the text (then the spelling comparison and joined tokens align them already;
    // screening also reads so a word read apart against a listed name's words, Screener.MayMeetWordsReadApart).
    internal static bool SameTokensJoined(List<NameToken> tokens, int start, int count, ReadOnlySpan<char> text)
    {
        var at = 0;
        for (var t = start; t < start + count; t++)
        {
            var word = tokens[t].Text;
            if (at + word.Length > text.Length || !text.Slice(at, word.Length).SequenceEqual(word))
            {
                return false;
            }

            at += word.Length;
        }

        return at == text.Length;
    }

    // Gets whether a text is one Pinyin reading of each Wade-Giles token of a run, in order.
    private static bool ReadsAs(List<NameToken> tokens, int start, int count, ReadOnlySpan<char> text)
    {
        if (count == 0)
        {
            return text.IsEmpty;
        }

        // By position: a foreach over the list's interface would allocate an enumerator per call wherever the runtime does not
        // optimise it away (code compiled ahead of time, or without profile-guided optimisation).
        var readings = ChineseRomanization.PinyinReadings(tokens[start].Text);
        for (var r = 0; r < readings.Count; r++)
        {
            var reading = readings[r];
            if (text.StartsWith(reading, StringComparison.Ordinal) && ReadsAs(tokens, start + 1, count - 1, text[reading.Length..]))
            {
                return true;
            }
        }

        return false;
    }

    // Baltic endings: "Lavrovs" / "Lavrov", "Sergejs" / "Sergey". Persons' names only (two parts or more, no legal form, number,
    // ideograph or generic word): in a company's name a final s is an English plural ("Star" / "Stars", "Arvin" / "Arvinas").
    private static void AddBalticEndingPairs(List<NameToken> q, List<NameToken> c, List<Pair> pairs, NameScoringRules rules)
    {
        if (CountParts(q) < 2 || CountParts(c) < 2 || HasCompanyOrNumber(q) || HasCompanyOrNumber(c) || HasGeneric(q) || HasGeneric(c))
        {
            return;
        }

        for (var i = 0; i < q.Count; i++)
        {
            if (q[i].Class != TokenClass.Word)
            {
                continue;
            }

            for (var j = 0; j < c.Count; j++)
            {
                if (c[j].Class == TokenClass.Word && (BalticEndings.IsWithEnding(q[i].Text, c[j].Text) || BalticEndings.IsWithEnding(c[j].Text, q[i].Text)))
                {
                    pairs.Add(new Pair(i, 1, j, 1, rules.BalticEndingSimilarity, Variant: SpellingVariant.BalticEnding));
                }
            }
        }
    }

    private static bool HasGeneric(List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Class == TokenClass.Generic)
            {
                return true;
            }
        }

        return false;
    }

    // Adds to an explanation one feature per spelling-variant rule that aligned a pair, and the given-name cap and the numbered-sibling
    // score when they applied.
    private static List<FeatureScore> WithVariantFeatures(List<FeatureScore> features, List<Pair> aligned, List<NameToken> q, List<NameToken> c,
        NameScoringRules rules, bool givenNameCapped, bool numberedSibling)
    {
        // Most explained names align no pair by a variant rule: then nothing is written.
        var present = SpellingVariant.None;
        foreach (var pair in aligned)
        {
            present |= pair.Variant;
        }

        void Add(SpellingVariant variant, string feature, double weight, string what)
        {
            if ((present & variant) == 0)
            {
                return;
            }

            var entries = new List<string>();
            var least = double.MaxValue;
            foreach (var p in aligned)
            {
                if ((p.Variant & variant) != 0)
                {
                    entries.Add(string.Create(CultureInfo.InvariantCulture, $"{Join(q, p.QStart, p.QCount)}={Join(c, p.CStart, p.CCount)} ({p.Sim:0.00})"));
                    least = Math.Min(least, p.Sim);
                }
            }

            features.Add(new FeatureScore(feature, Math.Round(least, 4), weight, what + string.Join(", ", entries)));
        }

        Add(SpellingVariant.GivenName, "given-name", rules.GivenNameSimilarity, "a given name and its short form: ");
        Add(SpellingVariant.DigitLetters, "digit-for-letter", rules.DigitLetterFactor, "digits read as the letters they look like: ");
        Add(SpellingVariant.WadeGiles, "wade-giles", rules.WadeGilesSimilarity, "Wade-Giles read as Pinyin: ");
        Add(SpellingVariant.BalticEnding, "baltic-ending", rules.BalticEndingSimilarity, "a Latvian or Lithuanian nominative ending: ");
        Add(SpellingVariant.CountryAbbreviation, "country-abbreviation", rules.CountryAbbreviationSimilarity, "a country's abbreviation and its name: ");
        if (givenNameCapped)
        {
            features.Add(new FeatureScore("given-name-cap", rules.GivenNameCap, -1, "a given name matched to its short form; score capped at "
                + rules.GivenNameCap.ToString(CultureInfo.InvariantCulture)));
        }

        if (numberedSibling)
        {
            features.Add(new FeatureScore("numbered-sibling", rules.NumberedSiblingScore, -1, "the same words with other numbers (a sister vessel, the next fund of a series); score set to "
                + rules.NumberedSiblingScore.ToString(CultureInfo.InvariantCulture)));
        }

        return features;
    }
}

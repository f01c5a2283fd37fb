using System.Globalization;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

/// <summary>One weight or rule switch of the token-align scorer, as documented.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Kind">How the value acts: <c>weight</c> (a token's base weight), <c>factor</c> (a score or similarity is
/// multiplied by it), <c>similarity</c> (a token pair's similarity), <c>cap</c> (the score is at most it), <c>limit</c> (a length),
/// <c>scale</c> (a margin), <c>score</c> (the score is set to it) or <c>switch</c> (1 when the rule is on, 0 when off).</param>
/// <param name="Value">The weight, factor or limit; 1 or 0 for a rule that is on or off.</param>
/// <param name="Description">What the value does, in one line.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed record NameScoringRule(string Feature, string Kind, double Value, string Description);

/// <summary>
/// Every weight and rule switch of the token-align scorer in one place. A change of any value is a new algorithm version
/// (<see cref="Name"/>), so that results computed with an older version stay reproducible: <see cref="V3"/> reproduces
/// <c>token-align-v3</c> exactly, <see cref="V4"/> (the default) adds typo robustness.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed record NameScoringRules : ICandidateScoring
{
    /// <summary>Gets the rules of <c>token-align-v3</c>: the scorer as released with VendorScreen 0.2.</summary>
    public static NameScoringRules V3 { get; } = new() { Name = "token-align-v3" };

    /// <summary>Gets the rules of <c>token-align-v4</c>, the default: one edit anywhere in a name (a first letter, a legal form)
    /// costs a small part of the score, bounded by the name's length and the token's weight.</summary>
    public static NameScoringRules V4 { get; } = new()
    {
        Name = "token-align-v4",
        FirstLetterEdits = true,
        MisspeltLegalForms = true,
        NearTokenNotReplaced = true,
        ShortWordEditSimilarity = 0.5,
        RoundScore = true,
        JoinedSkipsLegalForms = true,
        MisspeltWordTakesClassWeight = true,
        WiderWordClasses = true,
        JoinedLegalFormLetters = true,
        FunctionWordEdits = true,
        AcronymExtraPartFactor = 0.9,
        InitialsOnlyCap = 0.75,
    };

    /// <summary>Gets the rules of <c>token-align-v5</c>, the default: <see cref="V4"/>, two names one letter apart over their whole
    /// length score at least one less that letter's share of the longer name ("SAOCHI" / "SANCHI" 0.83), a name written with
    /// parts left out ("AKHTAR MANSOUR" / "AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED") scores at least a share of what its parts
    /// score, and names written another way align: a given name and its short form ("Ted" / "Theodore"), digits for letters
    /// ("Sech1n"), Wade-Giles for Pinyin ("Hsi Chin-ping" / "Xi Jinping"), a Baltic ending ("Lavrovs" / "Lavrov"); the same
    /// words with other numbers ("Snow Storm 1" / "Snow Storm 2") score for review.</summary>
    public static NameScoringRules V5 { get; } = V4 with
    {
        Name = "token-align-v5",
        OneEditNameMinLength = 6,
        PartsLeftOutFactor = 0.85,
        PartsLeftOutMinRarity = 0.5,
        SameScriptSyllablesExact = true,
        GivenNameSimilarity = 0.9,
        GivenNameCap = 0.9,
        DigitLetterFactor = 0.95,
        WadeGilesSimilarity = 0.95,
        BalticEndingSimilarity = 0.95,
        CountryAbbreviationSimilarity = 0.95,
        NumberedSiblingScore = 0.85,
        SurnameFirstPatronymics = true,
        JoinedArticleEl = true,
    };

    /// <summary>Gets the default rules (<see cref="V5"/>).</summary>
    public static NameScoringRules Default => V5;

    /// <summary>Gets every published rule set, oldest first.</summary>
    public static IReadOnlyList<NameScoringRules> All { get; } = [V3, V4, V5];

    /// <summary>Gets the algorithm name and version reported in results.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the base weight of a legal form ("Ltd", "GmbH").</summary>
    public double LegalFormWeight { get; init; } = 0.12;

    /// <summary>Gets the base weight of a generic organisation word ("Technology", "Trading").</summary>
    public double GenericWeight { get; init; } = 0.45;

    /// <summary>Gets the base weight of a place name.</summary>
    public double LocationWeight { get; init; } = 0.35;

    /// <summary>Gets the base weight of a title ("Mr", "Sheikh").</summary>
    public double TitleWeight { get; init; } = 0.12;

    /// <summary>Gets the base weight of a one-letter initial.</summary>
    public double InitialWeight { get; init; } = 0.3;

    /// <summary>Gets the base weight of an East Slavic patronymic.</summary>
    public double PatronymicWeight { get; init; } = 0.35;

    /// <summary>Gets the base weight of a number when the other name has none.</summary>
    public double LoneNumberWeight { get; init; } = 0.35;

    /// <summary>Gets the share of a token's weight that does not depend on its rarity.</summary>
    public double RarityFloor { get; init; } = 0.6;

    /// <summary>Gets the factor applied when numbers differ on both sides.</summary>
    public double NumberMismatchFactor { get; init; } = 0.7;

    /// <summary>Gets the factor applied when the names around bin/ben/ibn are swapped.</summary>
    public double PatronymicSwapFactor { get; init; } = 0.7;

    /// <summary>Gets the factor of a phonetic (sound-alike spelling) token match.</summary>
    public double PhoneticFactor { get; init; } = 0.92;

    /// <summary>Gets the similarity of tokens with equal phonetic keys, before <see cref="PhoneticFactor"/>.</summary>
    public double PhoneticEqualFactor { get; init; } = 0.95;

    /// <summary>Gets the factor applied to a one-word name matched only approximately.</summary>
    public double SingleWordFuzzyFactor { get; init; } = 0.9;

    /// <summary>Gets the factor applied to a one-word name of <see cref="LongWord"/> letters or more matched only approximately.</summary>
    public double LongSingleWordFuzzyFactor { get; init; } = 0.95;

    /// <summary>Gets the length from which a word counts as long for <see cref="LongSingleWordFuzzyFactor"/>.</summary>
    public int LongWord { get; init; } = 7;

    /// <summary>Gets the similarity of an acronym to the words it abbreviates.</summary>
    public double AcronymSimilarity { get; init; } = 0.9;

    /// <summary>Gets the longest acronym considered.</summary>
    public int MaxAcronym { get; init; } = 5;

    /// <summary>Gets the token similarity from which a spelling match counts as close.</summary>
    public double CloseSpelling { get; init; } = 0.93;

    /// <summary>Gets the factor applied when each name has a word part the other lacks.</summary>
    public double PartReplacedFactor { get; init; } = 0.9;

    /// <summary>Gets the factor of one substituted letter in a word of four or five letters.</summary>
    public double ShortSubstitutionFactor { get; init; } = 0.9;

    /// <summary>Gets the cap of a name matched only by sound across scripts.</summary>
    public double SoundOnlyCap { get; init; } = 0.9;

    /// <summary>Gets the margin within which a longer cross-script run wins over a better shorter one.</summary>
    public double CrossScriptRunMargin { get; init; } = 0.025;

    /// <summary>Gets the shortest Latin word compared by sound across scripts.</summary>
    public int CrossScriptMinLength { get; init; } = 4;

    /// <summary>Gets the similarity of an initial to a word that starts with it.</summary>
    public double InitialSimilarity { get; init; } = 0.6;

    /// <summary>Gets the least similarity of a token to adjacent tokens joined ("Hik Vision" / "Hikvision").</summary>
    public double JoinedMinSimilarity { get; init; } = 0.85;

    /// <summary>Gets whether a dropped or added first letter of a word ("arko" / "zarko") is an ordinary edit.</summary>
    public bool FirstLetterEdits { get; init; }

    /// <summary>Gets whether a word one edit from a legal form the other name carries ("Limitd", "Cmmpany", "Ltz") is that legal form.</summary>
    public bool MisspeltLegalForms { get; init; }

    /// <summary>Gets whether an unmatched word one edit from a word of the other name is left out of "a part the other lacks".</summary>
    public bool NearTokenNotReplaced { get; init; }

    /// <summary>Gets the similarity of a word of two or three letters to one a letter away ("Ali" / "Ami", "Ol" / "Oil"); 0 for none.</summary>
    public double ShortWordEditSimilarity { get; init; }

    /// <summary>Gets whether a word matched approximately to a generic word, place or title of the other name ("anq" / "and",
    /// "Iuan" / "Iran") weighs what that word weighs rather than a full word.</summary>
    public bool MisspeltWordTakesClassWeight { get; init; }

    /// <summary>Gets whether a legal form is kept out of joined tokens ("E. S. Co." is not "Esco").</summary>
    public bool JoinedSkipsLegalForms { get; init; }

    /// <summary>Gets whether the score is rounded to the four decimals it is reported with before any threshold sees it.</summary>
    public bool RoundScore { get; init; }

    /// <summary>Gets the factor applied to a one-word name of fewer than <see cref="LongWord"/> letters whose word differs by a first
    /// letter added or dropped ("Vista" / "Avista"), instead of <see cref="SingleWordFuzzyFactor"/>.</summary>
    public double SingleWordFirstLetterFactor { get; init; } = 0.85;

    /// <summary>Gets whether "Federal" weighs as a generic organisation word (as "National" does) and seas ("Atlantic", "Baltic") as
    /// places.</summary>
    public bool WiderWordClasses { get; init; }

    /// <summary>Gets whether the letters of a dotted legal form are also read joined when it is misspelt ("L.GL.C." as "lglc" for
    /// LLC, "S.EA." as "sea" for S.A.).</summary>
    public bool JoinedLegalFormLetters { get; init; }

    /// <summary>Gets whether a two-letter word one letter from a two-letter function word of the other name ("om" / "of") is that
    /// word misspelt, credited <see cref="ShortWordEditSimilarity"/> at the function word's weight.</summary>
    public bool FunctionWordEdits { get; init; }

    /// <summary>Gets the factor applied when a name read as an acronym of the other also holds a word, initial or number the acronym
    /// leaves unmatched ("Air T" / "Abdoulaye Issene Ramadane"); 1 for none.</summary>
    public double AcronymExtraPartFactor { get; init; } = 1;

    /// <summary>Gets the cap of a score whose only word matches are initials against words, with numbers ("First P" / "One
    /// Phosphate"); 1 for none.</summary>
    public double InitialsOnlyCap { get; init; } = 1;

    /// <summary>Gets the fewest letters and digits of the longer name from which two names written in Latin letters that are one edit
    /// apart over their whole length score at least <c>1 - 1 / length</c>; 0 for no such floor. The edit must not change a number,
    /// the first letter of a word of three letters or fewer ("Bob" / "Rob") or one Chinese syllable into another ("Cheng" /
    /// "Chang").</summary>
    public int OneEditNameMinLength { get; init; }

    /// <summary>Gets the share of the score of the parts it keeps that a name written with parts left out scores at least: every
    /// part of the shorter name (two or more words; both names in Latin letters or transliterated from Cyrillic or Greek; neither
    /// holds a legal form or a number) matches one part of the longer, in order, one of them the longer's first part (titles aside),
    /// and one kept part is distinctive (see <see cref="PartsLeftOutMinRarity"/>); 0 for no such floor.</summary>
    public double PartsLeftOutFactor { get; init; }

    /// <summary>Gets the least rarity in the screened lists of a kept part that makes it distinctive under
    /// <see cref="PartsLeftOutFactor"/>; a part is never distinctive when it is one of the name parts most common in listed
    /// names ("Mohammad", "Ali", "Abdul") or a romanised Chinese or Korean syllable.</summary>
    public double PartsLeftOutMinRarity { get; init; }

    /// <summary>Gets whether two names written in the same syllabic script (both in Hangul, or both in Han) compare syllable by
    /// syllable, each syllable only equal to itself, in their first romanisation: a syllable is a part of the name, so another
    /// syllable is another name ("김정은" / "김종은", "이재명" / "이재형"), even where a romanisation spells both alike (the North Korean
    /// spelling writes 정 and 종 "jong") or one letter apart. Names in different scripts and names in Latin letters are not
    /// concerned.</summary>
    public bool SameScriptSyllablesExact { get; init; }
    /// <summary>Gets the similarity of a given name to its short form ("Ted" / "Theodore", "Bibi" / "Benjamin", see
    /// <see cref="GivenNames"/>) in persons' names of two parts or more whose surnames match; 0 for none.</summary>
    public double GivenNameSimilarity { get; init; }

    /// <summary>Gets the cap of a score whose alignment holds a given-name equivalent (<see cref="GivenNameSimilarity"/>): such a
    /// name is for review, never blocked on the name alone; 1 for none.</summary>
    public double GivenNameCap { get; init; } = 1;

    /// <summary>Gets the factor of a word whose digits are read as the letters they look like ("Sech1n" as "Sechin", see
    /// <see cref="DigitLetters"/>), applied to the similarity of that reading; 0 for none.</summary>
    public double DigitLetterFactor { get; init; }

    /// <summary>Gets the similarity of Wade-Giles syllables to the Pinyin they stand for ("Hsi Chin-ping" / "Xi Jinping", see
    /// <see cref="ChineseRomanization"/>), in a name that holds a syllable only Wade-Giles spells; 0 for none.</summary>
    public double WadeGilesSimilarity { get; init; }

    /// <summary>Gets the similarity of a word with a Latvian or Lithuanian nominative ending to the word without it ("Lavrovs",
    /// "Lavrovas" / "Lavrov", "Sergejs" / "Sergey", see <see cref="BalticEndings"/>); 0 for none.</summary>
    public double BalticEndingSimilarity { get; init; }

    /// <summary>Gets the similarity of a country's abbreviation to its name ("U.S." / "United States", "UK" / "United Kingdom", "UAE" /
    /// "United Arab Emirates"), from a table of the abbreviations written in names; 0 for none.</summary>
    public double CountryAbbreviationSimilarity { get; init; }

    /// <summary>Gets the score of two names that are the same words with other numbers ("Snow Storm 1" / "Snow Storm 2",
    /// "KKR Asian Fund III L.P." / "KKR Asian Fund IV L.P.", "Mortgage Loan Trust 2004-1" / "2005-1"): the sister vessel, the
    /// next fund or trust of a series, a party of the same family, for review and never blocked on the name alone. Numbers are
    /// written in digits, or in Roman numerals from I to XXXIX after a name's first word; legal forms are left aside; two words or
    /// more are shared, one of them distinctive. 0 for none: such names then score as any names with different numbers.</summary>
    public double NumberedSiblingScore { get; init; }

    /// <summary>Gets whether the names around bin/ben/ibn are read as a name written surname first allows before they count as
    /// swapped (<see cref="PatronymicSwapFactor"/>): a connector that starts the name has the father's word right after it and
    /// the son's later ("BIN LADEN, Usama" is "Usama bin Laden"), one that ends it the son's word right before it and the
    /// father's earlier ("AUF, Awad Ibn" is "Awad Ibn Auf"), and a word the name repeats may stand in any of its places
    /// ("EL-HOORIE, Ali Saed Bin Ali"). Without it, only the order of the aligned connector's neighbours counts.</summary>
    public bool SurnameFirstPatronymics { get; init; }

    /// <summary>Gets whether a word with the Arabic article joined as "el" ("Elkurd") is also read with "al" for its "el" against
    /// a run of the other name that starts with the article as a word of its own, which normalisation writes "al" ("El-Kurd"
    /// is "al kurd"), pairing at the better of the two readings (<see cref="JoinedMinSimilarity"/>).</summary>
    public bool JoinedArticleEl { get; init; }

    /// <summary>Gets the base weight of a token class under these rules.</summary>
    /// <param name="tokenClass">The class.</param>
    /// <returns>The base weight.</returns>
    public double BaseWeight(TokenClass tokenClass) => tokenClass switch
    {
        TokenClass.LegalForm => LegalFormWeight,
        TokenClass.Generic => GenericWeight,
        TokenClass.Location => LocationWeight,
        TokenClass.Title => TitleWeight,
        _ => 1.0,
    };

    /// <summary>Gets the rules as a table: feature name, value and a one-line description, for documentation and reports.</summary>
    /// <returns>The table, one row a rule.</returns>
    public IReadOnlyList<NameScoringRule> Table() =>
    [
        new("weight.legal-form", "weight", LegalFormWeight, "base weight of a legal form (Ltd, GmbH, LLC)"),
        new("weight.generic", "weight", GenericWeight, "base weight of a generic organisation word (Technology, Trading, Group)"),
        new("weight.location", "weight", LocationWeight, "base weight of a place name (China, Beijing)"),
        new("weight.title", "weight", TitleWeight, "base weight of a title (Mr, Dr, Sheikh)"),
        new("weight.initial", "weight", InitialWeight, "base weight of a one-letter initial"),
        new("weight.patronymic", "weight", PatronymicWeight, "base weight of an East Slavic patronymic (Vladimirovich)"),
        new("weight.lone-number", "weight", LoneNumberWeight, "base weight of a number when the other name has none"),
        new("weight.rarity-floor", "weight", RarityFloor, "share of a token's weight independent of its rarity in the list"),
        new("number-mismatch", "factor", NumberMismatchFactor, "score factor when the names carry different numbers"),
        new("patronymic-order", "factor", PatronymicSwapFactor, "score factor when the names around bin/ben/ibn are swapped"),
        new("phonetic", "factor", PhoneticFactor, "similarity factor of a sound-alike spelling (Aleksandr / Alexander)"),
        new("phonetic-equal", "similarity", PhoneticEqualFactor, "similarity of equal phonetic keys, before the phonetic factor"),
        new("single-word-fuzzy", "factor", SingleWordFuzzyFactor, "score factor of a one-word name matched only approximately"),
        new("single-word-fuzzy-long", "factor", LongSingleWordFuzzyFactor, "the same for a word of long-word letters or more"),
        new("long-word", "limit", LongWord, "letters from which a word counts as long"),
        new("acronym", "similarity", AcronymSimilarity, "similarity of an acronym to the words it abbreviates"),
        new("acronym-max", "limit", MaxAcronym, "longest acronym considered"),
        new("close-spelling", "similarity", CloseSpelling, "token similarity from which a spelling match counts as close"),
        new("name-part-replaced", "factor", PartReplacedFactor, "score factor when each name has a word part the other lacks"),
        new("short-substitution", "factor", ShortSubstitutionFactor, "similarity factor of one substituted letter in a word of 4 or 5 letters"),
        new("sound-only", "cap", SoundOnlyCap, "score cap of a name matched only by sound across scripts"),
        new("cross-script-run-margin", "scale", CrossScriptRunMargin, "margin within which a longer run of syllables wins"),
        new("cross-script-min-length", "limit", CrossScriptMinLength, "shortest Latin word compared by sound across scripts"),
        new("initial", "similarity", InitialSimilarity, "similarity of an initial to a word that starts with it"),
        new("joined-min", "similarity", JoinedMinSimilarity, "least similarity of a token to adjacent tokens joined (Hik Vision / Hikvision)"),
        new("first-letter-edit", "switch", FirstLetterEdits ? 1 : 0, "a dropped or added first letter of a word is an ordinary edit (arko / Zarko)"),
        new("misspelt-legal-form", "switch", MisspeltLegalForms ? 1 : 0, "a word one edit from a legal form the other name carries is that legal form (Limitd, Cmmpany, Ltz)"),
        new("near-token-not-replaced", "switch", NearTokenNotReplaced ? 1 : 0, "an unmatched word one edit from a word of the other name is not a part the other lacks"),
        new("short-word-edit", "similarity", ShortWordEditSimilarity, "similarity of a word of 2 or 3 letters one letter from the other (Ali / Ami); 0 for none"),
        new("misspelt-word-class-weight", "switch", MisspeltWordTakesClassWeight ? 1 : 0, "a word matched approximately to a generic word or place weighs what that word weighs"),
        new("joined-skips-legal-forms", "switch", JoinedSkipsLegalForms ? 1 : 0, "a legal form is never part of joined tokens (E. S. Co. is not Esco)"),
        new("round-score", "switch", RoundScore ? 1 : 0, "the score is rounded to its 4 reported decimals before thresholds apply"),
        new("single-word-first-letter", "factor", SingleWordFirstLetterFactor, "score factor of a short one-word name whose word differs in its first letter (Vista / Avista)"),
        new("wider-word-classes", "switch", WiderWordClasses ? 1 : 0, "Federal weighs as a generic organisation word (as National does), seas (Atlantic, Baltic) as places"),
        new("joined-legal-form-letters", "switch", JoinedLegalFormLetters ? 1 : 0, "a misspelt dotted legal form is also read with its letters joined (L.GL.C. for LLC, S.EA. for S.A.)"),
        new("function-word-edit", "switch", FunctionWordEdits ? 1 : 0, "a two-letter word one letter from a function word of the other name is that word misspelt (om / of)"),
        new("acronym-extra-part", "factor", AcronymExtraPartFactor, "score factor when a name read as an acronym also holds a word or number left unmatched (Air T)"),
        new("one-edit-name", "limit", OneEditNameMinLength, "fewest letters from which names one edit apart score at least 1 - 1/letters (Saochi / Sanchi); 0 for none"),
        new("initials-only", "cap", InitialsOnlyCap, "score cap when the only words matched are initials against words (One-P / First Phosphate)"),
        new("parts-left-out", "factor", PartsLeftOutFactor, "a name of 2+ parts found in order in a longer one, with its first part, scores at least this share of its kept parts' score (Akhtar Mansour / Akhtar Mohammad Mansour Shah); 0 for none"),
        new("parts-left-out-rarity", "limit", PartsLeftOutMinRarity, "least rarity of a kept part that is not one of the most common name parts (Mohammad, Ali), of which parts-left-out needs one"),
        new("same-script-syllables", "switch", SameScriptSyllablesExact ? 1 : 0, "two names both in Hangul or both in Han compare syllable by syllable, exactly, in their first romanisation (김정은 / 김종은 differ)"),
        new("given-name", "similarity", GivenNameSimilarity, "similarity of a given name to its short form (Ted / Theodore, Bibi / Benjamin) in persons' names whose surnames match; 0 for none"),
        new("given-name-cap", "cap", GivenNameCap, "score cap when a given name and its short form are aligned: review, never block on the name alone"),
        new("digit-for-letter", "factor", DigitLetterFactor, "similarity factor of a word read with letters for the digits that look like them (Sech1n / Sechin, I9or / Igor); 0 for none"),
        new("wade-giles", "similarity", WadeGilesSimilarity, "similarity of Wade-Giles syllables to the Pinyin they stand for (Hsi Chin-ping / Xi Jinping), in a name with a syllable only Wade-Giles spells; 0 for none"),
        new("baltic-ending", "similarity", BalticEndingSimilarity, "similarity of a word with a Latvian or Lithuanian nominative ending to the word without it (Lavrovs / Lavrov, Sergejs / Sergey); 0 for none"),
        new("country-abbreviation", "similarity", CountryAbbreviationSimilarity, "similarity of a country's abbreviation to its name (U.S. / United States, UK / United Kingdom); 0 for none"),
        new("numbered-sibling", "score", NumberedSiblingScore, "score of the same words with other numbers, in digits or Roman numerals (Snow Storm 1 / 2, Fund III / IV L.P.): review, never block; 0 for none"),
        new("patronymic-surname-first", "switch", SurnameFirstPatronymics ? 1 : 0, "a connector that starts or ends a name, or a word repeated around it, reads the name written surname first before patronymic-order applies (BIN LADEN, Usama / Usama bin Laden)"),
        new("joined-article", "switch", JoinedArticleEl ? 1 : 0, "a word with the article joined as el is also read with al against a run that starts with the article (Elkurd / El-Kurd)"),
    ];

    /// <inheritdoc />
    double ICandidateScoring.TokenSimilarity(NameToken a, NameToken b) => NameScorer.TokenSimilarity(a, b, this);

    /// <inheritdoc />
    SpellingSketch ICandidateScoring.Sketch(string word) => NameScorer.Sketch(word);

    /// <inheritdoc />
    bool ICandidateScoring.MayBeSimilar(string a, in SpellingSketch aSketch, string b, in SpellingSketch bSketch) =>
        NameScorer.MayBeSimilar(a, aSketch, b, bSketch);

    /// <inheritdoc />
    public override string ToString() => Name + ": " + string.Join(", ", Table().Select(r => r.Feature + "=" + r.Value.ToString(CultureInfo.InvariantCulture)));
}

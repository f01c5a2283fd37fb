using System.Collections.Frozen;

namespace VendorScreen.Normalization;

/// <summary>Legal forms, generic organisation words and place names, with their compare forms.</summary>
/// <remarks>The tables are immutable and safe for concurrent use.</remarks>
internal static class LegalForms
{
    private static readonly FrozenDictionary<string, string> LegalFormMap = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["co"] = "co", ["company"] = "co", ["companies"] = "co", ["cos"] = "co", ["compania"] = "co", ["cia"] = "co", ["compagnie"] = "co", ["cie"] = "co",
        ["corp"] = "corp", ["corporation"] = "corp", ["corporacion"] = "corp", ["korporatsiya"] = "corp",
        ["inc"] = "inc", ["incorporated"] = "inc",
        ["ltd"] = "ltd", ["limited"] = "ltd", ["ltda"] = "ltd", ["ltee"] = "ltd",
        ["llc"] = "llc", ["llp"] = "llp", ["lp"] = "lp", ["plc"] = "plc", ["pllc"] = "llc",
        ["gmbh"] = "gmbh", ["mbh"] = "gmbh", ["gmbhco"] = "gmbh", ["ag"] = "ag", ["kg"] = "kg", ["ug"] = "ug", ["ev"] = "ev",
        ["sa"] = "sa", ["sas"] = "sas", ["sarl"] = "sarl", ["srl"] = "srl", ["spa"] = "spa", ["sl"] = "sl", ["sau"] = "sa",
        ["bv"] = "bv", ["nv"] = "nv", ["ab"] = "ab", ["oy"] = "oy", ["oyj"] = "oy", ["as"] = "as", ["asa"] = "as", ["aps"] = "aps",
        ["pte"] = "pte", ["pty"] = "pty", ["bhd"] = "bhd", ["sdn"] = "sdn", ["kk"] = "corp", ["gk"] = "llc", ["kabushikigaisha"] = "corp", ["kabushikikaisha"] = "corp", ["tbk"] = "tbk", ["pt"] = "pt",
        ["jsc"] = "jsc", ["ojsc"] = "jsc", ["cjsc"] = "jsc", ["pjsc"] = "jsc", ["ooo"] = "llc", ["zao"] = "jsc", ["oao"] = "jsc", ["pao"] = "jsc", ["ao"] = "jsc",
        ["fze"] = "fze", ["fzco"] = "fze", ["fzc"] = "fze", ["fzllc"] = "llc", ["wll"] = "llc", ["est"] = "est",
        ["anonima"] = "sa", ["anonyme"] = "sa",
        ["ооо"] = "llc", ["оао"] = "jsc", ["зао"] = "jsc", ["пао"] = "jsc", ["ао"] = "jsc", ["тов"] = "llc", ["тоо"] = "llc",
        ["aktiengesellschaft"] = "ag", ["gesellschaft"] = "co", ["haftung"] = "gmbh", ["beschrankter"] = "gmbh",
        // Chinese forms in pinyin, as customs and company registers write a Chinese name ("SHANGHAI BINGZHI GUOJI MAOYI YOUXIAN
        // GONGSI"): "gongsi" (公司) is a company, "zonggongsi" (总公司) a head company; the phrases are below.
        ["gongsi"] = "co", ["zonggongsi"] = "corp",
        // Forms of Europe, the Gulf and Asia that lists write after a company's name ("VENTORA DEVELOPMENT SASU", "BM SYSTEMS EAD",
        // "KITOKOFOOD, SPRL"): read as words, each was a word of the highest weight, and the name written without it stayed below
        // review. Each is its own compare form: few names carry it, so that the candidate look-up still finds a short name through
        // it (CandidateIndex.FindCandidates tallies a legal form few names carry). Left out where the letters are also a name or
        // a common word or abbreviation ("doo" a Korean given name, "lda" in aircraft marks such as "EP-LDA", "zrt" the letters
        // of a Hebrew name read without vowels ("Zwart"), "sal", "sae", "bsc" a degree, "ca", "eu", "ad").
        ["sasu"] = "sasu", ["eurl"] = "eurl", ["sprl"] = "sprl", ["bvba"] = "bvba", ["srls"] = "srls", ["snc"] = "snc", ["scs"] = "scs",
        ["asbl"] = "asbl", ["ood"] = "ood", ["eood"] = "eood", ["ead"] = "ead", ["dooel"] = "dooel", ["shpk"] = "shpk", ["kft"] = "kft",
        ["sro"] = "sro", ["uab"] = "uab", ["pvt"] = "pvt", ["pcl"] = "pcl",
        ["sapi"] = "sapi", ["saog"] = "saog", ["saoc"] = "saoc", ["pjs"] = "pjs", ["qsc"] = "qsc", ["qpsc"] = "qpsc", ["kscc"] = "kscc",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Legal forms of three letters that are never read misspelt: a word one edit from one of them is more often a word ("good",
    // "head", "pro", "lab", "kit", "put") than the form misspelt.
    private static readonly FrozenSet<string> NotReadMisspelt = new[]
    {
        "ood", "ead", "uab", "sro", "kft", "pvt",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int MisspeltLegalFormMinLength = 10;

    // The legal-form words of ten letters or more, in ordinal order, for reading them misspelt. (The tables of this class are made
    // with loops rather than queries: each query over pairs of values compiles its own code at the first screening of a process.)
    private static readonly KeyValuePair<string, string>[] LongLegalForms = WordsOfAtLeast(MisspeltLegalFormMinLength);

    private static KeyValuePair<string, string>[] WordsOfAtLeast(int length)
    {
        var words = new List<KeyValuePair<string, string>>();
        foreach (var pair in LegalFormMap)
        {
            if (pair.Key.Length >= length)
            {
                words.Add(pair);
            }
        }

        words.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. words];
    }

    private static readonly FrozenSet<string> GenericWords = new[]
    {
        "technology", "technologies", "international", "group", "holding", "holdings", "trading", "trade",
        "industry", "industries", "industrial", "information", "science", "sciences", "network", "networks", "electronic", "electronics",
        "system", "systems", "solution", "solutions", "service", "services", "communication", "communications", "telecommunication",
        "telecommunications", "telecom", "digital", "global", "enterprise", "enterprises", "products", "product", "manufacturing",
        "development", "investment", "investments", "equipment", "security", "smart", "intelligent", "software", "store", "shop",
        "official", "the", "and", "of", "for", "de", "la", "du", "des", "del", "y", "et", "und", "partners", "associates",
        "new", "general", "national", "import", "export", "logistics", "resources", "energy", "material", "materials",
        "operations", "operation", "management", "consulting", "ventures", "worldwide",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Abbreviations of the words of organisations' names that vendor masters and invoices write ("ABC TRDG CO", "XYZ INTL GRP",
    // "NATL SHPG CO"), read as the word they stand for, so that a name written with them meets the name written out: an
    // abbreviation is otherwise a word no name holds, of the highest weight, and the name written with it was cleared. These are
    // read in any name; those that are also names or words of their own ("dev", "gen", "petro") only in an organisation's
    // (CompanyAbbreviations). An abbreviation of several words is read as one of them, which the scorer compares with the others
    // as near spellings: "ind" as "industry" (which meets "industries" and "industrial"), "elec" as "electric" ("electrical",
    // "electronics"), "distr" as "distribution" ("distributors"), "pharm" as "pharmaceutical" ("pharmaceuticals").
    private static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["admin"] = "administration",
        ["assn"] = "association",
        ["assoc"] = "association",
        ["auth"] = "authority",
        ["bros"] = "brothers",
        ["chem"] = "chemical",
        ["cmte"] = "committee",
        ["comml"] = "commercial",
        ["comms"] = "communications",
        ["constr"] = "construction",
        ["ctr"] = "center",
        ["dept"] = "department",
        ["distr"] = "distribution",
        ["elec"] = "electric",
        ["engg"] = "engineering",
        ["enterp"] = "enterprise",
        ["eqpt"] = "equipment",
        ["equip"] = "equipment",
        ["fdn"] = "foundation",
        ["govt"] = "government",
        ["grp"] = "group",
        ["hldg"] = "holding",
        ["hldgs"] = "holdings",
        ["ind"] = "industry",
        ["indl"] = "industrial",
        ["inds"] = "industries",
        ["inst"] = "institute",
        ["intl"] = "international",
        ["invt"] = "investment",
        ["invts"] = "investments",
        ["mfg"] = "manufacturing",
        ["mgmt"] = "management",
        ["mktg"] = "marketing",
        ["natl"] = "national",
        ["org"] = "organization",
        ["pharm"] = "pharmaceutical",
        ["prods"] = "products",
        ["shpg"] = "shipping",
        ["soc"] = "society",
        ["svc"] = "service",
        ["svcs"] = "services",
        ["tech"] = "technology",
        ["transp"] = "transport",
        ["trdg"] = "trading",
        ["univ"] = "university",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets whether a token is an abbreviation that <see cref="Classify(string)"/> reads as a word of organisations'
    /// names ("intl", "trdg", "grp").</summary>
    /// <param name="token">A lower-case, diacritic-free token.</param>
    /// <returns>Whether it is such an abbreviation.</returns>
    internal static bool IsAbbreviation(string token) => Abbreviations.ContainsKey(token) || CompanyAbbreviations.ContainsKey(token);

    // Abbreviations that are also names or words of their own ("Dev" is a given name, "Petro" and "Eng" names, "Gen" both, "log"
    // and "coop" words), read as the word of organisations' names only in an organisation's name, one with a legal form or a
    // word only organisations' names hold (NameNormalizer, MarksAnOrganisation): "XYZ DEV CO" is "xyz development co", "EXPORT
    // DEV BANK" "export development bank", and "Dev Anand" stays as written.
    private static readonly FrozenDictionary<string, string> CompanyAbbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["coop"] = "cooperative",
        ["dev"] = "development",
        ["eng"] = "engineering",
        ["ent"] = "enterprise",
        ["gen"] = "general",
        ["lab"] = "laboratory",
        ["log"] = "logistics",
        ["mach"] = "machinery",
        ["petro"] = "petroleum",
        ["sys"] = "systems",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the word of organisations' names an abbreviation that is also a name or a word of its own stands for in the
    /// name of a company ("dev": "development"), or <see langword="null"/>.</summary>
    /// <param name="token">A token's compare form.</param>
    /// <returns>The word, or <see langword="null"/>.</returns>
    internal static string? CompanyAbbreviation(string token) => CompanyAbbreviations.GetValueOrDefault(token);

    // Words that make a name an organisation's, besides its legal forms and the generic words of organisations' names: the kinds of
    // institution, body and works that sanctions lists name ("EXPORT DEV BANK", "MINISTRY OF PETRO", "STATE ENT FOR SALTS").
    private static readonly FrozenSet<string> OrganisationNouns = new[]
    {
        "academy", "administration", "agency", "airline", "airlines", "army", "association", "authority", "bank", "bureau", "center",
        "centre", "charitable", "charity", "college", "committee", "concern", "construction", "contracting", "contractors",
        "cooperative", "council", "department", "directorate", "establishment", "factories", "factory", "federation", "forces",
        "foundation", "fund", "hospital", "humanitarian", "institute", "institution", "laboratories", "laboratory", "ministry",
        "office", "organisation", "organization", "plant", "refinery", "relief", "research", "school", "shipping", "society", "state",
        "union", "university", "welfare", "works",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Generic words that are as common outside organisations' names as in them: they do not make a name an organisation's.
    private static readonly FrozenSet<string> CommonGenericWords = new[]
    {
        "the", "and", "of", "de", "la", "du", "des", "del", "y", "et", "und", "new", "official", "smart", "intelligent", "digital",
        "global",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets whether a token makes a name an organisation's: a legal form, a generic word of organisations' names other than a
    /// function word ("group", "trading", "for"), or a kind of institution or body ("bank", "ministry", "department"). A name with
    /// one reads the abbreviations that are also names or words of their own (<see cref="CompanyAbbreviation"/>).</summary>
    /// <param name="token">A token as <see cref="Classify(string)"/> returned it.</param>
    /// <returns>Whether it is such a token.</returns>
    internal static bool MarksAnOrganisation(NameToken token) => token.Class switch
    {
        TokenClass.LegalForm => true,
        TokenClass.Generic => !CommonGenericWords.Contains(token.Text),
        TokenClass.Word => OrganisationNouns.Contains(token.Text),
        _ => false,
    };

    // The words the abbreviations are read as.
    private static readonly FrozenSet<string> AbbreviatedWords = Abbreviations.Values.Concat(CompanyAbbreviations.Values).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets whether a token is a word that <see cref="Classify(string)"/> reads some abbreviation as ("international" for
    /// "intl").</summary>
    /// <param name="token">A token's compare form.</param>
    /// <returns>Whether some abbreviation is read as it.</returns>
    internal static bool IsAbbreviated(string token) => AbbreviatedWords.Contains(token);

    private static readonly FrozenSet<string> TitleWords = new[]
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "madam", "madame", "mme", "monsieur", "herr", "frau", "senor", "senora",
        "president", "presidente", "prasident", "praesident", "sheikh", "shaikh", "sheik", "honorable", "honourable",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LocationWords = new[]
    {
        "china", "chinese", "prc", "hong", "kong", "hk", "usa", "us", "america", "american", "americas", "canada", "europe", "european",
        "uk", "germany", "japan", "korea", "asia", "pacific", "beijing", "shanghai", "shenzhen", "hangzhou", "zhejiang", "guangzhou",
        "guangdong", "jiangsu", "chongqing", "chengdu", "wuhan", "xiamen", "hefei", "nanjing", "tianjin", "xinjiang", "sichuan", "fujian",
        "shandong", "suzhou", "dongguan", "ningbo", "xian", "nanchang", "anhui", "hubei", "hunan", "henan", "hebei", "liaoning",
        "russia", "russian", "iran", "moscow", "dubai", "singapore", "taiwan", "north", "south", "east", "west",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words the base tables above classify as ordinary words but that qualify a name rather than make it: "federal" (as
    // "national" does: "Security Federal Corp") and seas and oceans ("Atlantic American Corp"). "Bank" stays a word: "Deutsche
    // Bank (Schweiz) AG" is Deutsche Bank. Kept apart
    // so that scorers released before them (token-align-v3) classify as they did; token-align-v4 reads them through
    // WiderClass.
    private static TokenClass? WiderClassOf(string word) => word switch
    {
        "federal" => TokenClass.Generic,
        "atlantic" or "arctic" or "baltic" or "caspian" or "caribbean" or "mediterranean" => TokenClass.Location,
        _ => null,
    };

    /// <summary>Gets a token as the wider word tables classify it: "federal" is a generic organisation word and seas ("Atlantic",
    /// "Baltic") are places; any other token is returned as it is.</summary>
    /// <param name="token">A token as <see cref="Classify(string)"/> returned it.</param>
    /// <returns>The token, reclassified when the wider tables name it.</returns>
    internal static NameToken WiderClass(NameToken token) =>
        token.Class == TokenClass.Word && WiderClassOf(token.Text) is { } wider ? new NameToken(token.Text, wider) : token;

    private static readonly FrozenSet<string> QualifierWords = new[]
    {
        "international", "group", "holding", "holdings", "technology", "technologies", "global", "worldwide",
        "enterprise", "enterprises", "industries", "industry", "operations", "the",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets whether a token only qualifies a company name ("International", "Group", a place, a legal form), so that
    /// "Norsat International Inc." still names Norsat.</summary>
    /// <param name="token">The token.</param>
    /// <param name="digital">Whether "Digital" qualifies too, as the engine reads a name with words added (whatever the algorithm,
    /// whose own reading stays as recorded): "Hikvision Digital Technology Company" names Hikvision.</param>
    /// <returns><see langword="true"/> for legal forms, places and corporate qualifier words.</returns>
    public static bool IsQualifier(NameToken token, bool digital = false) =>
        token.Class is TokenClass.LegalForm or TokenClass.Location or TokenClass.Title
        || (token.Class == TokenClass.Generic && (QualifierWords.Contains(token.Text) || (digital && string.Equals(token.Text, "digital", StringComparison.Ordinal))));

    /// <summary>Gets whether every token of a query that a name lacks only qualifies it (<see cref="IsQualifier"/>): "Norsat
    /// International Inc." adds only qualifiers to "Norsat".</summary>
    /// <param name="query">The query's tokens.</param>
    /// <param name="name">The name's tokens.</param>
    /// <param name="digital">Whether "Digital" qualifies too (<see cref="IsQualifier"/>).</param>
    /// <returns>Whether the query's other tokens only qualify the name.</returns>
    public static bool OnlyQualifiersAdded(List<NameToken> query, List<NameToken> name, bool digital = false)
    {
        foreach (var token in query)
        {
            if (!IsQualifier(token, digital) && !HasText(name, token.Text))
            {
                return false;
            }
        }

        return true;

        static bool HasText(List<NameToken> tokens, string text)
        {
            foreach (var t in tokens)
            {
                if (string.Equals(t.Text, text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // Multi-word legal forms, lower-case and diacritic-free, with the single token they are compared as.
    private static readonly (string[] Words, string Compare)[] Phrases =
    [
        (["limited", "liability", "company"], "llc"),
        (["limited", "liability", "partnership"], "llp"),
        (["public", "limited", "company"], "plc"),
        (["public", "joint", "stock", "company"], "jsc"),
        (["open", "joint", "stock", "company"], "jsc"),
        (["closed", "joint", "stock", "company"], "jsc"),
        (["joint", "stock", "company"], "jsc"),
        (["gesellschaft", "mit", "beschrankter", "haftung"], "gmbh"),
        (["societatea", "cu", "raspundere", "limitata"], "srl"),
        (["societa", "a", "responsabilita", "limitata"], "srl"),
        (["sociedad", "de", "responsabilidad", "limitada"], "srl"),
        (["sociedad", "anonima"], "sa"),
        (["societe", "anonyme"], "sa"),
        (["societe", "a", "responsabilite", "limitee"], "sarl"),
        (["obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"], "llc"),
        (["obshchestvo", "s", "ogranichennoi", "otvetstvennostiu"], "llc"),
        (["общество", "с", "ограниченной", "ответственностью"], "llc"),
        (["публичное", "акционерное", "общество"], "jsc"),
        (["открытое", "акционерное", "общество"], "jsc"),
        (["закрытое", "акционерное", "общество"], "jsc"),
        (["акционерное", "общество"], "jsc"),
        (["aktsionernoe", "obshchestvo"], "jsc"),
        (["sp", "z", "o", "o"], "llc"),
        (["sp", "zoo"], "llc"),
        (["kabushiki", "kaisha"], "corp"),
        (["kabushiki", "gaisha"], "corp"),
        (["godo", "kaisha"], "llc"),
        (["yugen", "kaisha"], "ltd"),
        (["gufen", "youxian", "gongsi"], "ltd"), // 股份有限公司, a company limited by shares
        (["youxian", "zeren", "gongsi"], "llc"), // 有限责任公司, a limited liability company
        (["youxian", "gongsi"], "ltd"), // 有限公司, a limited company
    ];

    // The legal forms as written out, a word or the words of a phrase joined by single spaces, each once.
    private static readonly string[] WrittenForms = WrittenLegalForms();

    private static string[] WrittenLegalForms()
    {
        var written = new List<string>();
        foreach (var word in LegalFormMap.Keys)
        {
            written.Add(word);
        }

        foreach (var (words, _) in Phrases)
        {
            written.Add(string.Join(' ', words));
        }

        return [.. written.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets whether words may be a legal form written out and cut short: they start a legal form's word or phrase
    /// ("comp" of "company", "sociedad de responsabilidad l" of "sociedad de responsabilidad limitada", "open joint stock" of
    /// "open joint stock company"), or are one.</summary>
    /// <param name="words">Lower-case, diacritic-free words, joined by single spaces.</param>
    /// <returns><see langword="true"/> when some legal form starts with them.</returns>
    internal static bool MayBeCutLegalForm(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length == 0)
        {
            return false;
        }

        foreach (var form in WrittenForms)
        {
            if (form.StartsWith(words, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rewrites multi-word legal forms in a word list to their single compare token, in place
    /// ("limited liability company" → "llc", "общество с ограниченной ответственностью" → "llc"); "company" may be written "co"
    /// ("open joint stock co" → "jsc").</summary>
    /// <param name="words">Lower-case, diacritic-free words.</param>
    public static void RewritePhrases(List<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var (phrase, compare) in Phrases)
            {
                if (i + phrase.Length > words.Count)
                {
                    continue;
                }

                var matches = true;
                for (var k = 0; k < phrase.Length && matches; k++)
                {
                    matches = string.Equals(words[i + k], phrase[k], StringComparison.Ordinal)
                        || (phrase[k] == "company" && words[i + k] == "co");
                }

                if (matches)
                {
                    words.RemoveRange(i, phrase.Length);
                    words.Insert(i, compare);
                    break;
                }
            }
        }
    }

    private static readonly (string Spelling, string Form)[] JoinedSpellings = [("sadecv", "sa"), ("sderldecv", "srl")];

    // The spellings of each compare form that a misspelling can be recognised from: single words of two letters or more, and the
    // multi-word phrases written with spaces ("joint stock company"); with the form's number and the text lengths that may misspell it.
    private static readonly FrozenDictionary<string, FormSpellings> SpellingsByForm = MisspeltFormSpellings();

    private static FrozenDictionary<string, FormSpellings> MisspeltFormSpellings()
    {
        // The spellings of each form in the order met, each once; the forms in the order first met.
        var forms = new List<string>();
        var spellingsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string spelling, string form)
        {
            if (!spellingsOf.TryGetValue(form, out var spellings))
            {
                spellingsOf[form] = spellings = [];
                forms.Add(form);
            }

            if (!spellings.Contains(spelling))
            {
                spellings.Add(spelling);
            }
        }

        foreach (var (word, form) in LegalFormMap)
        {
            if (word.Length >= 2 && NameNormalizer.IsAsciiLetters(word) && !NotReadMisspelt.Contains(word))
            {
                Add(word, form);
            }
        }

        foreach (var (words, form) in Phrases)
        {
            if (Array.TrueForAll(words, static w => NameNormalizer.IsAsciiLetters(w)))
            {
                Add(string.Join(' ', words), form);
            }
        }

        // The same phrases as they read once a word of them is itself a legal form ("joint stock company" as "joint stock co").
        foreach (var (words, form) in Phrases)
        {
            if (Array.TrueForAll(words, static w => NameNormalizer.IsAsciiLetters(w)) && Array.Exists(words, LegalFormMap.ContainsKey))
            {
                Add(string.Join(' ', Array.ConvertAll(words, w => LegalFormMap.GetValueOrDefault(w, w))), form);
            }
        }

        // Forms written as dotted letters that a misspelling may join ("S.A. D C.V." for S.A. de C.V., a kind of S.A.).
        foreach (var (spelling, form) in JoinedSpellings)
        {
            Add(spelling, form);
        }

        var table = new Dictionary<string, FormSpellings>(StringComparer.Ordinal);
        for (var number = 0; number < forms.Count; number++)
        {
            var spellings = spellingsOf[forms[number]].ConvertAll(Spelling.Of).ToArray();
            var lengths = 0UL;
            for (var length = 2; length < 64; length++)
            {
                lengths |= MayBeMisspeltAt(length, spellings) ? 1UL << length : 0;
            }

            table[forms[number]] = new FormSpellings(spellings, number < 64 ? number : -1, lengths);
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // A spelling of a legal form with the set of its characters (EditBounds.CharacterSet): a text whose characters and length
    // already need more edits than allowed (EditBounds.MinEdits, a lower bound of the distance) is not within them, so the
    // edit distance is computed only for texts that pass that test.
    private readonly record struct Spelling(string Text, ulong Characters)
    {
        public static Spelling Of(string text) => new(text, EditBounds.CharacterSet(text));
    }

    // The spellings of a compare form a misspelling is read for, its number (under 64 for the first 64 forms, else -1) and the text
    // lengths under 64 that may misspell it (bit n for length n), as MayBeMisspelling reads them.
    private sealed record FormSpellings(Spelling[] Spellings, int Number, ulong Lengths);

    /// <summary>Gets a number under 64 that stands for a legal form a misspelling is read for, so that what is known of a name for
    /// each form can be kept in a mask of 64 bits.</summary>
    /// <param name="compareForm">The compare form.</param>
    /// <returns>The number; -1 for a form no misspelling is read for, or past the 64th.</returns>
    internal static int MisspellingFormNumber(string compareForm) => SpellingsByForm.TryGetValue(compareForm, out var form) ? form.Number : -1;

    /// <summary>Gets the spellings a misspelling of a legal form is read from (for tests).</summary>
    /// <param name="compareForm">The compare form.</param>
    /// <returns>The spellings; empty for a form no misspelling is read for.</returns>
    internal static IReadOnlyList<string> MisspellingSpellings(string compareForm) =>
        SpellingsByForm.TryGetValue(compareForm, out var form) ? Array.ConvertAll(form.Spellings, s => s.Text) : [];

    /// <summary>Gets the text lengths under 64 that may be a misspelling of a legal form (<see cref="MayBeMisspelling"/>), as a set
    /// (bit n for length n), so that a run of words can be tested against several forms by its length at once.</summary>
    /// <param name="compareForm">The compare form of the legal form.</param>
    /// <returns>The set; 0 for a form no misspelling is read for.</returns>
    internal static ulong MisspellingLengths(string compareForm) => SpellingsByForm.TryGetValue(compareForm, out var form) ? form.Lengths : 0;

    /// <summary>Gets whether a text of a given length may be a misspelling of a legal form (<see cref="IsMisspelling(string, string)"/>): a test of
    /// the length alone, so that a run of words is joined only when it may be one.</summary>
    /// <param name="textLength">The length of the text.</param>
    /// <param name="compareForm">The compare form of the legal form.</param>
    /// <returns><see langword="false"/> when no text of that length is a misspelling of the form.</returns>
    internal static bool MayBeMisspelling(int textLength, string compareForm)
    {
        return textLength >= 2 && SpellingsByForm.TryGetValue(compareForm, out var form) && MayBeMisspeltAt(textLength, form.Spellings);
    }

    private static bool MayBeMisspeltAt(int textLength, Spelling[] spellings)
    {
        foreach (var (spelling, _) in spellings)
        {
            if (spelling.Length == 2 ? textLength == 3 : Math.Abs(spelling.Length - textLength) <= (spelling.Length >= 8 ? 2 : 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets whether a word (or words joined by single spaces) is a misspelling of a legal form with the given compare form:
    /// one letter substituted, dropped or added ("limitd", "cmmpany", "ltz", "joint stock mompany"); two in a spelling of eight
    /// letters or more. A two-letter spelling only takes one added letter after its first ("sda" for "sa").</summary>
    /// <param name="text">The lower-case word or words.</param>
    /// <param name="compareForm">The compare form of the legal form, such as <c>ltd</c> or <c>co</c>.</param>
    /// <returns><see langword="true"/> when the text is within the edit allowance of a spelling of the form but is not the form itself.</returns>
    public static bool IsMisspelling(string text, string compareForm)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(compareForm);
        return IsMisspelling(text.AsSpan(), compareForm);
    }

    /// <summary>Gets whether a word (or words joined by single spaces) is a misspelling of a legal form, as
    /// <see cref="IsMisspelling(string, string)"/> does, for text held in a buffer.</summary>
    /// <param name="text">The lower-case word or words.</param>
    /// <param name="compareForm">The compare form of the legal form.</param>
    /// <returns><see langword="true"/> when the text is within the edit allowance of a spelling of the form but is not the form itself.</returns>
    internal static bool IsMisspelling(ReadOnlySpan<char> text, string compareForm)
    {
        if (text.Length < 2 || !SpellingsByForm.TryGetValue(compareForm, out var form))
        {
            return false;
        }

        var spellings = form.Spellings;

        // A text that is itself a written legal form is no misspelling: looked up only for a text close to a spelling.
        ulong? textCharacters = null;
        foreach (var spelling in spellings)
        {
            var written = spelling.Text;
            if (written.Length == 2)
            {
                if (text.Length == 3 && text[0] == written[0] && text[2] == written[1])
                {
                    return !IsLegalFormSpelling(text);
                }

                continue;
            }

            var allowed = written.Length >= 8 ? 2 : 1;
            if (Math.Abs(written.Length - text.Length) > allowed)
            {
                continue;
            }

            textCharacters ??= EditBounds.CharacterSet(text);
            if (EditBounds.MinEdits(spelling.Characters, written.Length, textCharacters.Value, text.Length) <= allowed && EditDistance(written, text) <= allowed)
            {
                return !IsLegalFormSpelling(text);
            }
        }

        return false;
    }

    /// <summary>Gets whether a text is itself one of the written legal forms (a key of the legal-form map).</summary>
    /// <param name="text">The lower-case text.</param>
    /// <returns><see langword="true"/> for a written legal form.</returns>
    internal static bool IsLegalFormSpelling(ReadOnlySpan<char> text)
    {
#if NET9_0_OR_GREATER
        return LegalFormMap.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text);
#else
        return LegalFormMap.ContainsKey(text.ToString());
#endif
    }

    /// <summary>Gets the Levenshtein distance of two texts (a letter substituted, dropped or added is one edit), in a buffer on the
    /// stack for texts of up to 255 characters.</summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    /// <returns>The distance.</returns>
    internal static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var size = b.Length + 1;
        Span<int> rows = size <= 256 ? stackalloc int[2 * size] : new int[2 * size];
        var previous = rows[..size];
        var current = rows[size..];
        for (var j = 0; j < size; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < size; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            var spare = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    /// <summary>Han legal-form suffixes, longest first, each rewritten to the compare form <c>co ltd</c>.</summary>
    internal static readonly string[] HanLegalSuffixes =
    [
        "股份有限公司", "有限责任公司", "有限責任公司", "集团有限公司", "集團有限公司", "有限公司", "集团", "集團", "公司",
    ];

    /// <summary>Classifies a lower-case, diacritic-free token; an abbreviation of a word of organisations' names ("intl", "trdg",
    /// "grp", "mfg") is read as the word.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The class and the compare form.</returns>
    public static NameToken Classify(string token) => Classify(token, readAbbreviations: true);

    /// <summary>Classifies a lower-case, diacritic-free token, reading an abbreviation of a word of organisations' names as the
    /// word or keeping it as written.</summary>
    /// <param name="token">The token.</param>
    /// <param name="readAbbreviations">Whether an abbreviation ("intl") is read as the word ("international").</param>
    /// <returns>The class and the compare form.</returns>
    internal static NameToken Classify(string token, bool readAbbreviations)
    {
        ArgumentNullException.ThrowIfNull(token);

        // An abbreviation of a word of organisations' names is classified as the word ("intl" is "international").
        if (readAbbreviations)
        {
            token = Abbreviations.GetValueOrDefault(token, token);
        }

        if (LegalFormMap.TryGetValue(token, out var compare))
        {
            return new NameToken(compare, TokenClass.LegalForm);
        }

        if (token.Length > 0 && NameNormalizer.IsAsciiDigits(token))
        {
            return new NameToken(token, TokenClass.Number);
        }

        // A long legal-form word misspelt ("Aktiengeselschaft", "Coporation") is still a legal form.
        if (token.Length >= MisspeltLegalFormMinLength)
        {
            foreach (var (word, form) in LongLegalForms)
            {
                if (Math.Abs(word.Length - token.Length) <= 2 && word[0] == token[0] && EditDistance(word, token) <= 2)
                {
                    return new NameToken(form, TokenClass.LegalForm);
                }
            }
        }

        if (TitleWords.Contains(token))
        {
            return new NameToken(token, TokenClass.Title);
        }

        if (GenericWords.Contains(token))
        {
            return new NameToken(token, TokenClass.Generic);
        }

        return LocationWords.Contains(token) ? new NameToken(token, TokenClass.Location) : new NameToken(token, TokenClass.Word);
    }
}

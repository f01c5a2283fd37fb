using FluentAssertions;
using VendorScreen.Normalization;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A name exactly as a list writes it finds the entity listed under it. On every real list, screened together: a name is looked
/// up among the names holding its words and their near spellings, and a listed name must be among the candidates however many
/// other names its words and near spellings fill ("ANSARU", whose near spellings "ansar" and "ansaral" both appear in
/// "ANSAR AL-DINE" and dozens of other names, was once screened Clear; so was "Hassan", a one-word alias, among hundreds of
/// names holding "hassan").
/// </summary>
public sealed class ListedNameRecallTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameOfTheRealLists_FindsItsEntity()
    {
        var (lists, engine) = await RealLists.Value;

        // Each distinct name once per entity, of every kind (primary, strong and weak aliases, former names, names in their own
        // script), of the entities with a listing in force (an ended one, such as a denial order that expired, is not screened).
        // The EU extract writes the letters of some names in other scripts as "?", which no query can match: those are left out
        // and counted.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var inForce = lists.SelectMany(list => list.Entities).Where(e => e.Listings.Any(l => l.AppliesAt(today))).ToList();
        var names = inForce
            .SelectMany(e => e.Names
                .Select(n => n.Value)
                .Append(e.PrimaryName)
                .Distinct(StringComparer.Ordinal)
                .Select(name => (Name: name, e.Id)))
            .ToList();
        var lostLetters = names.Count(n => n.Name.Contains('?', StringComparison.Ordinal));
        var named = names.Where(n => !n.Name.Contains('?', StringComparison.Ordinal)).ToList();

        output.WriteLine($"{inForce.Count} entities with a listing in force; {lostLetters} names with lost letters left out");
        var missed = await MissedAndReported(engine, named, "names screened");

        named.Count.Should().BeGreaterThan(33_000);
        lostLetters.Should().BeLessThan(named.Count / 100, "only some names of the EU extract lost their letters");
        missed.Should().BeEmpty("a name as a list writes it finds the entity listed under it");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryPersonListedSurnameFirst_InNaturalOrder_FindsItsEntity()
    {
        // Lists write a person's surname first ("'ABDALLAH, Muhammad", "BIN LADEN, Usama", "AUF, Awad Ibn"); a purchasing system
        // holds the name as it is spoken ("Muhammad 'Abdallah", "Usama bin Laden", "Awad Ibn Auf"). Each primary name and strong
        // alias in force with one comma, written in that order, finds its entity. "Muhammad 'ABDALLAH" was once screened Clear
        // (hundreds of names hold both words, and the tie left the listed one out of the candidates), and "Usama bin Laden" did
        // not find the person (a connector that starts or ends a name written surname first was read as son and father swapped).
        var (lists, engine) = await RealLists.Value;
        var named = PersonsListedSurnameFirst(lists).Select(n => (Name: SpokenOrder(n.Name), n.Id)).Where(n => n.Name.Length > 0).ToList();

        var missed = await MissedAndReported(engine, named, "names of persons written surname first, screened in natural order");

        named.Count.Should().BeGreaterThan(10_000);
        missed.Should().BeEmpty("a person's name in its natural order finds the entity a list writes surname first");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryPersonListedSurnameFirst_WithATitle_IsNeverClear()
    {
        // "Mr Muhammad 'Abdallah" was screened Clear: the title made its words other than those of "'ABDALLAH, Muhammad", which
        // ties with hundreds of names holding both words. Each primary name and strong alias in force of a person written with
        // one comma, as "Mr Given SURNAME", finds its entity or another record (of the same person, on another list).
        var (lists, engine) = await RealLists.Value;
        var named = PersonsListedSurnameFirst(lists).Select(n => (Name: "Mr " + SpokenOrder(n.Name), n.Id)).ToList();

        var missed = await MissedAndReported(engine, named, "names of persons written surname first, screened as \"Mr Given SURNAME\"");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(10_000);
        clear.Should().BeEmpty("a title before a listed person's name never clears it");
        missed.Count.Should().BeLessThan(named.Count / 1000, "nearly every name with a title finds its own record");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameWithAnAmpersand_WrittenWithoutIt_FindsItsEntity()
    {
        // A purchasing system that keeps letters, digits and spaces only writes "H & H METALFORM GMBH" as "H H METALFORM GMBH"
        // and "J & E S. DE R.L. DE C.V." as "J E S. DE R.L. DE C.V.". Initials around the ampersand were read as two words with
        // "and" between them, and six such names were screened Clear; the ampersand between initials now joins them, as a
        // space does.
        var (lists, engine) = await RealLists.Value;
        var named = StrongNamesInForce(lists, _ => true, name => name.Contains('&', StringComparison.Ordinal))
            .Select(n => (Name: WithoutAmpersands(n.Name), n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names with an ampersand, written without it");

        named.Count.Should().BeGreaterThan(150);
        missed.Should().BeEmpty("a name with its ampersand dropped finds the entity listed under it");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameWithAnAmpersandBetweenWords_WrittenRunTogether_FindsItsEntity()
    {
        // A system that drops the ampersand without a space writes "PERSIA OIL & GAS INDUSTRY DEVELOPMENT CO." as "PERSIA OILGAS
        // INDUSTRY DEVELOPMENT CO." and "MACHINERY IMP&EXP. CO." as "MACHINERY IMPEXP. CO.". A run of words with an "and" inside
        // it is now also read without it; before, 16 of the 171 names with an ampersand, written so, were Clear. Left out: a
        // name with a legal form beside the ampersand ("RESORT & SPA", "SAABF & COMPANIA"), whose legal form a run of words
        // never takes in (7 names, Clear).
        var (lists, engine) = await RealLists.Value;
        var named = StrongNamesInForce(lists, _ => true, name => name.Contains('&', StringComparison.Ordinal) && !LegalFormBesideAnAmpersand(name))
            .Select(n => (Name: AmpersandsRunTogether(n.Name), n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names with an ampersand between words, written with the words run together");

        named.Count.Should().BeGreaterThan(150);
        missed.Should().BeEmpty("a name with its ampersand dropped and the words beside it run together finds the entity listed under it");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameWrittenWithTheAbbreviationOfAWord_IsNeverClear()
    {
        // Vendor masters and invoices write "TRDG" for "TRADING", "INTL" for "INTERNATIONAL", "GRP" for "GROUP". Each primary
        // name and strong alias in force holding one of these words, written with its abbreviation, finds its entity or another
        // record of it, and is never Clear; before abbreviations were read as their words, about 2,300 of some 3,300 were Clear
        // ("TRADING" as "TRDG": 358 of 419), and before "IND", "ELEC" and "DISTR" were, 321 of the 467 written with them; before
        // "ADMIN", "CONSTR", "CMTE", "INVTS" and "ASSOC" were, 251 of the 293; when "SOC" was read in an organisation's name
        // only, 45 of the 97 written with it.
        (string Word, string Abbreviation)[] abbreviations =
        [
            ("INTERNATIONAL", "INTL"), ("TRADING", "TRDG"), ("GROUP", "GRP"), ("MANUFACTURING", "MFG"), ("HOLDINGS", "HLDGS"),
            ("NATIONAL", "NATL"), ("SHIPPING", "SHPG"), ("SERVICES", "SVCS"), ("MANAGEMENT", "MGMT"), ("ASSOCIATION", "ASSN"),
            ("ENGINEERING", "ENGG"), ("INDUSTRIES", "INDS"), ("DEPARTMENT", "DEPT"), ("ORGANIZATION", "ORG"), ("FOUNDATION", "FDN"),
            ("TECHNOLOGY", "TECH"), ("CENTER", "CTR"), ("INSTITUTE", "INST"), ("UNIVERSITY", "UNIV"), ("COMMERCIAL", "COMML"),
            ("INDUSTRY", "IND"), ("INDUSTRIES", "IND"), ("INDUSTRIAL", "IND"), ("ELECTRONICS", "ELEC"), ("DISTRIBUTION", "DISTR"),
            ("ADMINISTRATION", "ADMIN"), ("CONSTRUCTION", "CONSTR"), ("COMMITTEE", "CMTE"), ("INVESTMENTS", "INVTS"), ("ASSOCIATION", "ASSOC"),
            ("SOCIETY", "SOC"),
        ];
        var (lists, engine) = await RealLists.Value;
        var named = abbreviations
            .SelectMany(a => StrongNamesInForce(lists, e => e.Kind != EntityKind.Person, name => HasWord(name, a.Word))
                .Select(n => (Name: WithWordAs(n.Name, a.Word, a.Abbreviation), n.Id)))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names of organisations written with the abbreviation of a word");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(2_500);
        clear.Should().BeEmpty("a name written with the abbreviation of a word is the name written out");
        missed.Count.Should().BeLessThan(named.Count / 100, "nearly every such name finds its own record");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryOrganisationsNameWrittenWithAnAbbreviationThatIsAlsoAName_IsNeverClear()
    {
        // "DEV", "GEN", "ENT", "LAB", "MACH", "PETRO" and "SYS" are also names or words of their own ("Dev Anand"): they are read as
        // the words only in an organisation's name, one whose other words hold a legal form, a generic word of organisations' names
        // or a kind of institution ("EXPORT DEV BANK", "MINISTRY OF PETRO", "STATE ENT FOR SALTS"). Each primary name and strong
        // alias in force of such a name, written with the abbreviation, finds its entity and is never Clear; when only a legal
        // form counted, 117 of these 526 were Clear.
        (string Word, string Abbreviation)[] abbreviations =
        [
            ("DEVELOPMENT", "DEV"), ("GENERAL", "GEN"), ("ENTERPRISE", "ENT"), ("LABORATORY", "LAB"), ("MACHINERY", "MACH"),
            ("PETROLEUM", "PETRO"), ("SYSTEMS", "SYS"),
        ];
        var (lists, engine) = await RealLists.Value;
        var named = abbreviations
            .SelectMany(a => StrongNamesInForce(lists, e => e.Kind != EntityKind.Person,
                    name => HasWord(name, a.Word) && NameNormalizer.Normalize(WithWordAs(name, a.Word, "")).Any(v => v.Tokens.Any(LegalForms.MarksAnOrganisation)))
                .Select(n => (Name: WithWordAs(n.Name, a.Word, a.Abbreviation), n.Id)))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names of organisations written with an abbreviation that is also a name");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(400);
        clear.Should().BeEmpty("in an organisation's name the abbreviation is read as the word");
        missed.Count.Should().BeLessThan(named.Count / 100, "nearly every such name finds its own record");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryOrganisationsNameWithTheWordsVendorMastersAdd_IsNeverClear()
    {
        // Vendor masters keep a supplier's name with other words around it: "(OLD)", "- DO NOT USE", "C/O ...". Each primary
        // name and strong alias in force of an organisation, in Latin letters, of two words or more besides its legal forms, one
        // of them a distinctive word of four letters or more, written so, finds its entity and is never Clear: a whole listed
        // name inside a party's name is reviewed against any list. Before, 16,089 of these 31,536 were Clear. ("(OLD)" and "- DO
        // NOT USE" are read as status markers since, and such a name is matched as the name itself.)
        string[] forms = ["{0} (OLD)", "{0} - DO NOT USE", "{0} C/O ACCOUNTS PAYABLE"];
        var (lists, engine) = await RealLists.Value;
        var named = StrongNamesInForce(lists, e => e.Kind == EntityKind.Organization, name => NameNormalizer.Normalize(name) is [{ IsTransliteration: false } read, ..]
                && read.Tokens.Count(t => t.Class != TokenClass.LegalForm) >= 2 && read.Tokens.Select(LegalForms.WiderClass).Any(t => t.Class == TokenClass.Word && t.Text.Length >= 4))
            .SelectMany(n => forms.Select(f => (Name: string.Format(System.Globalization.CultureInfo.InvariantCulture, f, n.Name), n.Id)))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names of organisations with the words vendor masters add");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(10_000);
        clear.Should().BeEmpty("a whole listed name inside a party's name is reviewed");
        missed.Count.Should().BeLessThan(named.Count / 100, "nearly every such name finds its own record");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryOrganisationsNameWrittenWithoutALegalFormOfEuropeOrTheGulf_IsNeverClear()
    {
        // Lists write a company's legal form after its name, and a vendor master often leaves it out. Each primary name and strong
        // alias in force of an organisation ending in one of the forms read since 2026-12 ("SASU", "EOOD", "EAD", "SPRL", "BVBA",
        // "P.J.S.", ...), with every legal form at its end left out, finds its entity or is reviewed, when a distinctive word of
        // four letters or more is left. When these forms were read as words, 4 of these 122 names were Clear ("KITOKOFOOD" for
        // "KITOKOFOOD, SPRL", "VENTORA DEVELOPMENT" for "VENTORA DEVELOPMENT SASU").
        string[] forms =
        [
            "sasu", "eurl", "sprl", "bvba", "srls", "snc", "scs", "asbl", "ood", "eood", "ead", "dooel", "shpk", "kft", "sro", "uab", "pvt",
            "pcl", "sapi", "saog", "saoc", "pjs", "qsc", "qpsc", "kscc",
        ];
        var (lists, engine) = await RealLists.Value;
        var named = StrongNamesInForce(lists, e => e.Kind != EntityKind.Person, _ => true)
            .Select(n => (n.Name, n.Id, Bare: WithoutTrailingLegalForms(n.Name, out var left), Left: left))
            .Where(n => n.Left.Any(w => forms.Contains(w)) && NameNormalizer.Normalize(n.Bare) is [{ } read, ..]
                && read.Tokens.Select(LegalForms.WiderClass).Any(t => t.Class == TokenClass.Word && t.Text.Length >= 4))
            .Select(n => (Name: n.Bare, n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names of organisations written without their legal forms");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(100);
        clear.Should().BeEmpty("a company's name without its legal form is the company's name");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameWithTheStatusMarkersOfAVendorMaster_FindsItsEntity()
    {
        // A vendor master marks a retired or merged supplier in its name field: "(OLD)", "- DO NOT USE". The marker is no word of
        // the name, so that each primary name and strong alias in force, of a person or an organisation, written with one, finds
        // its entity as the name alone does. Before markers were read, persons' names so written were Clear ("ADEL BATTERJEE
        // (OLD)"), and organisations' names were reviewed as mentions, not matched.
        string[] forms = ["{0} (OLD)", "{0} - DO NOT USE"];
        var (lists, engine) = await RealLists.Value;
        var named = (await FoundAlone(engine, StrongNamesInForce(lists, _ => true, _ => true)))
            .SelectMany(n => forms.Select(f => (Name: string.Format(System.Globalization.CultureInfo.InvariantCulture, f, n.Name), n.Id)))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names with the status markers of a vendor master");

        named.Count.Should().BeGreaterThan(40_000);
        missed.Should().BeEmpty("a name with a status marker is the name");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameJoinedWithAnotherByAVendorMastersWords_FindsItsEntity()
    {
        // A vendor master joins a party's names, or a party and its addressee, in one field: "JOHN SMITH DBA SMITH PLUMBING",
        // "ACME C/O JOHN SMITH". Each primary name and strong alias in force, of a person or an organisation, that finds its entity
        // alone, in Latin letters, written before "DBA" or after "C/O" (in turns), finds it as the name alone does. Before the
        // names were read apart, a person's name so written was Clear (a listed person's whole name inside a longer name is not a
        // mention). A name with letters of another script is not read apart ("Jin Tiesan (金铁三) DBA ...").
        var (lists, engine) = await RealLists.Value;
        var named = (await FoundAlone(engine, StrongNamesInForce(lists, _ => true, name => name.All(c => !char.IsLetter(c) || c <= '\u024F'))))
            .Select((n, i) => (Name: i % 2 == 0 ? $"{n.Name} DBA NORTHWIND SUPPLY" : $"NORTHWIND SUPPLY C/O {n.Name}", n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names joined with another by a vendor master's words");

        named.Count.Should().BeGreaterThan(20_000);
        missed.Should().BeEmpty("each name a vendor master joins is screened in full");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameWrittenRunTogetherInBothCases_FindsItsEntity()
    {
        // A marketplace's seller names run a name's words together, each word capitalised: "DahuaTechnologyCoLtd". Each primary
        // name and strong alias in force that finds its entity alone, in ASCII letters without digits, with two words of three
        // letters or more, so written ("KALA LIMITED" as "KalaLimited", "SA'ID, Mohamed" as "Sa'id,Mohamed") finds it as the name
        // alone does, but one: "Stroytransgaz-mLlc" is blocked against "STROYTRANSGAZ LLC", one lower-case letter before a change
        // of case being read as the start of a name ("iBio"). Before such words were read apart, 3,544 of these 27,636 names
        // were Clear ("HavinBankLimited").
        var (lists, engine) = await RealLists.Value;
        var named = (await FoundAlone(engine, StrongNamesInForce(lists, _ => true, name => name.All(c => c < 128 && !char.IsDigit(c))
                && name.Split(' ', ',', '.').Count(w => w.Length >= 3) >= 2)))
            .Select(n => (Name: string.Concat(n.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant())), n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names written run together in both cases");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(20_000);
        clear.Should().BeEmpty("a name with its words run together is the name");
        missed.Count.Should().BeLessThan(named.Count / 1000, "nearly every name with its words run together finds its entity");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryOrganisationsNameWithItsLegalFormRunOn_IsNeverClear()
    {
        // A vendor master that drops spaces runs a legal form onto the word before it: "KALALIMITED", "HIKVISIONLTD". Each
        // primary name and strong alias in force of an organisation ending in a legal form that is read apart so, with the space
        // before it left out ("HAVIN BANKLIMITED"), finds its entity or is reviewed. Before such forms were read apart, 1,029 of
        // these 2,021 names were Clear.
        string[] forms = ["company", "corporation", "incorporated", "inc", "limited", "ltd", "ltda", "llc", "plc", "gmbh", "jsc", "ojsc", "cjsc", "pjsc"];
        var (lists, engine) = await RealLists.Value;
        var named = (await FoundAlone(engine, StrongNamesInForce(lists, e => e.Kind != EntityKind.Person, _ => true)))
            .Select(n => (n.Id, Words: n.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(n => n.Words.Length >= 2 && forms.Contains(n.Words[^1].Trim('.', ',').ToLowerInvariant())
                && n.Words[^2].TrimEnd(',').Length >= 3 && n.Words[^2].TrimEnd(',').All(char.IsLetter))
            .Select(n => (Name: string.Join(' ', n.Words[..^2].Append(n.Words[^2].TrimEnd(',') + n.Words[^1])), n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names of organisations with their legal form run on");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(1_500);
        clear.Should().BeEmpty("a legal form run onto a name is the name and its form");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryOrganisationsNameWithADottedOrRussianLegalFormRunOn_IsNeverClear()
    {
        // The legal forms the normaliser does not read apart from any word: written with dots ("TANS.A.", "YAMAKIK.K.") and the
        // Russian forms that end Chinese syllables too ("GENBANKAO"). Each primary name and strong alias in force of an
        // organisation ending in one of them, after a word of four letters or more, with the space before it left out, finds its
        // entity or is reviewed. Before such forms were read apart, 8 of these 341 names were Clear ("GENBANKAO",
        // "YAMAKIK.K.", "MIR BUSINESS BANKZAO").
        string[] forms = ["S.A.", "K.K.", "S.L.", "B.V.", "N.V.", "S.R.L.", "AO", "ZAO", "PAO"];
        var (lists, engine) = await RealLists.Value;
        var named = (await FoundAlone(engine, StrongNamesInForce(lists, e => e.Kind != EntityKind.Person, _ => true)))
            .Select(n => (n.Id, Words: n.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(n => n.Words.Length >= 2 && forms.Contains(n.Words[^1].TrimEnd(',').ToUpperInvariant())
                && n.Words[^2].TrimEnd(',').Length >= 4 && n.Words[^2].TrimEnd(',').All(char.IsLetter))
            .Select(n => (Name: string.Join(' ', n.Words[..^2].Append(n.Words[^2].TrimEnd(',') + n.Words[^1].TrimEnd(','))), n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names of organisations with a dotted or Russian legal form run on");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(100);
        clear.Should().BeEmpty("a legal form run onto a name is the name and its form");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryOneWordNameOfAnOrganisationRunOntoAStorefrontsWord_FindsWhatTheWordsApartFind()
    {
        // A storefront runs a brand onto a word of its own that no list writes after it: "EZVIZHOME", "DAHUATECH". Each primary
        // name and strong alias in force of an organisation that is one word of four letters or more, run onto one of such words
        // in turn ("CIMEXTECH"), finds its entity whenever the two words written apart ("CIMEX TECH") do. Before the index read
        // a word running a listed word and such a word together apart, 487 of the 603 names whose words apart find their entity
        // did not, 485 of them Clear.
        string[] after = ["home", "tech", "global", "usa", "digital", "smart", "store", "group"];
        var (lists, engine) = await RealLists.Value;
        var oneWordNames = StrongNamesInForce(lists, e => e.Kind != EntityKind.Person, name => name.Length >= 4 && name.All(char.IsAsciiLetter));
        var words = (await FoundAlone(engine, oneWordNames))
            .Select((n, i) => (n.Name, Word: after[i % after.Length].ToUpperInvariant(), n.Id))
            .ToList();
        var apart = await FoundAlone(engine, words.Select(n => ($"{n.Name} {n.Word}", n.Id)).ToList());
        var named = words.Where(n => apart.Contains(($"{n.Name} {n.Word}", n.Id))).Select(n => (n.Name + n.Word, n.Id)).ToList();

        var missed = await MissedAndReported(engine, named, "one-word names of organisations run onto a storefront's word, found written apart");

        named.Count.Should().BeGreaterThan(500);
        missed.Should().BeEmpty("a brand run onto a storefront's word is read as the two words");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryNameWithALetterWrittenInCyrillic_FindsWhatTheNameFinds()
    {
        // A listing writes a name with a Cyrillic letter that looks like a Latin one to pass a keyword filter ("НIKVISION", with a
        // Cyrillic En). Each primary name and strong alias in force, in Latin letters, that finds its entity, written with one
        // letter in Cyrillic (in its longest word that has one, the first letter that has a look-alike), finds it too. Before
        // such letters were read
        // as the Latin ones they look like, 822 of the 29,846 names did not, 789 of them Clear ("СECOEX, S.A.", "СOTEI").
        var lookAlike = new Dictionary<char, char>
        {
            ['A'] = 'А', ['B'] = 'В', ['C'] = 'С', ['E'] = 'Е', ['H'] = 'Н', ['I'] = 'І', ['K'] = 'К', ['M'] = 'М', ['O'] = 'О',
            ['P'] = 'Р', ['T'] = 'Т', ['X'] = 'Х', ['Y'] = 'У',
        };
        var (lists, engine) = await RealLists.Value;
        var latin = StrongNamesInForce(lists, _ => true, name => name.All(c => c < 128) && name.Any(c => lookAlike.ContainsKey(char.ToUpperInvariant(c))));
        var named = (await FoundAlone(engine, latin))
            .Select(n =>
            {
                var word = n.Name.Split(' ').Where(w => w.Length > 1 && w.Skip(1).Any(char.IsAsciiLetter) && w.Any(c => lookAlike.ContainsKey(char.ToUpperInvariant(c))))
                    .OrderByDescending(w => w.Length).FirstOrDefault();
                if (word is null)
                {
                    return (Name: (string?)null, n.Id);
                }

                var at = n.Name.IndexOf(word, StringComparison.Ordinal) + word.IndexOf(word.First(c => lookAlike.ContainsKey(char.ToUpperInvariant(c))));
                var cyrillic = lookAlike[char.ToUpperInvariant(n.Name[at])];
                return (Name: string.Concat(n.Name.AsSpan(0, at), char.IsLower(n.Name[at]) ? char.ToLowerInvariant(cyrillic).ToString() : cyrillic.ToString(), n.Name.AsSpan(at + 1)), n.Id);
            })
            .Where(n => n.Name is not null)
            .Select(n => (n.Name!, n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names with a letter written in Cyrillic");

        named.Count.Should().BeGreaterThan(10_000);
        missed.Should().BeEmpty("a Cyrillic letter that looks like a Latin one, inside a Latin word, is read as that letter");
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryLongNameOfAnOrganisationCutAt35Characters_FindsItsEntityOrIsReviewed()
    {
        // A purchasing system keeps a supplier's name in a field of a fixed length and cuts a longer one there (SAP's vendor name
        // holds 35 characters), often inside a word: "REVOLUTIONARY ARMED FORCES OF COLOM". Each primary name and strong alias in
        // force of an organisation longer than that, cut at 35 characters, finds its entity, or at least is not Clear (a cut
        // that keeps only "OBSHCHESTVO S OGRANICHENNOI OTVETST", the Russian for "limited liability company", starts hundreds
        // of names and is reviewed against one of them). Before names were read as cut, 966 of 2,710 did not find their entity,
        // and 885 were Clear; before the names of the words a cut word starts were looked up, 6 were Clear, each keeping no
        // whole word but legal forms ("LIMITED LIABILITY COMPANY STROYGAZM").
        var (lists, engine) = await RealLists.Value;
        var named = StrongNamesInForce(lists, e => e.Kind != EntityKind.Person, name => name.Length > 35)
            .Select(n => (Name: n.Name[..35], n.Id))
            .ToList();

        var missed = await MissedAndReported(engine, named, "names of organisations cut at 35 characters");
        var clear = missed.Where(m => m.Result.Decision == ScreeningDecision.Clear).ToList();

        named.Count.Should().BeGreaterThan(2_500);
        missed.Count.Should().BeLessThan(named.Count / 100, "nearly every name cut finds its entity");
        clear.Should().BeEmpty("a name cut at a field's length is reviewed at least");
    }

    // Every real list, each a source (the two samples of the CSL as two), in one engine: loaded once for the tests of the class.
    private static readonly Lazy<Task<(ListSnapshot[] Lists, ScreeningEngine Engine)>> RealLists = new(LoadRealListsAsync);

    private static async Task<(ListSnapshot[] Lists, ScreeningEngine Engine)> LoadRealListsAsync()
    {
        ListSnapshot[] lists =
        [
            await Load("ofac-csv", "ofac/2021-07_sdn_list"),
            await Load("un-xml", "un/2026-02-27_UN_consolidated.xml"),
            await Load("uk-conlist", "uk/2018-04-13_ofsi_ConList.csv"),
            await Load("eu-csv", "eu/2018-07-04_eu_fsf_csv_v1_extract.csv"),
            await Load("csl-csv", "csl/2025-06_consolidated_sample.csv"),
            await Load("csl-csv", "csl/2019-12_csl_sample_legacy_layout.csv"),
            await Load("bis-dpl", "csl/2022-09_bis_dpl.txt"),
        ];
        var builder = new ScreeningEngineBuilder();
        for (var i = 0; i < lists.Length; i++)
        {
            var source = lists.Take(i).Any(l => l.SourceName == lists[i].SourceName) ? lists[i] with { SourceName = lists[i].SourceName + "-" + i } : lists[i];
            builder.AddSource(new InMemorySanctionListSource(source));
        }

        var engine = builder.Build();
        await engine.RefreshAsync();
        return (lists, engine);
    }

    // The names, each screened in one batch, that do not find their entity, each with its result.
    private static async Task<List<(string Name, string Id, ScreeningResult Result)>> Missed(ScreeningEngine engine, List<(string Name, string Id)> named)
    {
        var results = (await engine.ScreenBatchAsync(named.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n.Name)).ToList())).Results;
        return named
            .Zip(results)
            .Where(p => !p.Second.Hits.Any(h => h.EntityId == p.First.Id))
            .Select(p => (p.First.Name, p.First.Id, p.Second))
            .ToList();
    }

    // The names that find their entity screened alone: those a test writes another way, to compare with the name alone.
    private static async Task<List<(string Name, string Id)>> FoundAlone(ScreeningEngine engine, List<(string Name, string Id)> names)
    {
        var missed = (await Missed(engine, names)).Select(m => (m.Name, m.Id)).ToHashSet();
        return names.Where(n => !missed.Contains(n)).ToList();
    }

    // The names that do not find their entity (Missed), each written to the test's output with its decision and first hit, after
    // a line that counts them, and those Clear, among the names of a kind.
    private async Task<List<(string Name, string Id, ScreeningResult Result)>> MissedAndReported(ScreeningEngine engine, List<(string Name, string Id)> named,
        string kind)
    {
        var missed = await Missed(engine, named);
        output.WriteLine($"{named.Count} {kind}; {missed.Count} without their entity, {missed.Count(m => m.Result.Decision == ScreeningDecision.Clear)} of them Clear");
        foreach (var (name, id, result) in missed)
        {
            output.WriteLine($"{name} [{id}]: {result.Decision}, {Hits(result)}");
        }

        return missed;
    }

    // The name without the legal forms it ends with, as a vendor master writes it ("BM SYSTEMS EAD" as "BM SYSTEMS"), and the
    // words left out, lower-case and without their dots.
    private static string WithoutTrailingLegalForms(string name, out List<string> left)
    {
        var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList();
        left = [];
        while (words.Count > 1)
        {
            var word = words[^1].Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
            if (!NameNormalizer.Normalize(word).Any(n => n.Tokens is [{ Class: TokenClass.LegalForm }]))
            {
                break;
            }

            left.Add(word);
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    // The name with each ampersand, and the spaces around it, read as one space: "H & H" as "H H", "I&S" as "I S".
    private static string WithoutAmpersands(string name)
    {
        var parts = name.Split('&');
        return string.Join(' ', parts.Select(p => p.Trim())).Trim();
    }

    // Whether a name holds a word, in any case, as a whole word.
    private static bool HasWord(string name, string word) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, $@"\b{word}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    // The name with each whole word of one kind written another way.
    private static string WithWordAs(string name, string word, string written) =>
        System.Text.RegularExpressions.Regex.Replace(name, $@"\b{word}\b", written, System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    // The name with each ampersand, and the spaces around it, left out: "OIL & GAS" as "OILGAS", "IMP&EXP." as "IMPEXP.".
    private static string AmpersandsRunTogether(string name) => string.Concat(name.Split('&').Select((p, i) => i == 0 ? p.TrimEnd() : p.Trim()));

    // Whether a word beside an ampersand of a name is a legal form ("RESORT & SPA", "AG & CARLON", "D'AGOSTINO & COMPANY").
    private static bool LegalFormBesideAnAmpersand(string name)
    {
        var parts = name.Split('&');
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            var before = parts[i].TrimEnd().Split(' ')[^1];
            var after = parts[i + 1].TrimStart().Split(' ')[0];
            if (new[] { before, after }.Any(word => NameNormalizer.Normalize(word).Any(n => n.Tokens.Any(t => t.Class == TokenClass.LegalForm))))
            {
                return true;
            }
        }

        return false;
    }

    // Each primary name and strong alias of a person with a listing in force, written with one comma ("SURNAME, Given names"),
    // with the person's id.
    private static List<(string Name, string Id)> PersonsListedSurnameFirst(ListSnapshot[] lists) =>
        StrongNamesInForce(lists, e => e.Kind == EntityKind.Person, name => name.Count(ch => ch == ',') == 1);

    // Each distinct primary name and strong alias of the entities with a listing in force that a test takes, that it takes,
    // with the entity's id; never a name whose letters the list lost ("?").
    private static List<(string Name, string Id)> StrongNamesInForce(ListSnapshot[] lists, Func<Entity, bool> entity, Func<string, bool> name)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return lists.SelectMany(list => list.Entities)
            .Where(e => entity(e) && e.Listings.Any(l => l.AppliesAt(today)))
            .SelectMany(e => e.Names
                .Where(n => n.Kind is NameKind.Primary or NameKind.Alias)
                .Select(n => n.Value)
                .Append(e.PrimaryName)
                .Distinct(StringComparer.Ordinal)
                .Where(n => name(n) && !n.Contains('?', StringComparison.Ordinal))
                .Select(n => (n, e.Id)))
            .ToList();
    }

    // "SURNAME, Given names" as spoken: "Given names SURNAME".
    private static string SpokenOrder(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        return $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}".Trim();
    }

    private static async Task<ListSnapshot> Load(string format, string path) => await SourceFormats.Get(format).Open(SharedData.DataPath(path)).LoadAsync();

    private static string Hits(ScreeningResult result) => result.Hits.Count == 0
        ? "no hit"
        : $"{result.Hits.Count} hits, the first {result.Hits[0].EntityId} as \"{result.Hits[0].MatchedName}\" ({result.Hits[0].Score})";
}

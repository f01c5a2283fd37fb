using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A purchasing system keeps a supplier's name in a field of a fixed length and cuts a longer name there, often inside a word
/// (SAP's vendor name holds 35 characters). Such a name is read as the start of a longer listed name and reviewed, never
/// blocked; a name of another length is screened as before.
/// </summary>
public sealed class CutNameTests
{
    // The first 35 characters of listed names: inside a word, at a word's end, inside a legal form written out, and inside a
    // legal form the list writes abbreviated.
    [Theory]
    [InlineData("REVOLUTIONARY ARMED FORCES OF COLOM", "t:o1")]
    [InlineData("ORGANIZATION OF THE OPPRESSED ON EA", "t:o2")]
    [InlineData("POPULAR FRONT FOR THE LIBERATION OF", "t:o3")]
    [InlineData("EXTERNAL TECHNOLOGY GENERAL CORPORA", "t:o4")]
    [InlineData("ABU GHUNAYM SQUAD OF THE HIZBALLAH ", "t:o6")]
    [InlineData("Revolutionary Armed Forces of Colom", "t:o1")]
    public async Task ScreenAsync_NameCutAtAFieldsLength_ReviewsTheListedNameItStarts(string cut, string entityId)
    {
        cut.Length.Should().Be(35);

        var result = await ScreenAsync(cut);

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().ContainSingle(h => h.EntityId == entityId).Subject;
        hit.Decision.Should().Be(ScreeningDecision.Review);
        hit.Score.Should().BeGreaterThanOrEqualTo(new ScreeningOptions().ReviewThreshold).And.BeLessThan(new ScreeningOptions().MatchThreshold);
        hit.Features.Should().ContainSingle(f => f.Feature == "cut-name").Which.Detail
            .Should().Contain("35 characters").And.Contain(hit.MatchedName).And.Contain("never blocked");
    }

    [Fact]
    public async Task ScreenAsync_LegalFormsAndTheStartOfAWord_FindsTheNamesOfTheWordsItStarts()
    {
        // Its only whole words are a legal form, which a hundred other names hold: the look-up finds names by their words, so the
        // listed name is found by the word "STROYGAZM" starts.
        var cut = "LIMITED LIABILITY COMPANY STROYGAZM";
        var others = Enumerable.Range(0, 100).Select(i => Listed($"t:f{i}", $"LIMITED LIABILITY COMPANY {Filler(i)}")).ToList();

        var result = await ScreenAsync(cut, extra: [.. others, Listed("t:s1", "LIMITED LIABILITY COMPANY STROYGAZMONTAZH")]);

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().Contain(h => h.EntityId == "t:s1").Which.Features.Should().Contain(f => f.Feature == "cut-name");
        result.Hits.Should().NotContain(h => h.EntityId.StartsWith("t:f", StringComparison.Ordinal) && h.Features.Any(f => f.Feature == "cut-name"));
    }

    [Fact]
    public void ScreenAsync_LegalFormsAndTheStartOfAWord_AsAThreadsFirstScreening_FindsTheNamesOfTheWordsItStarts()
    {
        // The look-up of such a name finds nothing, and a thread that has not screened before has no buffer of candidates: the
        // names of the word it starts were then compared against a buffer that was not there (ArgumentNullException).
        var others = Enumerable.Range(0, 100).Select(i => Listed($"t:f{i}", $"LIMITED LIABILITY COMPANY {Filler(i)}")).ToList();
        ScreeningResult? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = ScreenAsync("LIMITED LIABILITY COMPANY STROYGAZM", extra: [.. others, Listed("t:s1", "LIMITED LIABILITY COMPANY STROYGAZMONTAZH")])
                    .GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });

        thread.Start();
        thread.Join();

        failure.Should().BeNull();
        result!.Hits.Should().Contain(h => h.EntityId == "t:s1").Which.Features.Should().Contain(f => f.Feature == "cut-name");
    }

    [Fact]
    public async Task ScreenAsync_NameCutWithoutTheSpaceItEndedWith_IsReadAsCut()
    {
        // "ABU GHUNAYM SQUAD OF THE HIZBALLAH " without its last space: 34 characters, one less than the field.
        var result = await ScreenAsync("ABU GHUNAYM SQUAD OF THE HIZBALLAH");

        result.Hits.Should().ContainSingle(h => h.EntityId == "t:o6").Which.Features.Should().Contain(f => f.Feature == "cut-name");
    }

    [Theory]
    [InlineData("REVOLUTIONARY ARMED FORCES OF COL")]
    [InlineData("REVOLUTIONARY ARMED FORCES OF COLOMB")]
    public async Task ScreenAsync_NameOfAnotherLength_IsNotReadAsCut(string name)
    {
        // 33 and 36 characters: no field of the lengths configured cuts there, so the name is compared as it is, as before.
        var result = await ScreenAsync(name);

        result.Hits.Should().NotContain(h => h.Features.Any(f => f.Feature == "cut-name"));
    }

    [Fact]
    public async Task ScreenAsync_CutNameLengthsEmpty_IsNotReadAsCut()
    {
        var result = await ScreenAsync("REVOLUTIONARY ARMED FORCES OF COLOM", o => o.CutNameLengths = []);

        result.Decision.Should().Be(ScreeningDecision.Clear, "the reading of cut names is off");
    }

    [Fact]
    public async Task ScreenAsync_LengthConfigured_ReadsAsCutAtThatLength()
    {
        // 33 characters, not read as cut by default (below), is with a field of 33.
        var result = await ScreenAsync("REVOLUTIONARY ARMED FORCES OF COL", o => o.CutNameLengths = [33]);

        result.Hits.Should().ContainSingle(h => h.EntityId == "t:o1").Which.Features.Should().ContainSingle(f => f.Feature == "cut-name")
            .Which.Detail.Should().Contain("33 characters");
    }

    [Theory]
    [InlineData("TEHRAN INTERNATIONAL TRANSPORT COMP", "TEHRAN INTERNATIONAL TRANSPORT CO")]
    [InlineData("BAJER SOCIEDAD DE RESPONSABILIDAD L", "BAJER S.R.L.")]
    [InlineData("AL-CARDINAL INVESTMENTS COMPANY LIM", "AL CARDINAL INVESTMENTS CO. LTD")]
    public void Match_CutInsideALegalFormTheListWritesAnotherWay_Matches(string cut, string listed)
    {
        var matcher = CutNameMatcher.For(NameNormalizer.Normalize(cut)[0], cut, new ScreeningOptions());

        var hit = matcher!.Match(Indexed(listed));

        hit.Should().NotBeNull();
        hit!.Score.Should().BeGreaterThanOrEqualTo(new ScreeningOptions().ReviewThreshold).And.BeLessThan(new ScreeningOptions().MatchThreshold);
        hit.Coverage.Should().BeInRange(0.5, 1);
    }

    [Theory]
    [InlineData("EXTERNAL TECHNOLOGY GENERAL CORPORA", "External Technology General Corporation")]
    [InlineData("EXTERNAL TECHNOLOGY GENERAL CORPORA", "EXTERNAL TECHNOLOGY, GENERAL CORPORATION (ETGC)")]
    [InlineData("TRANSPORTES AÉREOS DEL NORTE COMPAÑ", "Transportes Aereos del Norte Compañía Limitada")]
    [InlineData("TRANSPORTES AEREOS DEL NORTE COMPAN", "TRANSPORTES AÉREOS DEL NORTE, COMPAÑÍA LIMITADA")]
    public void Match_CutInsideAWordNormalisationRewrites_MatchesAsWritten(string cut, string listed)
    {
        // "CORPORA" and "COMPAÑ" start "CORPORATION" and "COMPAÑÍA" as written; normalised, those are "corp" and "co".
        cut.Length.Should().Be(35);
        var matcher = CutNameMatcher.For(NameNormalizer.Normalize(cut)[0], cut, new ScreeningOptions());

        var hit = matcher!.Match(Indexed(listed));

        hit.Should().NotBeNull();
        hit!.Coverage.Should().BeApproximately((double)CutNameMatcher.Fold(cut).Length / CutNameMatcher.Fold(listed).Length, 1e-9);
    }

    [Theory]
    [InlineData("TEHRAN INTERNATIONAL TRANSPORT COMP", "TEHRAN INTERNATIONAL SHIPPING CO", "another word before the legal form")]
    [InlineData("TEHRAN INTERNATIONAL TRANSPORT COMP", "TEHRAN INTERNATIONAL TRANSPORT", "the listed name does not go on")]
    [InlineData("TEHRAN INTERNATIONAL TRANSPORT BANK", "TEHRAN INTERNATIONAL TRANSPORT CO", "the last word starts no legal form")]
    [InlineData("REVOLUTIONARY ARMED FORCES OF COLOM", "REVOLUTIONARY ARMED FORCES OF COLOM", "the same name, not a longer one")]
    public void Match_NotTheStartOfTheListedName_NoMatch(string cut, string listed, string because)
    {
        var matcher = CutNameMatcher.For(NameNormalizer.Normalize(cut)[0], cut, new ScreeningOptions());

        matcher!.Match(Indexed(listed)).Should().BeNull(because);
    }

    [Fact]
    public async Task ScreenAsync_WholeListedName_StillBlocks()
    {
        var result = await ScreenAsync("REVOLUTIONARY ARMED FORCES OF COLOMBIA");

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].Features.Should().NotContain(f => f.Feature == "cut-name");
    }

    [Theory]
    [InlineData("REVOLUTIONARY ARMED FORCES OF PERUV", "another word where the listed name goes on")]
    [InlineData("COMMITTEE FOR THE SAFETY OF THE ROA", "no listed name starts with it")]
    public async Task ScreenAsync_CutNameThatStartsNoListedName_IsClear(string cut, string because)
    {
        var result = await ScreenAsync(cut);

        result.Decision.Should().Be(ScreeningDecision.Clear, because);
    }

    [Fact]
    public void For_OneWordOrANameInAnotherScript_NoMatcher()
    {
        var options = new ScreeningOptions();
        var oneWord = new string('X', 35);
        CutNameMatcher.For(NameNormalizer.Normalize(oneWord)[0], oneWord, options).Should().BeNull("a single word");

        var cyrillic = "Революционные вооружённые силы Колу";
        cyrillic.Length.Should().Be(35);
        NameNormalizer.Normalize(cyrillic).Where(v => v.IsTransliteration)
            .Should().OnlyContain(v => CutNameMatcher.For(v, cyrillic, options) == null, "a transliterated form is not read as cut");
    }

    [Theory]
    [InlineData("comp", true)]
    [InlineData("corpora", true)]
    [InlineData("l", true)]
    [InlineData("sociedad de responsabilidad l", true)]
    [InlineData("open joint stock", true)]
    [InlineData("limited", true)]
    [InlineData("tehran", false)]
    [InlineData("joint venture", false)]
    [InlineData("", false)]
    public void MayBeCutLegalForm_StartOfALegalFormWrittenOut(string words, bool expected)
    {
        LegalForms.MayBeCutLegalForm(words).Should().Be(expected);
    }

    [Fact]
    public void Fold_CaseAccentsAndPunctuation_SetAside()
    {
        CutNameMatcher.Fold("  Société  Générale, S.A. (Paris)-").Should().Be("societe generale s a paris");
        CutNameMatcher.Fold("Acme\uD800 Trading").Should().Be("acme trading", "a lone surrogate is neither a letter nor a digit");
    }

    // A made-up word of six letters, another for each number.
    private static string Filler(int i) => string.Concat(Enumerable.Range(0, 6).Select(k => (char)('A' + ((i * 7 + k * 3 + (i / 26)) % 26))));

    private static async Task<ScreeningResult> ScreenAsync(string name, Action<ScreeningOptions>? configure = null, List<Entity>? extra = null)
    {
        var snapshot = new ListSnapshot("cut-test", "v1")
        {
            Entities =
            [
                .. extra ?? [],
                Listed("t:o1", "REVOLUTIONARY ARMED FORCES OF COLOMBIA"),
                Listed("t:o2", "ORGANIZATION OF THE OPPRESSED ON EARTH"),
                Listed("t:o3", "POPULAR FRONT FOR THE LIBERATION OF PALESTINE - GENERAL COMMAND"),
                Listed("t:o4", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "EXTERNAL TECHNOLOGY GENERAL CORPORATION"),
                Listed("t:o5", "TEHRAN INTERNATIONAL TRANSPORT CO"),
                Listed("t:o6", "ABU GHUNAYM SQUAD OF THE HIZBALLAH BAYT AL-MAQDIS"),
                Listed("t:o7", "COMMITTEE FOR THE SAFETY OF ROADS"),
            ],
        };
        using var engine = new ScreeningEngineBuilder()
            .Configure(o =>
            {
                o.UseDefaultDataset = false;
                configure?.Invoke(o);
            })
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();
        await engine.RefreshAsync();
        return await engine.ScreenAsync(ScreeningRequest.ForParty(name));
    }

    private static IndexedName Indexed(string name) => new(0, new EntityName(name, NameKind.Primary), NameNormalizer.Normalize(name)[0]);

    private static Entity Listed(string id, string name, params string[] aliases) => new(id, EntityKind.Organization, name)
    {
        Names = [new EntityName(name, NameKind.Primary), .. aliases.Select(a => new EntityName(a, NameKind.Alias))],
        Listings = [new Listing("us-ofac-sdn")],
    };
}

using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Csl;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.Csl;

public sealed class CslCsvFileSourceTests
{
    private const string LegacyFile = "csl/2019-12_csl_sample_legacy_layout.csv";
    private const string CurrentFile = "csl/2025-06_consolidated_sample.csv";

    private const string CurrentHeader = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    private static readonly Lazy<ListSnapshot> Legacy = new(() => Load(LegacyFile));
    private static readonly Lazy<ListSnapshot> Current = new(() => Load(CurrentFile));

    [SharedDataFact]
    public void Read_LegacyLayout_HasEveryRowPerList()
    {
        var snapshot = Legacy.Value;

        snapshot.Entities.Should().HaveCount(115);
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.Entities.GroupBy(e => e.Listings[0].ListId).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["us-ofac-sdn"] = 28,
            ["us-ofac-ssi"] = 26,
            ["us-bis-entity-list"] = 22,
            ["us-ofac-plc"] = 13,
            ["us-state-itar-debarred"] = 10,
            ["us-bis-dpl"] = 8,
            ["us-bis-uvl"] = 4,
            ["us-state-isn"] = 3,
            ["us-ofac-capta"] = 1,
        });
        snapshot.Sha256.Should().StartWith("aa18b1d784f61dc8");
        snapshot.Lists.Select(l => l.Id).Should().Contain(["us-bis-entity-list", "us-ofac-sdn"]);
    }

    [SharedDataFact]
    public void Read_CurrentLayout_HasThirteenRecordsFromTenLists()
    {
        var snapshot = Current.Value;

        snapshot.Entities.Should().HaveCount(13);
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.Entities.Select(e => e.Listings[0].ListId).Distinct().Should().HaveCount(10);
        snapshot.Entities.Should().OnlyContain(e => e.Id.StartsWith("csl:", StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void Read_CurrentLayout_SmeBankHasAllAliasesAndIdentifiers()
    {
        var bank = Current.Value.Entities.Single(e => e.Id == "csl:18283");

        bank.Kind.Should().Be(EntityKind.Organization);
        bank.PrimaryName.Should().Be("SME BANK");
        bank.Names.Where(n => n.Kind == NameKind.Alias).Select(n => n.Value).Should().BeEquivalentTo(
        [
            "JSC RUSSIAN BANK FOR SMALL AND MEDIUM ENTERPRISES SUPPORT",
            "JSC SME BANK",
            "AKTSIONERNOE OBSHCHESTVO ROSSISKI BANK PODDERZHKI MALOGO I SREDNEGO PREDPRINIMATELSTVA",
            "MSP BANK AO",
            "OTKRYTOE AKTSIONERNOE OBSHCHESTVO ROSSISKI BANK RAZVITIYA",
        ]);
        bank.Countries.Should().Equal("RU");
        bank.Identifiers.Should().Contain(i => i.Scheme == "swift-bic" && i.Value == "RUDVRUMM");
        bank.Identifiers.Should().Contain(i => i.Scheme == IdentifierSchemes.Website && i.Value == "mspbank.ru");
        bank.Identifiers.Should().Contain(i => i.Scheme == "registration-number" && i.Value == "1027739108649");
        bank.Listings.Should().ContainSingle().Which.Should().Match<Listing>(l => l.ListId == "us-ofac-ssi" && l.Program == "UKRAINE-EO13662");
        bank.Remarks.Should().Contain("Secondary sanctions risk");
    }

    [SharedDataFact]
    public void Read_CurrentLayout_EntityListEntryKeepsCitationDateAndScope()
    {
        var cetc = Current.Value.Entities.Single(e => e.PrimaryName.StartsWith("China Electronics Technology Group Corporation 13th", StringComparison.Ordinal));
        var listing = cetc.Listings.Single();

        listing.ListId.Should().Be("us-bis-entity-list");
        listing.Citation.Should().Be("83 FR 37423; 87 FR 77505");
        listing.ListedOn.Should().Be(FactDate.Parse("2018-08-01"));
        listing.Authority.Should().Be("Bureau of Industry and Security");
        listing.Scope.Should().Contain("License policy: Policy of denial");
        listing.SourceUrl.Should().Be("https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list");
        cetc.Names.Select(n => n.Value).Should().Contain(["Hebei Semiconductor Research Institute", "HSRI", "CETC Research Institute 13"]);
        cetc.Countries.Should().Equal("CN");
    }

    [SharedDataFact]
    public void Read_CurrentLayout_SuccessorClauseMovesFromNameToScope()
    {
        var sinobright = Current.Value.Entities.Single(e => e.PrimaryName.StartsWith("Sinobright", StringComparison.Ordinal));

        sinobright.PrimaryName.Should().Be("Sinobright Import and Export Company");
        sinobright.Listings[0].NameAsListed.Should().EndWith("and any successor, sub-unit, or subsidiary thereof");
        sinobright.Listings[0].Scope.Should().Contain("and any successor, sub-unit, or subsidiary thereof");
        sinobright.Listings[0].Program.Should().Be("INKSNA");
        sinobright.Listings[0].Citation.Should().Be("Vol. 88, No. 151, 08/08/2023");
    }

    [SharedDataFact]
    public void Read_LegacyLayout_ReadsValueCommaTypeIdentifiers()
    {
        var entity = Legacy.Value.Entities.Single(e => e.PrimaryName == "200G PSA HOLDINGS LLC");

        entity.Id.Should().Be("csl:20264");
        entity.Identifiers.Should().Contain(i => i.Scheme == "tax-id" && i.Value == "80-0890696");
        entity.Listings[0].Program.Should().Be("SDNTK");
    }

    [SharedDataFact]
    public void Read_LegacyLayout_RepairsWindows1252PunctuationInNames()
    {
        var entity = Legacy.Value.Entities.Single(e => e.PrimaryName.Contains("Huawei", StringComparison.Ordinal));

        entity.PrimaryName.Should().Be("Gui\u2019an New District Huawei Investment Co., Ltd., Guiyang, Guizhou");
        entity.Names.Should().Contain(n => n.Value == "Gui\u2019an New District Huawei Investment Co., Ltd." && n.Kind == NameKind.Alias);
    }

    [SharedDataFact]
    public async Task ScreenAsync_GuianHuaweiAgainstLegacyCsl_HitsEntityListWithProgramAndCitation()
    {
        var source = SourceFormats.Get("csl-csv").Open(SharedData.DataPath(LegacyFile));
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(source).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Guian New District Huawei Investment Co., Ltd."));

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        var hit = result.Hits.Should().ContainSingle(h => h.Listings.Any(l => l.ListId == "us-bis-entity-list")).Subject;
        var listing = hit.Listings.Single(l => l.ListId == "us-bis-entity-list");
        listing.Program.Should().Be("EAR Part 744, Supplement No. 4 (Entity List)");
        listing.Citation.Should().Be("84 FR 22961");
        listing.ListedOn.Should().Be(FactDate.Parse("2019-05-21"));
    }

    [Fact]
    public void Read_FetchedAtAndVersion_ComeFromClockAndFallback()
    {
        var text = CurrentHeader + "\n\"1\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"\",\"\",\"Example Co\",\"\",\"\",\"85 FR 1\",\"2020-01-01\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n";

        var snapshot = SourceFormats.Get("csl-csv").Read(ListTestFiles.Utf8(text), "mem.csv", ListTestFiles.Now, "2026-02-01");

        snapshot.FetchedAt.Should().Be(ListTestFiles.Now);
        snapshot.Version.Should().Be("2026-02-01");
        snapshot.Location.Should().Be("mem.csv");
        snapshot.Sha256.Should().HaveLength(64);
        snapshot.Entities.Should().ContainSingle().Which.Id.Should().Be("csl:1");
    }

    [Fact]
    public void Read_WrongHeader_ThrowsNamingFileLineAndColumns()
    {
        var act = () => SourceFormats.Get("csl-csv").Read(ListTestFiles.Utf8("id,name,country\n1,Foo,CN\n"), "wrong.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>()
            .Where(e => e.SourceName == "csl" && e.Location == "wrong.csv:1")
            .WithMessage("*not a CSL CSV header*\"source\"*");
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsNamingTheLine()
    {
        var text = CurrentHeader + "\n\"1\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"\",\"\",\"Example Co\n";

        var act = () => SourceFormats.Get("csl-csv").Read(ListTestFiles.Utf8(text), "broken.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "broken.csv:2").WithMessage("*never closed*");
    }

    [Fact]
    public void Read_QuoteInsideUnquotedField_RejectsThatRecordWithPosition()
    {
        var good = "\"1\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"\",\"\",\"Good Co\"" + string.Concat(Enumerable.Repeat(",\"\"", 23));
        var bad = "2,Entity List (EL) - Bureau of Industry and Security,,,,Bad \"Co\" Ltd" + string.Concat(Enumerable.Repeat(",", 23));
        var text = CurrentHeader + "\n" + good + "\n" + bad + "\n";

        var snapshot = SourceFormats.Get("csl-csv").Read(ListTestFiles.Utf8(text), "q.csv", ListTestFiles.Now);

        snapshot.Entities.Should().ContainSingle().Which.PrimaryName.Should().Be("Good Co");
        snapshot.RejectedRecords.Should().ContainSingle().Which.Should().Match<RejectedRecord>(r => r.Position == "q.csv:3" && r.Reason.Contains("quoting"));
    }

    [Fact]
    public void Read_WrongFieldCountAndMissingName_RejectsWithReasons()
    {
        var text = CurrentHeader + "\n\"1\",\"Entity List (EL) - Bureau of Industry and Security\",\"\"\n" +
            "\"2\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"\",\"\",\"\"" + string.Concat(Enumerable.Repeat(",\"\"", 23)) + "\n";

        var snapshot = SourceFormats.Get("csl-csv").Read(ListTestFiles.Utf8(text), "f.csv", ListTestFiles.Now);

        snapshot.Entities.Should().BeEmpty();
        snapshot.RejectedRecords.Select(r => r.Position).Should().Equal("f.csv:2", "f.csv:3");
        snapshot.RejectedRecords[0].Reason.Should().Contain("3 fields");
        snapshot.RejectedRecords[1].Reason.Should().Contain("no \"name\"");
    }

    [Fact]
    public void Read_HugeLine_ThrowsNamingFileAndLine()
    {
        var text = CurrentHeader + "\n" + new string('x', 300_000) + "\n";

        var act = () => SourceFormats.Get("csl-csv").Read(ListTestFiles.Utf8(text), "huge.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "huge.csv:2").WithMessage("*exceeds the limit*");
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsSourceException()
    {
        var source = SourceFormats.Get("csl-csv").Open(ListTestFiles.Path("Csl/does-not-exist.csv"));

        var act = async () => await source.LoadAsync();

        await act.Should().ThrowAsync<SanctionListSourceException>().Where(e => e.SourceName == "csl");
    }

    private static ListSnapshot Load(string relative)
    {
        var path = SharedData.DataPath(relative);
        return SourceFormats.Get("csl-csv").Read(File.ReadAllBytes(path), path, ListTestFiles.Now, "2019-12-03");
    }
}

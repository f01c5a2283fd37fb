using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.CustomCsv;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.CustomCsv;

public sealed class CustomCsvFileSourceTests
{
    private static readonly Lazy<ListSnapshot> Sample = new(() => SourceFormats.Get("custom-csv").Open(ListTestFiles.Path("CustomCsv/erp-blocklist.csv"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [Fact]
    public void LoadAsync_Sample_ReadsGoodRowsUnderTheFileName()
    {
        var snapshot = Sample.Value;

        snapshot.SourceName.Should().Be("erp-blocklist");
        snapshot.Version.Should().Be(File.GetLastWriteTimeUtc(ListTestFiles.Path("CustomCsv/erp-blocklist.csv")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        snapshot.Entities.Select(e => e.Id).Should().Equal("erp-blocklist:V-1001", "erp-blocklist:V-1002", "erp-blocklist:V-1003");
        snapshot.Lists.Should().BeEquivalentTo([new ListDefinition("custom", "custom", ListCategory.Custom), new ListDefinition("erp-blocklist", "erp-blocklist", ListCategory.Custom)],
            o => o.Including(l => l.Id).Including(l => l.Category));
    }

    [Fact]
    public void LoadAsync_Sample_MapsEveryColumn()
    {
        var vendor = Sample.Value.Entities[0];

        vendor.Kind.Should().Be(EntityKind.Organization);
        vendor.Names.Select(n => n.Value).Should().Equal("Shenzhen Example Surveillance Technology Co. Ltd.", "Example Surveillance", "ESTech");
        vendor.Countries.Should().Equal("CN");
        vendor.Identifiers.Select(i => (i.Scheme, i.Value)).Should().Equal(("duns", "123456789"), ("lei", "5493000EXAMPLE000002"));
        vendor.Remarks.Should().Be("Blocked after audit 2023-04-11, see ticket QA-77");
        vendor.Listings.Single().Should().Match<Listing>(l => l.ListId == "erp-blocklist" && l.Program == "Quality fraud" && l.ListedOn == FactDate.Parse("2023-04"));
        Sample.Value.Entities[1].Countries.Should().Equal("US", "GB");
        var third = Sample.Value.Entities[2];
        third.Kind.Should().Be(EntityKind.Unknown);
        third.Names.Select(n => n.Value).Should().Contain("Acme Trading, Inc.");
        third.Listings.Single().ListId.Should().Be("custom");
    }

    [Fact]
    public void LoadAsync_Sample_RejectsBadRowsWithLineAndReason()
    {
        var rejected = Sample.Value.RejectedRecords.ToDictionary(r => r.Position.Split(':')[^1], r => r.Reason);

        rejected.Should().HaveCount(6);
        rejected["5"].Should().Contain("unknown kind");
        rejected["6"].Should().Contain("listed_on");
        rejected["7"].Should().Contain("scheme:value");
        rejected["8"].Should().Contain("unknown country \"Atlantis\"");
        rejected["9"].Should().Contain("\"id\" and \"name\"");
        rejected["10"].Should().Contain("duplicate entity id");
    }

    [Fact]
    public async Task ScreenAsync_NameOnCustomList_Blocks()
    {
        // The sample's first three rows are good; the engine refuses the whole sample (6 of its 9 rows are rejected).
        var folder = Directory.CreateTempSubdirectory("vs-csv-");
        try
        {
            var path = System.IO.Path.Combine(folder.FullName, "erp-blocklist.csv");
            File.WriteAllLines(path, File.ReadLines(ListTestFiles.Path("CustomCsv/erp-blocklist.csv")).Take(4));
            using var engine = new ScreeningEngineBuilder()
                .Configure(o => o.UseDefaultDataset = false)
                .AddSource(SourceFormats.Get("custom-csv").Open(path))
                .Build();

            var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Shenzhen Example Surveillance Technology Co., Ltd."));

            result.Decision.Should().Be(ScreeningDecision.Block);
            result.Hits[0].ListedEntityId.Should().Be("erp-blocklist:V-1001");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ScreenAsync_MoreRowsRejectedThanAccepted_SourceIsNotUsable()
    {
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(SourceFormats.Get("custom-csv").Open(ListTestFiles.Path("CustomCsv/erp-blocklist.csv")))
            .Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Shenzhen Example Surveillance Technology Co., Ltd."));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        engine.Sources.Should().ContainSingle().Which.Should().Match<SourceStatus>(s => !s.IsUsable && s.Error!.Contains("rejected 6 records and accepted only 3"));
    }

    [Fact]
    public void Read_HeaderWithoutName_Throws()
    {
        var act = () => SourceFormats.Get("custom-csv").Read(ListTestFiles.Utf8("id,title\n1,x\n"), "list.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.SourceName == "list" && e.Location == "list.csv:1").WithMessage("*\"name\"*");
    }

    [Fact]
    public void Constructor_NameNotKebabCase_Throws()
    {
        var act = () => SourceFormats.Get("custom-csv").Open("x.csv", sourceName: "My List");

        act.Should().Throw<ArgumentException>().WithParameterName("name");
    }
}

using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Sources;
using VendorScreen.Sources.Ofac;

namespace VendorScreen.Tests.Sources.Ofac;

public sealed class OfacCsvSourceTests
{
    internal static string TestData(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", "Ofac", relative);

    private static async Task<ListSnapshot> LoadFolderAsync() => await SourceFormats.Get("ofac-csv").Open(TestData("csv")).LoadAsync();

    [Fact]
    public async Task LoadAsync_Folder_MapsEveryPrimaryRecordWithIdsKindsAndListings()
    {
        var snapshot = await LoadFolderAsync();

        snapshot.SourceName.Should().Be("ofac-sdn");
        snapshot.Entities.Select(e => (e.Id, e.Kind)).Should().Equal(
            ("ofac-sdn:90001", EntityKind.Organization),
            ("ofac-sdn:90002", EntityKind.Organization),
            ("ofac-sdn:90003", EntityKind.Person),
            ("ofac-sdn:90004", EntityKind.Vessel),
            ("ofac-sdn:90005", EntityKind.Aircraft),
            ("ofac-sdn:90006", EntityKind.Organization),
            ("ofac-sdn:90007", EntityKind.Organization));
        snapshot.Entities.Should().OnlyContain(e => e.SourceName == "ofac-sdn");
        snapshot.Lists.Should().ContainSingle().Which.Id.Should().Be("us-ofac-sdn");

        var trading = snapshot.Entities[0];
        trading.Listings.Select(l => l.Program).Should().Equal("SDGT", "IFSR");
        trading.Listings.Should().OnlyContain(l => l.ListId == "us-ofac-sdn" && l.Authority == "US Treasury OFAC"
            && l.NameAsListed == "EXAMPLE TRADING COMPANY LLC" && l.SourceUrl == "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=90001");
        snapshot.Entities.Single(e => e.Id == "ofac-sdn:90007").Listings.Should().ContainSingle().Which.Program.Should().BeNull();
    }

    [Fact]
    public async Task LoadAsync_Folder_JoinsAliasesRemarksNamesAndCommentContinuations()
    {
        var snapshot = await LoadFolderAsync();

        snapshot.Entities[0].Names.Should().Equal(
            new EntityName("EXAMPLE TRADING COMPANY LLC", NameKind.Primary),
            new EntityName("EXAMPLE TRADING CO", NameKind.Alias),
            new EntityName("OLD EXAMPLE TRADERS", NameKind.Former),
            new EntityName("EXTRA TRADING HOUSE", NameKind.Alias),
            new EntityName("EXTRACO", NameKind.WeakAlias));
        snapshot.Entities[1].Names.Should().Contain(new EntityName("NEW EXAMPLE HOLDING", NameKind.Alias), "nka is a current name");

        var exchange = snapshot.Entities.Single(e => e.Id == "ofac-sdn:90006");
        exchange.Names.Skip(1).Should().Equal(
            new EntityName("XCHG", NameKind.WeakAlias),
            new EntityName("ECX", NameKind.WeakAlias),
            new EntityName("EXCHANGE ONE", NameKind.WeakAlias));
        exchange.Remarks.Should().EndWith("a.k.a. 'EXCHANGE ONE'; Linked To: EXAMPLE TRADING COMPANY LLC.");
    }

    [Fact]
    public async Task LoadAsync_Folder_ReadsIdentifiersCountriesAndAddresses()
    {
        var snapshot = await LoadFolderAsync();

        var person = snapshot.Entities.Single(e => e.Id == "ofac-sdn:90003");
        person.Countries.Should().Equal("VE", "CO");
        person.Identifiers.Select(i => (i.Scheme, i.Value)).Should().Contain([
            (OfacIdentifierTypes.DateOfBirth, "1970-03-02"),
            (OfacIdentifierTypes.DateOfBirth, "1971"),
            (OfacIdentifierTypes.PlaceOfBirth, "Caracas, Venezuela"),
            (OfacIdentifierTypes.Passport, "A1234567"),
            (OfacIdentifierTypes.NationalId, "V-123456"),
            (IdentifierSchemes.Address, "Caracas, Venezuela"),
        ]);
        person.Remarks.Should().StartWith("Title: Director of Example Trading. DOB 02 Mar 1970;");

        var vessel = snapshot.Entities.Single(e => e.Id == "ofac-sdn:90004");
        vessel.Identifiers.Select(i => (i.Scheme, i.Value)).Should().BeEquivalentTo(new[]
        {
            (IdentifierSchemes.Imo, "9999991"),
            (OfacIdentifierTypes.Mmsi, "123456789"),
            (OfacIdentifierTypes.CallSign, "9BXX1"),
        });
        vessel.Countries.Should().Equal("PA");

        var trading = snapshot.Entities[0];
        trading.Identifiers.Should().Contain(new EntityIdentifier(IdentifierSchemes.Address, "Example Tower, 12 Example Street, Tehran, Iran"));
        trading.Countries.Should().Equal("IR");
    }

    [Fact]
    public async Task LoadAsync_Folder_ResolvesRelationsByNameAndRejectsTheRest()
    {
        var snapshot = await LoadFolderAsync();

        snapshot.Relations.Select(r => (r.FromId, r.Kind, r.ToId, r.Notes)).Should().BeEquivalentTo(new[]
        {
            ("ofac-sdn:90001", RelationKind.LinkedTo, "ofac-sdn:90002", "Linked To"),
            ("ofac-sdn:90003", RelationKind.LinkedTo, "ofac-sdn:90001", "Linked To"),
            ("ofac-sdn:90004", RelationKind.LinkedTo, "ofac-sdn:90002", "Linked To"),
            ("ofac-sdn:90004", RelationKind.OwnedBy, "ofac-sdn:90002", "Vess_owner"),
            ("ofac-sdn:90006", RelationKind.OwnedBy, "ofac-sdn:90002", "Owned or Controlled By"),
            ("ofac-sdn:90006", RelationKind.LinkedTo, "ofac-sdn:90001", "Linked To"),
        });
        snapshot.RejectedRecords.Should().BeEquivalentTo(new[]
        {
            new RejectedRecord("add.csv:4", "address for ent_num 99999, which is not in the primary file"),
            new RejectedRecord("alt.csv:7", "alias for ent_num 99998, which is not in the primary file"),
            new RejectedRecord("sdn.csv:5", "ofac-sdn:90005: Linked To \"UNLISTED AIRLINE OF EXAMPLE\" is not an entry of the list"),
        });
    }

    [Fact]
    public async Task LoadAsync_Provenance_HashesTheBytesAndUsesTheClockAndFileDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var folder = TestData("csv");

        var snapshot = await SourceFormats.Get("ofac-csv").Open(folder, clock).LoadAsync();

        var bytes = new[] { "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" }.SelectMany(f => File.ReadAllBytes(Path.Combine(folder, f))).ToArray();
        snapshot.Sha256.Should().Be(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
        snapshot.FetchedAt.Should().Be(clock.GetUtcNow());
        snapshot.Version.Should().Be(File.GetLastWriteTimeUtc(Path.Combine(folder, "sdn.csv")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        snapshot.Location.Should().Be(folder);
    }

    [Fact]
    public async Task LoadAsync_JoinedFile_ReadsTheSecondPartAsTheConsolidatedList()
    {
        var snapshot = await SourceFormats.Get("ofac-csv").Open(TestData("joined_sdn_plus_cons.csv")).LoadAsync();

        snapshot.Entities.Select(e => e.Id).Should().Equal("ofac-sdn:92001", "ofac-sdn:92002", "ofac-cons:92002", "ofac-cons:92003");
        snapshot.Entities.Single(e => e.Id == "ofac-cons:92002").Listings.Should().ContainSingle()
            .Which.Should().Match<Listing>(l => l.ListId == "us-ofac-cons" && l.Program == "NS-PLC");
        snapshot.Lists.Select(l => l.Id).Should().Equal("us-ofac-sdn", "us-ofac-cons");
        snapshot.Relations.Select(r => (r.FromId, r.ToId)).Should().BeEquivalentTo(new[]
        {
            ("ofac-sdn:92001", "ofac-sdn:92002"),
            ("ofac-cons:92003", "ofac-sdn:92001"),
        }, "a Linked To name resolves in its own list first, then in the other list of the file");
        snapshot.RejectedRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_MalformedFile_KeepsGoodRecordsAndRejectsTheRest()
    {
        var snapshot = await SourceFormats.Get("ofac-csv").Open(TestData("malformed.csv")).LoadAsync();

        snapshot.Entities.Select(e => e.PrimaryName).Should().Equal("GOOD ENTITY ONE", "GOOD ENTITY WITH A LINE BREAK", "GOOD ENTITY TWO");
        snapshot.RejectedRecords.Should().BeEquivalentTo(new[]
        {
            new RejectedRecord("malformed.csv:2", "has 4 fields, expected 12"),
            new RejectedRecord("malformed.csv:3", "ent_num \"X91003\" is not a number"),
            new RejectedRecord("malformed.csv:4", "broken quoting near \"\"BROKEN \"QUOTED\" NAME\"\""),
            new RejectedRecord("malformed.csv:8", "ent_num 91006 appears again (first at malformed.csv:7); the first record is kept"),
        });
    }

    [Fact]
    public async Task LoadAsync_MissingPath_ThrowsNamingSourceAndPath()
    {
        var path = TestData("no-such-folder");

        var act = async () => await SourceFormats.Get("ofac-csv").Open(path).LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>())
            .Which.Should().Match<SanctionListSourceException>(e => e.SourceName == "ofac-sdn" && e.Location == path);
    }

    [Fact]
    public async Task LoadAsync_UnreadableFile_ThrowsSanctionListSourceException()
    {
        var folder = Directory.CreateTempSubdirectory("ofac-locked-");
        try
        {
            var file = Path.Combine(folder.FullName, "sdn.csv");
            await File.WriteAllTextAsync(file, "1,\"ONE\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
            using var locked = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

            var act = async () => await SourceFormats.Get("ofac-csv").Open(folder.FullName).LoadAsync();

            (await act.Should().ThrowAsync<SanctionListSourceException>())
                .Which.Should().Match<SanctionListSourceException>(e => e.Location == file && e.InnerException is IOException);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task LoadAsync_CanceledToken_ThrowsOperationCanceled()
    {
        var act = async () => await SourceFormats.Get("ofac-csv").Open(TestData("csv")).LoadAsync(new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task LoadAsync_CalledTwice_GivesEqualSnapshots()
    {
        var source = SourceFormats.Get("ofac-csv").Open(TestData("csv"));

        var first = await source.LoadAsync();
        var second = await source.LoadAsync();

        second.Sha256.Should().Be(first.Sha256);
        second.Entities.Should().BeEquivalentTo(first.Entities);
        second.Relations.Should().BeEquivalentTo(first.Relations);
    }

    [Fact]
    public async Task LoadAsync_SecondaryFileAlone_ThrowsAndPointsToTheFolder()
    {
        var act = async () => await SourceFormats.Get("ofac-csv").Open(TestData("csv/alt.csv")).LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*open the folder instead*");
    }

    [Fact]
    public void Constructor_ArgValidationAndNames()
    {
        FluentActions.Invoking(() => SourceFormats.Get("ofac-csv").Open(" ")).Should().Throw<ArgumentException>().WithParameterName("path");
        SourceFormats.Get("ofac-csv").Open(TestData("csv")).Name.Should().Be("ofac-sdn");
        SourceFormats.Get("ofac-csv").Open(TestData("cons_prim.csv")).Name.Should().Be("ofac-cons");
        SourceFormats.Get("ofac-csv").Open(TestData("csv"), sourceName: "my-ofac").Name.Should().Be("my-ofac");
    }

    [Fact]
    public async Task ScreenAsync_AliasFromAltFile_HitsTheEntity()
    {
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(SourceFormats.Get("ofac-csv").Open(TestData("csv"))).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Extra Trading House"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits.Should().Contain(h => h.EntityId == "ofac-sdn:90001" && h.MatchedName == "EXTRA TRADING HOUSE");
    }

    [Fact]
    public async Task ScreenAsync_WeakAliasFromCommentsContinuation_IsReviewed()
    {
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(SourceFormats.Get("ofac-csv").Open(TestData("csv"))).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Exchange One"));

        result.Hits.Should().Contain(h => h.EntityId == "ofac-sdn:90006" && h.MatchedNameKind == NameKind.WeakAlias);
        result.Decision.Should().Be(ScreeningDecision.Review);
    }
}

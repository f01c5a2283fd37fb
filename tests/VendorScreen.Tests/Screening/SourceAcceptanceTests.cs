using System.Globalization;
using System.Text;
using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.CustomCsv;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Screening;

/// <summary>The rules the engine applies to every loaded snapshot: no empty list, no mostly rejected list, no list cut short
/// against the last good version (also across restarts), and no name that cannot be screened.</summary>
public sealed class SourceAcceptanceTests
{
    public static TheoryData<string, string, string> EmptyLists => new()
    {
        { "un-xml", "un.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2025-09-30T00:00:05Z\"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>\n" },
        { "csl-json", "csl.json", "{\"results\":[]}" },
        { "ftm-json", "entities.ftm.json", "" },
        { "custom-csv", "blocklist.csv", "id,name,kind,aliases,country,list,program,listed_on,identifiers,notes\n" },
    };

    [Theory]
    [MemberData(nameof(EmptyLists))]
    public async Task ScreenAsync_ListWithNoEntity_IsIncomplete(string format, string fileName, string content)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, fileName);
        await File.WriteAllTextAsync(path, content);
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(SourceFormats.Open(format + ":" + path)).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        engine.Sources.Should().ContainSingle().Which.Should().Match<SourceStatus>(s => !s.IsUsable && s.Error!.Contains("holds no entity") && s.Error.Contains("SourcesAllowedEmpty"));
    }

    [Fact]
    public async Task ScreenAsync_EmptyListNamedAsAllowedEmpty_IsClear()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "blocklist.csv");
        await File.WriteAllTextAsync(path, "id,name\n");
        using var engine = new ScreeningEngineBuilder()
            .Configure(o =>
            {
                o.UseDefaultDataset = false;
                o.SourcesAllowedEmpty.Add("blocklist");
            })
            .AddSource(SourceFormats.Get("custom-csv").Open(path))
            .Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Clear);
        engine.Sources.Single().IsUsable.Should().BeTrue();
    }

    [Fact]
    public async Task ScreenAsync_CustomSourceWithMoreRejectedThanAccepted_IsIncomplete()
    {
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new DelegateSource("feed", () => DelegateSource.Snapshot("feed", "v1", 3, rejected: 4)))
            .Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        engine.Sources.Single().Error.Should().Contain("rejected 4 records and accepted only 3");
    }

    [Fact]
    public async Task RefreshAsync_ShrunkLocalFile_KeepsServingTheLastGoodVersion()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "blocklist.csv");
        await File.WriteAllTextAsync(path, Csv(10));
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(SourceFormats.Get("custom-csv").Open(path)).Build();
        await engine.RefreshAsync();

        await File.WriteAllTextAsync(path, Csv(5));
        var statuses = await engine.RefreshAsync();

        statuses.Single().IsUsable.Should().BeTrue();
        statuses.Single().Entities.Should().Be(10);
        statuses.Single().Error.Should().Contain("refused").And.Contain("5 entities, 50.0% fewer than the 10");
        (await engine.ScreenAsync(ScreeningRequest.ForParty("Vendor Number 9"))).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenAsync_FileCutShortBetweenRuns_IsIncompleteThroughTheStateFile()
    {
        using var state = new TempFolder();
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "blocklist.csv");
        await File.WriteAllTextAsync(path, Csv(10));
        using (var first = Engine(path, state.Path))
        {
            (await first.ScreenAsync(ScreeningRequest.ForParty("Vendor Number 9"))).Decision.Should().Be(ScreeningDecision.Block);
        }

        File.Exists(Path.Combine(state.Path, "source-state.json")).Should().BeTrue();
        await File.WriteAllTextAsync(path, Csv(6));
        using var second = Engine(path, state.Path);

        var result = await second.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        second.Sources.Single().Error.Should().Contain("40.0% fewer than the 10").And.Contain("source-state.json");
    }

    [Fact]
    public async Task ScreenAsync_FileShrunkWithinTheLimitBetweenRuns_IsServedAndBecomesTheBaseline()
    {
        using var state = new TempFolder();
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "blocklist.csv");
        await File.WriteAllTextAsync(path, Csv(10));
        using (var first = Engine(path, state.Path))
        {
            await first.RefreshAsync();
        }

        await File.WriteAllTextAsync(path, Csv(9));
        using (var second = Engine(path, state.Path))
        {
            (await second.RefreshAsync()).Single().Should().Match<SourceStatus>(s => s.IsUsable && s.Entities == 9 && s.Error == null);
        }

        await File.WriteAllTextAsync(path, Csv(8));
        using var third = Engine(path, state.Path);
        (await third.RefreshAsync()).Single().Should().Match<SourceStatus>(s => s.IsUsable && s.Entities == 8);
    }

    [Fact]
    public async Task ScreenAsync_PoisonedRecordsInCustomLists_AreRejectedAndTheRestIsUsable()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "blocklist.csv");
        var longName = "Long Name " + new string('x', VendorScreen.Normalization.NameNormalizer.MaxNameLength);
        await File.WriteAllTextAsync(csv, Csv(3) + $"V-99,{longName},organization\n");
        var json = Path.Combine(folder.Path, "list.json");
        await File.WriteAllTextAsync(json, """
            {"format":"vendorscreen-dataset/1","source":"mylist","version":"1",
             "lists":[{"id":"mylist","name":"My list","category":"custom"}],
             "entities":[
               {"id":"1","kind":"organization","name":"Good Trading House","listings":[{"list":"mylist"}]},
               {"id":"2","kind":"organization","name":"Bad \ud800 Trading","listings":[{"list":"mylist"}]},
               {"id":"3","kind":"organization","name":"Other Good Works","listings":[{"list":"mylist"}]}]}
            """);
        using var engine = new ScreeningEngineBuilder()
            .AddSource(SourceFormats.Open("custom-csv:" + csv))
            .AddSource(SourceFormats.Open("vendorscreen-json:" + json))
            .Build();

        var statuses = await engine.RefreshAsync();

        statuses.Should().OnlyContain(s => s.IsUsable && s.Error == null);
        statuses.Single(s => s.SourceName == "blocklist").Should().Match<SourceStatus>(s => s.Entities == 3 && s.Rejected == 1);
        statuses.Single(s => s.SourceName == "list").Should().Match<SourceStatus>(s => s.Entities == 2 && s.Rejected == 1);
        var rejected = engine.Dataset!.Snapshots.SelectMany(s => s.RejectedRecords).ToList();
        rejected.Should().Contain(r => r.Position.EndsWith("blocklist.csv:5", StringComparison.Ordinal) && r.Reason.Contains("over the limit"));
        rejected.Should().Contain(r => r.Position.StartsWith("$.entities[1]", StringComparison.Ordinal) && r.Reason.Contains("not valid Unicode"));
        (await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"))).Decision.Should().Be(ScreeningDecision.Block);
        (await engine.ScreenAsync(ScreeningRequest.ForParty("Other Good Works"))).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Theory]
    [InlineData("csl-json", "csl.json", "{\"results\":[{\"id\":\"1\",\"source\":\"Entity List (EL) - Bureau of Industry and Security\",\"name\":\"Good Trading House\"},{\"id\":\"2\",\"source\":\"Entity List (EL) - Bureau of Industry and Security\",\"name\":\"Bad \\ud800 Trading\"},{\"id\":\"3\",\"source\":\"Entity List (EL) - Bureau of Industry and Security\",\"name\":\"Other Good Works\"}]}")]
    [InlineData("ftm-json", "entities.ftm.json", "{\"id\":\"a\",\"schema\":\"Company\",\"target\":true,\"properties\":{\"name\":[\"Good Trading House\"],\"topics\":[\"sanction\"]}}\n{\"id\":\"b\",\"schema\":\"Company\",\"target\":true,\"properties\":{\"name\":[\"Bad \\ud800 Trading\"],\"topics\":[\"sanction\"]}}\n{\"id\":\"c\",\"schema\":\"Company\",\"target\":true,\"properties\":{\"name\":[\"Other Good Works\"],\"topics\":[\"sanction\"]}}\n")]
    public async Task LoadAsync_JsonListWithAnUnpairedSurrogateEscape_RejectsThatRecordOnly(string format, string fileName, string content)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, fileName);
        await File.WriteAllTextAsync(path, content);

        var snapshot = await SourceFormats.Open(format + ":" + path).LoadAsync();

        snapshot.Entities.Should().HaveCount(2);
        snapshot.RejectedRecords.Should().ContainSingle().Which.Reason.Should().Contain("not valid Unicode");
    }

    [Fact]
    public async Task ScreenAsync_HostSourceWithAnUnpairedSurrogate_RejectsThatEntityOnly()
    {
        var snapshot = DelegateSource.Snapshot("feed", "v1", 3);
        var bad = new Entity("feed:bad", EntityKind.Organization, "Bad \ud800 Name") { Names = [new EntityName("Bad \ud800 Name", NameKind.Primary)] };
        var source = new InMemorySanctionListSource(snapshot with { Entities = [.. snapshot.Entities, bad] });
        using var engine = new ScreeningEngineBuilder().AddSource(source).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 2"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        engine.Sources.Single(s => s.SourceName == "feed").Should().Match<SourceStatus>(s => s.IsUsable && s.Entities == 3 && s.Rejected == 1);
    }

    [Fact]
    public void Remember_UnreadableStateFile_IsWrittenAnewAndReported()
    {
        using var state = new TempFolder();
        var file = Path.Combine(state.Path, "source-state.json");
        File.WriteAllText(file, "{ not json");
        var acceptance = new VendorScreen.Hosting.SourceAcceptance(new ScreeningOptions { SourceStateDirectory = state.Path });
        var snapshot = new ListSnapshot("list", "v1") { Location = "list.csv", Entities = [new Entity("list:1", EntityKind.Organization, "Vendor Number 1")] };

        var problem = acceptance.Remember([snapshot], DateTimeOffset.UnixEpoch);

        problem.Should().Contain("could not be read").And.Contain(file);
        File.ReadAllText(file).Should().Contain("vendorscreen-source-state/1").And.Contain("list.csv");
        acceptance.Remember([snapshot], DateTimeOffset.UnixEpoch).Should().BeNull("the file is readable again");
    }

    private static ScreeningEngine Engine(string path, string stateDirectory) => new ScreeningEngineBuilder()
        .Configure(o =>
        {
            o.UseDefaultDataset = false;
            o.SourceStateDirectory = stateDirectory;
        })
        .AddSource(SourceFormats.Get("custom-csv").Open(path))
        .Build();

    private static string Csv(int rows)
    {
        var text = new StringBuilder("id,name,kind\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"V-{i},Vendor Number {i},organization\n");
        }

        return text.ToString();
    }
}

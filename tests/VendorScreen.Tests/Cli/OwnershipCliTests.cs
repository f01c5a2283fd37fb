using FluentAssertions;

namespace VendorScreen.Tests.Cli;

/// <summary>Aggregate ownership through the command line: a FollowTheMoney file as the only source, and an ERP corporate tree as a
/// custom CSV source next to the embedded dataset.</summary>
public sealed class OwnershipCliTests
{
    // Two sanctioned persons; companies owned by them in several ways. Ownership links carry percentage and dates.
    private const string Ftm = """
        {"id":"p-ivan","schema":"Person","properties":{"name":["Ivan Kholodov"]}}
        {"id":"p-olga","schema":"Person","properties":{"name":["Olga Vetrova"]}}
        {"id":"s-ivan","schema":"Sanction","datasets":["us_ofac_sdn"],"properties":{"entity":["p-ivan"],"program":["RUSSIA-EO14024"],"startDate":["2022-04-06"]}}
        {"id":"s-olga","schema":"Sanction","datasets":["eu_fsf"],"properties":{"entity":["p-olga"],"startDate":["2022-03-15"]}}
        {"id":"c-zephyr","schema":"Company","properties":{"name":["Zephyr Mining Group"]}}
        {"id":"c-quartz","schema":"Company","properties":{"name":["Quartz Shipping Lines"]}}
        {"id":"c-obsidian","schema":"Company","properties":{"name":["Obsidian Freight Services"]}}
        {"id":"c-holding","schema":"Company","properties":{"name":["Basalt Holding"]}}
        {"id":"c-granite","schema":"Company","properties":{"name":["Granite Logistics"]}}
        {"id":"o1","schema":"Ownership","properties":{"owner":["p-ivan"],"asset":["c-zephyr"],"percentage":["25"],"startDate":["2019-01-01"]}}
        {"id":"o2","schema":"Ownership","properties":{"owner":["p-olga"],"asset":["c-zephyr"],"percentage":["25%"],"startDate":["2019-01-01"]}}
        {"id":"o3","schema":"Ownership","properties":{"owner":["p-ivan"],"asset":["c-quartz"],"percentage":["30"]}}
        {"id":"o4","schema":"Ownership","properties":{"owner":["p-olga"],"asset":["c-quartz"],"percentage":["19.9"]}}
        {"id":"o5","schema":"Ownership","properties":{"owner":["p-ivan"],"asset":["c-obsidian"],"startDate":["2020-05-01"]}}
        {"id":"o6","schema":"Ownership","properties":{"owner":["p-ivan"],"asset":["c-holding"],"percentage":["100"]}}
        {"id":"o7","schema":"Ownership","properties":{"owner":["c-holding"],"asset":["c-granite"],"percentage":["40"]}}
        {"id":"o8","schema":"Ownership","properties":{"owner":["p-olga"],"asset":["c-granite"],"percentage":["30"],"startDate":["2018-01-01"],"endDate":["2030-12-31"]}}
        """;

    [Fact]
    public async Task FtmFileAsOnlySource_AggregatesOwnershipByCompanyName()
    {
        using var host = new CliTestHost();
        var source = host.Write("owners.ftm.jsonl", Ftm);
        var input = host.Write("input.csv", "id,name\nzephyr,Zephyr Mining Group\nquartz,Quartz Shipping Lines\nobsidian,Obsidian Freight Services\ngranite,Granite Logistics\n");

        var run = await CliTestHost.RunAsync("screen", input, "--no-default-data", "--source", source, "--format", "json", "--as-of", "2026-11-29");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines.ToDictionary(r => r.GetProperty("id").GetString()!);
        rows["zephyr"].GetProperty("decision").GetString().Should().Be("block", "25% + 25% by sanctioned persons is 50%");
        rows["zephyr"].GetProperty("rule").GetString().Should().Be("ofac-50-percent");
        var ownership = rows["zephyr"].GetProperty("hits")[0].GetProperty("ownership");
        ownership.GetProperty("sharePercent").GetDecimal().Should().Be(50m);
        ownership.GetProperty("terms").GetArrayLength().Should().Be(2);
        ownership.GetProperty("terms")[0].GetProperty("path")[0].GetProperty("validFrom").GetString().Should().Be("2019-01-01");
        rows["quartz"].GetProperty("decision").GetString().Should().NotBe("block", "30% + 19.9% is 49.9%");
        rows["quartz"].GetProperty("hits")[0].GetProperty("ownership").GetProperty("sharePercent").GetDecimal().Should().Be(49.9m);
        rows["obsidian"].GetProperty("decision").GetString().Should().Be("review", "the share is unknown");
        rows["obsidian"].GetProperty("rule").GetString().Should().Be("ownership-share-unknown");
        rows["obsidian"].GetProperty("hits")[0].GetProperty("ownership").GetProperty("terms")[0].GetProperty("sharePercent").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        rows["granite"].GetProperty("decision").GetString().Should().Be("block", "30% by Olga plus 40% by a company Ivan owns wholly is 70%");
        var steps = rows["granite"].GetProperty("hits")[0].GetProperty("steps");
        steps.GetArrayLength().Should().BeGreaterThan(0);
        steps[0].GetProperty("kind").GetString().Should().Be("owned-by");
    }

    [Theory]
    [InlineData("csv", "ofac-50-percent 50% (at least 50%) = ")]
    [InlineData("table", "ofac-50-percent 50% (at least 50%) = ")]
    public async Task FtmFileAsOnlySource_OwnershipTermsAppearInEveryFormat(string format, string expected)
    {
        using var host = new CliTestHost();
        var source = host.Write("owners.ftm.jsonl", Ftm);
        var input = host.Write("input.csv", "id,name\nzephyr,Zephyr Mining Group\n");

        var run = await CliTestHost.RunAsync("screen", input, "--no-default-data", "--source", source, "--format", format, "--as-of", "2026-11-29");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain(expected).And.Contain("owned-by 25% 2019-01-01..").And.Contain("Ivan Kholodov 25%").And.Contain("Olga Vetrova 25%");
    }

    [Fact]
    public async Task ErpTree_UltimateParentIsASection889Maker_BlocksWithTheWholeChain_RelabelReviews()
    {
        using var host = new CliTestHost();
        var tree = host.Write("erp-tree.csv", """
            id,name,kind,list,parent,relation,share,parent_from
            S-100,Northwind Vision Systems,organization,none,P-200,owned-by,100,2019-04
            P-200,Larkspur Security Holdings,organization,none,default:hikvision,subsidiary-of,,2017
            S-300,Brightfield Cameras,organization,none,default:dahua,relabel-of,,
            """);
        var input = host.Write("input.csv", "id,name\nnorthwind,Northwind Vision Systems\nbrightfield,Brightfield Cameras\n");

        var run = await CliTestHost.RunAsync("screen", input, "--source", tree, "--format", "json", "--as-of", "2026-11-29");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines.ToDictionary(r => r.GetProperty("id").GetString()!);
        var northwind = rows["northwind"];
        northwind.GetProperty("decision").GetString().Should().Be("block");
        var hit = northwind.GetProperty("hits")[0];
        hit.GetProperty("listedEntityId").GetString().Should().Be("default:hikvision");
        hit.GetProperty("path").EnumerateArray().Select(p => p.GetString()).Should().Equal(
            "erp-tree:S-100", "owned-by", "erp-tree:P-200", "subsidiary-of", "default:hikvision");
        hit.GetProperty("steps")[0].GetProperty("sharePercent").GetDecimal().Should().Be(100m);
        hit.GetProperty("steps")[0].GetProperty("validFrom").GetString().Should().Be("2019-04");
        hit.GetProperty("steps")[1].GetProperty("validFrom").GetString().Should().Be("2017");

        var brightfield = rows["brightfield"];
        brightfield.GetProperty("decision").GetString().Should().Be("review");
        brightfield.GetProperty("rule").GetString().Should().Be("relabel-evidence");
        brightfield.GetProperty("hits")[0].GetProperty("evidence").GetProperty("sourceUrl").GetString().Should().EndWith("erp-tree.csv:4");
    }

    [Fact]
    public async Task ParentsWithTheRequest_UltimateParentIsASection889Maker_BlocksWithTheWholeChain()
    {
        using var host = new CliTestHost();
        var input = host.Write("input.csv", "id,name,parent,ultimate_parent\nn1,Northwind Vision Systems,Larkspur Security Holdings,Hangzhou Hikvision Digital Technology Co. Ltd.\nn2,Quiet Meadow Bakery,,\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--as-of", "2026-11-29");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines.ToDictionary(r => r.GetProperty("id").GetString()!);
        rows["n1"].GetProperty("decision").GetString().Should().Be("block");
        var hit = rows["n1"].GetProperty("hits")[0];
        hit.GetProperty("field").GetString().Should().Be("parent");
        hit.GetProperty("listedEntityId").GetString().Should().Be("default:hikvision");
        hit.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("fromName").GetString(), s.GetProperty("kind").GetString(), s.GetProperty("toName").GetString()))
            .Should().Equal(("Northwind Vision Systems", "subsidiary-of", "Larkspur Security Holdings"), ("Larkspur Security Holdings", "subsidiary-of", "Hikvision"));
        rows["n2"].GetProperty("decision").GetString().Should().Be("clear");
    }

    [Fact]
    public async Task ParentsWithTheRequest_SanctionedOwnerShares_AddUp()
    {
        using var host = new CliTestHost();
        var source = host.Write("owners.ftm.jsonl", Ftm);
        var owned = ScreeningRequest.ForParty("Fresh Supplier Unlisted") with
        {
            AsOf = new DateOnly(2026, 11, 29),
            Parents = [new PartyParent("Basalt Holding") { Kind = RelationKind.OwnedBy, SharePercent = 60 }],
        };
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false)
            .AddSource(VendorScreen.Sources.SourceFormats.Get("ftm-json").Open(source)).Build();
        await engine.RefreshAsync();

        var result = await engine.ScreenAsync(owned);
        var minority = await engine.ScreenAsync(owned with { Parents = [new PartyParent("Basalt Holding") { Kind = RelationKind.OwnedBy, SharePercent = 30 }] });

        result.Decision.Should().Be(ScreeningDecision.Block, "Basalt Holding is wholly owned by a sanctioned person and holds 60%");
        result.DecidingRule.Should().Be("ofac-50-percent");
        var term = result.Hits[0].Ownership!.Terms.Should().ContainSingle().Which;
        term.OwnerId.Should().Be("opensanctions:c-holding");
        term.SharePercent.Should().Be(60m);
        term.Path[0].FromName.Should().Be("Fresh Supplier Unlisted");
        minority.Decision.Should().Be(ScreeningDecision.Review);
        minority.DecidingRule.Should().Be("minority-ownership");
    }

    [Fact]
    public async Task ErpTree_ParentThatIsNoRow_IsRejectedWithItsLine()
    {
        using var host = new CliTestHost();
        var tree = host.Write("erp-tree.csv", "id,name,list,parent\nS-1,Orphan Supplier,none,P-404\n");

        var run = await CliTestHost.RunAsync("sources", "--no-default-data", "--source", tree, "--format", "json");

        run.Stdout.Should().Contain("\"rejected\":1");
    }
}

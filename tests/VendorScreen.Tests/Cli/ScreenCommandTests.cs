using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FluentAssertions;

namespace VendorScreen.Tests.Cli;

public sealed class ScreenCommandTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Screen_FccIdTooShortForAGranteeCode_NotesItInJsonAndWarnsOnceWithTheLine()
    {
        var input = _host.Write("fcc.csv", "id,title,fcc_id\np1,Wireless camera,2ADT\np2,Wireless camera,N/A\np3,Wireless camera,SV\n");

        var json = await CliTestHost.RunAsync("screen", input, "--format", "json");
        var csv = await CliTestHost.RunAsync("screen", input, "--format", "csv");

        json.ExitCode.Should().Be(0, json.Stderr);
        var rows = json.JsonLines.ToDictionary(r => r.GetProperty("id").GetString()!);
        rows["p1"].GetProperty("decision").GetString().Should().Be("clear");
        rows["p1"].GetProperty("notes").EnumerateArray().Select(e => e.GetString()).Should().ContainSingle()
            .Which.Should().StartWith("fcc_id \"2ADT\" was not screened");
        rows["p2"].TryGetProperty("notes", out _).Should().BeFalse("N/A says there is no FCC ID");
        json.Stderr.Should().Contain("2 rows have values that could not be screened, first line 2: fcc_id \"2ADT\"").And.Contain("(see \"notes\")");
        csv.ExitCode.Should().Be(0, csv.Stderr);
        csv.Stderr.Should().Contain("2 rows have values that could not be screened").And.Contain("--format json lists them");
    }

    [Fact]
    public async Task Screen_JsonFormat_EzvizBlocksWithPathAndContractKeys()
    {
        var input = _host.Write("products.csv", "id,brand\np1,EZVIZ\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var row = run.JsonLines.Should().ContainSingle().Subject;
        row.EnumerateObject().Select(p => p.Name).Take(3).Should().Equal("id", "decision", "hits");
        row.GetProperty("id").GetString().Should().Be("p1");
        row.GetProperty("decision").GetString().Should().Be("block");
        var hit = row.GetProperty("hits")[0];
        hit.EnumerateObject().Select(p => p.Name).Take(9).Should().Equal(
            "field", "query", "entityId", "entityName", "matchedName", "score", "lists", "path", "reason");
        hit.GetProperty("field").GetString().Should().Be("brand");
        hit.GetProperty("query").GetString().Should().Be("EZVIZ");
        hit.GetProperty("entityId").GetString().Should().Be("default:ezviz");
        hit.GetProperty("matchedName").GetString().Should().Be("EZVIZ");
        hit.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Number);
        hit.GetProperty("score").GetDouble().Should().BeInRange(0.92, 1.0);
        hit.GetProperty("lists").EnumerateArray().Select(e => e.GetString()).Should().Contain("us-ndaa-889");
        hit.GetProperty("path").EnumerateArray().Select(e => e.GetString()).Should().Equal("default:ezviz", "subsidiary-of", "default:hikvision");
        hit.GetProperty("reason").GetString().Should().NotBeNullOrEmpty();
        hit.GetProperty("listedEntityId").GetString().Should().Be("default:hikvision");
        row.GetProperty("policy").GetString().Should().Be("default");
        row.GetProperty("line").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Screen_JsonFormat_OneLinePerRowInInputOrderWithDefaultIds()
    {
        var input = _host.Write("vendors.csv", "name,country\nAxis Communications AB,SE\nHikvision USA Inc.,US\n\"Zhejiang Dahua Technology Co., Ltd.\",CN\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines;
        rows.Select(r => r.GetProperty("id").GetString()).Should().Equal("1", "2", "3");
        rows.Select(r => r.GetProperty("decision").GetString()).Should().Equal("clear", "block", "block");
        rows[0].GetProperty("hits").GetArrayLength().Should().Be(0);
        rows[1].GetProperty("hits")[0].GetProperty("path").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("default:hikvision-usa", "subsidiary-of", "default:hikvision");
        rows[2].GetProperty("hits")[0].GetProperty("path").EnumerateArray().Select(e => e.GetString()).Should().Equal("default:dahua");
    }

    [Fact]
    public async Task Screen_JsonFormat_WritesNonAsciiNamesReadably()
    {
        var input = _host.Write("native.csv", "name\n杭州海康威视数字技术股份有限公司\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"query\":\"杭州海康威视数字技术股份有限公司\"").And.NotContain("\\u");
        run.JsonLines[0].GetProperty("decision").GetString().Should().Be("block");
    }

    [Fact]
    public async Task Screen_CsvFormat_HeaderAndBestHitPerRow()
    {
        var input = _host.Write("products.csv", "id,brand,title\np1,EZVIZ,\np2,Axis,AXIS M3086-V Dome Camera\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "csv");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.StdoutLines[0].Should().Be("id,decision,rule,score,field,query,entity_id,entity_name,matched_name,listed_entity_id,lists,path,reason,path_detail,ownership");
        using var csv = new CsvReader(new StringReader(run.Stdout), CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        records.Should().HaveCount(2);
        records[0]["id"].Should().Be("p1");
        records[0]["decision"].Should().Be("block");
        records[0]["rule"].Should().Be("prohibited-affiliate");
        records[0]["entity_id"].Should().Be("default:ezviz");
        records[0]["listed_entity_id"].Should().Be("default:hikvision");
        records[0]["path"].Should().Be("default:ezviz > subsidiary-of > default:hikvision");
        ((string)records[0]["path_detail"]).Should().StartWith("EZVIZ > subsidiary-of").And.EndWith("> Hikvision");
        ((string)records[0]["lists"]).Split(';').Should().Contain("us-ndaa-889");
        double.Parse((string)records[0]["score"], CultureInfo.InvariantCulture).Should().BeInRange(0.92, 1.0);
        records[1]["decision"].Should().Be("clear");
        records[1]["entity_id"].Should().Be(string.Empty);
        records[1]["reason"].Should().NotBe(string.Empty);
    }

    [Fact]
    public async Task Screen_TableFormat_PlainTextWithSummary()
    {
        var input = _host.Write("vendors.csv", "id,name\nv1,Hikvision USA Inc.\nv2,Axis Communications AB\nv3,[red]Hikvision[/] Inc.\n");

        var run = await CliTestHost.RunAsync("screen", input);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().NotContain("\u001b[", "redirected output has no ANSI escape codes");
        run.Stdout.Should().Contain("decision").And.Contain("best match").And.Contain("listed entity").And.Contain("path").And.Contain("reason");
        var v1 = run.StdoutLines.Single(l => l.Contains("v1", StringComparison.Ordinal));
        v1.Should().Contain("block").And.Contain("Hikvision USA > subsidiary-of > Hikvision");
        run.StdoutLines.Single(l => l.Contains("v2", StringComparison.Ordinal)).Should().Contain("clear");
        run.StdoutLines.Single(l => l.Contains("v3", StringComparison.Ordinal)).Should().Contain("[red]Hikvision[/] Inc.", "cell text is not markup");
        run.StdoutLines[^1].Should().MatchRegex(@"^3 rows: [12] block, [01] review, 1 clear, 0 incomplete$");
    }

    [Fact]
    public async Task Screen_OutputOption_WritesFileAndNothingToStdout()
    {
        var input = _host.Write("vendors.csv", "name\nHikvision\n");
        var output = _host.PathOf("out/result.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--output", output);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().BeEmpty();
        var lines = File.ReadAllLines(output);
        lines.Should().ContainSingle();
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("decision").GetString().Should().Be("block");
    }

    [Fact]
    public async Task Screen_RowAsOf_LorexWhileDahuaOwnedIsNotClearAndAfterSaleIsNotBlocked()
    {
        var input = _host.Write("lorex.csv", "id,name,as_of\nbefore,Lorex Technology Inc,2021-06-01\nafter,Lorex Technology Inc,2026-11-29\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines;
        rows[0].GetProperty("decision").GetString().Should().NotBe("clear");
        rows[0].GetProperty("asOf").GetString().Should().Be("2021-06-01");
        rows[0].GetProperty("hits").EnumerateArray().Should().Contain(h =>
            h.GetProperty("path").EnumerateArray().Select(e => e.GetString()).SequenceEqual(new[] { "default:lorex", "owned-by", "default:dahua" }));
        rows[1].GetProperty("decision").GetString().Should().NotBe("block");
        rows[1].GetProperty("asOf").GetString().Should().Be("2026-11-29");
    }

    [Fact]
    public async Task Screen_CategoryColumn_ScopesRelabelTiesAndEvidenceIsWritten()
    {
        var input = _host.Write("listings.csv",
            "id,brand,title,category\ncam,Swann,Swann 4-camera kit,Security Cameras\nkitchen,Swann,Swann 4-camera kit,Kitchen\nannke,,ANNKE 8CH 5MP DVR recorder,\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--as-of", "2026-12-01");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines;
        rows[0].GetProperty("decision").GetString().Should().Be("review");
        rows[1].GetProperty("decision").GetString().Should().Be("clear");
        rows[2].GetProperty("decision").GetString().Should().Be("review");
        var evidence = rows[2].GetProperty("hits")[0].GetProperty("evidence");
        evidence.GetProperty("kind").GetString().Should().Be("title-mention");
        evidence.GetProperty("confidence").GetString().Should().Be("uncertain");
        evidence.GetProperty("sourceUrl").GetString().Should().Be("https://github.com/Supergiovane/node-red-contrib-hikvision-ultimate/issues/24");
        evidence.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).Should().Equal("video-surveillance");
        rows[2].GetProperty("hits")[0].GetProperty("reason").GetString().Should().Contain("unconfirmed");
    }

    [Fact]
    public async Task Screen_AsOfOption_AppliesToRowsWithoutAsOfAndRowValueOverrides()
    {
        var input = _host.Write("lorex.csv", "id,brand,as_of\ndefaulted,Lorex,\noverridden,Lorex,2026-11-29\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--as-of", "2021-06-01");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines;
        rows[0].GetProperty("asOf").GetString().Should().Be("2021-06-01");
        rows[0].GetProperty("decision").GetString().Should().NotBe("clear");
        rows[1].GetProperty("asOf").GetString().Should().Be("2026-11-29");
        rows[1].GetProperty("decision").GetString().Should().NotBe("block");
    }

    [Theory]
    [InlineData("review", "Hikvison Digital Technology", 1)]
    [InlineData("block", "Hikvison Digital Technology", 0)]
    [InlineData("block", "Hikvision USA Inc.", 1)]
    [InlineData("review", "Axis Communications AB", 0)]
    public async Task Screen_FailOn_ExitsOneOnlyWhenARowReachesTheDecision(string failOn, string name, int expectedExitCode)
    {
        var input = _host.Write("one.csv", $"name\n{name}\n");

        var withFailOn = await CliTestHost.RunAsync("screen", input, "--format", "json", "--fail-on", failOn);
        var without = await CliTestHost.RunAsync("screen", input, "--format", "json");

        withFailOn.ExitCode.Should().Be(expectedExitCode, withFailOn.Stderr);
        withFailOn.JsonLines.Should().ContainSingle("the output is complete whatever the exit code");
        without.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Screen_FailOnMisspelling_IsReviewNotBlock()
    {
        var input = _host.Write("one.csv", "name\nHikvison Digital Technology\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.JsonLines[0].GetProperty("decision").GetString().Should().Be("review", "the fail-on theory above relies on it");
    }

    [Fact]
    public async Task Screen_NoDefaultDataWithCustomSource_ScreensOnlyTheCustomList()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("vendors.csv", "id,name\ng,Globex Trading Company Limited\ni,Initech Components\nh,Hikvision\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--no-default-data", "--source", dataset);

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines;
        rows[0].GetProperty("decision").GetString().Should().Be("block");
        rows[0].GetProperty("hits")[0].GetProperty("lists").EnumerateArray().Select(e => e.GetString()).Should().Equal("acme-blocklist");
        rows[1].GetProperty("decision").GetString().Should().NotBe("clear");
        rows[1].GetProperty("hits")[0].GetProperty("path").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("acme:initech", "subsidiary-of", "acme:globex");
        rows[2].GetProperty("decision").GetString().Should().Be("clear", "the embedded dataset is off");
        rows[0].GetProperty("datasetVersion").GetString().Should().Be("acme@2025-01-15");
        run.Stderr.Should().Contain("rejected 1 record", "a rejected record in a source is reported");
    }

    [Fact]
    public async Task Screen_EmptyList_IsRefusedWithExitCode3UnlessAllowedEmpty()
    {
        var list = _host.Write("empty.xml", "<?xml version=\"1.0\"?><CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00\"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>");
        var input = _host.Write("empty-in.csv", "id,name\n1,Quarkwell Trading\n");

        var refused = await CliTestHost.RunAsync("screen", input, "--format", "json", "--source", "un-xml:" + list, "--fail-on", "review");
        var allowed = await CliTestHost.RunAsync("screen", input, "--format", "json", "--source", "un-xml:" + list, "--allow-empty", "un");

        refused.ShouldFailWith(3, "source \"un\"", "no entity", "--allow-empty un");
        refused.Stdout.Should().BeEmpty();
        allowed.ExitCode.Should().Be(0, allowed.Stderr);
        allowed.JsonLines.Single().GetProperty("decision").GetString().Should().Be("clear");
    }

    [Fact]
    public async Task Screen_LocalListCutShortSinceTheLastRun_IsRefusedWithExitCode3()
    {
        var rows = string.Concat(Enumerable.Range(1, 10).Select(i => $"F-{i},Zarvandi Tooling Company {(char)('A' + i)}x,organization,IR,erp-blocklist\n"));
        var list = _host.Write("shrinking.csv", "id,name,kind,country,list\n" + rows);
        var input = _host.Write("shrinking-in.csv", "id,name\n1,Zarvandi Tooling Company Bx\n");
        var cache = Path.Combine(_host.Directory, "cache");
        var first = await CliTestHost.RunAsync(c => c with { CacheDirectory = cache }, "screen", input, "--format", "json", "--no-default-data", "--source", "custom-csv:" + list);
        _host.Write("shrinking.csv", "id,name,kind,country,list\n" + string.Concat(rows.Split('\n').Take(3).Select(r => r + "\n")));

        var second = await CliTestHost.RunAsync(c => c with { CacheDirectory = cache }, "screen", input, "--format", "json", "--no-default-data", "--source", "custom-csv:" + list);

        first.ExitCode.Should().Be(0, first.Stderr);
        File.Exists(Path.Combine(cache, "source-state.json")).Should().BeTrue();
        second.ShouldFailWith(3, "shrinking", "fewer", "source-state.json");
        second.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("dob")]
    [InlineData("date_of_birth")]
    [InlineData("Date of Birth")]
    public async Task Screen_DateOfBirthColumn_QualifiesPersonMatches(string column)
    {
        var list = _host.Write("people.csv", "id,name,kind,country,list,identifiers\nP-1,Ivan Petrovich Sidorov,person,RU,erp-blocklist,date-of-birth:1965-03-02\n");
        var input = _host.Write("people-in.csv", $"id,name,{column},country\nsame,Ivan Petrovich Sidorov,1965,RU\nother,Ivan Petrovich Sidorov,1971,\nnone,Ivan Petrovich Sidorov,,\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--no-default-data", "--source", "custom-csv:" + list);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines.Select(r => r.GetProperty("decision").GetString()).Should().Equal("block", "clear", "block");
        run.Stderr.Should().NotContain("ignoring unknown");
    }

    [Fact]
    public async Task Screen_CountryColumn_FeedsPartyCountry()
    {
        var list = _host.Write("firms.csv", "id,name,kind,country,list\nF-1,Zarvandi Precision Tooling Company,organization,IR,erp-blocklist\n");
        var input = _host.Write("firms-in.csv", "id,name,country\nsame,Zarvandi Precision Tooling Company,IR\nother,Zarvandi Precision Tooling Company,DE\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--no-default-data", "--source", "custom-csv:" + list);

        run.ExitCode.Should().Be(0, run.Stderr);
        var scores = run.JsonLines.Select(r => r.GetProperty("hits")[0].GetProperty("score").GetDouble()).ToList();
        scores.Should().Equal(1.0, 0.95);
    }

    [Fact]
    public async Task Screen_CustomSourceWithFormatPrefix_AddsToDefaultData()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("vendors.csv", "name\nGlobex Trading\nHikvision\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--source", "vendorscreen-json:" + dataset);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines.Select(r => r.GetProperty("decision").GetString()).Should().Equal("block", "block");
    }

    [Fact]
    public async Task Screen_SanctionsOnlyPolicy_DoesNotBlockProcurementListedEntity()
    {
        var input = _host.Write("vendors.csv", "name\nHikvision\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--policy", "sanctions-only");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines[0].GetProperty("policy").GetString().Should().Be("sanctions-only");
        run.JsonLines[0].GetProperty("decision").GetString().Should().Be("clear");
    }

    [Fact]
    public async Task Screen_ProductRowWithName_NameBecomesManufacturerThenSeller()
    {
        var input = _host.Write("products.csv",
            "id,name,brand,manufacturer,seller\nm,Hikvision,Acme Cameras,,\ns,Hikvision USA Inc.,Acme Cameras,Acme Manufacturing,\nsame,Hikvision,Hikvision,,\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines;
        rows[0].GetProperty("hits")[0].GetProperty("field").GetString().Should().Be("manufacturer");
        rows[1].GetProperty("hits")[0].GetProperty("field").GetString().Should().Be("seller");
        rows[2].GetProperty("hits").EnumerateArray().Should().NotContain(h => h.GetProperty("field").GetString() == "manufacturer",
            "a name equal to the brand adds nothing");
    }

    [Fact]
    public async Task Screen_HeaderNamesAreCaseInsensitiveTrimmedAndBomIsAllowed()
    {
        var input = _host.Write("bom.csv", " ID , Brand ,FCC-ID\r\nx,EZVIZ,\r\n", bom: true);

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines[0].GetProperty("id").GetString().Should().Be("x");
        run.JsonLines[0].GetProperty("decision").GetString().Should().Be("block");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Screen_UnknownColumns_AreIgnoredWithOneWarning()
    {
        var input = _host.Write("extra.csv", "name,internal_ref,notes\nHikvision,A-1,x\nAxis Communications AB,A-2,y\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0);
        run.JsonLines.Should().HaveCount(2);
        run.Stderr.Trim().Should().Be($"vendorscreen: warning: {input}: ignoring unknown columns \"internal_ref\", \"notes\"");
    }

    [Fact]
    public async Task Screen_TrailingBlankLines_AreIgnored()
    {
        var input = _host.Write("trailing.csv", "name\nHikvision\n\n\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines.Should().ContainSingle();
    }

    [Fact]
    public async Task Screen_ManyRows_OneRecordPerRowInOrderAcrossChunks()
    {
        var names = new[] { "Hikvision", "Axis Communications AB", "EZVIZ Network", "Bosch Security Systems" };
        var rows = Enumerable.Range(1, 600).Select(i => $"r{i},{names[i % names.Length]}");
        var input = _host.Write("many.csv", "id,name\n" + string.Join('\n', rows) + "\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "csv");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.StdoutLines.Skip(1).ToList();
        lines.Should().HaveCount(600);
        lines.Select(l => l.Split(',')[0]).Should().Equal(Enumerable.Range(1, 600).Select(i => $"r{i}"));
        lines.Where((_, i) => (i + 1) % names.Length == 0).Should().OnlyContain(l => l.Contains(",block,", StringComparison.Ordinal));
    }
}

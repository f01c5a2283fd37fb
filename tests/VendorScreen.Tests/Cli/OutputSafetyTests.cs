using System.Globalization;
using CsvHelper;
using FluentAssertions;
using VendorScreen.Cli;
using VendorScreen.Cli.Output;

namespace VendorScreen.Tests.Cli;

/// <summary>Output cannot attack its reader: CSV cells never start a spreadsheet formula, tables and messages never carry a
/// control character to the terminal, JSON escapes them.</summary>
public sealed class OutputSafetyTests : IDisposable
{
    /// <summary>A list whose names start with formula characters or hold terminal escape sequences and bidi overrides.</summary>
    private const string HostileListJson = """
        {
          "format": "vendorscreen-dataset/1",
          "source": "hostile",
          "version": "2025-01-15",
          "lists": [ { "id": "hostile-blocklist", "name": "Hostile names", "category": "custom" } ],
          "entities": [
            { "id": "evil", "kind": "organization", "name": "=Evil Corp", "listings": [ { "list": "hostile-blocklist" } ] },
            { "id": "rogue", "kind": "organization", "name": "@Rogue Systems", "listings": [ { "list": "hostile-blocklist" } ] },
            { "id": "plus", "kind": "organization", "name": "+Plus Holdings", "listings": [ { "list": "hostile-blocklist" } ] },
            { "id": "minus", "kind": "organization", "name": "-Minus Labs", "listings": [ { "list": "hostile-blocklist" } ] },
            { "id": "title", "kind": "organization", "name": "Titled \u001b]0;owned\u0007 Works \u202Edecnalab",
              "names": [ { "value": "Titled Works", "kind": "alias" } ], "listings": [ { "list": "hostile-blocklist" } ] }
          ]
        }
        """;

    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("Acme = 1", "Acme = 1")]
    [InlineData("", "")]
    public void CsvCell_FormulaStart_GetsASingleQuote(string cell, string expected) =>
        SafeText.CsvCell(cell).Should().Be(expected);

    [Fact]
    public async Task ScreenCsv_FormulaCharactersFromInputAndList_AreEscaped()
    {
        var list = _host.Write("hostile.json", HostileListJson);
        var input = _host.Write("in.csv", """
            id,name
            =1+1,Evil Corp
            +2,Rogue Systems
            -3,Plus Holdings
            @4,Minus Labs
            5,=cmd|' /C calc'!A0
            """);

        var run = await CliTestHost.RunAsync("screen", input, "--format", "csv", "--no-default-data", "--source", "vendorscreen-json:" + list);

        run.ExitCode.Should().Be(0, run.Stderr);
        var records = ReadCsv(run.Stdout);
        var header = records[0];
        var rows = records.Skip(1).ToList();
        rows.Should().HaveCount(5);
        rows.Select(r => r[0]).Should().Equal("'=1+1", "'+2", "'-3", "'@4", "5");
        var entityName = Array.IndexOf(header, "entity_name");
        var matchedName = Array.IndexOf(header, "matched_name");
        rows.Take(4).Select(r => r[entityName]).Should().Equal("'=Evil Corp", "'@Rogue Systems", "'+Plus Holdings", "'-Minus Labs");
        rows.Take(4).Select(r => r[matchedName]).Should().Equal("'=Evil Corp", "'@Rogue Systems", "'+Plus Holdings", "'-Minus Labs");
        var score = Array.IndexOf(header, "score");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i != score && row[i].Length > 0)
                {
                    "=+-@\t\r".Should().NotContain(row[i][0].ToString(), "cell {0} of row {1} must not start a formula", header[i], row[0]);
                }
            }
        }

        rows.Take(4).Select(r => double.Parse(r[score], CultureInfo.InvariantCulture)).Should().OnlyContain(s => s > 0 && s <= 1, "scores are written as numbers");
    }

    [Fact]
    public async Task ScreenTable_ControlCharactersFromInputAndList_AreShownVisibly()
    {
        var list = _host.Write("hostile.json", HostileListJson);
        var input = _host.Write("in.csv", "id,name\n" +
            "\"\u001b]0;pwned\u0007id1\",Titled Works\n" +
            "\"id2\u001b[1A\u001b[2K\rForged\",Acme\n" +
            "\"id3\b\b\b\u202Eemca\u2066\u009b31m\",Acme Ltd\n");

        var run = await CliTestHost.RunAsync("screen", input, "--no-default-data", "--source", "vendorscreen-json:" + list);

        run.ExitCode.Should().Be(0, run.Stderr);
        ShouldHaveNoControlCharacters(run.Stdout);
        run.Stdout.Should().Contain("\\u001B]0;pwned\\u0007id1").And.Contain("id2\\u001B[1A\\u001B[2K\\u000DForged")
            .And.Contain("id3\\u0008\\u0008\\u0008\\u202Eemca\\u2066\\u009B31m");
        run.Stdout.Should().Contain("Titled \\u001B]0;owned\\u0007 Works \\u202Edecnalab", "names from list files are rendered the same way");
    }

    [Fact]
    public async Task ScreenWarningsAndErrors_ControlCharactersFromInput_AreShownVisibly()
    {
        var warned = _host.Write("warn.csv", "name,\"\u001b]0;title\u0007col\"\nHikvision,x\n");
        var failed = _host.Write("fail.csv", "name,as_of\nHikvision,\"\u001b[2J\u001b[H2021\r-01-01\"\n");

        var warning = await CliTestHost.RunAsync("screen", warned, "--format", "json");
        var error = await CliTestHost.RunAsync("screen", failed);

        warning.ExitCode.Should().Be(0);
        ShouldHaveNoControlCharacters(warning.Stderr);
        warning.Stderr.Should().Contain("warning: ").And.Contain("\"\\u001B]0;title\\u0007col\"");
        error.ShouldFailWith(2, "invalid as_of \"\\u001B[2J\\u001B[H2021\\u000D-01-01\"");
        ShouldHaveNoControlCharacters(error.Stderr);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Sources_ControlCharactersFromAListFile_AreShownVisibly(string format)
    {
        var list = _host.Write("hostile.json", HostileListJson.Replace("\"2025-01-15\"", "\"2025-01-15\\u001b]0;owned\\u0007\\u202E\"", StringComparison.Ordinal));

        var run = await CliTestHost.RunAsync("sources", "--no-default-data", "--source", "vendorscreen-json:" + list, "--format", format);

        run.ExitCode.Should().Be(0, run.Stderr);
        ShouldHaveNoControlCharacters(run.Stdout);
        run.Stdout.Should().Contain("2025-01-15\\u001B]0;owned\\u0007\\u202E");
    }

    [Fact]
    public void OneLine_FoldsLineBreaksAndRendersOtherControls()
    {
        CliContext.OneLine("first\r\nsecond\nthird\rfourth\u001b[31m\u202E\u0085").Should().Be("first second third\\u000Dfourth\\u001B[31m\\u202E");
    }

    [Fact]
    public async Task ScreenJson_ControlCharacters_AreEscapedAndRoundTrip()
    {
        const string Id = "\u001b]0;pwned\u0007\u009b2J\u202E\u2066x";
        var input = _host.Write("in.csv", $"id,name\n\"{Id}\",\"Hikvision\u001b[8m\"\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        ShouldHaveNoControlCharacters(run.Stdout);
        var row = run.JsonLines.Should().ContainSingle().Subject;
        row.GetProperty("id").GetString().Should().Be(Id);
        row.GetProperty("hits")[0].GetProperty("query").GetString().Should().Be("Hikvision\u001b[8m");
    }

    private static void ShouldHaveNoControlCharacters(string text)
    {
        var controls = text.Where(c => c != '\n' && SafeText.IsControl(c)).Select(c => $"U+{(int)c:X4}").Distinct().ToList();
        controls.Should().BeEmpty("no control character may reach the terminal; output was: {0}", text);
    }

    private static List<string[]> ReadCsv(string text)
    {
        using var parser = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read())
        {
            records.Add(parser.Record!);
        }

        return records;
    }
}

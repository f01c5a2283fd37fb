using System.Text;
using FluentAssertions;
using VendorScreen.Cli.Input;

namespace VendorScreen.Tests.Cli;

/// <summary>Every bad input stops with exit code 2 and one line naming the file, the line and the problem.</summary>
public sealed class ScreenInputErrorTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Screen_MissingFile_ExitsTwoNamingTheFile()
    {
        var path = _host.PathOf("nope.csv");

        var run = await CliTestHost.RunAsync("screen", path);

        run.ShouldFailWith(2, path, "no such file");
        run.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public async Task Screen_EmptyFile_ExitsTwoWithLine(string content)
    {
        var path = _host.Write("empty.csv", content);

        var run = await CliTestHost.RunAsync("screen", path);

        run.ShouldFailWith(2, $"{path}:1:", "empty file");
    }

    [Theory]
    [InlineData("name,country\nHikvision,CN\nAcme \"Best\" Ltd,US\n", 3)]
    [InlineData("name,country\nHikvision,CN\n\"Acme Ltd\"x,US\n", 3)]
    [InlineData("name,country\nHikvision,CN\n\"Acme Ltd,US\nAxis,SE\n", 3)]
    public async Task Screen_BrokenQuoting_ExitsTwoWithLine(string content, int line)
    {
        var path = _host.Write("quotes.csv", content);

        var run = await CliTestHost.RunAsync("screen", path, "--format", "json");

        run.ShouldFailWith(2, $"{path}:{line}:", "quot");
        run.Stdout.Should().BeEmpty("nothing is written when the input is bad");
    }

    [Theory]
    [InlineData("2021-13-01")]
    [InlineData("01/06/2021")]
    [InlineData("yesterday")]
    public async Task Screen_InvalidAsOfOption_ExitsTwo(string asOf)
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");

        var run = await CliTestHost.RunAsync("screen", path, "--as-of", asOf);

        run.ShouldFailWith(2, "--as-of", asOf, "yyyy-MM-dd");
    }

    /// <summary>Bad files: the content, and the fragments the one-line message must hold (<c>{path}</c> stands for the file).</summary>
    public static TheoryData<string, string[]> BadFiles() => new()
    {
        { "id,country\n1,CN\n", ["{path}:1:", "no name column"] },
        { "name,Name\na,b\n", ["{path}:1:", "appears twice"] },
        { "id,name,as_of\n1,\"Acme\nTrading\",\n2,Hikvision,2021-13-01\n", ["{path}:4:", "invalid as_of \"2021-13-01\" (expected yyyy-MM-dd)"] },
        { "name,as_of\nHikvision,2021-06-01\nLorex,2021-13-01\n", ["{path}:3: invalid as_of \"2021-13-01\" (expected yyyy-MM-dd)"] },
        { "name,date_of_birth\nIvan Sidorov,1965\nPetr Ivanov,02/03/1965\n", ["{path}:3: invalid date_of_birth \"02/03/1965\" (expected yyyy, yyyy-MM or yyyy-MM-dd)"] },
        { "name,DOB\nIvan Sidorov,1965-02-30\n", ["{path}:2: invalid dob \"1965-02-30\" (expected yyyy, yyyy-MM or yyyy-MM-dd)"] },
        { "name,dob,date_of_birth\nIvan Sidorov,1965,1965\n", ["{path}:1:", "\"date_of_birth\" appears twice"] },
        { "name,title\nHikvision,x\n" + string.Join(',', Enumerable.Repeat(new string('a', 1000), 80)) + "\n", ["{path}:3:", "longer than 65536 characters"] },
        { "name\nHikvision\n\"" + new string('a', InputFile.MaxFieldLength + 1) + "\"\n", ["{path}:3:", $"longer than {InputFile.MaxFieldLength} characters"] },
        { "id,name,brand,country\n1,Hikvision,,CN\n2,,,US\n", ["{path}:3:", "nothing to screen"] },
        { "name\nHikvision\n\nAxis Communications AB\n", ["{path}:3:", "blank line"] },
        { "name,manufacturer,seller,title\nAcme,Maker Ltd,Shop Ltd,Camera\n", ["{path}:2:", "name \"Acme\""] },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Screen_BadFile_ExitsTwoWithFileLineAndProblem(string content, string[] expected)
    {
        var path = _host.Write("bad.csv", content);

        var run = await CliTestHost.RunAsync("screen", path);

        run.ShouldFailWith(2, expected.Select(e => e.Replace("{path}", path, StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task Screen_BadRowAndAListThatCannotBeLoaded_ReportsTheRow()
    {
        // Every row is checked before the lists are loaded: a bad row stops the run with its own error, not the list's.
        var path = _host.Write("bad.csv", "name,as_of\nHikvision,\nAxis Communications AB,2021-13-01\n");
        var list = _host.PathOf("no-such-list.json");

        var run = await CliTestHost.RunAsync("screen", path, "--source", list, "--no-default-data", "--format", "json");

        run.ShouldFailWith(2, $"{path}:3:", "invalid as_of \"2021-13-01\"");
        run.Stderr.Should().NotContain("no-such-list.json");
        run.Stdout.Should().BeEmpty("nothing is written when the input is bad");
    }

    [Fact]
    public async Task Screen_GoodRowsAndAListThatCannotBeLoaded_ReportsTheList()
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");
        var list = _host.PathOf("no-such-list.json");

        var run = await CliTestHost.RunAsync("screen", path, "--source", list, "--no-default-data");

        run.ShouldFailWith(3, list, "no such file");
        run.Stdout.Should().BeEmpty();
    }

    /// <summary>Bad options on a good file: the options, and the fragments the one-line message must hold.</summary>
    public static TheoryData<string[], string[]> BadOptions() => new()
    {
        { ["--source", "https://example.org/list.json"], ["https://example.org/list.json", "name the list format of a URL as format:URL"] },
        { ["--source", "nope:https://example.org/list.json"], ["nope:https://example.org/list.json", "unknown format \"nope\""] },
        { ["--no-default-data"], ["--no-default-data", "--source"] },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Screen_BadOptions_ExitsTwoNamingTheProblem(string[] options, string[] expected)
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");

        var run = await CliTestHost.RunAsync(["screen", path, .. options]);

        run.ShouldFailWith(2, expected);
    }

    [Fact]
    public async Task Screen_FileWithoutLineBreaks_ExitsTwoWithoutReadingItWhole()
    {
        var path = _host.Write("oneline.csv", "name," + new string('x', 200_000));

        var run = await CliTestHost.RunAsync("screen", path);

        run.ShouldFailWith(2, $"{path}:1:");
    }

    [Theory]
    [InlineData("name,country\nHikvision,CN,extra\n", "3 fields but the header has 2")]
    [InlineData("name,country,brand\nHikvision,CN\n", "2 fields but the header has 3")]
    public async Task Screen_FieldCountDiffersFromHeader_ExitsTwoWithLine(string content, string problem)
    {
        var path = _host.Write("count.csv", content);

        var run = await CliTestHost.RunAsync("screen", path);

        run.ShouldFailWith(2, $"{path}:2: {problem}");
    }

    [Fact]
    public async Task Screen_InvalidUtf8_ExitsTwoWithLine()
    {
        var bytes = Encoding.UTF8.GetBytes("name\nHikvision\n").Concat(new byte[] { 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A }).ToArray();
        var path = _host.WriteBytes("latin1.csv", bytes);

        var run = await CliTestHost.RunAsync("screen", path);

        run.ShouldFailWith(2, $"{path}:3:", "UTF-8");
    }

    [Theory]
    [InlineData("--format", "xml", "unknown --format \"xml\" (expected table, json, csv, html)")]
    [InlineData("--policy", "strict", "unknown --policy \"strict\" (expected default, federal-contractor, sanctions-only, marketplace-listing, human-rights-due-diligence)")]
    [InlineData("--fail-on", "clear", "unknown --fail-on \"clear\" (expected review, block)")]
    public async Task Screen_UnknownOptionValue_ExitsTwo(string option, string value, string message)
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");

        var run = await CliTestHost.RunAsync("screen", path, option, value);

        run.ShouldFailWith(2, message);
        run.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("screen")]
    [InlineData("screen", "a.csv", "--colour")]
    [InlineData("screen", "a.csv", "b.csv")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Run_BadUsage_ExitsTwoWithOneLine(params string[] args)
    {
        var run = await CliTestHost.RunAsync(args);

        run.ShouldFailWith(2, "--help");
    }

    [Fact]
    public async Task Screen_OutputInMissingFolder_ExitsTwoNamingIt()
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");
        var output = _host.PathOf("missing/dir/out.json");

        var run = await CliTestHost.RunAsync("screen", path, "--output", output);

        run.ShouldFailWith(2, output, "cannot write");
    }

    [Fact]
    public async Task Screen_OutputSameAsInput_ExitsTwoAndKeepsTheInput()
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");

        var run = await CliTestHost.RunAsync("screen", path, "--output", path);

        run.ShouldFailWith(2, "would overwrite the input file");
        File.ReadAllText(path).Should().Be("name\nHikvision\n");
    }

    [Fact]
    public async Task Screen_SourceFileMissing_ExitsThree()
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");
        var source = _host.PathOf("missing-list.json");

        var run = await CliTestHost.RunAsync("screen", path, "--source", source);

        run.ShouldFailWith(3, source, "no such file");
    }

    [Fact]
    public async Task Screen_SourceThatFailsToLoad_ExitsThreeNamingSourceAndError()
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");
        var source = _host.Write("broken-list.json", "{ \"format\": \"vendorscreen-dataset/1\", \"source\": \"broken\", \"entities\": [ { ");

        var run = await CliTestHost.RunAsync("screen", path, "--source", "vendorscreen-json:" + source);

        run.ShouldFailWith(3, "\"broken-list\"", "could not be loaded", "not valid JSON");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Screen_UnknownSourceFormat_ExitsThree()
    {
        var path = _host.Write("ok.csv", "name\nHikvision\n");
        var source = _host.Write("list.txt", "hello");

        var run = await CliTestHost.RunAsync("screen", path, "--source", source);

        run.ShouldFailWith(3, source, "no supported format");
    }
}

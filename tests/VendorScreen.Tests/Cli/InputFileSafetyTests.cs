using System.CommandLine;
using System.Text;
using FluentAssertions;
using VendorScreen.Cli;

namespace VendorScreen.Tests.Cli;

/// <summary>Input encodings, output paths that reach the input through links, and one-line configuration errors.</summary>
public sealed class InputFileSafetyTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Screen_ValidReplacementCharacter_IsAccepted()
    {
        var input = _host.Write("fffd.csv", "id,name\n1,Acme \uFFFD Trading\n2,Hikvision\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines.Select(j => j.GetProperty("decision").GetString()).Should().Equal("clear", "block");
    }

    [Fact]
    public async Task Screen_InvalidUtf8AfterTheFirstBuffer_NamesItsLine()
    {
        var text = new StringBuilder("name\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append("Acme Trading Company Limited ").Append(i).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { 0x4D, 0xFC, 0x6C, 0x0A }).ToArray();
        var input = _host.WriteBytes("late.csv", bytes);

        var run = await CliTestHost.RunAsync("screen", input);

        run.ShouldFailWith(2, $"{input}:5002:", "not valid UTF-8");
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-16le-bom")]
    public async Task Screen_Utf16File_SaysSoWithoutEchoingBytes(string kind)
    {
        var encoding = kind.StartsWith("utf-16le", StringComparison.Ordinal) ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var bytes = encoding.GetBytes("id,name\n1,Hikvision\n");
        if (kind.EndsWith("-bom", StringComparison.Ordinal))
        {
            bytes = [.. encoding.GetPreamble(), .. bytes];
        }

        var input = _host.WriteBytes("utf16.csv", bytes);

        var run = await CliTestHost.RunAsync("screen", input);

        run.ShouldFailWith(2, $"{input}:1:", "looks like UTF-16", "save the file as UTF-8");
        run.Stderr.Should().NotContain("\0");
    }

    [Fact]
    public async Task Screen_NulByteInUtf8File_NamesItsLine()
    {
        var input = _host.WriteBytes("nul.csv", Encoding.UTF8.GetBytes("id,name\n1,Hikvision\n2,Acme\0Trading\n"));

        var run = await CliTestHost.RunAsync("screen", input);

        run.ShouldFailWith(2, $"{input}:3:", "NUL byte");
        run.Stderr.Should().NotContain("\0");
    }

    [Fact]
    public async Task Screen_OutputIsASymlinkToTheInput_ExitsTwoAndKeepsTheInput()
    {
        const string Content = "name\nHikvision\n";
        var input = _host.Write("in.csv", Content);
        var link = _host.PathOf("out.csv");
        File.CreateSymbolicLink(link, input);

        var run = await CliTestHost.RunAsync("screen", input, "--output", link);

        run.ShouldFailWith(2, "would overwrite the input file");
        File.ReadAllText(input).Should().Be(Content);
    }

    [Fact]
    public async Task Screen_OutputReachesTheInputThroughALinkedFolder_ExitsTwoAndKeepsTheInput()
    {
        const string Content = "name\nHikvision\n";
        var input = _host.Write("in.csv", Content);
        var folder = _host.PathOf("linked");
        Directory.CreateSymbolicLink(folder, _host.Directory);

        var run = await CliTestHost.RunAsync("screen", Path.Combine(folder, "in.csv"), "--output", input);

        run.ShouldFailWith(2, "would overwrite the input file");
        File.ReadAllText(input).Should().Be(Content);
    }

    [Fact]
    public async Task Screen_OutputElsewhere_IsWritten()
    {
        var input = _host.Write("in.csv", "name\nHikvision\n");
        var output = _host.PathOf("out.jsonl");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--output", output);

        run.ExitCode.Should().Be(0, run.Stderr);
        File.ReadAllLines(output).Should().ContainSingle();
    }

    [Theory]
    [InlineData("""{"lists":[{"name":"a","url":"https://example.org/a.json"},{"url":"https://example.org/b.json","format":"un-xml"}]}""", "2 problems")]
    [InlineData("""{"lists":[{"name":"a" """, "not valid JSON")]
    [InlineData("""{"other":1}""", "expected an object")]
    public async Task Update_InvalidConfig_OneLineNamingTheFileOnce(string json, string problem)
    {
        var config = _host.Write("lists.json", json);
        var root = new RootCommand("test") { UpdateCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await root.Parse(["update", "--config", config, "--cache", _host.PathOf("cache")]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        exit.Should().Be(2);
        var line = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Subject;
        line.Should().StartWith($"vendorscreen update: --config {config}: ").And.Contain(problem);
        line.Split(config).Should().HaveCount(2, "the file is named once");
    }
}

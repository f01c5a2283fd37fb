using System.Text;
using System.Text.Json;
using FluentAssertions;
using VendorScreen.Cli.Output;

namespace VendorScreen.Tests.Cli;

/// <summary>JSON lines are written as the UTF-8 the JSON writer makes, except a line that holds a character a terminal would act on,
/// which is escaped; either way the lines come out in order.</summary>
public sealed class JsonLinesOutputTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("Hikvision Digital Technology Co., Ltd.")]
    [InlineData("杭州海康威视数字技术股份有限公司")]
    [InlineData("Ханчжоу Хиквижн")]
    [InlineData("Emoji \U0001F600 outside the basic plane")]
    [InlineData("")]
    public void HasControl_PrintableText_IsFalse(string text)
    {
        SafeText.HasControl(Encoding.UTF8.GetBytes(text)).Should().BeFalse();
        SafeText.Visible(text).Should().BeSameAs(text, "what HasControl lets through, Visible leaves as it is");
    }

    [Theory]
    [InlineData("\u0001 a C0 control")]
    [InlineData("DEL \u007F")]
    [InlineData("a C1 control \u009B31m")]
    [InlineData("right-to-left override \u202Eemca")]
    [InlineData("isolate \u2066x\u2069")]
    [InlineData("mark \u200F and \u061C")]
    [InlineData("separators \u2028 \u2029")]
    public void HasControl_ControlCharacter_IsTrue(string text)
    {
        SafeText.HasControl(Encoding.UTF8.GetBytes(text)).Should().BeTrue();
        SafeText.Visible(text).Should().NotBe(text);
    }

    [Fact]
    public void HasControl_BytesThatAreNotUtf8_IsTrue()
    {
        SafeText.HasControl([(byte)'a', 0xC3, (byte)'b']).Should().BeTrue("a cut-short sequence is left to the text path");
        SafeText.HasControl([0xFF]).Should().BeTrue();
    }

    [Fact]
    public async Task ScreenJson_ToAFile_LinesWithAndWithoutControlCharactersComeOutInOrder()
    {
        var input = _host.Write("in.csv", "id,name\n" +
            "R1,Hikvision\n" +
            "\"R2\u202Eemca\",Acme Widgets\n" +
            "R3,Dahua Technology\n" +
            "\"R4\u2066\",Acme Widgets\n" +
            "R5,Acme Widgets\n");
        var output = _host.PathOf("out.jsonl");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "-o", output);

        run.ExitCode.Should().Be(0, run.Stderr);
        var text = await File.ReadAllTextAsync(output);
        text.Should().NotContain("\u202E").And.NotContain("\u2066").And.Contain("R2\\u202Eemca").And.Contain("R4\\u2066");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString())
            .Should().Equal("R1", "R2\u202Eemca", "R3", "R4\u2066", "R5");
        lines[0].Should().Contain("\"decision\":\"block\"");
    }

    [Fact]
    public async Task ScreenJson_ToStandardOutput_IsTheSameAsToAFile()
    {
        var input = _host.Write("in.csv", "id,name\nR1,Hikvision\n\"R2\u202E\",Acme\nR3,Dahua\n");
        var output = _host.PathOf("out.jsonl");

        var toFile = await CliTestHost.RunAsync("screen", input, "--format", "json", "-o", output);
        var toStdout = await CliTestHost.RunAsync("screen", input, "--format", "json");

        toFile.ExitCode.Should().Be(0, toFile.Stderr);
        toStdout.ExitCode.Should().Be(0, toStdout.Stderr);
        toStdout.Stdout.ReplaceLineEndings("\n").Should().Be((await File.ReadAllTextAsync(output)).ReplaceLineEndings("\n"));
    }
}

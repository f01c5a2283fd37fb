using FluentAssertions;
using VendorScreen.Cli.Output;

namespace VendorScreen.Tests.Cli;

/// <summary>
/// A table written to a file or pipe is laid out directly, not by Spectre.Console: it must come out as Spectre.Console lays it
/// out there, character for character, for text in any script (wide Han and Hangul characters, combining marks, characters
/// outside the Basic Multilingual Plane, unusual spaces), and a table too wide for one line is still left to Spectre.Console.
/// </summary>
public sealed class TableLayoutTests
{
    [Fact]
    public async Task WritePlainTable_NamesOfTheEmbeddedDataset_MatchesSpectreConsoleLayout()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        var names = engine.Dataset!.Entities.SelectMany(e => e.Names.Select(n => n.Value)).ToList();
        names.Should().Contain(n => n.Any(c => c >= '\u4E00' && c <= '\u9FFF'), "the dataset has names written in Han");

        // Seven columns of names, each row shifted by one name, so each column holds names of every script.
        var rows = Enumerable.Range(0, names.Count)
            .Select(r => Enumerable.Range(0, 7).Select(c => SafeText.Visible(names[(r + (c * 37)) % names.Count])).ToArray())
            .ToList();

        Plain(rows).Should().Be(Spectre(rows));
    }

    [Theory]
    [InlineData("e\u0301te\u0301", "combining acute accents")]
    [InlineData("\U0001F600 smile", "a character outside the Basic Multilingual Plane")]
    [InlineData("\uFF21\uFF22\uFF23 fullwidth", "fullwidth Latin letters")]
    [InlineData("海康威视 (1, name)", "Han")]
    [InlineData("하이크비전", "Hangul")]
    [InlineData("ハイクビジョン", "katakana")]
    [InlineData("ｶﾀｶﾅ", "halfwidth katakana")]
    [InlineData("Владимир Путин", "Cyrillic")]
    [InlineData("أسامة بن لادن", "Arabic")]
    [InlineData("ภาษาไทย", "Thai with combining vowels")]
    [InlineData("A  B", "two spaces")]
    [InlineData(" A ", "leading and trailing spaces")]
    [InlineData("A\u00A0B", "a no-break space")]
    [InlineData("A\u3000B", "an ideographic space")]
    [InlineData("A\u200BB", "a zero-width space")]
    [InlineData("[red]x[/] {0}", "what Spectre.Console would read as markup")]
    [InlineData("", "an empty cell")]
    public void WritePlainTable_OneUnusualCell_MatchesSpectreConsoleLayout(string text, string what)
    {
        var cell = SafeText.Visible(text);
        List<string[]> rows =
        [
            ["R1", "block", cell, "Hikvision", "", "reason", ""],
            ["R2", "clear", "", cell, cell, "", cell],
        ];

        Plain(rows).Should().Be(Spectre(rows), what);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void WritePlainTable_RowAsWideAsTheLine_MatchesSpectreConsoleLayout(int beyond)
    {
        // Seven columns, each with a space either side and a border before it, and the last border; the columns other than the
        // reason as wide as their headers.
        var others = "id".Length + "decision".Length + "best match".Length + "listed entity".Length + "path".Length + "ownership".Length;
        var reason = new string('r', TableResultWriter.PlainWidth - ((7 * 3) + 1 + others) + beyond);
        List<string[]> rows = [["R1", "block", "x", "y", "z", reason, "o"]];

        var plain = Plain(rows);

        plain.Should().Be(Spectre(rows));
        plain.Split('\n')[2].Length.Should().Be(beyond > 0 ? TableResultWriter.PlainWidth : TableResultWriter.PlainWidth + beyond,
            "a row wider than the line is narrowed and wrapped, as Spectre.Console does");
    }

    private static string Plain(List<string[]> rows)
    {
        using var writer = new StringWriter();
        TableResultWriter.WritePlainTable(writer, rows);
        return writer.ToString();
    }

    private static string Spectre(List<string[]> rows)
    {
        using var writer = new StringWriter();
        TableResultWriter.WriteSpectreTable(writer, rows);
        return writer.ToString();
    }
}

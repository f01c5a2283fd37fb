using Spectre.Console;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>Writes a table for people: id, decision, best match, listed entity, path (with shares and dates), reason and the
/// terms of an ownership sum, then a summary line.
/// Colours only on a terminal; plain text (ASCII borders, no escape codes, no wrapping) otherwise. Text from the input and from
/// list files is shown with its control characters rendered visibly, so it cannot move the cursor, retitle the terminal or reorder text.
/// A long run is written as consecutive tables of <see cref="RowsPerTable"/> rows each, so that memory does not grow with the input.</summary>
internal sealed class TableResultWriter : ResultWriter
{
    /// <summary>The most rows in one table; a longer run continues in a new table with the same columns.</summary>
    public const int RowsPerTable = 1000;

    private readonly IAnsiConsole _console;
    private readonly bool _terminal;
    private Table _table;
    private bool _rendered;

    public TableResultWriter(TextWriter writer, bool terminal)
    {
        _console = CreateConsole(writer, terminal);
        _terminal = terminal;
        _table = NewTable(terminal);
    }

    public override void Write(InputRow row, ScreeningResult result)
    {
        var hit = result.Hits.Count > 0 ? result.Hits[0] : null;
        _table.AddRow(
            Cell(row.Id),
            new Text(result.Decision.ToLowerCase(), DecisionStyle(result.Decision)),
            Cell(hit is null ? string.Empty : $"{hit.MatchedName} ({FormatScore(hit.Score)}, {hit.Field})"),
            Cell(hit is null ? string.Empty : hit.ListedEntityName),
            Cell(hit is null ? string.Empty : DetailedPath(hit.Path, hit.EntityName)),
            Cell(result.Reason),
            Cell(hit is null ? string.Empty : OwnershipText(hit)));
        if (_table.Rows.Count == RowsPerTable)
        {
            _console.Write(_table);
            _rendered = true;
            _table = NewTable(_terminal);
        }
    }

    public override void Complete(DecisionCounts counts)
    {
        if (_table.Rows.Count > 0 || !_rendered)
        {
            _console.Write(_table);
        }

        _console.WriteLine(counts.ToString());
    }

    private static Table NewTable(bool terminal)
    {
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.Ascii };
        table.AddColumn("id");
        table.AddColumn("decision");
        table.AddColumn("best match");
        table.AddColumn("listed entity");
        table.AddColumn("path");
        table.AddColumn("reason");
        table.AddColumn("ownership");
        return table;
    }

    /// <summary>Creates a console over a writer: colours and terminal width on a terminal, plain wide text otherwise.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="terminal">Whether it is an interactive terminal.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            // A file or pipe has no width: keep each row on one line.
            console.Profile.Width = 4096;
        }

        return console;
    }

    /// <summary>A plain-text cell (never markup) with control characters shown as <c>\uXXXX</c> (<see cref="SafeText.Visible"/>).</summary>
    public static Text Cell(string? value, Style? style = null) => new(SafeText.Visible(value), style);

    private static Style DecisionStyle(ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Block => new Style(Color.Red, decoration: Decoration.Bold),
        ScreeningDecision.Review => new Style(Color.Yellow),
        ScreeningDecision.Clear => new Style(Color.Green),
        _ => new Style(Color.Magenta1, decoration: Decoration.Bold),
    };
}

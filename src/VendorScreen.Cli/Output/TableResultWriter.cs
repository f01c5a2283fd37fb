using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>Writes a table for people: id, decision, best match, listed entity, path (with shares and dates), reason and the
/// terms of an ownership sum, then a summary line.
/// Colours only on a terminal; plain text (ASCII borders, no escape codes, no wrapping) otherwise. Text from the input and from
/// list files is shown with its control characters rendered visibly, so it cannot move the cursor, retitle the terminal or reorder text.
/// A long run is written as consecutive tables of <see cref="RowsPerTable"/> rows each, so that memory does not grow with the input.</summary>
/// <remarks>On a terminal the tables are rendered by Spectre.Console. To a file or pipe they are written directly, in the layout
/// Spectre.Console gives them there (ASCII borders, each column as wide as its widest cell in terminal cells, as
/// <see cref="Segment.CellCount()"/> counts them), which takes a small part of the time: a table wider than
/// <see cref="PlainWidth"/> cells, which Spectre.Console would narrow and wrap, is still rendered by it.</remarks>
internal sealed class TableResultWriter : ResultWriter
{
    /// <summary>The most rows in one table; a longer run continues in a new table with the same columns.</summary>
    public const int RowsPerTable = 1000;

    /// <summary>The width of a file or pipe, in terminal cells: a row is kept on one line up to this width.</summary>
    public const int PlainWidth = 4096;

    private static readonly string[] Headers = ["id", "decision", "best match", "listed entity", "path", "reason", "ownership"];

    private readonly IAnsiConsole _console;
    private readonly TextWriter _writer;
    private readonly bool _terminal;

    // On a terminal: the table being filled.
    private Table? _table;

    // To a file or pipe: the cells of the rows of the table being filled, and each column's width in terminal cells.
    private readonly List<string[]> _rows = [];
    private readonly int[] _widths = new int[Headers.Length];
    private bool _rendered;

    public TableResultWriter(TextWriter writer, bool terminal)
    {
        _console = CreateConsole(writer, terminal);
        _writer = writer;
        _terminal = terminal;
        if (terminal)
        {
            _table = NewTable(terminal);
        }
        else
        {
            ResetWidths();
        }
    }

    public override void Write(InputRow row, ScreeningResult result)
    {
        var hit = result.Hits.Count > 0 ? result.Hits[0] : null;
        string[] cells =
        [
            SafeText.Visible(row.Id),
            result.Decision.ToLowerCase(),
            SafeText.Visible(hit is null ? string.Empty : $"{hit.MatchedName} ({FormatScore(hit.Score)}, {hit.Field})"),
            SafeText.Visible(hit is null ? string.Empty : hit.ListedEntityName),
            SafeText.Visible(hit is null ? string.Empty : DetailedPath(hit.Path, hit.EntityName)),
            SafeText.Visible(result.Reason),
            SafeText.Visible(hit is null ? string.Empty : OwnershipText(hit)),
        ];

        if (_table is { } table)
        {
            table.AddRow(cells.Select((text, i) => new Text(text, i == 1 ? DecisionStyle(result.Decision) : (Style?)null)));
            if (table.Rows.Count == RowsPerTable)
            {
                _console.Write(table);
                _rendered = true;
                _table = NewTable(_terminal);
            }

            return;
        }

        Hold(cells);
        if (_rows.Count == RowsPerTable)
        {
            WritePlain();
        }
    }

    public override void Complete(DecisionCounts counts)
    {
        if (_table is { } table)
        {
            if (table.Rows.Count > 0 || !_rendered)
            {
                _console.Write(table);
            }
        }
        else if (_rows.Count > 0 || !_rendered)
        {
            WritePlain();
        }

        _console.WriteLine(counts.ToString());
    }

    /// <summary>Writes rows of cells as one table the way a writer to a file or pipe does (for tests that compare it with
    /// Spectre.Console's rendering).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="rows">The cells of each row, as shown.</param>
    internal static void WritePlainTable(TextWriter writer, IReadOnlyList<string[]> rows)
    {
        var table = new TableResultWriter(writer, terminal: false);
        foreach (var cells in rows)
        {
            table.Hold(cells);
        }

        table.WritePlain();
    }

    /// <summary>Writes rows of cells as one table rendered by Spectre.Console to a file or pipe (for tests).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="rows">The cells of each row, as shown.</param>
    internal static void WriteSpectreTable(TextWriter writer, IReadOnlyList<string[]> rows) =>
        CreateConsole(writer, terminal: false).Write(PlainSpectreTable(rows));

    // Spectre.Console's table of rows of cells for a file or pipe (no colours).
    private static Table PlainSpectreTable(IReadOnlyList<string[]> rows)
    {
        var table = NewTable(terminal: false);
        foreach (var cells in rows)
        {
            table.AddRow(cells.Select(text => new Text(text)));
        }

        return table;
    }

    // Holds a row's cells for the table to a file or pipe, widening its columns to them.
    private void Hold(string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            _widths[i] = Math.Max(_widths[i], CellWidth(cells[i]));
        }

        _rows.Add(cells);
    }

    // Writes the rows held as one table, and starts the next.
    private void WritePlain()
    {
        // Columns, each with a space either side and a border before it, and the last border.
        var width = 1;
        foreach (var w in _widths)
        {
            width += w + 3;
        }

        if (width > PlainWidth)
        {
            // Spectre.Console narrows the columns of a table wider than the console and wraps their text.
            _console.Write(PlainSpectreTable(_rows));
        }
        else
        {
            var line = new StringBuilder(width + 64);
            var rule = line.Append('+').Append('-', width - 2).Append('+').ToString();
            _writer.WriteLine(rule);
            WriteRow(line, Headers);
            line.Clear().Append('|');
            for (var i = 0; i < _widths.Length; i++)
            {
                line.Append('-', _widths[i] + 2).Append(i == _widths.Length - 1 ? '|' : '+');
            }

            _writer.WriteLine(line);
            foreach (var cells in _rows)
            {
                WriteRow(line, cells);
            }

            _writer.WriteLine(rule);
        }

        _rendered = true;
        _rows.Clear();
        ResetWidths();
    }

    private void WriteRow(StringBuilder line, string[] cells)
    {
        line.Clear().Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(' ').Append(cells[i]).Append(' ', _widths[i] - CellWidth(cells[i]) + 1).Append('|');
        }

        _writer.WriteLine(line);
    }

    // Each column is at least as wide as its header.
    private void ResetWidths()
    {
        for (var i = 0; i < Headers.Length; i++)
        {
            _widths[i] = Headers[i].Length;
        }
    }

    // The width of a text in terminal cells, as Spectre.Console measures it: two for a wide character (Han, Hangul, kana), none
    // for a combining mark. ASCII text is one cell a character.
    private static int CellWidth(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return new Segment(text).CellCount();
            }
        }

        return text.Length;
    }

    private static Table NewTable(bool terminal)
    {
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.Ascii };
        foreach (var header in Headers)
        {
            table.AddColumn(header);
        }

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
            console.Profile.Width = PlainWidth;
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

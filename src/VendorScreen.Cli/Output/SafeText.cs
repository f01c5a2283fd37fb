using System.Buffers;
using System.Globalization;
using System.Text;

namespace VendorScreen.Cli.Output;

/// <summary>
/// Makes text that comes from input files and list files safe for the program that reads the output: control characters are shown
/// as <c>\uXXXX</c> on terminals (so an escape sequence, a carriage return or a bidi override cannot hide or rewrite what is shown),
/// and CSV cells that a spreadsheet would run as a formula start with a single quote.
/// </summary>
internal static class SafeText
{
    /// <summary>The first characters that make a spreadsheet read a cell as a formula (OWASP CSV injection rule).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>Whether a character is shown as <c>\uXXXX</c>: C0 and C1 controls, DEL, bidi embeddings, overrides, isolates and
    /// marks, line and paragraph separators.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> when the character must not reach a terminal as it is.</returns>
    public static bool IsControl(char c) =>
        c < '\u0020'
        || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029';

    /// <summary>Renders every control character (see <see cref="IsControl"/>) and every unpaired surrogate as <c>\uXXXX</c>.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="keepLineBreaks">Whether <c>\n</c> is kept as a line break (for multi-line diagnostics).</param>
    /// <returns>The text with nothing a terminal would act on; the same instance when there was nothing to render.</returns>
    public static string Visible(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = FirstUnsafe(text, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if ((IsControl(c) && !(keepLineBreaks && c == '\n')) || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Gets whether UTF-8 text holds something <see cref="Visible(string?, bool)"/> would render: a control character (see
    /// <see cref="IsControl"/>) or bytes that are not UTF-8.</summary>
    /// <param name="utf8">The text as UTF-8.</param>
    /// <returns><see langword="true"/> when the text must go through <see cref="Visible(string?, bool)"/> before it is written.</returns>
    public static bool HasControl(ReadOnlySpan<byte> utf8)
    {
        // Printable ASCII is skipped a block at a time; every other byte starts a character that is decoded and tested.
        var at = 0;
        while (at < utf8.Length)
        {
            var next = utf8[at..].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
            if (next < 0)
            {
                return false;
            }

            at += next;
            if (Rune.DecodeFromUtf8(utf8[at..], out var rune, out var consumed) != OperationStatus.Done
                || (rune.IsBmp && IsControl((char)rune.Value)))
            {
                return true;
            }

            at += consumed;
        }

        return false;
    }

    /// <summary>Escapes a text cell of a CSV file against formula injection: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return gets a leading single quote, so spreadsheets show it as text. Apply to text cells only
    /// (numbers the program writes, such as scores, never start with one of those characters).</summary>
    /// <param name="text">The cell text, or <see langword="null"/>.</param>
    /// <returns>The cell text to write.</returns>
    public static string CsvCell(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : FormulaStarts.Contains(text[0]) ? "'" + text
        : text;

    private static int FirstUnsafe(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if ((IsControl(c) && !(keepLineBreaks && c == '\n')) || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}

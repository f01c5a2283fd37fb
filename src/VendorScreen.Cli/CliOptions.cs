using System.CommandLine;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli;

/// <summary>The options several commands take, defined once so that they read and complete the same everywhere.</summary>
internal static class CliOptions
{
    /// <summary>The formats of a command that writes a table for people or JSON lines, the table by default.</summary>
    public static readonly IReadOnlyList<string> TableOrJson = ["table", "json"];

    /// <summary>Creates <c>--format</c> (<c>-f</c>) with its choices as help name and completions.</summary>
    /// <param name="description">What each format writes.</param>
    /// <param name="choices">The formats, the default first.</param>
    /// <returns>The option.</returns>
    public static Option<string> Format(string description, IReadOnlyList<string> choices)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = description,
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => choices[0],
        };
        format.CompletionSources.Add([.. choices]);
        return format;
    }

    /// <summary>Creates <c>--output</c> (<c>-o</c>): a file written instead of standard output.</summary>
    /// <param name="what">What the command writes, as in "Write the results to FILE".</param>
    /// <returns>The option.</returns>
    public static Option<string?> Output(string what) =>
        new("--output", "-o") { Description = $"Write {what} to FILE instead of standard output.", HelpName = "FILE" };

    /// <summary>Refuses an <c>--output</c> value that is empty or names a folder.</summary>
    /// <param name="output">The <c>--output</c> value, or <see langword="null"/> for standard output.</param>
    /// <exception cref="CliException"><paramref name="output"/> is not a file path (exit code 2).</exception>
    public static void CheckOutputIsAFile(string? output)
    {
        if (output is not null && (string.IsNullOrWhiteSpace(output) || Directory.Exists(output)))
        {
            throw new CliException($"--output \"{output}\": expected a file path");
        }
    }

    /// <summary>Refuses an <c>--output</c> file that is the input file (once symbolic links are resolved, see
    /// <see cref="ScreenCommand.SamePath"/>): the input would be overwritten.</summary>
    /// <param name="output">The <c>--output</c> value, or <see langword="null"/> for standard output.</param>
    /// <param name="input">The input file.</param>
    /// <exception cref="CliException"><paramref name="output"/> names the input file (exit code 2).</exception>
    public static void CheckOutputIsNotInput(string? output, string input)
    {
        if (output is not null && ScreenCommand.SamePath(output, input))
        {
            throw new CliException($"--output {output}: would overwrite the input file");
        }
    }

    /// <summary>Creates <c>--as-of</c>: the date relations and listings are evaluated at; read it with <see cref="ParseDate"/>.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "Evaluate relations and listings at this date (default: today). A row's as_of column overrides it.",
        HelpName = "yyyy-MM-dd",
    };

    /// <summary>Reads the value of a date option (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="option">The option, for the message.</param>
    /// <param name="text">The value, or <see langword="null"/> when the option is not given.</param>
    /// <returns>The date, or <see langword="null"/> when the option is not given.</returns>
    /// <exception cref="CliException">The value is not a date (exit code 2).</exception>
    public static DateOnly? ParseDate(string option, string? text) => text is null
        ? null
        : InputFile.TryParseDate(text.Trim(), out var date) ? date : throw new CliException($"invalid {option} \"{text}\" (expected yyyy-MM-dd)");
}

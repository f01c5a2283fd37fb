using System.CommandLine;

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
}

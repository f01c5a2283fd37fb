using System.CommandLine;

namespace VendorScreen.Cli;

/// <summary>The options that choose the data screened against, shared by <c>screen</c> and <c>sources</c>.</summary>
internal sealed class SourceOptions
{
    public Option<string[]> Source { get; } = new("--source", "-s")
    {
        Description = "A list to screen against: a file or folder in a supported format (detected, or named as format:path). Repeatable.",
        HelpName = "PATH_OR_URL",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoDefaultData { get; } = new("--no-default-data")
    {
        Description = "Do not use the embedded default dataset (then at least one --source is needed).",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(NoDefaultData);
    }

    /// <summary>Gets the <c>--source</c> values.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The values, in order.</returns>
    public IReadOnlyList<string> GetSources(ParseResult parseResult) => parseResult.GetValue(Source) ?? [];

    /// <summary>Gets whether the embedded dataset is used.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns><see langword="true"/> unless <c>--no-default-data</c> is given.</returns>
    public bool UseDefaultData(ParseResult parseResult) => !parseResult.GetValue(NoDefaultData);
}

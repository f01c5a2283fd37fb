using System.CommandLine;

namespace VendorScreen.Cli;

/// <summary>The options that choose the data screened against, shared by <c>screen</c> and <c>sources</c>.</summary>
internal sealed class SourceOptions
{
    public Option<string[]> Source { get; } = new("--source", "-s")
    {
        Description = "A list to screen against: a file or folder in a supported format (detected, or named as format:path), or format:https://URL (fetched, with a cache). Repeatable.",
        HelpName = "PATH_OR_URL",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoDefaultData { get; } = new("--no-default-data")
    {
        Description = "Do not use the embedded default dataset (then at least one --source is needed).",
    };

    public Option<string?> Cache { get; } = new("--cache")
    {
        Description = "Cache folder of URL sources (default: $XDG_CACHE_HOME/vendorscreen or ~/.cache/vendorscreen).",
        HelpName = "DIR",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(NoDefaultData);
        command.Options.Add(Cache);
    }

    /// <summary>Applies <c>--cache</c> to the context.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="context">The context.</param>
    /// <returns>The context with the cache folder of URL sources set.</returns>
    public CliContext WithCache(ParseResult parseResult, CliContext context) =>
        parseResult.GetValue(Cache) is { } cache && !string.IsNullOrWhiteSpace(cache) ? context with { CacheDirectory = Path.GetFullPath(cache) } : context;

    /// <summary>Gets the <c>--source</c> values.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The values, in order.</returns>
    public IReadOnlyList<string> GetSources(ParseResult parseResult) => parseResult.GetValue(Source) ?? [];

    /// <summary>Gets whether the embedded dataset is used.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns><see langword="true"/> unless <c>--no-default-data</c> is given.</returns>
    public bool UseDefaultData(ParseResult parseResult) => !parseResult.GetValue(NoDefaultData);
}

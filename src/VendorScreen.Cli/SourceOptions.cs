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

    public Option<string[]> AllowEmpty { get; } = new("--allow-empty")
    {
        Description = "A source (by the name `vendorscreen sources` shows) whose list is meant to be empty; any other source with no entity is not usable (exit 3). Repeatable.",
        HelpName = "NAME",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Index { get; } = new("--index")
    {
        Description = "An index snapshot file written by `vendorscreen index build`: screen against the sources stored in it instead of --source and the embedded data.",
        HelpName = "FILE",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="withIndex">Whether <c>--index</c> is offered.</param>
    public void AddTo(Command command, bool withIndex = true)
    {
        command.Options.Add(Source);
        command.Options.Add(NoDefaultData);
        command.Options.Add(Cache);
        command.Options.Add(AllowEmpty);
        if (withIndex)
        {
            command.Options.Add(Index);
        }
    }

    /// <summary>Reads the options: <c>--cache</c>, <c>--allow-empty</c> and <c>--index</c> go into the context, <c>--source</c> and
    /// <c>--no-default-data</c> beside it.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="context">The context.</param>
    /// <returns>The lists to load.</returns>
    public SourceSelection Read(ParseResult parseResult, CliContext context)
    {
        var allowEmpty = (parseResult.GetValue(AllowEmpty) ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).ToArray();
        context = allowEmpty.Length > 0 ? context with { SourcesAllowedEmpty = allowEmpty } : context;
        context = parseResult.GetValue(Index) is { } index ? context with { IndexFile = index } : context;
        context = parseResult.GetValue(Cache) is { } cache && !string.IsNullOrWhiteSpace(cache) ? context with { CacheDirectory = Path.GetFullPath(cache) } : context;
        return new SourceSelection(context, parseResult.GetValue(Source) ?? [], !parseResult.GetValue(NoDefaultData));
    }
}

/// <summary>The lists a command loads, as <see cref="SourceOptions"/> read them.</summary>
/// <param name="Context">The context, with the cache folder of URL sources, the sources allowed to be empty and the index file set.</param>
/// <param name="Specs">The <c>--source</c> values, in order.</param>
/// <param name="UseDefaultData">Whether the embedded dataset is used (no <c>--no-default-data</c>).</param>
internal sealed record SourceSelection(CliContext Context, IReadOnlyList<string> Specs, bool UseDefaultData);

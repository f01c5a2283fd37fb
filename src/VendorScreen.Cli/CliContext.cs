using VendorScreen.Cli.Output;

namespace VendorScreen.Cli;

/// <summary>Where the command line writes and what it knows about its terminal.</summary>
/// <param name="Stdout">The standard output.</param>
/// <param name="Stderr">The standard error.</param>
/// <param name="StdoutIsTerminal">Whether standard output is an interactive terminal (colours and terminal width apply).</param>
/// <param name="StderrIsTerminal">Whether standard error is an interactive terminal (progress and summaries apply).</param>
/// <param name="TimeProvider">The clock for "today" and fetched-at times.</param>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, bool StdoutIsTerminal, bool StderrIsTerminal, TimeProvider TimeProvider)
{
    /// <summary>The program name used in messages.</summary>
    public const string ProgramName = "vendorscreen";

    /// <summary>Creates a context over plain writers: no terminal, system clock.</summary>
    /// <param name="stdout">The standard output.</param>
    /// <param name="stderr">The standard error.</param>
    /// <returns>The context.</returns>
    public static CliContext ForWriters(TextWriter stdout, TextWriter stderr) => new(stdout, stderr, false, false, TimeProvider.System);

    /// <summary>Gets the cache folder of URL sources, or <see langword="null"/> for <see cref="Sources.Remote.RemoteListCatalog.DefaultCacheDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Gets the names of sources whose list may be empty (<c>--allow-empty</c>).</summary>
    public IReadOnlyList<string> SourcesAllowedEmpty { get; init; } = [];

    /// <summary>Gets the index snapshot file given with <c>--index</c>, or <see langword="null"/> to load the sources.</summary>
    public string? IndexFile { get; init; }

    /// <summary>Gets standard output as a stream of bytes, to which <see cref="Stdout"/> writes its text in UTF-8 without a byte
    /// order mark; <see langword="null"/> when there is no such stream (output spooled as UTF-8 is then copied through
    /// <see cref="Stdout"/>).</summary>
    public Stream? StdoutBytes { get; init; }

    /// <summary>Gets a hook that changes the engine before it is built (for hosts that embed the command line, and tests).</summary>
    public Action<ScreeningEngineBuilder>? ConfigureEngine { get; init; }

    /// <summary>Writes a one-line warning to standard error.</summary>
    /// <param name="message">The warning.</param>
    public void Warn(string message) => Stderr.WriteLine($"{ProgramName}: warning: {OneLine(message)}");

    /// <summary>Writes a one-line error to standard error.</summary>
    /// <param name="message">The error.</param>
    public void Error(string message) => Stderr.WriteLine($"{ProgramName}: {OneLine(message)}");

    /// <summary>Folds a message onto one line and makes it safe for a terminal: line breaks (<c>\n</c>, <c>\r\n</c>) become spaces,
    /// every other control character, escape sequence introducer or bidi override is shown as <c>\uXXXX</c>
    /// (<see cref="SafeText.Visible"/>).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The message on one line, with no character a terminal would act on.</returns>
    public static string OneLine(string? message) =>
        SafeText.Visible(string.Join(' ', (message ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}

/// <summary>The exit codes of the command line (a stable contract).</summary>
internal static class ExitCodes
{
    /// <summary>The work is done.</summary>
    public const int Success = 0;

    /// <summary>With <c>--fail-on</c>: a row reached that decision.</summary>
    public const int FailOn = 1;

    /// <summary>Bad usage or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>A source could not be loaded.</summary>
    public const int SourceFailed = 3;

    /// <summary>Interrupted (Ctrl+C), by the shell convention 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}

/// <summary>A failure that ends the command with an exit code and a one-line message.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : this(ExitCodes.BadInput, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.BadInput;
    }

    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>Gets the exit code.</summary>
    public int ExitCode { get; } = ExitCodes.BadInput;
}

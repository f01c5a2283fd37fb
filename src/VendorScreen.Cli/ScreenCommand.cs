using System.CommandLine;
using Spectre.Console;
using VendorScreen.Cli.Input;
using VendorScreen.Cli.Output;
using VendorScreen.Policies;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen screen</c> command: screens every row of a CSV file.</summary>
internal static class ScreenCommand
{
    /// <summary>Rows per engine batch; output is written after each batch.</summary>
    public const int ChunkSize = 256;

    /// <summary>Inputs with more rows than this show progress on a terminal.</summary>
    public const int ProgressThreshold = 200;

    public static readonly IReadOnlyList<string> Formats = ["table", "json", "csv"];

    public static readonly IReadOnlyList<string> FailOnValues = ["review", "block"];

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input.csv")
        {
            Description = "The CSV file to screen: a header row with any of id, name, country, brand, manufacturer, seller, model, fcc_id, title, as_of.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (for people), json (one object per row and line) or csv (one record per row).",
            HelpName = "table|json|csv",
            DefaultValueFactory = _ => "table",
        };
        format.CompletionSources.Add([.. Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the results to FILE instead of standard output.", HelpName = "FILE" };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Evaluate relations and listings at this date (default: today). A row's as_of column overrides it.",
            HelpName = "yyyy-MM-dd",
        };
        var policy = new Option<string>("--policy")
        {
            Description = $"The decision policy: {string.Join(", ", ScreeningPolicies.Names)}.",
            HelpName = "NAME",
            DefaultValueFactory = _ => "default",
        };
        policy.CompletionSources.Add([.. ScreeningPolicies.Names]);
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit with code 1 when a row reaches this decision: review (review, block or incomplete) or block (block or incomplete).",
            HelpName = "review|block",
        };
        failOn.CompletionSources.Add([.. FailOnValues]);
        var sources = new SourceOptions();

        var command = new Command("screen", "Screen the suppliers or products of a CSV file against the restricted-party lists.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(asOf);
        sources.AddTo(command);
        command.Options.Add(policy);
        command.Options.Add(failOn);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            new ScreenSettings(
                parseResult.GetRequiredValue(input),
                parseResult.GetValue(format) ?? "table",
                parseResult.GetValue(output),
                parseResult.GetValue(asOf),
                sources.GetSources(parseResult),
                sources.UseDefaultData(parseResult),
                parseResult.GetValue(policy) ?? "default",
                parseResult.GetValue(failOn)),
            cancellationToken));
        return command;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <param name="settings">The parsed options.</param>
    /// <param name="cancellationToken">A token to stop.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CliException">Bad usage, bad input or a source that could not be loaded.</exception>
    public static async Task<int> RunAsync(CliContext context, ScreenSettings settings, CancellationToken cancellationToken)
    {
        var format = Choose("--format", settings.Format, Formats);
        var policy = Choose("--policy", settings.Policy, ScreeningPolicies.Names);
        var failOn = settings.FailOn is null ? null : Choose("--fail-on", settings.FailOn, FailOnValues);
        DateOnly? asOf = null;
        if (settings.AsOf is not null)
        {
            asOf = InputFile.TryParseDate(settings.AsOf.Trim(), out var date)
                ? date
                : throw new CliException($"invalid --as-of \"{settings.AsOf}\" (expected yyyy-MM-dd)");
        }

        if (settings.Output is { } outputPath && (string.IsNullOrWhiteSpace(outputPath) || Directory.Exists(outputPath)))
        {
            throw new CliException($"--output \"{outputPath}\": expected a file path");
        }

        if (settings.Output is not null && SamePath(settings.Output, settings.Input))
        {
            throw new CliException($"--output {settings.Output}: would overwrite the input file");
        }

        var input = InputFile.Read(settings.Input, asOf);
        if (input.IgnoredColumns.Count > 0)
        {
            context.Warn($"{settings.Input}: ignoring unknown {(input.IgnoredColumns.Count == 1 ? "column" : "columns")} {string.Join(", ", input.IgnoredColumns.Select(c => "\"" + c + "\""))}");
        }

        using var engine = await EngineFactory.CreateAsync(context, settings.Sources, settings.UseDefaultData, policy, requireUsable: true, cancellationToken).ConfigureAwait(false);
        foreach (var snapshot in engine.Dataset?.Snapshots ?? [])
        {
            if (snapshot.RejectedRecords.Count > 0)
            {
                context.Warn($"source \"{snapshot.SourceName}\" rejected {snapshot.RejectedRecords.Count} {(snapshot.RejectedRecords.Count == 1 ? "record" : "records")} (see: vendorscreen sources --verbose)");
            }
        }

        var counts = new DecisionCounts();
        var failed = false;
        var target = OpenOutput(context, settings.Output);
        await using (target.ConfigureAwait(false))
        {
            using var writer = ResultWriter.Create(format, target.Writer, target.IsTerminal);
            async Task ScreenAllAsync(Action<int> progress)
            {
                for (var start = 0; start < input.Rows.Count; start += ChunkSize)
                {
                    var chunk = input.Rows.Skip(start).Take(ChunkSize).ToList();
                    var batch = await engine.ScreenBatchAsync(chunk.Select(r => r.Request), cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        var result = batch.Results[i];
                        writer.Write(chunk[i], result);
                        counts.Add(result.Decision);
                        failed |= Fails(result.Decision, failOn);
                    }

                    writer.Flush();
                    progress(chunk.Count);
                }
            }

            // Progress goes to a terminal's standard error, and only when it cannot collide with results streaming to the same terminal.
            var showProgress = context.StderrIsTerminal && input.Rows.Count > ProgressThreshold && (!target.IsTerminal || format == "table");
            if (showProgress)
            {
                var console = TableResultWriter.CreateConsole(context.Stderr, terminal: true);
                await console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progressContext =>
                    {
                        var task = progressContext.AddTask("screening", maxValue: input.Rows.Count);
                        await ScreenAllAsync(n => task.Increment(n)).ConfigureAwait(false);
                    })
                    .ConfigureAwait(false);
            }
            else
            {
                await ScreenAllAsync(static _ => { }).ConfigureAwait(false);
            }

            writer.Complete(counts);
        }

        if (context.StderrIsTerminal && (settings.Output is not null || format != "table"))
        {
            context.Stderr.WriteLine($"{CliContext.ProgramName}: {counts}{(settings.Output is null ? string.Empty : $" (written to {settings.Output})")}");
        }

        return failed ? ExitCodes.FailOn : ExitCodes.Success;
    }

    /// <summary>Whether a decision fails the run under <c>--fail-on</c>; <c>incomplete</c> fails under both values.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="failOn">The <c>--fail-on</c> value, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the run must exit with code 1.</returns>
    public static bool Fails(ScreeningDecision decision, string? failOn) => failOn switch
    {
        "review" => decision is ScreeningDecision.Review or ScreeningDecision.Block or ScreeningDecision.Incomplete,
        "block" => decision is ScreeningDecision.Block or ScreeningDecision.Incomplete,
        _ => false,
    };

    /// <summary>Checks an option value against its allowed values, ignoring case.</summary>
    /// <param name="option">The option name for the message.</param>
    /// <param name="value">The value.</param>
    /// <param name="allowed">The allowed values.</param>
    /// <returns>The allowed value.</returns>
    /// <exception cref="CliException">The value is not allowed.</exception>
    public static string Choose(string option, string value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new CliException($"unknown {option} \"{value}\" (expected {string.Join(", ", allowed)})");

    private static bool SamePath(string a, string b)
    {
        try
        {
            var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), comparison);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static OutputTarget OpenOutput(CliContext context, string? path)
    {
        if (path is null)
        {
            return new OutputTarget(context.Stdout, context.StdoutIsTerminal, ownsWriter: false);
        }

        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            return new OutputTarget(new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), isTerminal: false, ownsWriter: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException($"--output {path}: cannot write: {CliContext.OneLine(ex.Message)}", ex);
        }
    }

    private sealed class OutputTarget(TextWriter writer, bool isTerminal, bool ownsWriter) : IAsyncDisposable
    {
        public TextWriter Writer { get; } = writer;

        public bool IsTerminal { get; } = isTerminal;

        public async ValueTask DisposeAsync()
        {
            if (ownsWriter)
            {
                await Writer.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await Writer.FlushAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>The parsed options of <c>vendorscreen screen</c>.</summary>
internal sealed record ScreenSettings(
    string Input,
    string Format,
    string? Output,
    string? AsOf,
    IReadOnlyList<string> Sources,
    bool UseDefaultData,
    string Policy,
    string? FailOn);

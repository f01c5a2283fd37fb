using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VendorScreen.Cli.Input;
using VendorScreen.Cli.Output;
using VendorScreen.Matching;
using VendorScreen.Policies;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen screen</c> command: screens every row of a CSV file.</summary>
internal static class ScreenCommand
{
    /// <summary>Rows per engine batch; output is written after each batch.</summary>
    public const int ChunkSize = 256;

    /// <summary>Inputs with more rows than this show progress on a terminal.</summary>
    public const int ProgressThreshold = 200;

    public static readonly IReadOnlyList<string> Formats = ["table", "json", "csv", "html"];

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
        var format = CliOptions.Format(
            "Output format: table (for people), json (one object per row and line), csv (one record per row) or html (one self-contained report for the run).",
            Formats);
        var output = CliOptions.Output("the results");
        var asOf = CliOptions.AsOf();
        var policy = new Option<string>("--policy")
        {
            Description = $"The decision policy: {string.Join(", ", ScreeningPolicies.Names)}, or a policy file (FILE.json; see docs/policies.md).",
            HelpName = "NAME|FILE.json",
            DefaultValueFactory = _ => "default",
        };
        policy.CompletionSources.Add([.. ScreeningPolicies.Names]);
        var algorithm = new Option<string>("--algorithm")
        {
            Description = $"The name-matching algorithm that scores candidates: {string.Join(", ", NameMatchAlgorithms.Names)} (see: vendorscreen algorithms).",
            HelpName = "NAME",
            DefaultValueFactory = _ => NameMatchAlgorithms.DefaultName,
        };
        algorithm.CompletionSources.Add([.. NameMatchAlgorithms.Names]);
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit with code 1 when a row reaches this decision: review (review, block or incomplete) or block (block or incomplete).",
            HelpName = "review|block",
        };
        failOn.CompletionSources.Add([.. FailOnValues]);
        var sources = new SourceOptions();
        var store = new StoreOptions(required: false);

        var command = new Command("screen", "Screen the suppliers or products of a CSV file against the restricted-party lists.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(asOf);
        sources.AddTo(command);
        command.Options.Add(policy);
        command.Options.Add(algorithm);
        command.Options.Add(failOn);
        store.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            sources.Read(parseResult, context),
            new ScreenSettings(
                parseResult.GetRequiredValue(input),
                parseResult.GetValue(format) ?? "table",
                parseResult.GetValue(output),
                parseResult.GetValue(asOf),
                parseResult.GetValue(policy) ?? "default",
                parseResult.GetValue(failOn))
            {
                Algorithm = parseResult.GetValue(algorithm) ?? NameMatchAlgorithms.DefaultName,
                Store = parseResult.GetValue(store.Store),
                User = store.GetUser(parseResult),
            },
            cancellationToken));
        return command;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="sources">Where to write, and the lists to screen against.</param>
    /// <param name="settings">The parsed options.</param>
    /// <param name="cancellationToken">A token to stop.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CliException">Bad usage, bad input or a source that could not be loaded.</exception>
    public static async Task<int> RunAsync(SourceSelection sources, ScreenSettings settings, CancellationToken cancellationToken)
    {
        var context = sources.Context;
        var format = Choose("--format", settings.Format, Formats);
        var policy = ScreeningPolicies.IsFile(settings.Policy) ? settings.Policy : Choose("--policy", settings.Policy, ScreeningPolicies.Names);
        var algorithm = Choose("--algorithm", settings.Algorithm, NameMatchAlgorithms.Names);
        var failOn = settings.FailOn is null ? null : Choose("--fail-on", settings.FailOn, FailOnValues);
        var asOf = CliOptions.ParseDate("--as-of", settings.AsOf);

        CliOptions.CheckOutputIsAFile(settings.Output);
        CliOptions.CheckOutputIsNotInput(settings.Output, settings.Input);

        // First pass: every row is read and checked before the lists are loaded, so bad input stops the run at once; only the
        // count is kept, so a file of any length is checked in bounded memory.
        int rowCount;
        using (var check = InputFile.Open(settings.Input, asOf))
        {
            if (check.IgnoredColumns.Count > 0)
            {
                context.Warn($"{settings.Input}: ignoring unknown {(check.IgnoredColumns.Count == 1 ? "column" : "columns")} {string.Join(", ", check.IgnoredColumns.Select(c => "\"" + c + "\""))}");
            }

            rowCount = check.ReadRows().Count();
        }

        using var engine = await EngineFactory.CreateAsync(sources, policy, algorithm, requireUsable: true, cancellationToken).ConfigureAwait(false);
        foreach (var snapshot in engine.Dataset?.Snapshots ?? [])
        {
            if (snapshot.RejectedRecords.Count > 0)
            {
                context.Warn($"source \"{snapshot.SourceName}\" rejected {snapshot.RejectedRecords.Count} {(snapshot.RejectedRecords.Count == 1 ? "record" : "records")} (see: vendorscreen sources --verbose)");
            }
        }

        // With --store, dispositions apply and every screening is recorded (one transaction per batch) before it is written.
        var audit = settings.Store is null ? null : await StoreOptions.OpenAsync(settings.Store, cancellationToken).ConfigureAwait(false);
        await using var auditScope = OpenStore.Scope(audit).ConfigureAwait(false);
        IScreeningEngine screening = audit is null
            ? engine
            : engine.WithDispositions(audit.Dispositions, engine.Datasets, context.TimeProvider).WithAuditTrail(audit.Audit, engine.Datasets, settings.User, context.TimeProvider);

        // Second pass: rows are screened a chunk at a time and written to a spool (memory, then a temporary file); the output is
        // published only when every row has been screened, so a row that cannot be screened leaves no partial output behind.
        var counts = new DecisionCounts();
        var failed = false;
        var rowsWithNotes = 0;
        string? firstNote = null;
        using (var spool = OutputSpool.Create(settings.Output))
        {
            var report = new ReportInfo(settings.Input, context.TimeProvider.GetUtcNow(), engine.Policy.Name, algorithm, engine.Dataset?.Snapshots ?? []);
            using (var writer = ResultWriter.Create(format, spool.Writer, settings.Output is null && context.StdoutIsTerminal, report))
            {
                // Each chunk is screened while the one before it is written (ChunkPipeline).
                async Task ScreenRowsAsync(Action<int> progress)
                {
                    using var input = InputFile.Open(settings.Input, asOf, checkEncoding: false);
                    await ChunkPipeline.RunAsync(
                        input.ReadRows().Chunk(ChunkSize),
                        static chunk => chunk.Length,
                        (chunk, before, token) => ScreenChunkAsync(screening, chunk, settings.Input, before, token),
                        (chunk, results) =>
                        {
                            for (var i = 0; i < chunk.Length; i++)
                            {
                                writer.Write(chunk[i], results[i]);
                                counts.Add(results[i].Decision);
                                if (results[i].Notes.Count > 0 && rowsWithNotes++ == 0)
                                {
                                    firstNote = $"line {chunk[i].Line}: {results[i].Notes[0]}";
                                }

                                failed |= Fails(results[i].Decision, failOn);
                            }

                            writer.Flush();
                            progress(chunk.Length);
                        },
                        cancellationToken).ConfigureAwait(false);
                }

                if (context.StderrIsTerminal && rowCount > ProgressThreshold)
                {
                    var console = TableResultWriter.CreateConsole(context.Stderr, terminal: true);
                    await console.Progress()
                        .AutoClear(true)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async progressContext =>
                        {
                            var task = progressContext.AddTask("screening", maxValue: rowCount);
                            await ScreenRowsAsync(n => task.Increment(n)).ConfigureAwait(false);
                        })
                        .ConfigureAwait(false);
                }
                else
                {
                    await ScreenRowsAsync(static _ => { }).ConfigureAwait(false);
                }

                if (counts.Total != rowCount)
                {
                    throw new CliException(ExitCodes.BadInput, $"{settings.Input}: the file changed while it was screened ({rowCount} rows when checked, {counts.Total} when screened); nothing was written");
                }

                writer.Complete(counts);
            }

            await spool.PublishAsync(context.Stdout, context.StdoutBytes, cancellationToken).ConfigureAwait(false);
        }

        if (rowsWithNotes > 0)
        {
            // A value the screening could not read was not screened: said once, with the first, whatever the format.
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"{settings.Input}: {rowsWithNotes} {(rowsWithNotes == 1 ? "row has a value" : "rows have values")} that could not be screened, first {firstNote}{(format == "json" ? " (see \"notes\")" : " (--format json lists them)")}"));
        }

        if (context.StderrIsTerminal && (settings.Output is not null || format != "table" || !context.StdoutIsTerminal))
        {
            context.Error($"{counts}{(settings.Output is null ? string.Empty : $" (written to {settings.Output})")}");
        }

        return failed ? ExitCodes.FailOn : ExitCodes.Success;
    }

    /// <summary>Screens one chunk of rows as a batch (both cores). When the batch fails, its rows are screened one by one to find the
    /// first row that fails, and the run stops naming it; nothing has been published at that point.</summary>
    /// <param name="engine">The loaded engine.</param>
    /// <param name="rows">The chunk.</param>
    /// <param name="path">The input file, for messages.</param>
    /// <param name="before">The number of rows before the chunk.</param>
    /// <param name="cancellationToken">A token to stop.</param>
    /// <returns>One result per row.</returns>
    /// <exception cref="CliException">A row could not be screened (exit code 2).</exception>
    private static async Task<IReadOnlyList<ScreeningResult>> ScreenChunkAsync(
        IScreeningEngine engine, InputRow[] rows, string path, int before, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await engine.ScreenBatchAsync(rows.Select(r => r.Request), cancellationToken).ConfigureAwait(false);
            return batch.Results;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                await ScreenOneAsync(engine, rows[i], before + i + 1, path, cancellationToken).ConfigureAwait(false);
            }

            // The batch failed but every row alone passed: report the batch, never a silent gap.
            throw new CliException(ExitCodes.BadInput, $"{path}: rows {before + 1}–{before + rows.Length} could not be screened: {CliContext.OneLine(Unwrap(ex).Message)}; nothing was written", ex);
        }
    }

    private static async Task<ScreeningResult> ScreenOneAsync(IScreeningEngine engine, InputRow row, int rowNumber, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.ScreenAsync(row.Request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            var inner = Unwrap(ex);
            var kind = inner is ArgumentException ? "the request was refused" : "screening failed";
            throw new CliException(
                ExitCodes.BadInput,
                $"{path}:{row.Line}: row {rowNumber} (id {row.Id}) could not be screened, {kind}: {CliContext.OneLine(inner.Message)}; nothing was written",
                ex);
        }
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : ex;

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

    /// <summary>Whether two paths name the same file once every symbolic link (of the file and of the folders on its path) is resolved.</summary>
    /// <param name="a">One path.</param>
    /// <param name="b">The other path.</param>
    /// <returns><see langword="true"/> when both resolve to the same file.</returns>
    public static bool SamePath(string a, string b)
    {
        try
        {
            var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(ResolvePath(a), ResolvePath(b), comparison);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    /// <summary>Resolves a path to its final target: each component that is a symbolic link is replaced by its target, then the
    /// walk starts again, up to 40 links (a loop stops there).</summary>
    /// <param name="path">The path; the file itself need not exist.</param>
    /// <returns>The full path without links.</returns>
    public static string ResolvePath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var root = Path.GetPathRoot(full) ?? string.Empty;
            var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            string? replaced = null;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                string? target;
                try
                {
                    target = new FileInfo(next).LinkTarget;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    target = null;
                }

                if (target is null)
                {
                    current = next;
                    continue;
                }

                var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                replaced = Path.GetFullPath(Path.Combine([resolved, .. parts[(i + 1)..]]));
                break;
            }

            if (replaced is null)
            {
                return current;
            }

            full = replaced;
        }

        return full;
    }
}

/// <summary>The parsed options of <c>vendorscreen screen</c>.</summary>
internal sealed record ScreenSettings(
    string Input,
    string Format,
    string? Output,
    string? AsOf,
    string Policy,
    string? FailOn)
{
    /// <summary>Gets the name-matching algorithm (<c>--algorithm</c>).</summary>
    public string Algorithm { get; init; } = NameMatchAlgorithms.DefaultName;

    /// <summary>Gets the audit store (<c>--store</c>), or <see langword="null"/> for none.</summary>
    public string? Store { get; init; }

    /// <summary>Gets who is recorded as screening (<c>--user</c>).</summary>
    public string? User { get; init; }
}

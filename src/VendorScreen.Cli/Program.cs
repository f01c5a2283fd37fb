using System.CommandLine;
using System.Text;
using VendorScreen.Cli;
using VendorScreen.Cli.Output;

return await CliApp.RunConsoleAsync(args).ConfigureAwait(false);

namespace VendorScreen.Cli
{
    /// <summary>The <c>vendorscreen</c> command line: builds the root command and runs it with its exit-code contract
    /// (0 done, 1 <c>--fail-on</c> reached, 2 bad usage or input, 3 a source could not be loaded).</summary>
    internal static class CliApp
    {
        /// <summary>Builds the root command.</summary>
        /// <param name="context">Where the commands write.</param>
        /// <returns>The root command.</returns>
        public static RootCommand CreateRootCommand(CliContext context)
        {
            var root = new RootCommand("Screen suppliers, manufacturers, brands and product listings against restricted-party lists (NDAA 889, FCC Covered List, sanctions).");
            root.Subcommands.Add(ScreenCommand.Create(context));
            root.Subcommands.Add(SourcesCommand.Create(context));
            root.Subcommands.Add(AlgorithmsCommand.Create(context));
            root.Subcommands.Add(SearchCommand.Create(context));
            root.Subcommands.Add(IndexCommand.Create(context));
            root.Subcommands.Add(UpdateCommand.Create());
            root.Subcommands.Add(DispositionCommand.Create(context));
            root.Subcommands.Add(AuditCommand.Create(context));
            root.Subcommands.Add(MonitorCommand.Create(context));
            return root;
        }

        /// <summary>Runs the command line in-process, writing to the given writers.</summary>
        /// <param name="args">The arguments.</param>
        /// <param name="stdout">The standard output.</param>
        /// <param name="stderr">The standard error.</param>
        /// <param name="cancellationToken">A token to stop.</param>
        /// <returns>The exit code.</returns>
        public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
            RunAsync(args, CliContext.ForWriters(stdout, stderr), cancellationToken);

        /// <summary>Runs the command line in-process.</summary>
        /// <param name="args">The arguments.</param>
        /// <param name="context">Where to write, the terminal facts and the clock.</param>
        /// <param name="cancellationToken">A token to stop.</param>
        /// <returns>The exit code.</returns>
        public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(args);
            ArgumentNullException.ThrowIfNull(context);
            try
            {
                var root = CreateRootCommand(context);
                var parseResult = root.Parse(args);
                if (parseResult.Errors.Count > 0)
                {
                    var command = parseResult.CommandResult.Command;
                    var help = command is RootCommand ? CliContext.ProgramName : $"{CliContext.ProgramName} {command.Name}";
                    var problems = string.Join("; ", parseResult.Errors.Select(e => CliContext.OneLine(e.Message)));
                    context.Stderr.WriteLine($"{CliContext.ProgramName}: {problems} (see: {help} --help)");
                    return ExitCodes.BadInput;
                }

                var invocation = new InvocationConfiguration
                {
                    Output = context.Stdout,
                    Error = context.Stderr,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null,
                };
                return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException ex)
            {
                context.Stderr.WriteLine($"{CliContext.ProgramName}: {CliContext.OneLine(ex.Message)}");
                return ex.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Stderr.WriteLine($"{CliContext.ProgramName}: cancelled");
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Never a stack trace on the console: one line, unless VENDORSCREEN_DEBUG asks for details.
                var detail = Environment.GetEnvironmentVariable("VENDORSCREEN_DEBUG") is { Length: > 0 } ? SafeText.Visible(ex.ToString(), keepLineBreaks: true) : CliContext.OneLine(ex.Message);
                var kind = ex is IOException or UnauthorizedAccessException ? "I/O error" : "unexpected error";
                context.Stderr.WriteLine($"{CliContext.ProgramName}: {kind}: {detail}");
                return ExitCodes.BadInput;
            }
            finally
            {
                await context.Stderr.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        /// <summary>Runs the command line on the process console, with Ctrl+C cancelling the work.</summary>
        /// <param name="args">The arguments.</param>
        /// <returns>The exit code.</returns>
        public static async Task<int> RunConsoleAsync(string[] args)
        {
            try
            {
                if (Console.OutputEncoding.CodePage != Encoding.UTF8.CodePage)
                {
                    Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                }
            }
            catch (IOException)
            {
                // Keep the console's encoding when it cannot be changed.
            }

            using var cancellation = new CancellationTokenSource();
            void OnCancel(object? sender, ConsoleCancelEventArgs e)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }

            Console.CancelKeyPress += OnCancel;
            try
            {
                // Console.Out writes UTF-8 without a byte order mark to the standard output stream: output spooled in UTF-8 is
                // copied to that stream as it is.
                var context = new CliContext(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected, TimeProvider.System)
                {
                    StdoutBytes = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? Console.OpenStandardOutput() : null,
                };
                return await RunAsync(args, context, cancellation.Token).ConfigureAwait(false);
            }
            finally
            {
                Console.CancelKeyPress -= OnCancel;
            }
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Net;
using VendorScreen.Cli.Output;
using VendorScreen.Sources.Remote;

namespace VendorScreen.Cli;

/// <summary>The <c>vendorscreen update</c> command: fetches the configured remote lists into the cache.</summary>
internal static class UpdateCommand
{
    private static readonly Lazy<HttpClient> Http = new(() => new HttpClient(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        // Each attempt has its own timeout (HttpSanctionListSourceOptions.Timeout).
        Timeout = Timeout.InfiniteTimeSpan,
    });

    public static Command Create()
    {
        var cacheOption = new Option<string?>("--cache")
        {
            Description = "Cache folder (default: $XDG_CACHE_HOME/vendorscreen or ~/.cache/vendorscreen).",
            HelpName = "DIR",
        };
        var listOption = new Option<string[]>("--list")
        {
            Description = "Fetch only this list (repeatable). Default: every configured list that has a URL.",
            HelpName = "NAME",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var configOption = new Option<string?>("--config")
        {
            Description = "JSON file listing the lists (name, url, format, ...); default: the built-in catalog.",
            HelpName = "FILE",
        };

        var command = new Command("update", "Fetch the configured remote lists into the cache; prints one line per list.");
        command.Options.Add(cacheOption);
        command.Options.Add(listOption);
        command.Options.Add(configOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return RunAsync(
                parseResult.GetValue(cacheOption),
                parseResult.GetValue(listOption) ?? [],
                parseResult.GetValue(configOption),
                output,
                error,
                cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string? cache, IReadOnlyList<string> names, string? config, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<RemoteListDefinition> definitions;
        try
        {
            definitions = config is null ? RemoteListCatalog.All : RemoteListCatalog.LoadConfiguration(config);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"vendorscreen update: {ConfigProblem(config!, ex)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var selected = new List<RemoteListDefinition>();
        foreach (var name in names)
        {
            var definition = definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
            if (definition is null)
            {
                await error.WriteLineAsync("vendorscreen update: " + CliContext.OneLine($"unknown list \"{name}\"; configured lists: {string.Join(", ", definitions.Select(d => d.Name))}")).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (definition.Url is null)
            {
                await error.WriteLineAsync("vendorscreen update: " + CliContext.OneLine($"list \"{definition.Name}\" has no URL. {definition.UrlHint} Set it with --config.")).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (!selected.Contains(definition))
            {
                selected.Add(definition);
            }
        }

        var skipped = new List<RemoteListDefinition>();
        if (names.Count == 0)
        {
            selected.AddRange(definitions.Where(d => d.Url is not null));
            skipped.AddRange(definitions.Where(d => d.Url is null));
        }

        var cacheDirectory = string.IsNullOrWhiteSpace(cache) ? RemoteListCatalog.DefaultCacheDirectory() : Path.GetFullPath(cache);
        var sources = new List<HttpSanctionListSource>();
        try
        {
            foreach (var definition in selected)
            {
                sources.Add(definition.CreateSource(Http.Value, cacheDirectory));
            }
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("vendorscreen update: " + CliContext.OneLine(ex.Message)).ConfigureAwait(false);
            sources.ForEach(s => s.Dispose());
            return ExitCodes.BadInput;
        }

        var width = Math.Max(12, selected.Concat(skipped).Select(d => d.Name.Length).DefaultIfEmpty(0).Max());
        var failed = 0;
        foreach (var source in sources)
        {
            using (source)
            {
                try
                {
                    await source.LoadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SanctionListSourceException)
                {
                    // Reported below from the source's report.
                }

                var report = source.LastReport!;
                if (report.Status is RemoteFetchStatus.Failed or RemoteFetchStatus.FromCache)
                {
                    failed++;
                }

                await output.WriteLineAsync(CliContext.OneLine(FormatLine(report, width))).ConfigureAwait(false);
            }
        }

        foreach (var definition in skipped)
        {
            await output.WriteLineAsync(SafeText.Visible($"{definition.Name.PadRight(width)}  skipped       no URL configured ({definition.UrlHint})")).ConfigureAwait(false);
        }

        await error.WriteLineAsync(SafeText.Visible($"cache: {cacheDirectory}")).ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Success : ExitCodes.SourceFailed;
    }

    /// <summary>Describes a bad configuration file on one line: the file once, then every problem, separated by <c>; </c>.</summary>
    /// <param name="config">The <c>--config</c> path.</param>
    /// <param name="ex">The failure.</param>
    /// <returns>The message.</returns>
    internal static string ConfigProblem(string config, Exception ex)
    {
        var prefix = config + ": ";
        var problems = ex.Message.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : p)
            .ToList();
        var what = ex is FormatException ? "invalid configuration" : "cannot read the configuration";
        var count = problems.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({problems.Count} problems)") : string.Empty;
        return CliContext.OneLine($"--config {config}: {what}{count}: {string.Join("; ", problems)}");
    }

    internal static string FormatLine(RemoteFetchReport report, int width)
    {
        var name = report.SourceName.PadRight(width);
        return report.Status switch
        {
            RemoteFetchStatus.Fetched or RemoteFetchStatus.NotModified => string.Create(CultureInfo.InvariantCulture,
                $"{name}  {StatusText(report.Status),-12}  version {report.Version}  sha256 {Prefix(report.Sha256)}  {report.Bytes} bytes  {report.Entities} entities"),
            RemoteFetchStatus.FromCache => string.Create(CultureInfo.InvariantCulture,
                $"{name}  {"failed",-12}  {report.Error}; cached version {report.Version} (sha256 {Prefix(report.Sha256)}, fetched {report.FetchedAt:u}) kept"),
            _ => $"{name}  {"failed",-12}  {report.Error}" + (report.Version is null ? string.Empty : $"; version {report.Version} kept"),
        };
    }

    private static string StatusText(RemoteFetchStatus status) => status == RemoteFetchStatus.Fetched ? "fetched" : "not-modified";

    private static string Prefix(string? sha256) => sha256 is null ? "-" : sha256[..Math.Min(12, sha256.Length)];
}

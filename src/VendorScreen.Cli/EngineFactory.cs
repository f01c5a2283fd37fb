using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VendorScreen.Policies;
using VendorScreen.Sources;
using VendorScreen.Sources.Remote;

namespace VendorScreen.Cli;

/// <summary>Builds and loads the screening engine from the <c>--source</c>, <c>--no-default-data</c>, <c>--policy</c> and <c>--algorithm</c> options.</summary>
internal static partial class EngineFactory
{
    /// <summary>Builds the engine and loads every source once.</summary>
    /// <param name="sources">The context and the lists to load.</param>
    /// <param name="policy">The policy name (already checked), or a policy file ending in <c>.json</c>, read here once.</param>
    /// <param name="algorithm">The name-matching algorithm (already checked); <see langword="null"/> for the default.</param>
    /// <param name="requireUsable">Whether an unusable source ends the command with exit code 3.</param>
    /// <param name="cancellationToken">A token to cancel loading.</param>
    /// <returns>The loaded engine.</returns>
    /// <exception cref="CliException">A source spec is bad (exit 2) or a source could not be opened or loaded (exit 3).</exception>
    public static async Task<ScreeningEngine> CreateAsync(
        SourceSelection sources, string policy, string? algorithm, bool requireUsable, CancellationToken cancellationToken)
    {
        var (context, sourceSpecs, useDefaultData) = sources;
        if (context.IndexFile is not null && sourceSpecs.Count > 0)
        {
            throw new CliException("--index and --source cannot be used together: the index snapshot holds the sources");
        }

        if (context.IndexFile is null && !useDefaultData && sourceSpecs.Count == 0)
        {
            throw new CliException("--no-default-data needs at least one --source (there would be nothing to screen against)");
        }

        var builder = new ScreeningEngineBuilder { TimeProvider = context.TimeProvider, LoggerFactory = new CliLoggerFactory(context) }
            .Configure(o =>
            {
                o.UseDefaultDataset = useDefaultData;
                if (!ScreeningPolicies.IsFile(policy))
                {
                    o.Policy = policy;
                }
                if (algorithm is not null)
                {
                    o.Algorithm = algorithm;
                }

                // The last good counts of every source survive between runs, so a list cut short since the last run is refused.
                o.SourceStateDirectory = context.CacheDirectory ?? RemoteListCatalog.DefaultCacheDirectory();
                o.SourcesAllowedEmpty.UnionWith(context.SourcesAllowedEmpty);
            });

        if (ScreeningPolicies.IsFile(policy))
        {
            try
            {
                builder.UsePolicy(PolicyFile.Load(policy));
            }
            catch (PolicyFileException ex)
            {
                throw new CliException($"--policy {CliContext.OneLine(ex.Message)}", ex);
            }
        }

        if (context.IndexFile is { } indexFile)
        {
            if (string.IsNullOrWhiteSpace(indexFile))
            {
                throw new CliException("--index needs a file");
            }

            try
            {
                builder.AddIndexSnapshot(indexFile);
            }
            catch (SanctionListSourceException ex)
            {
                throw new CliException(ExitCodes.SourceFailed, CliContext.OneLine(ex.Message), ex);
            }
        }

        var remoteSources = new List<HttpSanctionListSource>();
        foreach (var spec in sourceSpecs)
        {
            var source = OpenSource(spec, context);
            if (source is HttpSanctionListSource remote)
            {
                remoteSources.Add(remote);
            }

            builder.AddSource(source);
        }

        context.ConfigureEngine?.Invoke(builder);

        ScreeningEngine engine;
        try
        {
            engine = builder.Build();
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException($"--source: {CliContext.OneLine(ex.Message)}", ex);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException(CliContext.OneLine(ex.Message), ex);
        }

        try
        {
            await engine.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            engine.Dispose();
            throw new CliException(ExitCodes.SourceFailed, $"loading the sources failed: {CliContext.OneLine(ex.Message)}", ex);
        }

        if (requireUsable)
        {
            var failed = engine.Sources.FirstOrDefault(s => !s.IsUsable);
            if (failed is not null)
            {
                engine.Dispose();
                var hint = failed.Error?.Contains(nameof(ScreeningOptions.SourcesAllowedEmpty), StringComparison.Ordinal) == true
                    ? $" (on the command line: --allow-empty {failed.SourceName})"
                    : string.Empty;
                throw new CliException(ExitCodes.SourceFailed, $"source \"{failed.SourceName}\" could not be loaded: {CliContext.OneLine(failed.Error ?? "unknown error")}{hint}");
            }
        }

        WarnAboutDegradedSources(context, engine, remoteSources);
        return engine;
    }

    /// <summary>Warns on standard error about every usable source that is not as good as a fresh load: a URL source served from its
    /// cached copy because the server failed (with the copy's age), and any source whose status carries an error.</summary>
    /// <param name="context">The command-line context.</param>
    /// <param name="engine">The loaded engine.</param>
    /// <param name="remoteSources">The URL sources.</param>
    private static void WarnAboutDegradedSources(CliContext context, ScreeningEngine engine, IReadOnlyList<HttpSanctionListSource> remoteSources)
    {
        var now = context.TimeProvider.GetUtcNow();
        foreach (var status in engine.Sources.Where(s => s.IsUsable))
        {
            var remote = remoteSources.FirstOrDefault(r => string.Equals(r.Name, status.SourceName, StringComparison.Ordinal));
            if (remote?.LastReport is { Status: RemoteFetchStatus.FromCache } report)
            {
                var fetched = report.FetchedAt ?? status.FetchedAt;
                var age = fetched is { } at ? $"fetched {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {DescribeAge(now - at)} old" : "age unknown";
                context.Warn($"source \"{status.SourceName}\" ({report.Location}): {report.Error ?? status.Error ?? "the server could not be reached"}; serving the cached copy, version {report.Version ?? status.Version ?? "unknown"} ({age})");
            }
            else if (status.Error is { } error)
            {
                context.Warn($"source \"{status.SourceName}\": {error}");
            }
        }
    }

    /// <summary>Describes a duration for people: <c>3 days</c>, <c>5 hours</c>, <c>12 minutes</c>, <c>less than a minute</c>.</summary>
    /// <param name="age">The duration.</param>
    /// <returns>The text.</returns>
    public static string DescribeAge(TimeSpan age)
    {
        static string Count(int value, string unit) => string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? string.Empty : "s")}");
        return age.TotalDays >= 1 ? Count((int)age.TotalDays, "day")
            : age.TotalHours >= 1 ? Count((int)age.TotalHours, "hour")
            : age.TotalMinutes >= 1 ? Count((int)age.TotalMinutes, "minute")
            : "less than a minute";
    }

    /// <summary>Opens one <c>--source</c> value: a URL, or a file or folder with an optional <c>format:</c> prefix.</summary>
    /// <param name="spec">The value.</param>
    /// <param name="context">The command-line context.</param>
    /// <returns>The source.</returns>
    /// <exception cref="CliException">The value cannot be opened.</exception>
    public static ISanctionListSource OpenSource(string spec, CliContext context)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new CliException("--source needs a file, folder or URL");
        }

        if (IsUrl(spec))
        {
            return OpenRemoteSource(spec, context);
        }

        try
        {
            return SourceFormats.Open(spec, context.TimeProvider);
        }
        catch (SanctionListSourceException ex)
        {
            throw new CliException(ExitCodes.SourceFailed, $"--source {spec}: {CliContext.OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>Whether a <c>--source</c> value is an http(s) URL, with or without a <c>format:</c> prefix.</summary>
    /// <param name="spec">The value.</param>
    /// <returns><see langword="true"/> for a URL.</returns>
    public static bool IsUrl(string spec) => UrlPattern().IsMatch(spec);

    /// <summary>Opens a URL source, <c>format:https://...</c>: fetched over HTTPS with retries and a cache (see docs/remote-sources.md).</summary>
    /// <param name="spec">The URL with its <c>format:</c> prefix.</param>
    /// <param name="context">The command-line context.</param>
    /// <returns>The remote source.</returns>
    /// <exception cref="CliException">The format is not named or unknown, or the URL is malformed (exit code 2).</exception>
    public static ISanctionListSource OpenRemoteSource(string spec, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var schemeAt = spec.IndexOf("://", StringComparison.Ordinal);
        var prefixEnd = spec.LastIndexOf(':', schemeAt - 1);
        var format = prefixEnd > 0 ? spec[..prefixEnd] : null;
        var url = prefixEnd > 0 ? spec[(prefixEnd + 1)..] : spec;
        if (format is null)
        {
            throw new CliException($"--source {spec}: name the list format of a URL as format:URL ({string.Join(", ", SourceFormats.All.Select(f => f.Name))})");
        }

        if (!SourceFormats.All.Any(f => string.Equals(f.Name, format, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CliException($"--source {spec}: unknown format \"{format}\"; known formats: {string.Join(", ", SourceFormats.All.Select(f => f.Name))}");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new CliException($"--source {spec}: \"{url}\" is not a valid URL");
        }

        return new HttpSanctionListSource(SharedHttpClient.Value, new HttpSanctionListSourceOptions(RemoteSourceName(uri), uri)
        {
            Format = format,
            FileName = Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } file ? file : null,
            CacheDirectory = context.CacheDirectory ?? RemoteListCatalog.DefaultCacheDirectory(),
            TimeProvider = context.TimeProvider,
        });
    }

    /// <summary>The name (and cache folder) of a URL source: a readable part from host, port and path, then the first 16 hex digits
    /// of the SHA-256 of the whole URL (scheme, host, port, path and query; not the fragment), so that two URLs never share a cache
    /// entry: <c>remote-lists-example-org-443-sdn-csv-1f2e3d4c5b6a7988</c>.</summary>
    /// <param name="url">The absolute URL.</param>
    /// <returns>The source name.</returns>
    public static string RemoteSourceName(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var whole = url.GetLeftPart(UriPartial.Query);
        var readable = string.Concat((url.Host + "-" + url.Port.ToString(CultureInfo.InvariantCulture) + url.AbsolutePath)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
        readable = MultipleDashes().Replace(readable, "-").Trim('-');
        if (readable.Length > 48)
        {
            readable = readable[..48].TrimEnd('-');
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(whole)))[..16].ToLowerInvariant();
        return $"remote-{readable}-{hash}";
    }

    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleDashes();

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9.-]*:)?https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}

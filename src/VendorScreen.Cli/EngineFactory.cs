using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VendorScreen.Sources;
using VendorScreen.Sources.Remote;

namespace VendorScreen.Cli;

/// <summary>Builds and loads the screening engine from the <c>--source</c>, <c>--no-default-data</c> and <c>--policy</c> options.</summary>
internal static partial class EngineFactory
{
    /// <summary>Builds the engine and loads every source once.</summary>
    /// <param name="context">The command-line context.</param>
    /// <param name="sourceSpecs">The <c>--source</c> values.</param>
    /// <param name="useDefaultData">Whether the embedded dataset is used.</param>
    /// <param name="policy">The policy name (already checked).</param>
    /// <param name="requireUsable">Whether an unusable source ends the command with exit code 3.</param>
    /// <param name="cancellationToken">A token to cancel loading.</param>
    /// <returns>The loaded engine.</returns>
    /// <exception cref="CliException">A source spec is bad (exit 2) or a source could not be opened or loaded (exit 3).</exception>
    public static async Task<ScreeningEngine> CreateAsync(
        CliContext context, IReadOnlyList<string> sourceSpecs, bool useDefaultData, string policy, bool requireUsable, CancellationToken cancellationToken)
    {
        if (!useDefaultData && sourceSpecs.Count == 0)
        {
            throw new CliException("--no-default-data needs at least one --source (there would be nothing to screen against)");
        }

        var builder = new ScreeningEngineBuilder { TimeProvider = context.TimeProvider }
            .Configure(o =>
            {
                o.UseDefaultDataset = useDefaultData;
                o.Policy = policy;
            });

        foreach (var spec in sourceSpecs)
        {
            builder.AddSource(OpenSource(spec, context));
        }

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
                throw new CliException(ExitCodes.SourceFailed, $"source \"{failed.SourceName}\" could not be loaded: {CliContext.OneLine(failed.Error ?? "unknown error")}");
            }
        }

        return engine;
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

        var name = "remote-" + string.Concat((uri.Host + uri.AbsolutePath).Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
        return new HttpSanctionListSource(SharedHttpClient.Value, new HttpSanctionListSourceOptions(name, uri)
        {
            Format = format,
            FileName = Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } file ? file : null,
            CacheDirectory = RemoteListCatalog.DefaultCacheDirectory(),
        });
    }

    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9.-]*:)?https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}

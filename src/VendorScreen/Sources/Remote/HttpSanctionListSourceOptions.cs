namespace VendorScreen.Sources.Remote;

/// <summary>One more file of a list that is published as several files (for example OFAC's <c>ADD.CSV</c> next to <c>SDN.CSV</c>).</summary>
/// <param name="FileName">The name the file gets in the cache folder, which the format reader looks for (for example <c>add.csv</c>).</param>
/// <param name="Url">Where the file is published.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record RemoteFile(string FileName, Uri Url);

/// <summary>Settings of one <see cref="HttpSanctionListSource"/>: where the list is, how to read it, and the limits that keep a
/// broken download from being served.</summary>
/// <param name="Name">The source name, lower-kebab (<c>un-sc-xml</c>); also the name of the source's folder in the cache.</param>
/// <param name="Url">The list URL. HTTPS is required; plain HTTP is accepted only for a loopback host.</param>
/// <remarks>Instances are immutable and safe for concurrent use. Exactly one of <see cref="Reader"/> and <see cref="Format"/> must be set.</remarks>
public sealed record HttpSanctionListSourceOptions(string Name, Uri Url)
{
    /// <summary>The default value of <see cref="Timeout"/>: two minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The default value of <see cref="MaxBodyBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxBodyBytes = 256L * 1024 * 1024;

    /// <summary>The default value of <see cref="MaxDecompressedBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxDecompressedBytes = 1024L * 1024 * 1024;

    /// <summary>Gets the reader that turns the downloaded bytes into a snapshot: bytes, location (the URL) and fetched-at time.
    /// A reader of a registered format is <c>(bytes, url, fetchedAt) =&gt; SourceFormats.Get("vendorscreen-json").Read(bytes, url, fetchedAt)</c>.</summary>
    /// <value>The default value is <see langword="null"/>; then <see cref="Format"/> must be set.</value>
    public Func<ReadOnlyMemory<byte>, string, DateTimeOffset, ListSnapshot>? Reader { get; init; }

    /// <summary>Gets the name of a file format registered in <see cref="SourceFormats"/> (<c>un-xml</c>, <c>ofac-csv</c>, ...). The
    /// downloaded bytes are read by the format in memory; with <see cref="AdditionalFiles"/>, the format gets all files by their
    /// names. Needs <see cref="CacheDirectory"/>, which keeps the last good copy. The format is looked up when the list is read,
    /// so an unknown name fails the load, not the construction.</summary>
    /// <value>The default value is <see langword="null"/>; then <see cref="Reader"/> must be set.</value>
    public string? Format { get; init; }

    /// <summary>Gets the name of the downloaded file in the cache folder.</summary>
    /// <value>The default value is <see langword="null"/>: the last segment of the URL path, lower-cased (<c>consolidated.xml</c>),
    /// or <c>list.dat</c> when the path has none.</value>
    public string? FileName { get; init; }

    /// <summary>Gets further files of the same list, fetched with the same rules into the same folder. Needs <see cref="Format"/>.
    /// The list loads only when every file was fetched (or is unchanged); a failure of any file fails the whole load.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<RemoteFile> AdditionalFiles { get; init; } = [];

    /// <summary>Gets the time one attempt may take, from sending the request to the last byte of the body.</summary>
    /// <value>The default value is two minutes.</value>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Gets how many times a failed attempt is retried. Network errors, timeouts, cut-off bodies and the HTTP statuses
    /// 408, 429 and 5xx are retried; other failures (404, a wrong content type, an empty or too large body, a list that cannot be
    /// read) are not.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Gets the delay before the first retry. Each further retry waits twice as long, with random jitter of up to half the
    /// delay, capped at <see cref="MaxRetryDelay"/>. A <c>Retry-After</c> header of a 429 or 503 response is honoured up to that cap.</summary>
    /// <value>The default value is one second.</value>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest delay between two attempts.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the largest body accepted, in bytes, as sent over the wire. A larger <c>Content-Length</c> is refused before
    /// reading; a body without one is cut off and refused when it passes the limit.</summary>
    /// <value>The default value is 256 MiB.</value>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Gets whether a gzip body (recognised by its magic bytes, whatever the headers say) is decompressed before it is read.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DecompressGzip { get; init; } = true;

    /// <summary>Gets the largest decompressed size of a gzip body, in bytes.</summary>
    /// <value>The default value is 1 GiB.</value>
    public long MaxDecompressedBytes { get; init; } = DefaultMaxDecompressedBytes;

    /// <summary>Gets the media types accepted in the <c>Content-Type</c> header (compared without parameters, case-insensitively).
    /// A response with another type is refused (for example an HTML error page served with status 200); a response without the
    /// header is accepted.</summary>
    /// <value>The default value is empty: any type is accepted.</value>
    public IReadOnlyList<string> ExpectedContentTypes { get; init; } = [];

    /// <summary>Gets the cache folder. The source keeps its files and a <c>meta.json</c> in the sub-folder <see cref="Name"/>,
    /// sends conditional requests from it, and serves it when the first load of a process cannot reach the server.</summary>
    /// <value>The default value is <see langword="null"/>: no cache on disk (conditional requests then only within the process).</value>
    public string? CacheDirectory { get; init; }

    /// <summary>Gets the plausibility rules a new version must pass before it is served and written to the cache; <see langword="null"/>
    /// to accept any version that could be read.</summary>
    /// <value>The default value is <see cref="PlausibilityOptions.Default"/>.</value>
    public PlausibilityOptions? Plausibility { get; init; } = PlausibilityOptions.Default;

    /// <summary>Gets the <c>User-Agent</c> sent when the <see cref="HttpClient"/> has none (some publishers refuse requests without one).</summary>
    /// <value>The default value is <c>VendorScreen/1.0</c>.</value>
    public string UserAgent { get; init; } = "VendorScreen/1.0";

    /// <summary>Gets the clock for fetched-at times, timeouts and retry delays.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Lists every invalid setting.</summary>
    /// <returns>The problems, empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsValidFileName(Name))
        {
            errors.Add($"Name (\"{Name}\") must be a non-empty name that is valid as a folder name.");
        }

        if (Url is null || !Url.IsAbsoluteUri)
        {
            errors.Add($"Url ({Url}) must be an absolute URL.");
        }
        else if (Url.Scheme != Uri.UriSchemeHttps && !(Url.Scheme == Uri.UriSchemeHttp && Url.IsLoopback))
        {
            errors.Add($"Url ({Url}) must use https (plain http is accepted only for a loopback host).");
        }

        if ((Reader is null) == (Format is null))
        {
            errors.Add("Exactly one of Reader and Format must be set.");
        }

        if (Format is not null && CacheDirectory is null)
        {
            errors.Add($"Format (\"{Format}\") needs a CacheDirectory: the last good copy of a list read by a format is kept there.");
        }

        if (AdditionalFiles is null)
        {
            errors.Add("AdditionalFiles must not be null.");
        }
        else
        {
            if (AdditionalFiles.Count > 0 && Format is null)
            {
                errors.Add("AdditionalFiles need a Format: a Reader reads one body only.");
            }

            foreach (var file in AdditionalFiles)
            {
                if (file is null || file.Url is null || !file.Url.IsAbsoluteUri
                    || (file.Url.Scheme != Uri.UriSchemeHttps && !(file.Url.Scheme == Uri.UriSchemeHttp && file.Url.IsLoopback)))
                {
                    errors.Add($"AdditionalFiles entry {file?.FileName} must have an absolute https URL.");
                }
            }

            var names = new[] { EffectiveFileName }.Concat(AdditionalFiles.Where(f => f is not null).Select(f => f.FileName)).ToList();
            foreach (var fileName in names)
            {
                if (!IsValidFileName(fileName))
                {
                    errors.Add($"File name \"{fileName}\" is not valid.");
                }
            }

            var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                errors.Add($"File name \"{duplicate.Key}\" is used twice.");
            }
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"Timeout ({Timeout}) must be positive.");
        }

        if (MaxRetries is < 0 or > 20)
        {
            errors.Add($"MaxRetries ({MaxRetries}) must be between 0 and 20.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay)
        {
            errors.Add($"RetryBaseDelay ({RetryBaseDelay}) must not be negative nor exceed MaxRetryDelay ({MaxRetryDelay}).");
        }

        if (MaxBodyBytes is < 1 or > int.MaxValue - 64)
        {
            errors.Add($"MaxBodyBytes ({MaxBodyBytes}) must be between 1 and {int.MaxValue - 64}.");
        }

        if (MaxDecompressedBytes is < 1 or > int.MaxValue - 64)
        {
            errors.Add($"MaxDecompressedBytes ({MaxDecompressedBytes}) must be between 1 and {int.MaxValue - 64}.");
        }

        if (ExpectedContentTypes is null || ExpectedContentTypes.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("ExpectedContentTypes must not be null nor contain empty entries.");
        }

        if (CacheDirectory is not null && string.IsNullOrWhiteSpace(CacheDirectory))
        {
            errors.Add("CacheDirectory must not be empty.");
        }

        if (Plausibility is not null)
        {
            errors.AddRange(Plausibility.Validate());
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider must not be null.");
        }

        return errors;
    }

    internal string EffectiveFileName => FileName ?? DefaultFileName(Url);

    internal static string DefaultFileName(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return "list.dat";
        }

        var segment = url.Segments.Length == 0 ? string.Empty : Uri.UnescapeDataString(url.Segments[^1]).Trim('/');
        return IsValidFileName(segment) ? segment.ToLowerInvariant() : "list.dat";
    }

    internal static bool IsValidFileName(string? fileName) =>
        !string.IsNullOrWhiteSpace(fileName)
        && fileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && fileName.IndexOfAny(['/', '\\', ':']) < 0
        && fileName is not "." and not ".."
        && !string.Equals(fileName, RemoteCache.ManifestFileName, StringComparison.OrdinalIgnoreCase)
        && !fileName.StartsWith('.');
}

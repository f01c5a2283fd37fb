using System.Globalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Remote;

/// <summary>
/// A list fetched over HTTPS: conditional requests, timeouts, retries with backoff, size, content-type and truncation checks, a
/// plausibility check against the last good version, and a cache on disk that serves the last good copy when the first load of a
/// process cannot reach the server.
/// </summary>
/// <remarks>
/// <para>Instances are safe for concurrent use; loads of one instance run one at a time. The <see cref="HttpClient"/> belongs to the
/// caller (under dependency injection, create it with <c>IHttpClientFactory</c>) and is not disposed by the source.</para>
/// <para>A load either returns a complete, checked snapshot or throws <see cref="SanctionListSourceException"/> naming the source, the
/// URL and the problem. A new version is written to the cache only after it was read and found plausible, so the cache never holds a
/// version that was refused. When a load fails after an earlier success in the same process, the exception lets
/// <see cref="ScreeningEngine"/> keep serving the last good snapshot.</para>
/// </remarks>
public sealed class HttpSanctionListSource : ISanctionListSource, IDisposable
{
    private readonly HttpSanctionListSourceOptions _options;
    private readonly HttpFileFetcher _fetcher;
    private readonly RemoteCache? _cache;
    private readonly IReadOnlyList<RemoteFile> _files;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Held? _held;
    private RemoteFetchReport? _lastReport;

    /// <summary>Initializes a new instance of the <see cref="HttpSanctionListSource"/> class.</summary>
    /// <param name="httpClient">The client to send requests with; its handler decides proxies, redirects and automatic decompression.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message lists every problem.</exception>
    public HttpSanctionListSource(HttpClient httpClient, HttpSanctionListSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid options for remote source \"{options.Name}\": " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _fetcher = new HttpFileFetcher(httpClient, options);
        _cache = options.CacheDirectory is null ? null : new RemoteCache(options.CacheDirectory, options.Name);
        _files = [new RemoteFile(options.EffectiveFileName, options.Url), .. options.AdditionalFiles];
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <summary>Gets the settings.</summary>
    public HttpSanctionListSourceOptions Options => _options;

    /// <summary>Gets the folder this source caches its files in, or <see langword="null"/> without a cache.</summary>
    public string? CacheFolder => _cache?.Directory;

    /// <summary>Gets the outcome of the last load, or <see langword="null"/> before the first.</summary>
    public RemoteFetchReport? LastReport => Volatile.Read(ref _lastReport);

    /// <inheritdoc />
    /// <exception cref="SanctionListSourceException">The list could not be fetched, read, or was not plausible, and no earlier copy can
    /// stand in for it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SanctionListSourceException ex)
        {
            var held = Volatile.Read(ref _held);
            Volatile.Write(ref _lastReport, Report(RemoteFetchStatus.Failed, held) with { Error = ex.Message });
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<ListSnapshot> LoadCoreAsync(CancellationToken cancellationToken)
    {
        _cache?.EnsureDirectory();
        var held = _held;
        var manifest = held?.Manifest ?? _cache?.ReadManifest(_files);
        List<FetchedFile> fetched;
        try
        {
            fetched = await FetchAllAsync(manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (SanctionListSourceException ex) when (held is null && manifest is not null && _cache is not null)
        {
            // The first load of this process cannot reach the server: serve the last good copy on disk, with its own fetched-at.
            var cached = await ReadCachedAsync(manifest, manifest.FetchedAt, cancellationToken).ConfigureAwait(false)
                ?? throw new SanctionListSourceException(Name, Location, ex.Message + "; the cached copy is missing or damaged", ex);
            return Accept(cached with { Warning = CachedWarning("fetch failed: " + ex.Message, manifest) }, manifest, RemoteFetchStatus.FromCache, ex.Message);
        }

        var now = _options.TimeProvider.GetUtcNow();
        if (manifest is not null && fetched.TrueForAll(f => f.NotModified))
        {
            var confirmed = manifest with { FetchedAt = now, Files = UpdateValidators(manifest, fetched) };
            var snapshot = held is not null
                ? held.Snapshot with { FetchedAt = now }
                : await ReadCachedAsync(confirmed, now, cancellationToken).ConfigureAwait(false);
            if (snapshot is not null)
            {
                if (_cache is not null)
                {
                    await _cache.CommitAsync(confirmed, previousFolder: null, cancellationToken).ConfigureAwait(false);
                }

                return Accept(snapshot, confirmed, RemoteFetchStatus.NotModified, null);
            }

            // The cached copy is gone or damaged: download everything again, without validators.
            var baseline = manifest.Entities;
            fetched = await FetchAllAsync(null, cancellationToken).ConfigureAwait(false);
            return await AcceptNewAsync(null, null, baseline, fetched, now, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await AcceptNewAsync(held, manifest, held?.Snapshot.Entities.Count ?? manifest?.Entities, fetched, now, cancellationToken).ConfigureAwait(false);
        }
        catch (SanctionListSourceException ex) when (held is null && manifest is not null && _cache is not null)
        {
            // The first load of this process got a new version that cannot be read or is not plausible: serve the verified last good
            // copy on disk and report the refusal, rather than leaving the source without a list.
            var cached = await ReadCachedAsync(manifest, manifest.FetchedAt, cancellationToken).ConfigureAwait(false);
            if (cached is null)
            {
                throw;
            }

            return Accept(cached with { Warning = CachedWarning("new version refused: " + ex.Message, manifest) }, manifest, RemoteFetchStatus.FromCache, ex.Message);
        }
    }

    private static string CachedWarning(string problem, CacheManifest manifest) =>
        string.Create(CultureInfo.InvariantCulture, $"{problem}; serving the cached version {manifest.Version} fetched at {manifest.FetchedAt:u}");

    private async Task<ListSnapshot> AcceptNewAsync(Held? held, CacheManifest? manifest, int? baseline, List<FetchedFile> fetched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Files the server did not change come from the cache; a damaged one is downloaded again.
        var bodies = new List<(RemoteFile File, ReadOnlyMemory<byte> Bytes, FetchedFile Response)>();
        foreach (var response in fetched)
        {
            var bytes = response.Body;
            var current = response;
            if (response.NotModified)
            {
                var entry = manifest!.FindFile(response.File.FileName)!;
                var cached = _cache is null ? null : await _cache.ReadVerifiedAsync(manifest, entry, cancellationToken).ConfigureAwait(false);
                if (cached is null)
                {
                    current = await _fetcher.FetchAsync(response.File, null, cancellationToken).ConfigureAwait(false);
                    bytes = current.Body;
                }
                else
                {
                    bytes = cached;
                }
            }

            bodies.Add((response.File, bytes, current));
        }

        var hashes = bodies.Select(b => (b.File.FileName, RemoteCache.Hash(b.Bytes.Span))).ToList();
        var sha256 = RemoteCache.CombinedHash(hashes);
        var entries = bodies.Select((b, i) => new CachedFileEntry
        {
            Name = b.File.FileName,
            Url = HttpFileFetcher.DisplayUrl(b.File.Url),
            UrlSha256 = UrlHash(b.File.Url),
            ETag = b.Response.ETag,
            LastModified = b.Response.LastModified,
            Sha256 = hashes[i].Item2,
            Bytes = b.Bytes.Length,
        }).ToList();

        if (held is not null && string.Equals(held.Manifest.Sha256, sha256, StringComparison.Ordinal))
        {
            // The same bytes again (a server without conditional requests): nothing to read.
            var same = held.Manifest with { FetchedAt = now, Files = entries };
            if (_cache is not null)
            {
                await _cache.CommitAsync(same, previousFolder: null, cancellationToken).ConfigureAwait(false);
            }

            return Accept(held.Snapshot with { FetchedAt = now }, same, RemoteFetchStatus.NotModified, null);
        }

        var folder = RemoteCache.FolderFor(sha256);
        var staged = false;
        try
        {
            // The bytes are read in memory; they reach the cache only once they were read and found plausible.
            var snapshot = _options.Reader is { } reader
                ? Read(reader, bodies[0].Bytes, now)
                : ReadFormat(bodies.Select(b => (b.File, b.Bytes)).ToList(), now, now, cancellationToken);
            snapshot = snapshot with { SourceName = Name, FetchedAt = now, Sha256 = sha256, Location = Location };
            if (_options.Plausibility?.FindProblem(snapshot, baseline) is { } problem)
            {
                throw new SanctionListSourceException(Name, Location, "implausible new version refused: " + problem);
            }

            var next = new CacheManifest
            {
                Source = Name,
                Folder = folder,
                Sha256 = sha256,
                Version = snapshot.Version,
                FetchedAt = now,
                DownloadedAt = now,
                Entities = snapshot.Entities.Count,
                Rejected = snapshot.RejectedRecords.Count,
                Files = entries,
            };
            if (_cache is not null)
            {
                staged = true;
                await StageAsync(folder, bodies, cancellationToken).ConfigureAwait(false);

                await _cache.CommitAsync(next, manifest?.Folder, cancellationToken).ConfigureAwait(false);
                staged = false;
            }

            return Accept(snapshot, next, RemoteFetchStatus.Fetched, null);
        }
        finally
        {
            if (staged)
            {
                _cache!.Discard(folder, manifest?.Folder);
            }
        }
    }

    private async Task<List<FetchedFile>> FetchAllAsync(CacheManifest? manifest, CancellationToken cancellationToken)
    {
        var results = new List<FetchedFile>(_files.Count);
        foreach (var file in _files)
        {
            var entry = manifest?.FindFile(file.FileName);
            var validators = entry is not null && string.Equals(entry.UrlSha256, UrlHash(file.Url), StringComparison.Ordinal) ? entry : null;
            results.Add(await _fetcher.FetchAsync(file, validators, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task StageAsync(string folder, List<(RemoteFile File, ReadOnlyMemory<byte> Bytes, FetchedFile Response)> bodies, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (file, bytes, _) in bodies)
            {
                await _cache!.WriteFileAsync(folder, file.FileName, bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SanctionListSourceException(Name, _cache!.FolderPath(folder), "could not write the cache: " + ex.Message, ex);
        }
    }

    private async Task<ListSnapshot?> ReadCachedAsync(CacheManifest manifest, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        if (_cache is null || manifest.Files.Count != _files.Count || !_files.All(f => manifest.FindFile(f.FileName) is not null))
        {
            return null;
        }

        if (_options.Reader is { } reader)
        {
            var bytes = await _cache.ReadVerifiedAsync(manifest, manifest.FindFile(_files[0].FileName)!, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return null;
            }

            return Read(reader, bytes, fetchedAt) with { SourceName = Name, FetchedAt = fetchedAt, Sha256 = manifest.Sha256, Location = Location };
        }

        var files = new List<(RemoteFile File, ReadOnlyMemory<byte> Bytes)>(_files.Count);
        foreach (var file in _files)
        {
            var bytes = await _cache.ReadVerifiedAsync(manifest, manifest.FindFile(file.FileName)!, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return null;
            }

            files.Add((file, bytes));
        }

        var snapshot = ReadFormat(files, fetchedAt, manifest.DownloadedAt, cancellationToken);
        return snapshot with { SourceName = Name, FetchedAt = fetchedAt, Sha256 = manifest.Sha256, Location = Location };
    }

    private ListSnapshot Read(Func<ReadOnlyMemory<byte>, string, DateTimeOffset, ListSnapshot> reader, ReadOnlyMemory<byte> bytes, DateTimeOffset fetchedAt)
    {
        try
        {
            return reader(bytes, Location, fetchedAt)
                ?? throw new SanctionListSourceException(Name, Location, "the reader returned no snapshot");
        }
        catch (SanctionListSourceException ex) when (!string.Equals(ex.SourceName, Name, StringComparison.Ordinal))
        {
            throw new SanctionListSourceException(Name, Location, "could not read the list: " + ex.Message, ex);
        }
#pragma warning disable CA1031 // A reader supplied by the caller may fail in any way; every failure makes the source unusable, never the engine.
        catch (Exception ex) when (ex is not OperationCanceledException and not SanctionListSourceException)
#pragma warning restore CA1031
        {
            throw new SanctionListSourceException(Name, Location, "could not read the list: " + ex.Message, ex);
        }
    }

    /// <summary>Reads the fetched or cached bytes with the list's format, in memory: the files keep their names (a format that reads
    /// several files finds them by name) and the URLs as locations. A list without a publication date gets the date it was
    /// downloaded as its version.</summary>
    private ListSnapshot ReadFormat(List<(RemoteFile File, ReadOnlyMemory<byte> Bytes)> bodies, DateTimeOffset fetchedAt, DateTimeOffset downloadedAt, CancellationToken cancellationToken)
    {
        var name = _options.Format!;
        try
        {
            var format = SourceFormats.Find(name)
                ?? throw new SanctionListSourceException("source", name, $"unknown format \"{name}\"; known formats: {string.Join(", ", SourceFormats.All.Select(f => f.Name))}");
            var files = bodies.Select(b => ListFile.FromBytes(b.File.FileName, HttpFileFetcher.DisplayUrl(b.File.Url), b.Bytes)).ToList();
            var fileNames = bodies.Select(b => b.File.FileName).ToList();
            var sourceName = format.DefaultSourceName(fileNames.Count == 1 ? fileNames[0] : Location, fileNames);
            return format.Read(files, Location, fetchedAt, ListText.Version(downloadedAt), sourceName, cancellationToken: cancellationToken);
        }
        catch (SanctionListSourceException ex)
        {
            throw new SanctionListSourceException(Name, Location, $"could not read the list as {name}: {ex.Message}", ex);
        }
#pragma warning disable CA1031 // A format reader may fail in any way; every failure makes the source unusable, never the engine.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            throw new SanctionListSourceException(Name, Location, $"could not read the list as {name}: {ex.Message}", ex);
        }
    }

    private ListSnapshot Accept(ListSnapshot snapshot, CacheManifest manifest, RemoteFetchStatus status, string? error)
    {
        var held = new Held(snapshot, manifest);
        Volatile.Write(ref _held, held);
        Volatile.Write(ref _lastReport, Report(status, held) with { Error = error });
        return snapshot;
    }

    private RemoteFetchReport Report(RemoteFetchStatus status, Held? held) => new(Name, status)
    {
        Location = Location,
        Version = held?.Snapshot.Version,
        Sha256 = held?.Manifest.Sha256,
        Bytes = held?.Manifest.TotalBytes ?? 0,
        Entities = held?.Snapshot.Entities.Count ?? 0,
        FetchedAt = held?.Snapshot.FetchedAt,
    };

    private static List<CachedFileEntry> UpdateValidators(CacheManifest manifest, List<FetchedFile> fetched) =>
        manifest.Files.Select(f => fetched.Find(r => string.Equals(r.File.FileName, f.Name, StringComparison.OrdinalIgnoreCase)) is { } r
            ? f with { ETag = r.ETag ?? f.ETag, LastModified = r.LastModified ?? f.LastModified }
            : f).ToList();

    private static string UrlHash(Uri url) => RemoteCache.Hash(System.Text.Encoding.UTF8.GetBytes(url.AbsoluteUri));

    private string Location => HttpFileFetcher.DisplayUrl(_options.Url);

    /// <summary>The snapshot served last and the cache manifest it came from.</summary>
    private sealed record Held(ListSnapshot Snapshot, CacheManifest Manifest);
}

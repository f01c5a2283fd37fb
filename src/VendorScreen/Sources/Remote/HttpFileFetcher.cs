using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Remote;

/// <summary>The result of fetching one file: new bytes, or confirmation that the cached copy is current.</summary>
internal sealed record FetchedFile(RemoteFile File, bool NotModified, ReadOnlyMemory<byte> Body, string? ETag, string? LastModified);

/// <summary>Fetches one file over HTTP with a timeout per attempt, retries with exponential backoff and jitter, conditional
/// requests, a content-type check, a body size limit enforced while streaming, a truncation check and gzip decompression.</summary>
internal sealed class HttpFileFetcher
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly HttpSanctionListSourceOptions _options;

    public HttpFileFetcher(HttpClient http, HttpSanctionListSourceOptions options)
    {
        _http = http;
        _options = options;
    }

    /// <summary>Fetches a file; retryable failures are retried, the last failure is thrown as a <see cref="SanctionListSourceException"/>.</summary>
    public async Task<FetchedFile> FetchAsync(RemoteFile file, CachedFileEntry? validators, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await FetchOnceAsync(file, validators, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteFetchException failure) when (failure.Retryable && attempt < _options.MaxRetries)
            {
                await Task.Delay(Backoff(attempt, failure.RetryAfter), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteFetchException failure)
            {
                var attempts = attempt + 1;
                var message = attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $"{failure.Message} (after {attempts} attempts)") : failure.Message;
                throw new SanctionListSourceException(_options.Name, DisplayUrl(file.Url), message, failure.InnerException);
            }
        }
    }

    /// <summary>The URL without its query, which may carry an access token.</summary>
    public static string DisplayUrl(Uri url) => url.Query.Length > 0 ? url.GetLeftPart(UriPartial.Path) + "?..." : url.ToString();

    internal TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var cap = _options.MaxRetryDelay;
        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after < cap ? after : cap;
        }

        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, cap.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter spreads retries of many clients; it needs no cryptographic randomness.
        var jittered = (capped / 2) + (Random.Shared.NextDouble() * capped / 2);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }

    private async Task<FetchedFile> FetchOnceAsync(RemoteFile file, CachedFileEntry? validators, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, file.Url);
        if (_http.DefaultRequestHeaders.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        }

        if (validators?.ETag is { Length: > 0 } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { Length: > 0 } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                if (validators is null)
                {
                    throw new RemoteFetchException("the server answered 304 Not Modified to an unconditional request", retryable: false);
                }

                return new FetchedFile(file, NotModified: true, ReadOnlyMemory<byte>.Empty, response.Headers.ETag?.ToString() ?? validators.ETag, validators.LastModified);
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var retryable = status is 408 or 429 or >= 500;
                throw new RemoteFetchException(
                    string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}").TrimEnd(),
                    retryable,
                    retryAfter: RetryAfter(response.Headers.RetryAfter));
            }

            CheckContentType(response.Content.Headers.ContentType);
            var body = await ReadBodyAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (body.Length == 0)
            {
                throw new RemoteFetchException(string.Create(CultureInfo.InvariantCulture, $"the server answered {(int)response.StatusCode} with an empty body"), retryable: false);
            }

            var lastModifiedHeader = response.Content.Headers.LastModified?.ToString("r", CultureInfo.InvariantCulture);
            return new FetchedFile(file, NotModified: false, body, response.Headers.ETag?.ToString(), lastModifiedHeader);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteFetchException(string.Create(CultureInfo.InvariantCulture, $"timed out after {_options.Timeout.TotalSeconds:0.###} s"), retryable: true, inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new RemoteFetchException("request failed: " + ex.Message, retryable: true, inner: ex);
        }
        catch (IOException ex)
        {
            throw new RemoteFetchException("the body was cut off: " + ex.Message, retryable: true, inner: ex);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _options.TimeProvider.GetUtcNow() : null;
    }

    private void CheckContentType(MediaTypeHeaderValue? contentType)
    {
        if (_options.ExpectedContentTypes.Count == 0 || contentType?.MediaType is not { Length: > 0 } mediaType)
        {
            return;
        }

        if (!_options.ExpectedContentTypes.Any(t => string.Equals(t.Split(';')[0].Trim(), mediaType, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RemoteFetchException($"unexpected content type \"{mediaType}\" (expected {string.Join(", ", _options.ExpectedContentTypes)})", retryable: false);
        }
    }

    /// <summary>Reads the body as it arrives. A gzip body (recognised by its magic bytes) is decompressed while it streams, so that
    /// neither the compressed nor the decompressed bytes are held beyond their limits: a body that passes
    /// <see cref="HttpSanctionListSourceOptions.MaxBodyBytes"/> on the wire or <see cref="HttpSanctionListSourceOptions.MaxDecompressedBytes"/>
    /// once decompressed is refused as soon as it does, and memory stays bounded by the limit.</summary>
    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var max = _options.MaxBodyBytes;
        var declared = content.Headers.ContentLength;
        if (declared > max)
        {
            throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"the body of {declared} bytes (Content-Length) exceeds the limit of {max} bytes"));
        }

        var network = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (network.ConfigureAwait(false))
        {
            // The body as it comes off the wire: the bytes read are counted and more than the limit is refused.
            var wire = new LimitedReadStream(network, ownsInner: false, max, () => TooLarge(string.Create(CultureInfo.InvariantCulture, $"the body exceeds the limit of {max} bytes")));
            var magic = new byte[2];
            var got = 0;
            while (got < magic.Length)
            {
                var read = await wire.ReadAsync(magic.AsMemory(got), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                got += read;
            }

            var gzip = _options.DecompressGzip && got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            var body = new PrefixedStream(magic.AsMemory(0, got), wire);
            ReadOnlyMemory<byte> result;
            if (gzip)
            {
                var limit = _options.MaxDecompressedBytes;
                try
                {
                    var input = new GZipStream(body, CompressionMode.Decompress, leaveOpen: true);
                    await using (input.ConfigureAwait(false))
                    {
                        result = await ReadLimitedAsync(input, null, limit, cancellationToken).ConfigureAwait(false)
                            ?? throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"the gzip body decompresses to more than the limit of {limit} bytes"));
                    }
                }
                catch (InvalidDataException ex)
                {
                    throw new RemoteFetchException("the gzip body is damaged: " + ex.Message, retryable: false, inner: ex);
                }

                // Bytes after the compressed data still count against the wire limit and the declared length.
                var rest = new byte[16 * 1024];
                while (await body.ReadAsync(rest, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
            else
            {
                result = await ReadLimitedAsync(body, declared, max, cancellationToken).ConfigureAwait(false)
                    ?? throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"the body exceeds the limit of {max} bytes"));
            }

            if (declared is { } expected && wire.Count != expected)
            {
                throw new RemoteFetchException(
                    string.Create(CultureInfo.InvariantCulture, $"the body was cut off: received {wire.Count} of {expected} bytes (Content-Length)"),
                    retryable: true);
            }

            return result;
        }
    }

    /// <summary>Reads a stream into one array of at most <paramref name="max"/> bytes; <see langword="null"/> when it is longer. The
    /// bytes are collected in chunks, so a refused body never held more than the limit and one chunk.</summary>
    private static async ValueTask<ReadOnlyMemory<byte>?> ReadLimitedAsync(Stream stream, long? declared, long max, CancellationToken cancellationToken)
    {
        const int ChunkBytes = 1024 * 1024;
        var chunks = new List<byte[]>();
        var firstSize = (int)Math.Min(declared is { } d ? d + 1 : InitialBufferBytes, Math.Min(max + 1, ChunkBytes));
        var chunk = new byte[Math.Max(firstSize, 1)];
        var inChunk = 0;
        long total = 0;
        while (true)
        {
            if (inChunk == chunk.Length)
            {
                chunks.Add(chunk);
                chunk = new byte[(int)Math.Min(ChunkBytes, Math.Max(1, max + 1 - total))];
                inChunk = 0;
            }

            var read = await stream.ReadAsync(chunk.AsMemory(inChunk), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            inChunk += read;
            total += read;
            if (total > max)
            {
                return null;
            }
        }

        if (chunks.Count == 0)
        {
            return chunk.AsMemory(0, inChunk);
        }

        var result = new byte[total];
        var offset = 0;
        foreach (var full in chunks)
        {
            full.CopyTo(result, offset);
            offset += full.Length;
        }

        chunk.AsSpan(0, inChunk).CopyTo(result.AsSpan(offset));
        return result;
    }

    private static RemoteFetchException TooLarge(string message) => new(message, retryable: false);
}

/// <summary>A stream that first returns a few bytes already read, then the rest of another stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : ForwardReadStream
{
    private int _position;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(count, prefix.Length - _position);
            prefix.Span.Slice(_position, n).CopyTo(buffer.AsSpan(offset, n));
            _position += n;
            return n;
        }

        return inner.Read(buffer, offset, count);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.Span.Slice(_position, n).CopyTo(buffer.Span);
            _position += n;
            return ValueTask.FromResult(n);
        }

        return inner.ReadAsync(buffer, cancellationToken);
    }
}

/// <summary>One failed attempt, with whether trying again may help.</summary>
internal sealed class RemoteFetchException : Exception
{
    public RemoteFetchException()
    {
    }

    public RemoteFetchException(string message)
        : base(message)
    {
    }

    public RemoteFetchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RemoteFetchException(string message, bool retryable, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Retryable = retryable;
        RetryAfter = retryAfter;
    }

    public bool Retryable { get; }

    public TimeSpan? RetryAfter { get; }
}

namespace VendorScreen.Sources.Remote;

/// <summary>How the last load of a remote source ended.</summary>
public enum RemoteFetchStatus
{
    /// <summary>A new version was downloaded, read and accepted.</summary>
    Fetched,

    /// <summary>The server confirmed the version already held (HTTP 304, or the same bytes again).</summary>
    NotModified,

    /// <summary>The server could not be reached or failed, and the cached copy on disk was served instead (first load of a process).</summary>
    FromCache,

    /// <summary>The load failed; see <see cref="RemoteFetchReport.Error"/>.</summary>
    Failed,
}

/// <summary>The outcome of the last load of a <see cref="HttpSanctionListSource"/>, for status pages and the <c>update</c> command.</summary>
/// <param name="SourceName">The source name.</param>
/// <param name="Status">How the load ended.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record RemoteFetchReport(string SourceName, RemoteFetchStatus Status)
{
    /// <summary>Gets the list URL (without its query, which may hold an access token).</summary>
    public string? Location { get; init; }

    /// <summary>Gets the version served, or <see langword="null"/> when none.</summary>
    public string? Version { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the content served (for several files: over their names and hashes).</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets the size of the content served, in bytes (after decompression).</summary>
    public long Bytes { get; init; }

    /// <summary>Gets the number of entities served.</summary>
    public int Entities { get; init; }

    /// <summary>Gets when the server last confirmed the content served.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>Gets what went wrong, for <see cref="RemoteFetchStatus.Failed"/> and <see cref="RemoteFetchStatus.FromCache"/>.</summary>
    public string? Error { get; init; }
}

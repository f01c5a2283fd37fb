namespace VendorScreen.Sources;

/// <summary>A list source: fetches a list and reads it into a <see cref="ListSnapshot"/>.</summary>
/// <remarks>
/// Implementations must be safe for concurrent calls. <see cref="LoadAsync"/> may be called again to refresh.
/// A source that cannot produce a usable snapshot throws <see cref="SanctionListSourceException"/>; bad records
/// inside a usable list are counted in <see cref="ListSnapshot.RejectedRecords"/>, never thrown.
/// </remarks>
public interface ISanctionListSource
{
    /// <summary>Gets the stable source name, lower-kebab (<c>default</c>, <c>ofac-sdn</c>).</summary>
    string Name { get; }

    /// <summary>Loads the list.</summary>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="SanctionListSourceException">The source is unusable.</exception>
    ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default);
}

/// <summary>A source that wraps another one, for caching, logging or validation decorators.</summary>
/// <remarks>Instances are safe for concurrent use when the inner source is.</remarks>
public abstract class DelegatingSanctionListSource : ISanctionListSource
{
    /// <summary>Initializes a new instance of the <see cref="DelegatingSanctionListSource"/> class.</summary>
    /// <param name="inner">The wrapped source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    protected DelegatingSanctionListSource(ISanctionListSource inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>Gets the wrapped source.</summary>
    protected ISanctionListSource Inner { get; }

    /// <inheritdoc />
    public virtual string Name => Inner.Name;

    /// <inheritdoc />
    public virtual ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default) => Inner.LoadAsync(cancellationToken);
}

/// <summary>A source that serves a snapshot built in memory, for tests and for lists built by the host.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed class InMemorySanctionListSource : ISanctionListSource
{
    private readonly ListSnapshot _snapshot;

    /// <summary>Initializes a new instance of the <see cref="InMemorySanctionListSource"/> class.</summary>
    /// <param name="snapshot">The snapshot to serve.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public InMemorySanctionListSource(ListSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
    }

    /// <inheritdoc />
    public string Name => _snapshot.SourceName;

    /// <inheritdoc />
    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_snapshot);
    }
}

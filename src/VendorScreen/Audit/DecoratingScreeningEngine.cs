namespace VendorScreen.Audit;

/// <summary>
/// The base of an engine decorator that works on the results of the engine it wraps: name searches and the batch overload without
/// options are forwarded, and both stream overloads pass the inner engine's stream through <see cref="DecorateStream"/>.
/// </summary>
/// <param name="inner">The engine that screens.</param>
/// <remarks>Thread-safe for concurrent use when the derived decorator is.</remarks>
internal abstract class DecoratingScreeningEngine(IScreeningEngine inner) : IScreeningEngine
{
    /// <summary>Gets the engine that screens.</summary>
    protected IScreeningEngine Inner { get; } = inner;

    /// <inheritdoc />
    public abstract ValueTask<ScreeningResult> ScreenAsync(ScreeningRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, CancellationToken cancellationToken = default) =>
        ScreenBatchAsync(requests, null, cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public ValueTask<NameSearchResult> SearchAsync(string name, int top = 10, double minScore = 0.5, CancellationToken cancellationToken = default) =>
        Inner.SearchAsync(name, top, minScore, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ScreeningResult> ScreenStreamAsync(IAsyncEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options = null, CancellationToken cancellationToken = default) =>
        DecorateStream(Inner.ScreenStreamAsync(requests, options, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ScreeningResult> ScreenStreamAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options = null, CancellationToken cancellationToken = default) =>
        DecorateStream(Inner.ScreenStreamAsync(requests, options, cancellationToken), cancellationToken);

    /// <summary>Decorates the results of a stream as the inner engine yields them.</summary>
    /// <param name="results">The inner engine's results.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The decorated results.</returns>
    protected abstract IAsyncEnumerable<ScreeningResult> DecorateStream(IAsyncEnumerable<ScreeningResult> results, CancellationToken cancellationToken);
}

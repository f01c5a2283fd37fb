namespace VendorScreen;

/// <summary>
/// Serves the dataset generation that screenings run against, and tells when a new generation replaced it. This is the seam between
/// the screening pipeline, which screens one immutable generation and knows no list sources, and whatever loads the lists (the
/// built-in loader, a background refresh, a host's own loader, a decorator that records or re-screens on every change).
/// </summary>
/// <remarks>All members are thread-safe for concurrent use.</remarks>
public interface IScreeningDatasetProvider
{
    /// <summary>Gets the current generation, or <see langword="null"/> before the first load.</summary>
    ScreeningDatasetGeneration? Current { get; }

    /// <summary>Raised after a new generation replaced the current one; the handler runs on the thread that published it. An
    /// exception thrown by a handler is logged and does not stop the publication.</summary>
    event EventHandler<DatasetChangedEventArgs>? DatasetChanged;

    /// <summary>Gets the current generation, loading the first one when none exists yet (concurrent callers wait for one load).</summary>
    /// <param name="cancellationToken">A token to cancel the wait or the first load.</param>
    /// <returns>The current generation.</returns>
    ValueTask<ScreeningDatasetGeneration> GetCurrentAsync(CancellationToken cancellationToken = default);
}

/// <summary>Loads and refreshes the configured list sources and publishes each result as a new
/// <see cref="ScreeningDatasetGeneration"/>. Registered by <c>AddVendorScreen</c>, so that a host can refresh lists and read their
/// status without holding the engine.</summary>
/// <remarks>All members are thread-safe for concurrent use; refreshes run one at a time.</remarks>
public interface IScreeningDatasetLoader : IScreeningDatasetProvider
{
    /// <summary>Gets the state of every configured source now: a source whose snapshot became older than
    /// <see cref="ScreeningOptions.MaxSourceAge"/> since the last refresh is reported as not usable (stale). Empty before the first
    /// load.</summary>
    IReadOnlyList<SourceStatus> Status { get; }

    /// <summary>Loads every source again and publishes a new generation. A source that fails or is refused keeps its last good
    /// snapshot and reports the error in its status; a source that never loaded makes results
    /// <see cref="ScreeningDecision.Incomplete"/>. A failure of a source is never thrown.</summary>
    /// <param name="cancellationToken">A token to cancel the refresh.</param>
    /// <returns>The source states after the refresh.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<IReadOnlyList<SourceStatus>> RefreshAsync(CancellationToken cancellationToken = default);
}

/// <summary>One immutable generation of what screenings run against: the merged dataset, its candidate index and relation graph,
/// and the state of every source when the generation was built.</summary>
/// <remarks>Instances are immutable and safe for concurrent use. A screening uses one generation from start to end.</remarks>
public sealed class ScreeningDatasetGeneration
{
    /// <summary>Initializes a new instance of the <see cref="ScreeningDatasetGeneration"/> class and builds its index and graph, and
    /// the aggregate ownership of its entities on the day of <paramref name="createdAt"/> (other dates are worked out when a
    /// screening first asks for them).</summary>
    /// <param name="number">The generation number, increasing with each generation a provider publishes.</param>
    /// <param name="dataset">The merged dataset.</param>
    /// <param name="sources">The state of every source when the generation was built.</param>
    /// <param name="createdAt">When the generation was built.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> or <paramref name="sources"/> is <see langword="null"/>.</exception>
    public ScreeningDatasetGeneration(long number, Screening.ScreeningDataset dataset, IReadOnlyList<SourceStatus> sources, DateTimeOffset createdAt)
        : this(number, dataset, sources, createdAt, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningDatasetGeneration"/> class over a candidate index already built
    /// for the dataset's entities (read from an index snapshot file), and builds its graph and the aggregate ownership of the day
    /// of <paramref name="createdAt"/>.</summary>
    /// <param name="number">The generation number.</param>
    /// <param name="dataset">The merged dataset.</param>
    /// <param name="sources">The state of every source when the generation was built.</param>
    /// <param name="createdAt">When the generation was built.</param>
    /// <param name="index">The index over <paramref name="dataset"/>'s entities, in order; <see langword="null"/> to build it.</param>
    internal ScreeningDatasetGeneration(long number, Screening.ScreeningDataset dataset, IReadOnlyList<SourceStatus> sources, DateTimeOffset createdAt, Indexing.CandidateIndex? index)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(sources);
        Number = number;
        CreatedAt = createdAt;
        State = new Screening.EngineState(dataset, sources.ToArray(), DateOnly.FromDateTime(createdAt.UtcDateTime), index) { Generation = number };
    }

    /// <summary>Gets the generation number.</summary>
    public long Number { get; }

    /// <summary>Gets when the generation was built.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the merged dataset.</summary>
    public Screening.ScreeningDataset Dataset => State.Dataset;

    /// <summary>Gets the state of every source when the generation was built (ages are not re-applied here; see
    /// <see cref="IScreeningDatasetLoader.Status"/>).</summary>
    public IReadOnlyList<SourceStatus> Sources => State.Sources;

    /// <summary>Gets the dataset, index and graph that the screening pipeline reads.</summary>
    internal Screening.EngineState State { get; }
}

/// <summary>Tells that a new dataset generation replaced the previous one.</summary>
/// <param name="previous">The generation replaced, or <see langword="null"/> for the first one.</param>
/// <param name="current">The new generation.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed class DatasetChangedEventArgs(ScreeningDatasetGeneration? previous, ScreeningDatasetGeneration current) : EventArgs
{
    /// <summary>Gets the generation replaced, or <see langword="null"/> for the first one.</summary>
    public ScreeningDatasetGeneration? Previous { get; } = previous;

    /// <summary>Gets the new generation.</summary>
    public ScreeningDatasetGeneration Current { get; } = current ?? throw new ArgumentNullException(nameof(current));

    /// <summary>Gets whether the dataset version differs from the previous generation's (a list changed, or a source was added,
    /// lost or regained). A refresh in which every list stayed the same still publishes a generation, with fresh source states.</summary>
    public bool DatasetVersionChanged => !string.Equals(Previous?.Dataset.Version, Current.Dataset.Version, StringComparison.Ordinal);
}

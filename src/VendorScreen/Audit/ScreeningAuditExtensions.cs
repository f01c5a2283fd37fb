namespace VendorScreen;

/// <summary>Adds analysts' dispositions and the audit trail to an engine, as decorators.</summary>
/// <remarks>Apply dispositions first, then the audit trail, so that the records show what was suppressed:
/// <c>engine.WithDispositions(store, engine.Datasets).WithAuditTrail(store, engine.Datasets, user)</c>.</remarks>
public static class ScreeningAuditExtensions
{
    /// <summary>Returns an engine that suppresses hits covered by standing false-positive dispositions (same party and entity, the
    /// entity's entry unchanged since the decision, not expired, not removed). A suppressed hit moves to
    /// <see cref="ScreeningResult.Suppressed"/> with its disposition and the decision is taken from the remaining hits.</summary>
    /// <param name="engine">The engine to decorate.</param>
    /// <param name="store">Where the dispositions are kept; read once per call.</param>
    /// <param name="datasets">The provider whose current generation gives the entities' current entries (the engine's).</param>
    /// <param name="timeProvider">The clock that decides expiry; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <returns>The decorated engine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/>, <paramref name="store"/> or <paramref name="datasets"/> is <see langword="null"/>.</exception>
    public static IScreeningEngine WithDispositions(this IScreeningEngine engine, IDispositionStore store, IScreeningDatasetProvider datasets, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(datasets);
        return new Audit.DispositionScreeningEngine(engine, store, datasets, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Returns an engine that records every screening in an audit store before returning it (a batch in one transaction). A
    /// store that cannot be written fails the call with a <see cref="ScreeningStoreException"/>.</summary>
    /// <param name="engine">The engine to decorate.</param>
    /// <param name="store">The audit store.</param>
    /// <param name="datasets">The provider whose current generation gives the list versions, hashes and entries recorded.</param>
    /// <param name="user">Who screens (a user name or service identity); <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for <see cref="ScreeningAuditRecord.RecordedAt"/>; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <returns>The decorated engine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/>, <paramref name="store"/> or <paramref name="datasets"/> is <see langword="null"/>.</exception>
    public static IScreeningEngine WithAuditTrail(this IScreeningEngine engine, IScreeningAuditStore store, IScreeningDatasetProvider datasets, string? user = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(datasets);
        return new Audit.AuditingScreeningEngine(engine, store, datasets, user, timeProvider ?? TimeProvider.System);
    }
}

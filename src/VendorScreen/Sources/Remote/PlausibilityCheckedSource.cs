using System.Globalization;

namespace VendorScreen.Sources.Remote;

/// <summary>Rules a new version of a list must pass before it replaces the last good one.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record PlausibilityOptions
{
    /// <summary>Gets the default rules: at most 20% fewer entities than the last good version, at most 5% rejected records, and at
    /// least one entity.</summary>
    public static PlausibilityOptions Default { get; } = new();

    /// <summary>Gets the largest share of entities a new version may lose against the last good one (0.2 = 20% fewer).</summary>
    /// <value>The default value is 0.2.</value>
    public double MaxShrink { get; init; } = 0.2;

    /// <summary>Gets the largest share of rejected records among all records read (entities plus rejected records).</summary>
    /// <value>The default value is 0.05.</value>
    public double MaxRejectedShare { get; init; } = 0.05;

    /// <summary>Gets the fewest entities a version must have.</summary>
    /// <value>The default value is 1 (an empty list is never plausible).</value>
    public int MinEntities { get; init; } = 1;

    /// <summary>Lists every invalid setting.</summary>
    /// <returns>The problems, empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxShrink is < 0 or > 1 || double.IsNaN(MaxShrink))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxShrink ({MaxShrink}) must be within [0, 1]."));
        }

        if (MaxRejectedShare is < 0 or > 1 || double.IsNaN(MaxRejectedShare))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxRejectedShare ({MaxRejectedShare}) must be within [0, 1]."));
        }

        if (MinEntities < 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MinEntities ({MinEntities}) must not be negative."));
        }

        return errors;
    }

    /// <summary>Finds why a new version is not plausible.</summary>
    /// <param name="candidate">The new version.</param>
    /// <param name="lastGoodEntities">The entity count of the last good version, or <see langword="null"/> when there is none.</param>
    /// <returns>The reason, or <see langword="null"/> when the version is plausible.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidate"/> is <see langword="null"/>.</exception>
    public string? FindProblem(ListSnapshot candidate, int? lastGoodEntities)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var entities = candidate.Entities.Count;
        var rejected = candidate.RejectedRecords.Count;
        if (entities == 0 || entities < MinEntities)
        {
            return string.Create(CultureInfo.InvariantCulture, $"version {candidate.Version} has {entities} entities (at least {Math.Max(1, MinEntities)} required)");
        }

        var rejectedShare = (double)rejected / (entities + rejected);
        if (rejectedShare > MaxRejectedShare)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"version {candidate.Version} rejected {rejected} of {entities + rejected} records ({rejectedShare * 100:0.0}%; at most {MaxRejectedShare * 100:0.0}% allowed)");
        }

        if (lastGoodEntities is > 0 and var previous && entities < previous)
        {
            var shrink = 1 - ((double)entities / previous);
            if (shrink > MaxShrink)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"version {candidate.Version} has {entities} entities, {shrink * 100:0.0}% fewer than the {previous} of the last good version (at most {MaxShrink * 100:0.0}% allowed)");
            }
        }

        return null;
    }
}

/// <summary>Wraps a source and refuses a new version that is not plausible against the last good one: one that lost too many
/// entities, rejected too many records, or has none. The refusal is a <see cref="SanctionListSourceException"/>, so the engine keeps
/// serving the last good snapshot and reports the reason in <see cref="ScreeningEngine.Sources"/>.</summary>
/// <remarks>
/// Instances are safe for concurrent use when the inner source is. The last good version is kept in memory; after a restart the
/// first version is checked only for its entity count and rejected share. <see cref="HttpSanctionListSource"/> applies the same rules
/// itself (<see cref="HttpSanctionListSourceOptions.Plausibility"/>) before it writes its cache, which also survives restarts.
/// </remarks>
public sealed class PlausibilityCheckedSource : DelegatingSanctionListSource
{
    private readonly PlausibilityOptions _options;
    private ListSnapshot? _lastGood;

    /// <summary>Initializes a new instance of the <see cref="PlausibilityCheckedSource"/> class.</summary>
    /// <param name="inner">The wrapped source.</param>
    /// <param name="options">The rules; <see langword="null"/> for <see cref="PlausibilityOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public PlausibilityCheckedSource(ISanctionListSource inner, PlausibilityOptions? options = null)
        : base(inner)
    {
        _options = options ?? PlausibilityOptions.Default;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid plausibility options: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>Gets the last version that passed the checks, or <see langword="null"/> before the first.</summary>
    public ListSnapshot? LastGood => Volatile.Read(ref _lastGood);

    /// <inheritdoc />
    /// <exception cref="SanctionListSourceException">The inner source failed, or its new version is not plausible.</exception>
    public override async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var candidate = await Inner.LoadAsync(cancellationToken).ConfigureAwait(false);
        var problem = _options.FindProblem(candidate, LastGood?.Entities.Count);
        if (problem is not null)
        {
            throw new SanctionListSourceException(Name, candidate.Location, "implausible new version refused: " + problem);
        }

        Volatile.Write(ref _lastGood, candidate);
        return candidate;
    }
}

using System.Globalization;

namespace VendorScreen;

/// <summary>Settings of the background load and refresh of one engine's lists, and of its health check.</summary>
/// <remarks>A mutable options object; do not share an instance between threads while configuring it.</remarks>
public sealed class VendorScreenRefreshOptions
{
    /// <summary>Gets or sets whether the lists are refreshed in the background on a schedule.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets whether the host loads the lists while it starts, before it serves requests, so that the first
    /// screening does not pay the load. A source that fails to load does not stop the host: it is reported by the health check and
    /// makes results <see cref="ScreeningDecision.Incomplete"/>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool WarmUp { get; set; } = true;

    /// <summary>Gets or sets whether the host, once the warm-up has loaded the lists, also runs the screening code over made-up
    /// names until the runtime has optimised it (<see cref="ScreeningEngine.WarmUpAsync"/>), so that the first requests do not
    /// pay for compiling it. It records nothing (no metric, trace, log entry of a screening or audit record); the host starts
    /// that much later (1.5 to 2 seconds on two cores). Read only with <see cref="WarmUp"/>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool WarmUpScreening { get; set; } = true;

    /// <summary>Gets or sets the time between two refreshes.</summary>
    /// <value>The default value is 6 hours. It must be at least one second.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Gets or sets the largest random shift of each refresh, earlier or later, so that many instances do not fetch the
    /// lists at the same moment.</summary>
    /// <value>The default value is 5 minutes. It must be at least zero and less than <see cref="Interval"/>.</value>
    public TimeSpan Jitter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the age of a source's snapshot from which the health check reports <c>Degraded</c> (while the source is
    /// still usable); <see langword="null"/> for twice <see cref="Interval"/>. A source older than
    /// <see cref="ScreeningOptions.MaxSourceAge"/> is not usable and reported <c>Unhealthy</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? DegradedAge { get; set; }

    /// <summary>Gets the age from which a usable source is reported degraded.</summary>
    internal TimeSpan EffectiveDegradedAge => DegradedAge ?? (Interval * 2);

    /// <summary>Lists every invalid setting.</summary>
    /// <returns>The problems, each naming its setting; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Interval < TimeSpan.FromSeconds(1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Refresh:Interval ({Interval}) must be at least one second."));
        }

        if (Jitter < TimeSpan.Zero || Jitter >= Interval)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Refresh:Jitter ({Jitter}) must be at least zero and less than Refresh:Interval ({Interval})."));
        }

        if (DegradedAge is { } age && age <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Health:DegradedAge ({age}) must be positive."));
        }

        return errors;
    }
}

using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VendorScreen.Hosting;

/// <summary>Reports the health of one engine's lists: <c>Unhealthy</c> before the first load or when a source is not usable (never
/// loaded, or older than <see cref="ScreeningOptions.MaxSourceAge"/>: results are then <see cref="ScreeningDecision.Incomplete"/>);
/// <c>Degraded</c> when a source's last refresh failed or was refused (its last good version is served) or its snapshot is older than
/// <see cref="VendorScreenRefreshOptions.DegradedAge"/>; <c>Healthy</c> otherwise. The data holds each source's version, age and
/// error.</summary>
internal sealed class VendorScreenHealthCheck(IScreeningDatasetLoader loader, VendorScreenRefreshOptions options, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (loader.Current is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the lists have not been loaded yet"));
        }

        var now = timeProvider.GetUtcNow();
        var statuses = loader.Status;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var unhealthy = new List<string>();
        var degraded = new List<string>();
        foreach (var status in statuses)
        {
            var age = status.FetchedAt is { } at && at != default ? now - at : (TimeSpan?)null;
            data[status.SourceName] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["usable"] = status.IsUsable,
                ["version"] = status.Version,
                ["fetchedAt"] = status.FetchedAt is { } fetched && fetched != default ? fetched.ToString("O", CultureInfo.InvariantCulture) : null,
                ["ageSeconds"] = age is { } a ? Math.Round(a.TotalSeconds) : null,
                ["entities"] = status.Entities,
                ["rejected"] = status.Rejected,
                ["error"] = status.Error,
            };
            if (!status.IsUsable)
            {
                unhealthy.Add($"{status.SourceName}: {status.Error ?? "not usable"}");
            }
            else if (status.Error is { } error)
            {
                degraded.Add($"{status.SourceName}: {error}");
            }
            else if (age is { } old && old > options.EffectiveDegradedAge)
            {
                degraded.Add(string.Create(CultureInfo.InvariantCulture, $"{status.SourceName}: fetched {old.TotalHours:0.#} hours ago, more than {options.EffectiveDegradedAge.TotalHours:0.#}"));
            }
        }

        var result = unhealthy.Count > 0
            ? HealthCheckResult.Unhealthy("sources not usable, screenings are Incomplete: " + string.Join("; ", unhealthy.Concat(degraded)), data: data)
            : degraded.Count > 0
                ? HealthCheckResult.Degraded("serving the last good version: " + string.Join("; ", degraded), data: data)
                : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{statuses.Count} sources usable"), data);
        return Task.FromResult(result);
    }
}

using System.Globalization;

namespace VendorScreen.Screening;

/// <summary>Applies <see cref="ScreeningOptions.MaxSourceAge"/> at the moment of use, so that a source that ages past its limit
/// between two refreshes stops counting as usable without waiting for the next refresh.</summary>
internal static class SourceAges
{
    public static IReadOnlyList<SourceStatus> Apply(IReadOnlyList<SourceStatus> statuses, ScreeningOptions options, DateTimeOffset now)
    {
        return options.MaxSourceAge is { } maxAge && AnyStale(statuses, maxAge, now) ? Aged(statuses, maxAge, now) : statuses;
    }

    private static bool AnyStale(IReadOnlyList<SourceStatus> statuses, TimeSpan maxAge, DateTimeOffset now)
    {
        for (var i = 0; i < statuses.Count; i++)
        {
            if (IsStale(statuses[i], maxAge, now))
            {
                return true;
            }
        }

        return false;
    }

    private static SourceStatus[] Aged(IReadOnlyList<SourceStatus> statuses, TimeSpan maxAge, DateTimeOffset now)
    {
        return statuses.Select(s => IsStale(s, maxAge, now)
            ? s with
            {
                IsUsable = false,
                Error = string.Create(CultureInfo.InvariantCulture, $"stale: fetched {s.FetchedAt!.Value:u}, older than {maxAge}") + (s.Error is null ? string.Empty : "; " + s.Error),
            }
            : s).ToArray();
    }

    /// <summary>A usable snapshot with a known fetch time older than the limit. Snapshots without a fetch time (the embedded dataset,
    /// whose content is fixed by the package) never go stale.</summary>
    private static bool IsStale(SourceStatus status, TimeSpan maxAge, DateTimeOffset now) =>
        status.IsUsable && status.FetchedAt is { } fetchedAt && fetchedAt != default && now - fetchedAt > maxAge;
}

using System.Globalization;

namespace VendorScreen;

/// <summary>How a batch or a stream of requests is screened: how many at once, and how many may be in flight.</summary>
/// <remarks>A mutable options object, read once when a batch or stream starts; do not change an instance while a call that uses it is
/// starting. The same instance may be passed to many calls.</remarks>
public sealed class ScreeningBatchOptions
{
    /// <summary>Gets or sets the most requests screened at the same time.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>. It must be at least 1.</value>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets the most requests of a stream read ahead of the result being returned: the requests being screened and
    /// the results waiting for an earlier one, so that results come back in input order. This bounds the memory a stream holds,
    /// whatever its length; <see langword="null"/> means four times <see cref="MaxDegreeOfParallelism"/>.</summary>
    /// <value>The default value is <see langword="null"/> (four times <see cref="MaxDegreeOfParallelism"/>). It must be at least 1.
    /// A window smaller than <see cref="MaxDegreeOfParallelism"/> also limits how many requests of a stream are screened at once.
    /// A batch (<see cref="IScreeningEngine.ScreenBatchAsync(IEnumerable{ScreeningRequest}, ScreeningBatchOptions, CancellationToken)"/>)
    /// holds every request and result anyway and does not use it.</value>
    public int? MaxInFlight { get; set; }

    /// <summary>Checks the options and resolves the defaults.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="paramName">The parameter the options came in, for the message.</param>
    /// <returns>The degree of parallelism and the in-flight window.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and its value.</exception>
    internal static (int Parallelism, int Window) Resolve(ScreeningBatchOptions? options, string paramName)
    {
        var parallelism = options?.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        if (parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, parallelism, string.Create(CultureInfo.InvariantCulture,
                $"{nameof(ScreeningBatchOptions)}.{nameof(MaxDegreeOfParallelism)} ({parallelism}) must be at least 1."));
        }

        var window = options?.MaxInFlight ?? (int)Math.Min(4L * parallelism, int.MaxValue);
        if (window < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, window, string.Create(CultureInfo.InvariantCulture,
                $"{nameof(ScreeningBatchOptions)}.{nameof(MaxInFlight)} ({window}) must be at least 1."));
        }

        return (parallelism, window);
    }
}

using System.Globalization;

namespace VendorScreen;

/// <summary>One or more requests of a batch or stream could not be screened. Every other request was screened: its result is in
/// <see cref="Results"/> (a batch) or was returned before this exception (a stream).</summary>
/// <remarks>A request that is refused before screening (<see langword="null"/>, a <see langword="null"/> collection or item, a
/// text over <see cref="ScreeningRequest.MaxTextLength"/>) is an <see cref="ArgumentException"/> instead, and cancellation is an
/// <see cref="OperationCanceledException"/>.</remarks>
public class ScreeningBatchException : Exception
{
    private const int MaxFailuresInMessage = 5;

    /// <summary>Initializes a new instance of the <see cref="ScreeningBatchException"/> class.</summary>
    public ScreeningBatchException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningBatchException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ScreeningBatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningBatchException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScreeningBatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningBatchException"/> class.</summary>
    /// <param name="total">How many requests the batch had, or <see langword="null"/> for a stream.</param>
    /// <param name="failures">The requests that failed, by position; at least one.</param>
    /// <param name="results">One entry per request of a batch: its result, or <see langword="null"/> where it failed; empty for a
    /// stream.</param>
    /// <exception cref="ArgumentException"><paramref name="failures"/> is empty.</exception>
    public ScreeningBatchException(int? total, IReadOnlyList<ScreeningBatchFailure> failures, IReadOnlyList<ScreeningResult?> results)
        : base(Describe(total, failures), failures?.Count > 0 ? failures[0].Exception : null)
    {
        ArgumentNullException.ThrowIfNull(results);
        Failures = failures!;
        Results = results;
    }

    /// <summary>Gets the requests that could not be screened, in request order.</summary>
    public IReadOnlyList<ScreeningBatchFailure> Failures { get; } = [];

    /// <summary>Gets, for a batch, one entry per request in request order: its result, or <see langword="null"/> where it failed.
    /// Empty for a stream, whose results before the failure were already returned.</summary>
    public IReadOnlyList<ScreeningResult?> Results { get; } = [];

    private static string Describe(int? total, IReadOnlyList<ScreeningBatchFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            throw new ArgumentException("At least one failure is required.", nameof(failures));
        }

        var which = string.Join("; ", failures.Take(MaxFailuresInMessage).Select(f => f.ToString()));
        var more = failures.Count > MaxFailuresInMessage
            ? string.Create(CultureInfo.InvariantCulture, $"; and {failures.Count - MaxFailuresInMessage} more")
            : string.Empty;
        return total is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"{failures.Count} of {n} requests could not be screened; the others were: {which}{more}.")
            : string.Create(CultureInfo.InvariantCulture, $"A request of the stream could not be screened; every earlier result was returned: {which}{more}.");
    }
}

/// <summary>A request of a batch or stream that could not be screened.</summary>
/// <param name="Index">The position of the request in the batch or stream, from 0.</param>
/// <param name="RequestId">The request's <see cref="ScreeningRequest.Id"/>, if it has one.</param>
/// <param name="Exception">Why it failed.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ScreeningBatchFailure(int Index, string? RequestId, Exception Exception)
{
    /// <summary>Describes the failure on one line: position, id, exception type and message.</summary>
    /// <returns>For example <c>requests[3] (id PO-17): InvalidOperationException: ...</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"requests[{Index}]{(RequestId is null ? string.Empty : $" (id {RequestId})")}: {Exception?.GetType().Name}: {Exception?.Message}");
}

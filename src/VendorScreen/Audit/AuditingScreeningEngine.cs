using System.Runtime.CompilerServices;

namespace VendorScreen.Audit;

/// <summary>
/// An engine decorator that records every screening in an audit store before returning it: a batch is recorded in one transaction,
/// a stream in chunks of <see cref="StreamChunk"/>. A result is only returned once it is stored; a store that cannot be written
/// fails the call with a <see cref="ScreeningStoreException"/> (nothing is screened without a record).
/// </summary>
/// <remarks>Thread-safe for concurrent use. Name searches are not screenings and are not recorded.</remarks>
internal sealed class AuditingScreeningEngine(IScreeningEngine inner, IScreeningAuditStore store, IScreeningDatasetProvider datasets, string? user, TimeProvider timeProvider)
    : DecoratingScreeningEngine(inner)
{
    /// <summary>Results of a stream recorded per transaction.</summary>
    public const int StreamChunk = 256;

    /// <inheritdoc />
    public override async ValueTask<ScreeningResult> ScreenAsync(ScreeningRequest request, CancellationToken cancellationToken = default)
    {
        var result = await Inner.ScreenAsync(request, cancellationToken).ConfigureAwait(false);
        await RecordAsync([result], cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options, CancellationToken cancellationToken = default)
    {
        var batch = await Inner.ScreenBatchAsync(requests, options, cancellationToken).ConfigureAwait(false);
        await RecordAsync(batch.Results, cancellationToken).ConfigureAwait(false);
        return batch;
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<ScreeningResult> DecorateStream(IAsyncEnumerable<ScreeningResult> results, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<ScreeningResult>(StreamChunk);
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(result);
            if (chunk.Count == StreamChunk)
            {
                await RecordAsync(chunk, cancellationToken).ConfigureAwait(false);
                foreach (var recorded in chunk)
                {
                    yield return recorded;
                }

                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            await RecordAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var recorded in chunk)
            {
                yield return recorded;
            }
        }
    }

    private async ValueTask RecordAsync(IReadOnlyList<ScreeningResult> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }

        var generation = datasets.Current;
        var now = timeProvider.GetUtcNow();
        var records = results.Select(r => ScreeningAuditRecord.Create(r, generation, user, now)).ToArray();
        await store.AppendAsync(records, cancellationToken).ConfigureAwait(false);
    }
}

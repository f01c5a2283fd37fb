using System.Runtime.CompilerServices;
using System.Text.Json;

namespace VendorScreen.Audit;

/// <summary>What every database store does with the rows it reads: the audit trail in pages of sequence numbers, and the stored
/// JSON of a record or a disposition turned back into the model, with the same error for an unreadable row in every store.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class StoreRows
{
    /// <summary>How many audit records one page reads.</summary>
    public const int PageSize = 500;

    /// <summary>Reads the audit trail page by page in sequence order, until a page comes back short.</summary>
    /// <param name="readPage">Reads the next <see cref="PageSize"/> records after a sequence number.</param>
    /// <param name="cancellationToken">A token to cancel, checked before each page.</param>
    /// <returns>The records.</returns>
    public static async IAsyncEnumerable<ScreeningAuditRecord> ReadPagesAsync(
        Func<long, CancellationToken, Task<List<ScreeningAuditRecord>>> readPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await readPage(after, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return record;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }

    /// <summary>Reads a stored audit record.</summary>
    /// <param name="store">The store, for the message.</param>
    /// <param name="sequence">The record's sequence number.</param>
    /// <param name="json">The stored JSON.</param>
    /// <returns>The record with its sequence number.</returns>
    /// <exception cref="ScreeningStoreException">The JSON is not an audit record.</exception>
    public static ScreeningAuditRecord Record(string store, long sequence, string json)
    {
        try
        {
            return ScreeningAuditRecord.FromJson(json) with { Sequence = sequence };
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new ScreeningStoreException($"audit store {store}: audit record {sequence} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a stored disposition.</summary>
    /// <param name="store">The store, for the message.</param>
    /// <param name="json">The stored JSON, written when the disposition was added.</param>
    /// <param name="removedAt">When it was removed, or <see langword="null"/>.</param>
    /// <param name="removedBy">Who removed it, or <see langword="null"/>.</param>
    /// <returns>The disposition with its removal.</returns>
    /// <exception cref="ScreeningStoreException">The JSON is not a disposition.</exception>
    public static ScreeningDisposition Disposition(string store, string json, DateTimeOffset? removedAt, string? removedBy)
    {
        ScreeningDisposition disposition;
        try
        {
            disposition = JsonSerializer.Deserialize(json, AuditJsonContext.Default.ScreeningDisposition)
                ?? throw new JsonException("the disposition is JSON null");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new ScreeningStoreException($"audit store {store}: a disposition cannot be read: {ex.Message}", ex);
        }

        return disposition with { RemovedAt = removedAt, RemovedBy = removedBy };
    }
}

namespace VendorScreen.Cli;

/// <summary>Screens chunks of rows one after another and writes each chunk's results while the next chunk is screened, so that the
/// cores screen while the input is read and the output written.</summary>
/// <remarks>One chunk is screened at a time and the results are written in the chunks' order. When a screening fails, its
/// exception ends the run after the chunks before it were written. When writing fails, the chunk being screened is cancelled and
/// waited for before the writing's exception ends the run, so that no screening outlives it.</remarks>
internal static class ChunkPipeline
{
    /// <summary>Runs the chunks through screening and writing.</summary>
    /// <typeparam name="TChunk">A chunk of rows.</typeparam>
    /// <typeparam name="TResults">A chunk's results.</typeparam>
    /// <param name="chunks">The chunks, each read once the chunk before it is screened and before that chunk's results are written
    /// (on the thread that continues after the screening, not necessarily the caller's).</param>
    /// <param name="length">The number of rows of a chunk.</param>
    /// <param name="screen">Starts the screening of a chunk, given the number of rows before it and a token that stops it.</param>
    /// <param name="write">Writes a chunk's results.</param>
    /// <param name="cancellationToken">A token to stop the run.</param>
    /// <returns>A task that completes when every chunk is written.</returns>
    public static async Task RunAsync<TChunk, TResults>(
        IEnumerable<TChunk> chunks,
        Func<TChunk, int> length,
        Func<TChunk, int, CancellationToken, Task<TResults>> screen,
        Action<TChunk, TResults> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(length);
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(write);
        using var reader = chunks.GetEnumerator();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var before = 0;
        (TChunk Rows, Task<TResults> Results)? next = reader.MoveNext() ? (reader.Current, screen(reader.Current, 0, stop.Token)) : null;
        try
        {
            while (next is { } current)
            {
                next = null;
                var results = await current.Results.ConfigureAwait(false);
                before += length(current.Rows);
                next = reader.MoveNext() ? (reader.Current, screen(reader.Current, before, stop.Token)) : null;
                write(current.Rows, results);
            }
        }
        finally
        {
            if (next is { Results: var unfinished })
            {
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await unfinished.ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The run already ends with the exception that stopped it; the stopped screening's own is not the run's.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }
}

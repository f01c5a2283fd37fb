using FluentAssertions;
using VendorScreen.Cli;

namespace VendorScreen.Tests.Cli;

/// <summary>The command screens each chunk of rows while the one before it is written, one chunk at a time, in order, and leaves no
/// screening running when it stops.</summary>
public sealed class ChunkPipelineTests
{
    [Fact]
    public async Task RunAsync_WritesEveryChunkInOrder_WithTheRowsBeforeEach()
    {
        int[][] chunks = [[1, 2, 3], [4, 5], [6], [7, 8, 9, 10]];
        var befores = new List<int>();
        var written = new List<string>();

        await ChunkPipeline.RunAsync(
            chunks,
            static chunk => chunk.Length,
            (chunk, before, _) =>
            {
                lock (befores)
                {
                    befores.Add(before);
                }

                return Task.Run(() => string.Join('+', chunk));
            },
            (chunk, results) => written.Add(results),
            CancellationToken.None);

        written.Should().Equal("1+2+3", "4+5", "6", "7+8+9+10");
        befores.Should().Equal(0, 3, 5, 6);
    }

    [Fact]
    public async Task RunAsync_NextChunkIsScreenedWhileTheOneBeforeIsWritten()
    {
        var secondStarted = new ManualResetEventSlim();
        var screenedWhileWriting = new List<bool>();

        await ChunkPipeline.RunAsync(
            new[] { 1, 2, 3 },
            static _ => 1,
            (chunk, _, _) =>
            {
                if (chunk == 2)
                {
                    secondStarted.Set();
                }

                return Task.FromResult(chunk);
            },
            (chunk, _) =>
            {
                if (chunk == 1)
                {
                    screenedWhileWriting.Add(secondStarted.IsSet);
                }
            },
            CancellationToken.None);

        screenedWhileWriting.Should().Equal(true);
    }

    [Fact]
    public async Task RunAsync_NoChunk_ScreensAndWritesNothing()
    {
        var calls = 0;

        await ChunkPipeline.RunAsync(
            Array.Empty<int[]>(),
            static chunk => chunk.Length,
            (_, _, _) => Task.FromResult(Interlocked.Increment(ref calls)),
            (_, _) => Interlocked.Increment(ref calls),
            CancellationToken.None);

        calls.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_ScreeningFails_ThrowsItAfterWritingTheChunksBefore_AndReadsNoFurther()
    {
        var read = new List<int>();
        IEnumerable<int> Chunks()
        {
            for (var c = 1; c <= 5; c++)
            {
                read.Add(c);
                yield return c;
            }
        }

        var written = new List<int>();

        var run = () => ChunkPipeline.RunAsync(
            Chunks(),
            static _ => 1,
            (chunk, _, _) => chunk == 3 ? Task.FromException<int>(new InvalidOperationException("row 3 could not be screened")) : Task.FromResult(chunk),
            (chunk, _) => written.Add(chunk),
            CancellationToken.None);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("row 3 could not be screened");
        written.Should().Equal(1, 2);
        read.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task RunAsync_WritingFails_StopsTheChunkBeingScreenedAndWaitsForIt()
    {
        Task<int>? second = null;

        var run = () => ChunkPipeline.RunAsync(
            new[] { 1, 2 },
            static _ => 1,
            (chunk, _, token) =>
            {
                if (chunk == 1)
                {
                    return Task.FromResult(chunk);
                }

                // The second chunk runs until it is stopped, and only then completes (as a screening that sees the token).
                second = Task.Run(async () =>
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                    return chunk;
                });
                return second;
            },
            (_, _) => throw new IOException("no space left on the device"),
            CancellationToken.None);

        await run.Should().ThrowAsync<IOException>().WithMessage("no space left on the device");
        second.Should().NotBeNull("the second chunk was being screened when the first was written");
        second!.IsCanceled.Should().BeTrue("the screening left running is stopped, and waited for, before the run ends");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var written = new List<int>();

        var run = () => ChunkPipeline.RunAsync(
            new[] { 1, 2, 3 },
            static _ => 1,
            (chunk, _, token) => chunk == 2
                ? Task.Run(async () =>
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                    return chunk;
                })
                : Task.FromResult(chunk),
            (chunk, _) =>
            {
                written.Add(chunk);
                cancel.Cancel();
            },
            cancel.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        written.Should().Equal(1);
    }
}

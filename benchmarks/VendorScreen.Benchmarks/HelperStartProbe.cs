using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static VendorScreen.Benchmarks.ThroughputHarness;

namespace VendorScreen.Benchmarks;

/// <summary>
/// How soon a helper starts on the machine's other processors while the caller is busy: what a single screening gains from
/// sharing its forms or candidates (<see cref="ScreeningOptions.ParallelNameForms"/>, <see cref="ScreeningOptions.ParallelCandidates"/>)
/// depends on it. Each round queues an item to the thread pool as the screening does (not local to the caller's queue), keeps the
/// caller busy for a set time, as a screening does with its own share, then waits for the item to have run, and takes the time from
/// queueing to the item's start. The same is then done with a thread of the probe's own that spins up to 200 µs for work before it
/// blocks: when it too starts late, the machine's other processor was not there to run it, whatever queued the work. Prints a table,
/// then one line of JSON. No data is read.
/// </summary>
internal static class HelperStartProbe
{
    // How long the probe's own thread spins for work before it blocks.
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds, busyMicroseconds;
        try
        {
            rounds = Option(args, "--rounds", 4000);
            busyMicroseconds = Option(args, "--busy-us", 300);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync("helper-start: " + ex.Message);
            return 2;
        }

        if (Environment.ProcessorCount < 2)
        {
            await Console.Error.WriteLineAsync("helper-start: this machine has one processor: no helper runs beside the caller");
            return 2;
        }

        // The thread pool first, once to let it make its threads, then timed; then the probe's own thread.
        _ = Rounds(Math.Min(rounds, 500), busyMicroseconds, QueueToPool);
        var pool = Rounds(rounds, busyMicroseconds, QueueToPool);
        using var own = new SpinningThread();
        var dedicated = Rounds(rounds, busyMicroseconds, own.Post);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rounds} rounds, the caller busy {busyMicroseconds} us in each; {Environment.ProcessorCount} processors, .NET {Environment.Version}"));
        Console.WriteLine("| helper | p50 µs | p90 µs | p99 µs | max µs | started after 50 µs | started after the caller's work |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, starts) in new[] { ("pool", pool), ("own_thread", dedicated) })
        {
            var late = starts.Count(s => s > 50);
            var afterWork = starts.Count(s => s >= busyMicroseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Percentile(starts, 0.5):0.0} | {Percentile(starts, 0.9):0.0} | {Percentile(starts, 0.99):0.0} | {starts[^1]:0} | {late} ({100.0 * late / rounds:0.0} %) | {afterWork} ({100.0 * afterWork / rounds:0.0} %) |"));
            figures[$"helper.{name}.p50_us"] = Math.Round(Percentile(starts, 0.5), 1);
            figures[$"helper.{name}.p90_us"] = Math.Round(Percentile(starts, 0.9), 1);
            figures[$"helper.{name}.p99_us"] = Math.Round(Percentile(starts, 0.99), 1);
            figures[$"helper.{name}.late_share"] = Math.Round((double)late / rounds, 4);
            figures[$"helper.{name}.after_work_share"] = Math.Round((double)afterWork / rounds, 4);
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static void QueueToPool(Action start) => ThreadPool.UnsafeQueueUserWorkItem(static s => s(), start, preferLocal: false);

    // Each round: queue the item, stay busy, wait for the item to have started; the times from queueing to start, sorted.
    private static double[] Rounds(int rounds, int busyMicroseconds, Action<Action> post)
    {
        var starts = new double[rounds];
        var busyTicks = Stopwatch.Frequency * busyMicroseconds / 1_000_000;
        var started = 0L;
        var start = () => Volatile.Write(ref started, Stopwatch.GetTimestamp());
        for (var r = 0; r < rounds; r++)
        {
            Volatile.Write(ref started, 0);
            var queued = Stopwatch.GetTimestamp();
            post(start);
            while (Stopwatch.GetTimestamp() - queued < busyTicks)
            {
                Thread.SpinWait(20);
            }

            var wait = default(SpinWait);
            long at;
            while ((at = Volatile.Read(ref started)) == 0)
            {
                wait.SpinOnce(sleep1Threshold: -1);
            }

            starts[r] = (at - queued) * 1e6 / Stopwatch.Frequency;
        }

        Array.Sort(starts);
        return starts;
    }

    // A thread that runs what is posted to it, spinning up to 200 µs for the next item before it blocks.
    private sealed class SpinningThread : IDisposable
    {
        private readonly SemaphoreSlim _wake = new(0);
        private readonly Thread _thread;
        private Action? _pending;
        private volatile bool _stopping;

        public SpinningThread()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "helper-start probe" };
            _thread.Start();
        }

        public void Post(Action item)
        {
            Volatile.Write(ref _pending, item);

            // A thread still spinning finds the item without the release; one released too often only spins again.
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }

        public void Dispose()
        {
            _stopping = true;
            _wake.Release();
            _thread.Join();
            _wake.Dispose();
        }

        private void Run()
        {
            while (!_stopping)
            {
                var since = Stopwatch.GetTimestamp();
                Action? item;
                while ((item = Interlocked.Exchange(ref _pending, null)) is null && !_stopping)
                {
                    if (Stopwatch.GetTimestamp() - since > SpinTicks)
                    {
                        _wake.Wait();
                        since = Stopwatch.GetTimestamp();
                    }
                    else
                    {
                        Thread.SpinWait(20);
                    }
                }

                item?.Invoke();
            }
        }
    }
}

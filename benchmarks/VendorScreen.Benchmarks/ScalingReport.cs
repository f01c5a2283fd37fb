using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace VendorScreen.Benchmarks;

/// <summary>
/// The scaling report of the throughput harness (<c>throughput --scale 1,2,4</c>): the real lists grown to each multiple with
/// perturbed copies (<see cref="CorpusGrowth"/>), with the index build time, the index memory and the latency of the same
/// queries at each size (screened in rounds that visit every size in turn, so that the machine's load falls on each alike);
/// then, on the lists as they are, runs of growing query counts (<c>--query-counts none</c> skips them). A count above <c>--full-max</c> is
/// timed on a seeded random sample of its queries (<c>--sample</c>); the report says how many were screened.
/// Prints two tables, then one line of JSON with every figure.
/// </summary>
internal static class ScalingReport
{
    private const int WarmUp = 1000;
    private const int RoundSize = 500;
    private const int Block = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var dataRoot = ThroughputHarness.StringOption(args, "--data") ?? Path.Combine("..", "shared", "data");
        int[] factors, counts;
        int queryCount, seed, fullMax, sampleSize;
        try
        {
            factors = IntList(args, "--scale", "1,2,4");
            counts = IntList(args, "--query-counts", "10000,100000,1000000");
            queryCount = ThroughputHarness.Option(args, "--queries", 10_000);
            fullMax = ThroughputHarness.Option(args, "--full-max", 100_000);
            sampleSize = ThroughputHarness.Option(args, "--sample", 50_000);
            seed = ThroughputHarness.Option(args, "--seed", 20211);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync("throughput --scale: " + ex.Message);
            return 2;
        }

        if (await RealCorpus.LoadOrReportAsync(dataRoot, "throughput --scale") is not { } corpus)
        {
            return 2;
        }

        var figures = new Dictionary<string, double>();
        var sizeRows = new List<string>();
        var countRows = new List<string>();
        var queries = QueryMix.Build(corpus, queryCount, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; query mix seed {seed}"));

        // Every size is built first, then the queries are screened in rounds of RoundSize, each round on every size in a
        // rotating order, so that a change in the machine's load falls on every size alike.
        var engines = new List<(int Factor, ScreeningEngine Engine, double BuildMs, double MemoryMb)>();
        try
        {
            foreach (var factor in factors)
            {
                var grown = corpus.WithSnapshots(CorpusGrowth.Grow(corpus.Snapshots, factor, seed));
                var (engine, buildMs, memoryMb) = await BuildAsync(grown);
                engines.Add((factor, engine, buildMs, memoryMb));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{factor}x: built in {buildMs:N0} ms, {memoryMb:N1} MB"));
            }

            foreach (var (_, engine, _, _) in engines)
            {
                await WarmUpAsync(engine, queries);
            }

            var totals = engines.Select(_ => new Totals()).ToArray();
            for (var (from, round) = (0, 0); from < queries.Count; from += RoundSize, round++)
            {
                var indices = Enumerable.Range(from, Math.Min(RoundSize, queries.Count - from)).ToArray();
                for (var k = 0; k < engines.Count; k++)
                {
                    var e = (k + round) % engines.Count;
                    await MeasureAsync(engines[e].Engine, queries, indices, totals[e]);
                }
            }

            for (var e = 0; e < engines.Count; e++)
            {
                var (factor, engine, buildMs, memoryMb) = engines[e];
                var state = engine.Datasets.Current!.State;
                var vocabulary = state.Index.Names.SelectMany(n => n.Normalized.Tokens).Select(t => t.Text).Distinct(StringComparer.Ordinal).Count();
                var run = totals[e].ToRun();
                var prefix = $"x{factor}.";
                figures[prefix + "entities"] = state.Dataset.Entities.Count;
                figures[prefix + "names"] = state.Index.Names.Length;
                figures[prefix + "vocabulary"] = vocabulary;
                figures[prefix + "index.build_ms"] = Round(buildMs);
                figures[prefix + "index.memory_mb"] = Round(memoryMb);
                run.AddTo(figures, prefix);
                sizeRows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {factor}x | {state.Dataset.Entities.Count:N0} | {state.Index.Names.Length:N0} | {vocabulary:N0} | {buildMs:N0} | {memoryMb:N1} | {run.P50:N0} | {run.P99:N0} | {run.Mean:N0} | {run.AllocatedPerScreen / 1024.0:N0} | {run.FoundFirst:N3} |"));
                Console.WriteLine(sizeRows[^1]);
            }

            // The query counts, on the lists as they are.
            if (engines.FirstOrDefault(e => e.Factor == 1).Engine is { } original)
            {
                foreach (var (factor, engine, _, _) in engines.Where(e => e.Factor != 1))
                {
                    engine.Dispose();
                }

                engines.RemoveAll(e => e.Factor != 1);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                foreach (var count in counts)
                {
                    var row = await MeasureCountAsync(original, corpus, count, seed, fullMax, sampleSize, figures);
                    countRows.Add(row);
                    Console.WriteLine(row);
                }
            }
        }
        finally
        {
            foreach (var (_, engine, _, _) in engines)
            {
                engine.Dispose();
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Lists grown with perturbed copies; the same {queryCount:N0} queries at each size, one at a time on one thread after {WarmUp} warm-up queries, in rounds of {RoundSize} that visit every size in turn.");
        Console.WriteLine("| lists | entities | names | vocabulary | index build ms | index MB | p50 µs | p99 µs | mean µs | KB allocated per screening | typo'd names found first |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        sizeRows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"The lists as they are (1x); counts above {fullMax:N0} are timed on a seeded random sample of the generated mix, screened in its order (column \"screened\").");
        Console.WriteLine($"| queries | screened | wall s (screened) | wall s for all (measured or mean × count) | per second | p50 µs | p99 µs | max µs | mean µs | mean µs per {Block:N0} screened, lowest–highest | KB allocated per screening | query mix MB | heap growth after the run MB | gen-2 GCs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        countRows.ForEach(Console.WriteLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB"));
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static async Task<string> MeasureCountAsync(ScreeningEngine engine, RealCorpus corpus, int count, int seed, int fullMax, int sampleSize, Dictionary<string, double> figures)
    {
        var random = new Random(seed);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var queries = QueryMix.Build(corpus, count, seed);
        var heapWithQueries = GC.GetTotalMemory(forceFullCollection: true);
        // Above the limit, a seeded random sample of the mix, screened in the mix's order: every kind of query in its share (an
        // every-k-th sample would meet the mix's ten-query cycle and take one kind only).
        var sampled = count > fullMax;
        var indices = sampled
            ? [.. Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(sampleSize).Order()]
            : Enumerable.Range(0, count).ToArray();
        var gen2Before = GC.CollectionCount(2);
        var totals = new Totals();
        await MeasureAsync(engine, queries, indices, totals);
        var run = totals.ToRun();
        var gen2 = GC.CollectionCount(2) - gen2Before;
        var blocks = totals.BlockMeans(Block);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(queries);
        var mixMb = (heapWithQueries - heapBefore) / 1024.0 / 1024.0;
        var growthMb = (heapAfter - heapWithQueries) / 1024.0 / 1024.0;
        var allSeconds = run.WallSeconds * count / indices.Length;
        var prefix = $"queries{count}.";
        figures[prefix + "screened"] = indices.Length;
        figures[prefix + "wall_s"] = Round(run.WallSeconds, 2);
        figures[prefix + "wall_s_all"] = Round(allSeconds, 2);
        figures[prefix + "query_mix_mb"] = Round(mixMb);
        figures[prefix + "heap_growth_mb"] = Round(growthMb);
        figures[prefix + "gc.gen2"] = gen2;
        figures[prefix + "block_mean_us.min"] = Round(blocks.Min());
        figures[prefix + "block_mean_us.max"] = Round(blocks.Max());
        run.AddTo(figures, prefix);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {count:N0} | {indices.Length:N0}{(sampled ? " (random sample)" : string.Empty)} | {run.WallSeconds:N1} | {allSeconds:N1}{(sampled ? " (estimated)" : string.Empty)} | {indices.Length / run.WallSeconds:N0} | {run.P50:N0} | {run.P99:N0} | {run.Max:N0} | {run.Mean:N0} | {blocks.Min():N0}–{blocks.Max():N0} | {run.AllocatedPerScreen / 1024.0:N0} | {mixMb:N1} | {growthMb:N1} | {gen2} |");
    }

    private static async Task<(ScreeningEngine Engine, double BuildMs, double MemoryMb)> BuildAsync(RealCorpus corpus)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        var status = await engine.RefreshAsync();
        watch.Stop();
        if (status.FirstOrDefault(s => !s.IsUsable) is { } unusable)
        {
            engine.Dispose();
            throw new InvalidOperationException($"source {unusable.SourceName} did not load: {unusable.Error}");
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (engine, watch.Elapsed.TotalMilliseconds, (after - before) / 1024.0 / 1024.0);
    }

    private static async Task WarmUpAsync(ScreeningEngine engine, IReadOnlyList<Query> queries)
    {
        foreach (var q in queries.Take(WarmUp))
        {
            await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
        }
    }

    private static async Task MeasureAsync(ScreeningEngine engine, IReadOnlyList<Query> queries, int[] indices, Totals totals)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        foreach (var i in indices)
        {
            var query = queries[i];
            var started = Stopwatch.GetTimestamp();
            var result = await engine.ScreenAsync(ScreeningRequest.ForParty(query.Name));
            totals.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            if (query.Kind is "typo1" or "typo2")
            {
                totals.Typo++;
                var top = result.Hits.Where(h => h.Field == "name").OrderByDescending(h => h.Score).Select(h => h.EntityId).FirstOrDefault();
                totals.TypoFound += top == query.ExpectedEntityId ? 1 : 0;
            }
        }

        wall.Stop();
        totals.WallSeconds += wall.Elapsed.TotalSeconds;
        totals.Allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    }

    private static int[] IntList(string[] args, string name, string fallback)
    {
        var text = ThroughputHarness.StringOption(args, name) ?? fallback;
        if (text == "none")
        {
            return [];
        }

        var values = text.Split(',', StringSplitOptions.TrimEntries);
        return values.All(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            ? [.. values.Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
            : throw new FormatException($"{name} needs positive whole numbers separated by commas, or none (got \"{text}\").");
    }

    private static double Round(double value, int digits = 1) => Math.Round(value, digits);

    /// <summary>What the timed screenings on one engine add up to, in the order they ran.</summary>
    private sealed class Totals
    {
        public List<double> Latencies { get; } = [];

        public double WallSeconds { get; set; }

        public long Allocated { get; set; }

        public int Typo { get; set; }

        public int TypoFound { get; set; }

        /// <summary>Gets the mean latency of each consecutive block of screenings (the last block may be shorter).</summary>
        public double[] BlockMeans(int size) => [.. Latencies.Chunk(size).Select(b => b.Average())];

        public Run ToRun()
        {
            var sorted = Latencies.Order().ToArray();
            return new Run(
                WallSeconds,
                ThroughputHarness.Percentile(sorted, 0.50),
                ThroughputHarness.Percentile(sorted, 0.99),
                sorted[^1],
                sorted.Average(),
                (double)Allocated / sorted.Length,
                Typo == 0 ? 0 : (double)TypoFound / Typo);
        }
    }

    /// <summary>The figures of one timed run: wall time, latency percentiles, mean, bytes allocated per screening, and the share
    /// of typo'd listed names whose own entity came first (exact id; a sanity check that the grown lists still answer).</summary>
    private sealed record Run(double WallSeconds, double P50, double P99, double Max, double Mean, double AllocatedPerScreen, double FoundFirst)
    {
        public void AddTo(Dictionary<string, double> figures, string prefix)
        {
            figures[prefix + "p50_us"] = Round(P50);
            figures[prefix + "p99_us"] = Round(P99);
            figures[prefix + "max_us"] = Round(Max);
            figures[prefix + "mean_us"] = Round(Mean);
            figures[prefix + "alloc.bytes_per_screen"] = Math.Round(AllocatedPerScreen);
            figures[prefix + "typo.found_first"] = Math.Round(FoundFirst, 3);
        }
    }
}

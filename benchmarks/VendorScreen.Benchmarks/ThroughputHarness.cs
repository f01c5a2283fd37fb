using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FuzzySharp;

namespace VendorScreen.Benchmarks;

/// <summary>
/// End-to-end throughput: builds an engine over the embedded dataset plus synthetic entities, screens a query mix, and
/// does the same work with a naive FuzzySharp scan over every name in the same run, reporting the ratio.
/// Prints a table, then one line of JSON with every figure.
/// </summary>
internal static class ThroughputHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var entities = Option(args, "--entities", 20_000);
        var queries = Option(args, "--queries", 2_000);
        var naiveQueries = Option(args, "--naive-queries", 200);

        var synthetic = Workload.Synthetic(entities);
        var queryList = Workload.Queries(synthetic, queries);

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        using var engine = new ScreeningEngineBuilder().AddSource(Workload.Source(synthetic)).Build();
        await engine.RefreshAsync();
        build.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Warm up, then time each screening on one thread for latency, and the batch API for throughput.
        foreach (var q in queryList.Take(50))
        {
            await engine.ScreenAsync(ScreeningRequest.ForParty(q));
        }

        var latencies = new double[queryList.Count];
        var decisions = new Dictionary<ScreeningDecision, int>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < queryList.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await engine.ScreenAsync(ScreeningRequest.ForParty(queryList[i]));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            decisions[result.Decision] = decisions.GetValueOrDefault(result.Decision) + 1;
        }

        total.Stop();
        var batchWatch = Stopwatch.StartNew();
        await engine.ScreenBatchAsync(queryList.Select(q => ScreeningRequest.ForParty(q)));
        batchWatch.Stop();

        // Baseline: a naive scan scoring every name with FuzzySharp's WeightedRatio.
        var allNames = engine.Dataset!.Entities.SelectMany(e => e.Names.Select(n => n.Value).Append(e.PrimaryName)).Distinct().ToArray();
        var naive = Stopwatch.StartNew();
        var naiveHits = 0;
        foreach (var q in queryList.Take(naiveQueries))
        {
            var best = 0;
            foreach (var name in allNames)
            {
                best = Math.Max(best, Fuzz.WeightedRatio(q, name));
            }

            naiveHits += best >= 80 ? 1 : 0;
        }

        naive.Stop();
        Array.Sort(latencies);
        var perSecond = queryList.Count / total.Elapsed.TotalSeconds;
        var batchPerSecond = queryList.Count / batchWatch.Elapsed.TotalSeconds;
        var naivePerSecond = Math.Min(naiveQueries, queryList.Count) / naive.Elapsed.TotalSeconds;
        var figures = new Dictionary<string, double>
        {
            ["throughput.entities"] = engine.Dataset.Entities.Count,
            ["throughput.names"] = allNames.Length,
            ["throughput.queries"] = queryList.Count,
            ["throughput.index_build_ms"] = Math.Round(build.Elapsed.TotalMilliseconds, 1),
            ["throughput.index_memory_mb"] = Math.Round((after - before) / 1024.0 / 1024.0, 1),
            ["throughput.screenings_per_second"] = Math.Round(perSecond, 1),
            ["throughput.batch_screenings_per_second"] = Math.Round(batchPerSecond, 1),
            ["throughput.p50_ms"] = Math.Round(Percentile(latencies, 0.50), 3),
            ["throughput.p99_ms"] = Math.Round(Percentile(latencies, 0.99), 3),
            ["throughput.naive_fuzzysharp_per_second"] = Math.Round(naivePerSecond, 2),
            ["throughput.speedup_vs_naive"] = Math.Round(perSecond / naivePerSecond, 1),
        };

        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        foreach (var (key, value) in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {value} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decisions: {string.Join(", ", decisions.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value}"))}; naive scan hits at WRatio>=80: {naiveHits}/{Math.Min(naiveQueries, queryList.Count)}"));
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}

using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.Json;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Screening;

namespace VendorScreen.Benchmarks;

/// <summary>
/// Where a screening's bytes go: the seeded query mix screened one at a time on one thread, with the bytes this thread allocates
/// measured around each stage the pipeline runs (normalisation, the candidate look-up, the name comparison of every candidate)
/// and around the whole screening, and the runtime's allocation samples (one about every 100 KB) counted by type.
/// </summary>
internal static class AllocationProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dataRoot = ThroughputHarness.StringOption(args, "--data") ?? Path.Combine("..", "shared", "data");
        var queryCount = ThroughputHarness.Option(args, "--queries", 2_000);
        if (await RealCorpus.LoadOrReportAsync(dataRoot, "allocations") is not { } corpus)
        {
            return 2;
        }

        var queries = QueryMix.Build(corpus, queryCount, 20211);
        using var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        await engine.RefreshAsync();
        var state = engine.Datasets.Current!.State;
        var index = state.Index;
        var algorithm = NameMatchAlgorithms.Default;
        var options = new ScreeningOptions();

        foreach (var q in queries.Take(200))
        {
            await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
        }

        // The stages warmed up as the screenings were (types initialised, buffers of the thread grown).
        foreach (var q in queries.Take(200))
        {
            foreach (var variant in Screener.Windows(NameNormalizer.Normalize(q.Name)))
            {
                foreach (var id in index.FindCandidates(variant, options.MaxCandidates, null))
                {
                    var candidate = index.Names[id];
                    _ = algorithm.Score(new NameMatchInput(q.Name, variant), new NameMatchInput(candidate.Name.Value, candidate.Normalized), index);
                }
            }
        }

        // The stages, as the pipeline runs them for a party's name.
        var byScript = new Dictionary<string, long[]>(StringComparer.Ordinal);
        long normalize = 0, candidates = 0, compare = 0, compared = 0;
        int[]? buffer = null;
        foreach (var q in queries)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var variants = NameNormalizer.Normalize(q.Name);
            var afterNormalize = GC.GetAllocatedBytesForCurrentThread();
            long lookUp = 0, scoring = 0, pairs = 0;
            foreach (var variant in Screener.Windows(variants))
            {
                var start = GC.GetAllocatedBytesForCurrentThread();
                // Into a buffer reused from query to query, as the pipeline looks candidates up.
                var count = index.FindCandidates(variant, options.MaxCandidates, null, ref buffer);
                var found = GC.GetAllocatedBytesForCurrentThread();
                for (var c = 0; c < count; c++)
                {
                    var candidate = index.Names[buffer![c]];
                    _ = algorithm.Score(new NameMatchInput(q.Name, variant), new NameMatchInput(candidate.Name.Value, candidate.Normalized), index);
                    pairs++;
                }

                lookUp += found - start;
                scoring += GC.GetAllocatedBytesForCurrentThread() - found;
            }

            var screenStart = GC.GetAllocatedBytesForCurrentThread();
            await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
            var screen = GC.GetAllocatedBytesForCurrentThread() - screenStart;
            compared += pairs;
            normalize += afterNormalize - before;
            candidates += lookUp;
            compare += scoring;
            if (!byScript.TryGetValue(q.Script, out var totals))
            {
                byScript[q.Script] = totals = new long[6];
            }

            totals[0]++;
            totals[1] += afterNormalize - before;
            totals[2] += lookUp;
            totals[3] += scoring;
            totals[4] += screen;
            totals[5] += pairs;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queries.Count} queries, {compared} comparisons ({compared / (double)queries.Count:0.0} per query)"));
        Console.WriteLine("| script | queries | normalise B | candidates B | scoring B | scoring B per pair | whole screening B |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (script, t) in byScript.OrderBy(p => p.Key, StringComparer.Ordinal).Append(new("all", [queries.Count, normalize, candidates, compare, byScript.Values.Sum(v => v[4]), compared])))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {script} | {t[0]} | {t[1] / t[0]:0} | {t[2] / t[0]:0} | {t[3] / t[0]:0} | {t[3] / (double)Math.Max(1, t[5]):0.0} | {t[4] / t[0]:0} |"));
        }

        // With --dump FILE, every result of the run (the screening as JSON, then the top-10 search with its explanations), to
        // compare two builds for identical results.
        if (ThroughputHarness.StringOption(args, "--dump") is { } dump)
        {
            await using var writer = new StreamWriter(dump);
            foreach (var q in queries)
            {
                var result = await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
                await writer.WriteLineAsync(JsonSerializer.Serialize(result with { ScreenedAt = default }, VendorScreenJsonContext.Default.ScreeningResult));
                var search = await engine.SearchAsync(q.Name, top: 10, minScore: 0);
                foreach (var hit in search.Hits)
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {hit.EntityId} {hit.MatchedName} {hit.Score:R}"));
                    foreach (var f in hit.Features)
                    {
                        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {f.Feature} {f.Score:R} {f.Weight:R} {f.Detail}"));
                    }
                }
            }
        }

        // The runtime's allocation samples over the screenings alone, by type; with --repeat N, the mix screened N times for more
        // samples.
        var repeat = ThroughputHarness.Option(args, "--repeat", 1);
        using var listener = new AllocationListener();
        for (var r = 0; r < repeat; r++)
        {
            foreach (var q in queries)
            {
                await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
            }
        }

        listener.Dispose();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| type (allocation samples, about 100 KB each, over {repeat} run(s) of the mix) | samples |"));
        Console.WriteLine("|---|---:|");
        foreach (var (type, count) in listener.Samples.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {type} | {count} |"));
        }

        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly object _gate = new();

        public Dictionary<string, int> Samples { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
            {
                return;
            }

            var at = eventData.PayloadNames.IndexOf("TypeName");
            var type = at >= 0 ? eventData.Payload?[at] as string ?? "?" : "?";
            lock (_gate)
            {
                Samples[type] = Samples.GetValueOrDefault(type) + 1;
            }
        }
    }
}

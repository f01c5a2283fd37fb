using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using FuzzySharp.SimilarityRatio;
using FuzzySharp.SimilarityRatio.Scorer.StrategySensitive;
using VendorScreen.Sources;

namespace VendorScreen.Benchmarks;

/// <summary>
/// End-to-end throughput on the real lists: builds an engine over every list in the shared data folder (plus the embedded
/// dataset), screens a seeded query mix one at a time (latency, allocation) and as a batch on every core (throughput), and
/// answers 200 of the typo'd queries with a naive FuzzySharp TokenSet scan over every name in the same run (the ratio and
/// the recall of both). Prints a table, then one line of JSON with every figure (DESIGN.md, "Benchmarks").
/// </summary>
internal static class ThroughputHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--scale"))
        {
            return await ScalingReport.RunAsync(args);
        }

        var dataRoot = StringOption(args, "--data") ?? Path.Combine("..", "shared", "data");
        int queryCount, naiveCount, seed, slowest;
        try
        {
            queryCount = Option(args, "--queries", 20_000);
            naiveCount = Option(args, "--naive-queries", 200);
            seed = Option(args, "--seed", 20211);
            slowest = args.Contains("--slowest") ? Option(args, "--slowest", 0) : 0;
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync("throughput: " + ex.Message);
            return 2;
        }

        // --latencies FILE is checked before the run, so that a missing file name or folder stops it at once, not after it.
        var latencyFile = StringOption(args, "--latencies");
        if (args.Contains("--latencies") && (latencyFile is null || latencyFile.StartsWith("--", StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync("throughput: --latencies needs a file to write");
            return 2;
        }

        if (latencyFile is not null && Path.GetDirectoryName(Path.GetFullPath(latencyFile)) is { } folder && !Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"throughput: --latencies {latencyFile}: the folder \"{folder}\" does not exist");
            return 2;
        }

        if (await RealCorpus.LoadOrReportAsync(dataRoot, "throughput") is not { } corpus)
        {
            return 2;
        }

        var queries = QueryMix.Build(corpus, queryCount, seed);

        // --script NAME: only the queries of one script (latin, han, hangul, cyrillic), for profiling one kind of query.
        if (StringOption(args, "--script") is { } script)
        {
            queries = [.. queries.Where(q => string.Equals(q.Script, script, StringComparison.OrdinalIgnoreCase))];
            if (queries.Count == 0)
            {
                await Console.Error.WriteLineAsync($"throughput: no query of the script '{script}' in the mix");
                return 2;
            }
        }

        // The index build: the lists are already read, so this is normalising, indexing and the graph. Timed, as the load below,
        // once the runtime has finished compiling what the phase before called often (reading the lists; a quiet stretch of
        // 100 ms, at most a second): that work belongs to the phase before, and a process that starts with this phase does
        // not have it in flight.
        var buildWait = await QuietCompilerAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var buildJitBefore = JitInfo.GetCompilationTime();
        var buildPauseBefore = GC.GetTotalPauseDuration();
        var build = Stopwatch.StartNew();
        // --no-parallel-candidates: each screening's candidates scored on its own thread alone (ScreeningOptions.ParallelCandidates
        // off), to compare with the default in another run.
        var parallelCandidates = !args.Contains("--no-parallel-candidates");
        // --no-parallel-forms: the forms of a name in another script screened in turn on the screening's thread
        // (ScreeningOptions.ParallelNameForms off).
        var parallelForms = !args.Contains("--no-parallel-forms");
        using var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder().Configure(o => { o.ParallelCandidates = parallelCandidates; o.ParallelNameForms = parallelForms; })).Build();
        var status = await engine.RefreshAsync();
        build.Stop();
        var buildJit = JitInfo.GetCompilationTime() - buildJitBefore;
        var buildPause = GC.GetTotalPauseDuration() - buildPauseBefore;
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var dataset = engine.Dataset!;

        // The index snapshot: written once, then timed from the file to a ready engine (read, check, decompress, read the stored index).
        var snapshotFile = Path.Combine(Path.GetTempPath(), $"vendorscreen-throughput-{Environment.ProcessId}.vsidx");
        double snapshotLoadMs;
        var snapshotWait = TimeSpan.Zero;
        TimeSpan snapshotJit, snapshotPause;
        int snapshotCollections;
        try
        {
            IndexSnapshotFile.Write(snapshotFile, engine);

            // Timed from a quiet compiler and a collected heap, as the build is: the compiling and the garbage of the build and
            // of writing the file are not the load's (a new service instance loads the snapshot without them).
            snapshotWait = await QuietCompilerAsync();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var jitBefore = JitInfo.GetCompilationTime();
            var pauseBefore = GC.GetTotalPauseDuration();
            var collectionsBefore = GC.CollectionCount(0);
            var load = Stopwatch.StartNew();
            using (var fromSnapshot = new ScreeningEngineBuilder().AddIndexSnapshot(snapshotFile).Build())
            {
                await fromSnapshot.RefreshAsync();
                load.Stop();
            }

            snapshotJit = JitInfo.GetCompilationTime() - jitBefore;
            snapshotPause = GC.GetTotalPauseDuration() - pauseBefore;
            snapshotCollections = GC.CollectionCount(0) - collectionsBefore;

            snapshotLoadMs = load.Elapsed.TotalMilliseconds;
        }
        finally
        {
            File.Delete(snapshotFile);
        }

        var names = dataset.Entities.Sum(e => e.Names.Count);

        // The same party is often listed by several authorities (an OFAC and a UN record of one person): an answer counts as the
        // right one when its entity is the expected one or shares a name with it (any of their names: an OFAC record's alias
        // "MALONG, Paul" is the UN record's primary name "Paul MALONG"), for the engine and the naive scan alike. Lists write a
        // name in their own order and punctuation ("PLOTNITSKY, Igor" / "IGOR PLOTNITSKY"): names are compared as sorted words.
        var nameKeys = dataset.Entities.ToDictionary(
            e => e.Id, e => e.Names.Select(n => n.Value).Append(e.PrimaryName).Select(NameKey).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        bool Same(string? answer, string? expected) =>
            answer is not null && expected is not null
            && (answer == expected || (nameKeys.TryGetValue(answer, out var a) && nameKeys.TryGetValue(expected, out var b) && a.Overlaps(b)));
        if (status.FirstOrDefault(s => !s.IsUsable) is { } unusable)
        {
            await Console.Error.WriteLineAsync($"throughput: source {unusable.SourceName} did not load: {unusable.Error}");
            return 1;
        }

        // The engine's warm-up, as a host runs it before it serves (ScreeningEngine.WarmUpAsync: the screening code run until
        // the runtime has optimised it), timed; without it the first few thousand screenings of the run below took about 1.4
        // times as long as the later ones at the median.
        var warmUp = Stopwatch.StartNew();
        await engine.WarmUpAsync();
        warmUp.Stop();

        // Warm up on the mix, then one screening at a time on this thread: latency per query and bytes allocated per screening. The
        // harness's own tables (the names of every entity above, the snapshot engine it loaded and let go) are collected first, as
        // before the build: promoting them is not a screening's cost. Twice: a collection moves what it keeps up one generation
        // only, so after one the tables just made would wait in generation 1 for the screenings' first collection of it to
        // move them on (14.7 MB, a 26 ms pause, in one run).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // What the runtime still compiled on this thread in these first screenings after the engine's warm-up: the code the
        // warm-up left for the first requests to compile (warmup.compile_ms_after).
        var compiledBefore = JitInfo.GetCompilationTime(currentThread: true);
        foreach (var q in queries.Take(200))
        {
            await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
        }

        var compiledAfterWarmUp = JitInfo.GetCompilationTime(currentThread: true) - compiledBefore;

        var latencies = new double[queries.Count];

        // --again: each query screened a second time right after its first screening, its time and bytes taken out of the run's
        // (the collections it sets off still count): what a screening costs when what it reads is still in the processor's
        // caches, against what a new query costs, which reads the index from memory.
        var repeats = args.Contains("--again") ? new double[queries.Count] : null;
        var againTicks = 0L;
        var againBytes = 0L;
        var found = new bool[queries.Count];
        // What the runtime paused or compiled on this thread during each screening: for the slowest queries, and the longest
        // pause of the run.
        var paused = new TimeSpan[queries.Count];
        var compiled = new TimeSpan[queries.Count];
        var collections = new int[queries.Count];
        var lastCollection = new string?[queries.Count];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen2Before = GC.CollectionCount(2);
        var sequential = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count; i++)
        {
            var pauseBefore = GC.GetTotalPauseDuration();
            var jitBefore = JitInfo.GetCompilationTime(currentThread: true);
            var collectionsBefore = GC.CollectionCount(0);
            var started = Stopwatch.GetTimestamp();
            var result = await engine.ScreenAsync(ScreeningRequest.ForParty(queries[i].Name));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            paused[i] = GC.GetTotalPauseDuration() - pauseBefore;
            compiled[i] = JitInfo.GetCompilationTime(currentThread: true) - jitBefore;
            collections[i] = GC.CollectionCount(0) - collectionsBefore;
            if (collections[i] > 0)
            {
                var info = GC.GetGCMemoryInfo(GCKind.Any);
                lastCollection[i] = string.Create(CultureInfo.InvariantCulture,
                    $"last: gen {info.Generation}{(info.Compacted ? " compacting" : "")}{(info.Concurrent ? " background" : "")}, promoted {info.PromotedBytes / 1e6:0.0} MB, heap {info.HeapSizeBytes / 1e6:0} MB, gen 0 before {info.GenerationInfo[0].SizeBeforeBytes / 1e6:0.0} MB, gen 1 before {info.GenerationInfo[1].SizeBeforeBytes / 1e6:0.0} MB, pinned {info.PinnedObjectsCount}");
            }
            found[i] = Same(TopEntity(result), queries[i].ExpectedEntityId);
            if (repeats is not null)
            {
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var repeated = Stopwatch.GetTimestamp();
                await engine.ScreenAsync(ScreeningRequest.ForParty(queries[i].Name));
                var ended = Stopwatch.GetTimestamp();
                repeats[i] = Stopwatch.GetElapsedTime(repeated, ended).TotalMicroseconds;
                againTicks += ended - repeated;
                againBytes += GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
            }
        }

        sequential.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore - againBytes;
        var sequentialSeconds = sequential.Elapsed.TotalSeconds - ((double)againTicks / Stopwatch.Frequency);
        var gen2 = GC.CollectionCount(2) - gen2Before;

        // The batch API on every core, against the same dataset.
        var requests = queries.Select(q => (ScreeningRequest)ScreeningRequest.ForParty(q.Name)).ToList();
        var batch = Stopwatch.StartNew();
        await engine.ScreenBatchAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = Environment.ProcessorCount });
        batch.Stop();

        // The naive baseline on the first typo'd queries: FuzzySharp's TokenSet ratio against every name, best first.
        var naiveQueries = Enumerable.Range(0, queries.Count).Where(i => queries[i].Kind is "typo1" or "typo2").Take(naiveCount).ToArray();
        var choices = dataset.Entities.SelectMany(e => e.Names.Select(n => (n.Value, e.Id))).ToArray();
        var choiceNames = choices.Select(c => c.Value).ToArray();
        var scorer = ScorerCache.Get<TokenSetScorer>();
        var naiveFound = 0;
        var naive = Stopwatch.StartNew();
        foreach (var i in naiveQueries)
        {
            var best = FuzzySharp.Process.ExtractOne(queries[i].Name, choiceNames, s => s, scorer);
            naiveFound += best is not null && Same(choices[best.Index].Id, queries[i].ExpectedEntityId) ? 1 : 0;
        }

        naive.Stop();

        // The engine's answer to the same question, "which listed party is this?": the best entity of its top-k search (no
        // policy, no threshold), as the naive scan always names its best match.
        var searchFound = 0;
        var showMisses = args.Contains("--misses");
        var primaryById = dataset.Entities.ToDictionary(e => e.Id, e => e.PrimaryName, StringComparer.Ordinal);
        foreach (var i in naiveQueries)
        {
            var search = await engine.SearchAsync(queries[i].Name, top: 1, minScore: 0);
            var right = search.Hits.Count > 0 && Same(search.Hits[0].EntityId, queries[i].ExpectedEntityId);
            searchFound += right ? 1 : 0;
            if (showMisses && !right)
            {
                var top = search.Hits.Count > 0 ? $"{primaryById.GetValueOrDefault(search.Hits[0].EntityId)} ({search.Hits[0].Score:0.000})" : "nothing";
                await Console.Error.WriteLineAsync($"miss: {queries[i].Kind} \"{queries[i].Name}\" expected \"{primaryById.GetValueOrDefault(queries[i].ExpectedEntityId ?? string.Empty)}\", engine first {top}");
            }
        }

        // The engine's time on the same queries, screened again now that the whole run is behind it (as the naive scan is timed
        // after its first queries): the queries come first in the mix, so in the run above they met code not yet fully compiled.
        var firstMicrosOnNaiveQueries = naiveQueries.Sum(i => latencies[i]) / naiveQueries.Length;
        var screenAgain = Stopwatch.StartNew();
        foreach (var i in naiveQueries)
        {
            await engine.ScreenAsync(ScreeningRequest.ForParty(queries[i].Name));
        }

        screenAgain.Stop();
        var screenMicrosOnNaiveQueries = screenAgain.Elapsed.TotalMicroseconds / naiveQueries.Length;
        var naiveMicros = naive.Elapsed.TotalMicroseconds / naiveQueries.Length;

        // The analyst's top-k search (SearchAsync with its defaults: the 10 best entities scoring 0.5 or more) on every 20th query of
        // the mix, all scripts and kinds, each timed, the first 50 searched once before to warm up; after the figures above, so
        // that they are taken as before.
        var searched = Enumerable.Range(0, queries.Count).Where(i => i % 20 == 0).ToArray();
        foreach (var i in searched.Take(50))
        {
            await engine.SearchAsync(queries[i].Name);
        }

        var searchLatencies = new double[searched.Length];
        for (var k = 0; k < searched.Length; k++)
        {
            var started = Stopwatch.GetTimestamp();
            await engine.SearchAsync(queries[searched[k]].Name);
            searchLatencies[k] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(searchLatencies);

        // The slowest queries of the run, each screened again three times: whether its time is the query's own or the run's (a
        // collection, a compilation, another process), on standard error.
        if (slowest > 0)
        {
            foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => latencies[i]).Take(slowest))
            {
                var again = new double[3];
                for (var round = 0; round < again.Length; round++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await engine.ScreenAsync(ScreeningRequest.ForParty(queries[i].Name));
                    again[round] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }

                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"slow: {latencies[i]:0} us (again {again.Min():0} / {again.Max():0} us; collections {collections[i]}, paused {paused[i].TotalMicroseconds:0} us, compiling on this thread {compiled[i].TotalMicroseconds:0} us{(lastCollection[i] is { } last ? "; " + last : "")}), query {i}, {queries[i].Kind}, \"{queries[i].Name}\""));
            }
        }

        var sortedLatencies = latencies.Order().ToArray();

        // --latencies FILE: each query of the one-thread run with its latency, one per line (kind, script, microseconds, name,
        // tab-separated, in the order screened), to see which queries make up the tail. A file that cannot be written is reported
        // and fails the run, after its figures are printed.
        var latenciesWritten = true;
        if (latencyFile is not null)
        {
            try
            {
                await File.WriteAllLinesAsync(latencyFile, Enumerable.Range(0, queries.Count)
                    .Select(i => string.Create(CultureInfo.InvariantCulture, $"{queries[i].Kind}\t{queries[i].Script}\t{latencies[i]:F1}\t{queries[i].Name}")));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"throughput: --latencies {latencyFile}: could not write the file: {ex.Message}");
                latenciesWritten = false;
            }
        }

        var figures = new Dictionary<string, double?>
        {
            ["corpus.entities"] = dataset.Entities.Count,
            ["corpus.names"] = names,
            ["corpus.lists_read_ms"] = Round(corpus.LoadTime.TotalMilliseconds),
            ["queries"] = queries.Count,
            ["screen.p50_us"] = Round(Percentile(sortedLatencies, 0.50)),
            ["screen.p90_us"] = Round(Percentile(sortedLatencies, 0.90)),
            ["screen.p99_us"] = Round(Percentile(sortedLatencies, 0.99)),
            ["screen.max_us"] = Round(sortedLatencies[^1]),
            ["screen.per_second"] = Round(queries.Count / sequentialSeconds),
            ["batch.per_second"] = Round(queries.Count / batch.Elapsed.TotalSeconds),
            ["batch.speedup"] = Round(sequentialSeconds / batch.Elapsed.TotalSeconds, 2),
            ["batch.threads"] = Environment.ProcessorCount,
            ["index.build_ms"] = Round(build.Elapsed.TotalMilliseconds),
            ["index.build_wait_ms"] = Round(buildWait.TotalMilliseconds),
            ["snapshot.load_wait_ms"] = Round(snapshotWait.TotalMilliseconds),
            ["index.memory_mb"] = Round((memoryAfter - memoryBefore) / 1024.0 / 1024.0),
            ["index.build_jit_ms"] = Round(buildJit.TotalMilliseconds),
            ["index.build_gc_pause_ms"] = Round(buildPause.TotalMilliseconds),
            ["snapshot.load_ms"] = Round(snapshotLoadMs),
            ["snapshot.speedup"] = Round(build.Elapsed.TotalMilliseconds / snapshotLoadMs, 2),
            ["snapshot.load_jit_ms"] = Round(snapshotJit.TotalMilliseconds),
            ["snapshot.load_gc_pause_ms"] = Round(snapshotPause.TotalMilliseconds),
            ["snapshot.load_collections"] = snapshotCollections,
            ["warmup.ms"] = Round(warmUp.Elapsed.TotalMilliseconds),
            ["warmup.compile_ms_after"] = Round(compiledAfterWarmUp.TotalMilliseconds),
            ["screen.compile_ms"] = Round(compiled.Sum(c => c.TotalMilliseconds)),
            ["screen.with_compile"] = compiled.Count(c => c > TimeSpan.Zero),
            ["screen.max_gc_pause_us"] = Round(paused.Max().TotalMicroseconds),
            ["screen.with_collection"] = collections.Count(c => c > 0),
            ["alloc.bytes_per_screen"] = Math.Round((double)allocated / queries.Count),
            ["gc.gen2_collections"] = gen2,
            ["naive.queries"] = naiveQueries.Length,
            ["naive.us_per_query"] = Round(naiveMicros),
            ["naive.ratio"] = Round(naiveMicros / screenMicrosOnNaiveQueries),
            ["naive.screen_us_per_query"] = Round(screenMicrosOnNaiveQueries),
            ["naive.screen_us_per_query_first_run"] = Round(firstMicrosOnNaiveQueries),
            ["naive.recall"] = Math.Round((double)naiveFound / naiveQueries.Length, 3),
            ["screen.recall"] = Math.Round((double)searchFound / naiveQueries.Length, 3),
            ["screen.recall_at_threshold"] = Math.Round((double)naiveQueries.Count(i => found[i]) / naiveQueries.Length, 3),
            ["search.queries"] = searched.Length,
            ["search.p50_us"] = searched.Length == 0 ? null : Round(Percentile(searchLatencies, 0.50)),
            ["search.p99_us"] = searched.Length == 0 ? null : Round(Percentile(searchLatencies, 0.99)),
        };

        // The cost of graph expansion (paths, aggregate ownership): the same queries with MaxPathDepth 0 (direct matches only),
        // then with the default depth, each on an engine of its own built and warmed up the same way, one after the other (the
        // run with the graph last, so that a warmer process does not favour it).
        var graphOff = await GraphLatenciesAsync(corpus, queries, graph: false);
        var graphOn = await GraphLatenciesAsync(corpus, queries, graph: true);
        figures["graph.p99_us_on"] = Round(Percentile(graphOn, 0.99));
        figures["graph.p99_us_off"] = Round(Percentile(graphOff, 0.99));
        figures["graph.p99_ratio"] = Round(Percentile(graphOn, 0.99) / Percentile(graphOff, 0.99), 3);

        // The p50 and p99 of each script, and of each kind of query (a listed name with one or two letter edits, reordered,
        // without its legal form; a name in another script; a name not listed): which kinds cost most within a script.
        void AddPercentilesBy(Func<Query, string> group, string prefix)
        {
            foreach (var part in Enumerable.Range(0, queries.Count).GroupBy(i => group(queries[i])).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var sorted = part.Select(i => latencies[i]).Order().ToArray();
                figures[$"screen.p50_us.{prefix}{part.Key}"] = Round(Percentile(sorted, 0.50));
                figures[$"screen.p99_us.{prefix}{part.Key}"] = Round(Percentile(sorted, 0.99));
            }
        }

        AddPercentilesBy(q => q.Script, string.Empty);
        AddPercentilesBy(q => q.Kind, "kind.");

        if (repeats is not null)
        {
            var sortedAgain = repeats.Order().ToArray();
            figures["screen.again_p50_us"] = Round(Percentile(sortedAgain, 0.50));
            figures["screen.again_ratio"] = Round(Percentile(sortedLatencies, 0.50) / Percentile(sortedAgain, 0.50), 2);
            foreach (var group in Enumerable.Range(0, queries.Count).GroupBy(i => queries[i].Script).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                figures[$"screen.again_p50_us.{group.Key}"] = Round(Percentile(group.Select(i => repeats[i]).Order().ToArray(), 0.50));
            }
        }

        // The first screenings after the warm-up, on their own: how soon the process reaches the speed of the whole run (the
        // runtime optimises the hot methods some time after they are first called).
        var head = latencies.Take(Math.Min(2_000, queries.Count)).Order().ToArray();
        figures["screen.p50_us.first_2000"] = Round(Percentile(head, 0.50));
        figures["screen.p99_us.first_2000"] = Round(Percentile(head, 0.99));

        foreach (var group in Enumerable.Range(0, queries.Count).Where(i => queries[i].ExpectedEntityId is not null).GroupBy(i => queries[i].Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            figures[$"screen.found_first.{group.Key}"] = Math.Round((double)group.Count(i => found[i]) / group.Count(), 3);
        }

        Console.WriteLine($"corpus: {string.Join(", ", RealCorpus.Lists.Select(l => l.Label))} and the embedded dataset; " +
            $"{queries.Count} queries, seed {seed}: {string.Join(", ", queries.GroupBy(q => q.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
        Console.WriteLine("snapshot.load_ms: from the snapshot file to a ready engine, the stored entities and candidate index read, nothing normalised or built again; snapshot.speedup: index.build_ms over snapshot.load_ms; each timed from a quiet compiler (index.build_wait_ms, snapshot.load_wait_ms: the waits before them)");
        // A figure with nothing to measure (the naive scan's when --script leaves no typo'd query) is not a number: written as n/a
        // in the table and null in the JSON.
        foreach (var key in figures.Keys.ToList())
        {
            figures[key] = figures[key] is { } f && double.IsFinite(f) ? f : null;
        }

        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        foreach (var (key, value) in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "n/a")} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return latenciesWritten ? 0 : 1;
    }

    /// <summary>Screens the queries one at a time on a new engine with graph expansion on (the default depth) or off (depth 0),
    /// after a warm-up; the sorted latencies.</summary>
    private static async Task<double[]> GraphLatenciesAsync(RealCorpus corpus, IReadOnlyList<Query> queries, bool graph)
    {
        var builder = new ScreeningEngineBuilder();
        if (!graph)
        {
            builder.Configure(o => o.MaxPathDepth = 0);
        }

        using var engine = corpus.AddSourcesTo(builder).Build();
        await engine.RefreshAsync();
        foreach (var q in queries.Take(200))
        {
            await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
        }

        var latencies = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await engine.ScreenAsync(ScreeningRequest.ForParty(queries[i].Name));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return latencies.Order().ToArray();
    }

    // A name as its upper-case words in order of the alphabet, so that list conventions of order and punctuation do not count.
    private static string NameKey(string name) =>
        string.Join(' ', name.ToUpperInvariant().Split((char[])[' ', ',', '.', '-', '\'', '"', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal));

    // The entity of the best-scored name hit, the first among equals; read inside the measured loop, so it allocates nothing.
    private static string? TopEntity(ScreeningResult result)
    {
        ScreeningHit? top = null;
        var hits = result.Hits;
        for (var i = 0; i < hits.Count; i++)
        {
            if (hits[i].Field == "name" && (top is null || hits[i].Score > top.Score))
            {
                top = hits[i];
            }
        }

        return top?.EntityId;
    }

    private static double Round(double value, int digits = 1) => Math.Round(value, digits);

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    // Waits until the runtime has compiled nothing for 100 ms (at most a second), as the engine's warm-up does; gives the wait.
    private static async Task<TimeSpan> QuietCompilerAsync()
    {
        var watch = Stopwatch.StartNew();
        await VendorScreen.Screening.WarmUp.UntilCompiledAsync(CancellationToken.None);
        return watch.Elapsed;
    }

    internal static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }

        return at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new FormatException($"{name} needs a positive whole number (got \"{(at + 1 < args.Length ? args[at + 1] : string.Empty)}\").");
    }
}

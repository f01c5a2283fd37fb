using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Sources;

namespace VendorScreen.Benchmarks;

/// <summary>
/// Where the time of loading an index snapshot goes, stage by stage, on the real lists: reading the file, checking its SHA-256,
/// reading the stored sources and entities, reading the stored candidate index (its parts side by side), and the refresh that
/// builds the dataset generation (merge, checks, relation graph, ownership), against reading the lists and building the index from
/// them. The stages run one after the other here; a load (<c>snapshot.load_ms</c>) checks the SHA-256 and reads the sources
/// while it reads the index. Each stage is timed several times; the median is reported. Prints a table, then one line of JSON.
/// </summary>
internal static class SnapshotHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dataRoot = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault() ?? Path.Combine("..", "shared", "data");
        var rounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? "5", CultureInfo.InvariantCulture);
        if (await RealCorpus.LoadOrReportAsync(dataRoot, "snapshot") is not { } corpus)
        {
            return 2;
        }

        var buildWatch = Stopwatch.StartNew();
        using var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        await engine.RefreshAsync();
        buildWatch.Stop();

        var file = Path.Combine(Path.GetTempPath(), $"vendorscreen-snapshot-{Environment.ProcessId}.vsidx");
        var figures = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string name, double ms)
        {
            if (!figures.TryGetValue(name, out var list))
            {
                figures[name] = list = [];
            }

            list.Add(ms);
        }

        long fileBytes;
        IndexSnapshotSections sections;
        try
        {
            var write = Stopwatch.StartNew();
            IndexSnapshotFile.Write(file, engine);
            write.Stop();
            Add("snapshot.write_ms", write.Elapsed.TotalMilliseconds);
            fileBytes = new FileInfo(file).Length;
            sections = IndexSnapshotFile.Split(File.ReadAllBytes(file), file);
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var collections = GC.CollectionCount(0);
                void Stage(string name)
                {
                    Add($"stage.{name}_ms", watch.Elapsed.TotalMilliseconds);
                    var now = GC.GetTotalAllocatedBytes(precise: true);
                    Add($"stage.{name}_alloc_mb", (now - allocated) / 1e6);
                    Add($"stage.{name}_collections", GC.CollectionCount(0) - collections);
                    collections = GC.CollectionCount(0);
                    allocated = GC.GetTotalAllocatedBytes(precise: true);
                    watch.Restart();
                }

                var bytes = File.ReadAllBytes(file);
                Stage("read_file");
                var split = IndexSnapshotFile.Split(bytes, file);
                Stage("check_sha256");
                var sources = IndexSnapshotFile.ReadSources(split, file);
                Stage("read_sources");
                var index = IndexSnapshotFile.ReadIndex(split, sources, file);
                Stage("read_index");
                var stored = new StoredIndexSnapshot(file, sources, index);
                var builder = new ScreeningEngineBuilder();
                foreach (var source in stored.SnapshotSources)
                {
                    builder.AddSource(source);
                }

                builder.Configure(o => o.UseDefaultDataset = false);
                using (var fromStored = builder.Build())
                {
                    await fromStored.RefreshAsync();
                    Stage("refresh");
                    if (!fromStored.Datasets.Current!.State.Index.IsFromSnapshot)
                    {
                        await Console.Error.WriteLineAsync("snapshot: the engine did not use the stored index");
                        return 1;
                    }
                }

                // For comparison: the index built from the same entities, as a start without a stored index does.
                watch.Restart();
                _ = new CandidateIndex(index.Entities, NameScoringRules.Default);
                Add("compare.index_build_ms", watch.Elapsed.TotalMilliseconds);

                // The file read as a load reads it: through one handle, each part a window at a time, the parts side by side (the
                // stages above read a copy of the whole file, one part after another, to time each).
                GC.Collect();
                GC.WaitForPendingFinalizers();
                watch.Restart();
                _ = IndexSnapshotFile.Read(file);
                Add("snapshot.read_ms", watch.Elapsed.TotalMilliseconds);

                GC.Collect();
                GC.WaitForPendingFinalizers();
                watch.Restart();
                using (var loaded = new ScreeningEngineBuilder().AddIndexSnapshot(file).Build())
                {
                    await loaded.RefreshAsync();
                    Add("snapshot.load_ms", watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        finally
        {
            File.Delete(file);
        }

        var result = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["corpus.entities"] = engine.Dataset!.Entities.Count,
            ["corpus.lists_read_ms"] = Math.Round(corpus.LoadTime.TotalMilliseconds, 1),
            ["index.build_ms"] = Math.Round(buildWatch.Elapsed.TotalMilliseconds, 1),
            ["snapshot.bytes"] = fileBytes,
            ["snapshot.sources_bytes"] = sections.Sources.Length,
            ["snapshot.index_bytes"] = sections.Index.Length,
            ["rounds"] = rounds,
        };
        foreach (var (name, values) in figures)
        {
            values.Sort();
            result[name] = Math.Round(values[values.Count / 2], 1);
        }

        var load = (double)result["snapshot.load_ms"];
        result["snapshot.speedup"] = Math.Round((corpus.LoadTime.TotalMilliseconds + buildWatch.Elapsed.TotalMilliseconds) / load, 2);
        foreach (var (name, value) in result)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {value} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}

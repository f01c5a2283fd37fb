using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace VendorScreen.Benchmarks;

/// <summary>
/// How long a new process takes to screen, as a command line or a new service instance does: each run is a fresh process that
/// makes an engine through the public API, from the index snapshot of the real lists or from the lists themselves, then screens one
/// name in each of four scripts in turn (the first screening of the process pays for compiling the screening code and making its
/// tables), and the same four again. The runs alternate the two starts. With <c>--warm-up</c> each process first runs
/// <see cref="ScreeningEngine.WarmUpAsync"/> once it is ready (<c>warm_up_ms</c>), as a host does before it serves requests.
/// Prints a table of medians (with the range), then one line of JSON.
/// </summary>
internal static class ColdStartHarness
{
    // One name per script, screened in this order: the first screening of a process is the Latin one.
    private static readonly (string Script, string Name)[] Names =
    [
        ("latin", "Hangzhou Hikvision Digital Technology Co Ltd"),
        ("han", "海康威视"),
        ("hangul", "스클라다노프스키"),
        ("cyrillic", "Владимир Путин"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var dataRoot = ThroughputHarness.StringOption(args, "--data") ?? Path.Combine("..", "shared", "data");
        var warmUp = args.Contains("--warm-up");
        int runs;
        try
        {
            runs = ThroughputHarness.Option(args, "--runs", 5);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync("coldstart: " + ex.Message);
            return 2;
        }

        if (await RealCorpus.LoadOrReportAsync(dataRoot, "coldstart") is not { } corpus)
        {
            return 2;
        }

        var file = Path.Combine(Path.GetTempPath(), $"vendorscreen-coldstart-{Environment.ProcessId}.vsidx");
        var figures = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        try
        {
            using (var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build())
            {
                await engine.RefreshAsync();
                IndexSnapshotFile.Write(file, engine);
            }

            for (var run = 0; run < runs; run++)
            {
                // Alternating, so that a machine that slows down or speeds up over the runs does so for both starts.
                foreach (var (start, source) in new[] { ("snapshot", file), ("lists", Path.GetFullPath(dataRoot)) })
                {
                    var child = await RunChildAsync(start, source, warmUp);
                    if (child is null)
                    {
                        return 1;
                    }

                    foreach (var (name, value) in child)
                    {
                        if (!figures.TryGetValue($"{start}.{name}", out var values))
                        {
                            figures[$"{start}.{name}"] = values = [];
                        }

                        values.Add(value);
                    }
                }
            }
        }
        finally
        {
            File.Delete(file);
        }

        Console.WriteLine($"cold start: {runs} fresh processes per start, alternating; the engine made through the public API from the index snapshot of the real lists or from the lists{(warmUp ? ", then warmed up (WarmUpAsync)" : "")}; times in ms, median (min-max)");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("| figure | median | range |");
        Console.WriteLine("|---|---:|---|");
        var result = new Dictionary<string, object>(StringComparer.Ordinal) { ["runs"] = runs };
        foreach (var (name, values) in figures)
        {
            values.Sort();
            var median = values[values.Count / 2];
            result[name] = Math.Round(median, 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:0.0} | {values[0]:0.0}-{values[^1]:0.0} |"));
        }

        if (result.TryGetValue("snapshot.ready_ms", out var fromSnapshot) && result.TryGetValue("lists.ready_ms", out var fromLists))
        {
            result["ready.speedup"] = Math.Round((double)fromLists / (double)fromSnapshot, 2);
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>The child process: makes the engine, screens the names twice, and writes its figures as one line of JSON.</summary>
    /// <param name="args">The start (<c>snapshot FILE</c> or <c>lists DATA</c>).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length is not (2 or 3) || args[0] is not ("snapshot" or "lists") || (args.Length == 3 && args[2] != "--warm-up"))
        {
            await Console.Error.WriteLineAsync("coldstart-child: snapshot FILE | lists DATA [--warm-up]");
            return 2;
        }

        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        ScreeningEngine engine;
        if (args[0] == "snapshot")
        {
            engine = new ScreeningEngineBuilder().AddIndexSnapshot(args[1]).Build();
        }
        else
        {
            // Reading the lists is part of a start without a snapshot.
            var corpus = await RealCorpus.LoadAsync(args[1]);
            engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        }

        using (engine)
        {
            await engine.RefreshAsync();
            figures["ready_ms"] = watch.Elapsed.TotalMilliseconds;
            figures["ready_jit_ms"] = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            figures["ready_collections"] = GC.CollectionCount(0);
            if (args.Length == 3)
            {
                var warming = Stopwatch.GetTimestamp();
                await engine.WarmUpAsync();
                figures["warm_up_ms"] = Stopwatch.GetElapsedTime(warming).TotalMilliseconds;
            }
            for (var round = 0; round < 2; round++)
            {
                foreach (var (script, name) in Names)
                {
                    var started = Stopwatch.GetTimestamp();
                    _ = await engine.ScreenAsync(ScreeningRequest.ForParty(name));
                    figures[$"{(round == 0 ? "first" : "again")}.{script}_ms"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }

            figures["first_screenings_ms"] = Names.Sum(n => figures[$"first.{n.Script}_ms"]);
            figures["total_ms"] = watch.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static async Task<Dictionary<string, double>?> RunChildAsync(string start, string source, bool warmUp)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Run as this harness was: through the dotnet host with the harness's assembly, or as its own executable.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(ColdStartHarness).Assembly.Location);
        }

        info.ArgumentList.Add("coldstart-child");
        info.ArgumentList.Add(start);
        info.ArgumentList.Add(source);
        if (warmUp)
        {
            info.ArgumentList.Add("--warm-up");
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"coldstart: the {start} run failed (exit {process.ExitCode}): {await error}");
            return null;
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            await Console.Error.WriteLineAsync($"coldstart: the {start} run wrote no figures.");
            return null;
        }

        return JsonSerializer.Deserialize<Dictionary<string, double>>(lines[^1]);
    }
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using VendorScreen.Benchmarks;

switch (args.FirstOrDefault())
{
    case "throughput":
        return await ThroughputHarness.RunAsync(args[1..]);
    case "bdn":
        return RunStageSuites(args[1..]);
    case "snapshot":
        return await SnapshotHarness.RunAsync(args[1..]);
    case "allocations":
        return await AllocationProfile.RunAsync(args[1..]);
    case "precomputed":
        return await PrecomputedLookUps.RunAsync(args[1..]);
    case "stages":
        return await StageTimes.RunAsync(args[1..]);
    case "coldstart":
        return await ColdStartHarness.RunAsync(args[1..]);
    case "coldstart-child":
        return await ColdStartHarness.RunChildAsync(args[1..]);
    case "helper-start":
        return await HelperStartProbe.RunAsync(args[1..]);
    default:
        await Console.Error.WriteLineAsync("""
            usage: VendorScreen.Benchmarks throughput [--data DIR] [--queries N] [--naive-queries N] [--seed N] [--misses] [--script NAME] [--slowest N] [--again] [--latencies FILE] [--no-parallel-candidates]
                   VendorScreen.Benchmarks throughput --scale 1,2,4 [--data DIR] [--queries N] [--query-counts 10000,100000,1000000|none] [--full-max N] [--sample N] [--seed N]
                   VendorScreen.Benchmarks snapshot [--data DIR] [--rounds N]
                   VendorScreen.Benchmarks allocations [--data DIR] [--queries N]
                   VendorScreen.Benchmarks stages [--data DIR] [--queries N] [--check-bound] [--fill-memo] [--screen-first] [--fill-memo-first] [--cold-warm] [--read-ahead-ab] [--bound-only SCRIPT] [--sound-only SCRIPT] [--misspelling-only SCRIPT]
                   VendorScreen.Benchmarks coldstart [--data DIR] [--runs N]
                   VendorScreen.Benchmarks helper-start [--rounds N] [--busy-us N]
                   VendorScreen.Benchmarks precomputed [--data DIR] [--queries N] [--control] [--with-first]
                   VendorScreen.Benchmarks bdn [--data DIR] [BenchmarkDotNet options, such as --filter '*' or --list flat]
            """);
        return 2;
}

// The stage suites share one copy of the real lists per process, so they run in this process, with a short job: one launch,
// three warm-up and three measured iterations.
static int RunStageSuites(string[] args)
{
    var at = Array.IndexOf(args, "--data");
    var data = Path.Combine("..", "shared", "data");
    if (at >= 0)
    {
        if (at + 1 >= args.Length)
        {
            Console.Error.WriteLine("bdn: --data needs a folder (the shared data folder, ../shared/data).");
            return 2;
        }

        data = args[at + 1];
        args = [.. args[..at], .. args[(at + 2)..]];
    }

    if (!Directory.Exists(data))
    {
        Console.Error.WriteLine($"bdn: --data: the folder \"{Path.GetFullPath(data)}\" does not exist; pass the shared data folder (../shared/data).");
        return 2;
    }

    Environment.SetEnvironmentVariable(StageData.DataVariable, Path.GetFullPath(data));
    var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(StageData).Assembly).Run(args, config);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using VendorScreen.Benchmarks;

if (args.Length > 0 && args[0] == "throughput")
{
    return await ThroughputHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "snapshot")
{
    return await SnapshotHarness.RunAsync(args[1..]);
}

var config = ManualConfig.Create(DefaultConfig.Instance).AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;

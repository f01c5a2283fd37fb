using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluentAssertions;
using VendorScreen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VendorScreen.Tests.Fuzz;

/// <summary>
/// Fuzzes every list reader with seeded mutations of a real file (bit flips, inserted and deleted bytes, truncation, duplicated
/// and swapped chunks, UTF-8 sequences valid and invalid, NUL bytes, the DOS end-of-file byte 0x1A, stray delimiters). The only
/// acceptable outcomes are a snapshot (possibly with rejected records) or a <see cref="SanctionListSourceException"/> that names
/// the file; any other exception is a reader defect. See docs/testing.md for a longer run.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private const int MaxReported = 10;

    [SharedDataTheory]
    [MemberData(nameof(SharedNames))]
    public void Mutations_OfRealFiles_GiveSnapshotOrSourceException(string seedName) => Run(FuzzCorpus.Shared(seedName), seedName);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Mutations_OfFixtures_GiveSnapshotOrSourceException(string seedName) => Run(FuzzCorpus.Fixture(seedName), seedName);

    public static TheoryData<string> SharedNames => FuzzCorpus.SharedNames;

    public static TheoryData<string> FixtureNames => FuzzCorpus.FixtureNames;

    /// <summary>Gets the random source of one iteration: a function of the run seed, the seed input's name and the iteration, so
    /// that one failing iteration can be replayed alone.</summary>
    internal static Random IterationRandom(int runSeed, string seedName, int iteration) =>
        new(unchecked((int)((FuzzSettings.StableHash(seedName) * 0x9E3779B1u) ^ (uint)runSeed) + (iteration * 1_000_003)));

    private void Run(FuzzSeed seed, string seedName)
    {
        using var harness = new ReaderHarness();
        var original = harness.Load(seed.Format, seed.Files, seed.Folder);
        original.Snapshot.Should().NotBeNull($"the unmutated seed {seed} must load ({original.Refusal?.Message ?? original.Unexpected?.ToString()})");
        original.Snapshot!.Entities.Should().NotBeEmpty($"the unmutated seed {seed} must hold entities");

        var runSeed = FuzzSettings.Seed;
        var iterations = FuzzSettings.Iterations;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var random = IterationRandom(runSeed, seedName, i);
            var target = random.Next(seed.Files.Count);
            var (bytes, mutation) = Mutator.Mutate(seed.Files[target].Content, random);
            var files = seed.Files.Select((f, k) => k == target ? f with { Content = bytes } : f).ToArray();
            var outcome = harness.Load(seed.Format, files, seed.Folder);
            counts[outcome.Kind] = counts.GetValueOrDefault(outcome.Kind) + 1;
            if (outcome.IsDefect)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"format {seed.Format}, seed input {seedName}, {FuzzSettings.SeedVariable}={runSeed}, iteration {i}, file {seed.Files[target].Name}, mutation [{mutation}]:{Environment.NewLine}    {ReaderHarness.Describe(outcome.Unexpected!)}"));
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"fuzz {seedName} ({seed.Format}): {iterations} cases in {stopwatch.Elapsed.TotalSeconds:0.00} s, seed {runSeed}; outcomes: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
        output.WriteLine(summary);
        AppendReport(summary, failures);

        if (failures.Count > 0)
        {
            var message = new StringBuilder()
                .AppendLine(string.Create(CultureInfo.InvariantCulture, $"{failures.Count} of {iterations} mutations of {seed} raised an exception other than SanctionListSourceException ({summary}):"))
                .AppendJoin(Environment.NewLine, failures.Take(MaxReported))
                .ToString();
            Assert.Fail(message);
        }
    }

    /// <summary>Appends the figures (and failures) of a run to the file named by <c>VENDORSCREEN_FUZZ_REPORT</c>, if set.</summary>
    private static void AppendReport(string summary, List<string> failures)
    {
        var path = Environment.GetEnvironmentVariable("VENDORSCREEN_FUZZ_REPORT");
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        lock (typeof(ReaderFuzzTests))
        {
            File.AppendAllLines(path, [summary, .. failures.Select(f => "  " + f.ReplaceLineEndings(" | "))]);
        }
    }
}

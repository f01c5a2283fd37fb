using System.Diagnostics;
using System.Globalization;
using VendorScreen.Indexing;

namespace VendorScreen.Benchmarks;

/// <summary>
/// What the misspelling look-ups worked out when the index is built are worth to screening: two engines over the real lists in
/// one process, A built without them and B with them (or, with --control, both without: how far apart two like engines come
/// out this way; with --facts, the same for the facts of every name filled when the index is made, both engines with the
/// look-ups), each query of the seeded mix screened by both, in turns first. Both engines see the machine as it is at the
/// same moment, which separate runs of the throughput harness do not. A is built first unless --with-first is given: the
/// engine built second comes out a few per cent faster in a control run, so runs in both orders are needed. Prints each
/// engine's build time, then p50, p90, p99 and mean in µs and B ÷ A over all queries, the first 2,000 and the last 5,000.
/// </summary>
internal static class PrecomputedLookUps
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dataRoot = ThroughputHarness.StringOption(args, "--data") ?? Path.Combine("..", "shared", "data");
        var queryCount = ThroughputHarness.Option(args, "--queries", 20_000);
        var control = args.Contains("--control");
        var withFirst = args.Contains("--with-first");
        var facts = args.Contains("--facts");
        if (await RealCorpus.LoadOrReportAsync(dataRoot, "precomputed") is not { } corpus)
        {
            return 2;
        }

        var queries = QueryMix.Build(corpus, queryCount, 20211);
        var built = new (ScreeningEngine Engine, double Ms)[2];
        try
        {
            foreach (var which in withFirst ? new[] { 1, 0 } : [0, 1])
            {
                if (facts)
                {
                    CandidateIndex.FillFactsWhenMade = which == 1 && !control;
                }
                else
                {
                    CandidateIndex.PrecomputeMisspellingsWhenBuilt = which == 1 && !control;
                }
                var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
                var start = Stopwatch.GetTimestamp();
                await engine.RefreshAsync();
                built[which] = (engine, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        finally
        {
            CandidateIndex.PrecomputeMisspellingsWhenBuilt = true;
            CandidateIndex.FillFactsWhenMade = true;
        }

        using var a = built[0].Engine;
        using var b = built[1].Engine;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A: without the {(facts ? "facts filled" : "look-ups")}, built in {built[0].Ms:0} ms; B: {(control ? "without" : "with")} them, built in {built[1].Ms:0} ms; {(withFirst ? "B" : "A")} built first (with the build's compiling)"));

        // Warm-up on names the mix does not hold, so that no query's words are met first here.
        GC.Collect();
        foreach (var q in queries.Take(200))
        {
            var warm = ScreeningRequest.ForParty(q.Name + " Holdings");
            await a.ScreenAsync(warm);
            await b.ScreenAsync(warm);
        }

        var timesA = new double[queries.Count];
        var timesB = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var request = ScreeningRequest.ForParty(queries[i].Name);
            foreach (var first in new[] { i % 2 == 0, i % 2 != 0 })
            {
                var start = Stopwatch.GetTimestamp();
                await (first ? a : b).ScreenAsync(request);
                (first ? timesA : timesB)[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        Console.WriteLine("| queries | A p50 | A p90 | A p99 | A mean | B p50 | B p90 | B p99 | B mean | B ÷ A p50 | B ÷ A mean |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var last = Math.Min(5_000, queries.Count);
        foreach (var (label, from, count) in new[] { ("all", 0, queries.Count), ("first 2,000", 0, Math.Min(2_000, queries.Count)), ("last 5,000", queries.Count - last, last) })
        {
            var x = timesA.AsSpan(from, count).ToArray();
            var y = timesB.AsSpan(from, count).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {P(x, 0.5):0} | {P(x, 0.9):0} | {P(x, 0.99):0} | {x.Average():0} | {P(y, 0.5):0} | {P(y, 0.9):0} | {P(y, 0.99):0} | {y.Average():0} | {P(y, 0.5) / P(x, 0.5):0.000} | {y.Average() / x.Average():0.000} |"));
        }

        return 0;
    }

    private static double P(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}

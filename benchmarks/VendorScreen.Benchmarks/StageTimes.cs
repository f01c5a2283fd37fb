using System.Diagnostics;
using System.Globalization;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Screening;

namespace VendorScreen.Benchmarks;

/// <summary>
/// Where a screening's time goes: the seeded query mix screened one at a time on one thread, each stage the pipeline runs for a
/// party's name timed on its own (normalisation, the candidate look-up, the name comparison of every candidate), then the whole
/// screening, with the number of candidates and of names scored per query; medians and means per script. Stages are timed in the
/// thread's processor time, so that other work on a shared machine adds little to them.
/// </summary>
internal static class StageTimes
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dataRoot = ThroughputHarness.StringOption(args, "--data") ?? Path.Combine("..", "shared", "data");
        var queryCount = ThroughputHarness.Option(args, "--queries", 2_000);
        var boundProblem = ScriptOption(args, "--bound-only", ["latin", "cyrillic", "han", "hangul", "all"], out var boundScript);
        var soundProblem = ScriptOption(args, "--sound-only", ["cyrillic", "han", "hangul", "all"], out var soundScript);
        var misspellingProblem = ScriptOption(args, "--misspelling-only", ["latin", "cyrillic", "han", "hangul", "all"], out var misspellingScript);
        if ((boundProblem ?? soundProblem ?? misspellingProblem) is { } problem)
        {
            await Console.Error.WriteLineAsync($"stages: {problem}");
            return 2;
        }

        if (await RealCorpus.LoadOrReportAsync(dataRoot, "stages") is not { } corpus)
        {
            return 2;
        }

        var queries = QueryMix.Build(corpus, queryCount, 20211);
        if (args.Contains("--read-ahead-ab"))
        {
            return await ReadAheadAbAsync(corpus, queries);
        }

        if (args.Contains("--check-bound"))
        {
            return await CheckBoundAsync(corpus, queries);
        }

        using var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        await engine.RefreshAsync();
        var index = engine.Datasets.Current!.State.Index;
        var algorithm = NameMatchAlgorithms.Default;
        var options = new ScreeningOptions();

        // Warm-up: the stages and the whole screening once over part of the mix.
        for (var round = 0; round < 2; round++)
        {
            foreach (var q in queries.Take(300))
            {
                await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
                Stages(q.Name, index, algorithm, options);
            }
        }

        if (boundScript is not null)
        {
            return BoundOnly(queries, index, options, boundScript);
        }

        if (soundScript is not null)
        {
            return SoundOnly(queries, index, soundScript);
        }

        if (misspellingScript is not null)
        {
            return MisspellingOnly(queries, index, misspellingScript);
        }

        if (args.Contains("--cold-warm"))
        {
            return ColdAndWarm(queries, index, algorithm, options);
        }

        var rows = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
        // --screen-first: the whole screening before the stages, so that it meets the query's words as a new query does (the
        // stages then run on what the screening left in the caches and memos); by default the stages come first.
        var screenFirst = args.Contains("--screen-first");
        if (args.Contains("--fill-memo-first"))
        {
            var fillStart = Stopwatch.GetTimestamp();
            foreach (var word in index.TypoVocabularyWords)
            {
                _ = index.SimilarWords(word, shortWordLookup: true);
            }

            Console.WriteLine($"memo filled first in {Stopwatch.GetElapsedTime(fillStart).TotalSeconds:0.0} s");
        }

        foreach (var q in queries)
        {
            var stages = screenFirst ? [] : Stages(q.Name, index, algorithm, options);

            // The whole screening, and the whole screening comparing every candidate in full (without the bound), in turns first.
            var fullFirst = !screenFirst && rows.Count > 0 && rows["all"].Count % 2 == 1;
            var full = fullFirst ? await ScreenCpuAsync(engine, q.Name, compareEveryCandidate: true) : 0;
            var start = Stopwatch.GetTimestamp();
            var screenCpu = await ScreenCpuAsync(engine, q.Name, compareEveryCandidate: false);
            var screen = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            full = fullFirst ? full : await ScreenCpuAsync(engine, q.Name, compareEveryCandidate: true);
            if (screenFirst)
            {
                stages = Stages(q.Name, index, algorithm, options);
            }

            foreach (var key in new[] { q.Script, "all" })
            {
                if (!rows.TryGetValue(key, out var list))
                {
                    rows[key] = list = [];
                }

                list.Add([.. stages, screenCpu, screen, full]);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} queries (seed 20211), one thread; times in us, p50 / mean; stages in the thread's processor time, the whole screening also in elapsed time"));
        Console.WriteLine("| script | queries | forms | candidates | of which the bound rules out | normalise | candidates look-up | scoring every candidate | scoring per name | bound per name | whole screening (processor) | whole screening (elapsed) | whole screening without the bound (processor) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (script, list) in rows.OrderBy(p => p.Key == "all" ? "~" : p.Key, StringComparer.Ordinal))
        {
            double P50(int column) => list.Select(r => r[column]).Order().ElementAt(list.Count / 2);
            double Mean(int column) => list.Average(r => r[column]);
            var perName = list.Sum(r => r[4]) / Math.Max(1, list.Sum(r => r[1]));
            var boundPerName = list.Sum(r => r[6]) / Math.Max(1, list.Sum(r => r[1]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {script} | {list.Count} | {Mean(0):0.0} | {Mean(1):0.0} | {Mean(5):0.0} | {P50(2):0} / {Mean(2):0} | {P50(3):0} / {Mean(3):0} | {P50(4):0} / {Mean(4):0} | {perName:0.00} | {boundPerName:0.00} | {P50(7):0} / {Mean(7):0} | {P50(8):0} / {Mean(8):0} | {P50(9):0} / {Mean(9):0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memo of the misspelling look-up after these queries: {index.SimilarMemoCount} results kept, about {index.SimilarMemoBytes() / 1024.0 / 1024.0:0.0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memo of the look-up by sound after these queries: {index.SoundRunMemoCount} groups of runs, {index.SoundRunMemoWords} words"));
        if (args.Contains("--fill-memo"))
        {
            // Every word of the typo vocabulary looked up both ways: the most the memo can hold.
            var start = Stopwatch.GetTimestamp();
            foreach (var word in index.TypoVocabularyWords)
            {
                _ = index.SimilarWords(word, shortWordLookup: true);
                _ = index.SimilarWords(word, shortWordLookup: false);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memo filled for all {index.TypoVocabularyWords.Count} words in {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s: {index.SimilarMemoCount} results kept, about {index.SimilarMemoBytes() / 1024.0 / 1024.0:0.0} MB"));
        }

        return 0;
    }

    // Each query's stages twice in a row, the bound's memos of the first forgotten before the second: the first meets the index
    // as a new query does (most of what it reads is not in the processor's caches), the second reads what the first just read.
    // The difference is the time a stage waits for memory (and, for the look-up, the misspelling memo's first fill).
    private static int ColdAndWarm(IReadOnlyList<Query> queries, Indexing.CandidateIndex index, NameMatchAlgorithm algorithm, ScreeningOptions options)
    {
        var rows = new Dictionary<string, List<(double[] Cold, double[] Warm)>>(StringComparer.Ordinal);
        foreach (var q in queries)
        {
            var cold = Stages(q.Name, index, algorithm, options);
            NameScorer.ForgetBoundMemos();
            var warm = Stages(q.Name, index, algorithm, options);
            foreach (var key in new[] { q.Script, "all" })
            {
                if (!rows.TryGetValue(key, out var list))
                {
                    rows[key] = list = [];
                }

                list.Add((cold, warm));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} queries (seed 20211), one thread, each query's stages run twice in a row; thread processor time, p50 (us), first / second"));
        Console.WriteLine("| script | queries | candidates look-up | scoring every candidate | bound of every candidate |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (script, list) in rows.OrderBy(p => p.Key == "all" ? "~" : p.Key, StringComparer.Ordinal))
        {
            string Pair(int column) => string.Create(CultureInfo.InvariantCulture,
                $"{list.Select(r => r.Cold[column]).Order().ElementAt(list.Count / 2):0} / {list.Select(r => r.Warm[column]).Order().ElementAt(list.Count / 2):0}");
            Console.WriteLine($"| {script} | {list.Count} | {Pair(3)} | {Pair(4)} | {Pair(6)} |");
        }

        return 0;
    }

    // The step-by-step read-ahead of candidates (CandidateIndex.PrefetchAhead) against each name's first parts read in turn, in one
    // process: each query of the mix (after 500 screened to warm up) is screened once each way, in two passes, the way of the first
    // drawn at random, so that both meet the same queries on the same machine at the same time; elapsed time per screening, by script.
    private static async Task<int> ReadAheadAbAsync(RealCorpus corpus, IReadOnlyList<Query> queries)
    {
        using var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        await engine.RefreshAsync();
        foreach (var q in queries.Take(500))
        {
            await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
        }

        var random = new Random(20211);
        var first = queries.Skip(500).Select(_ => random.Next(2) == 1).ToArray();
        var times = new Dictionary<(string Script, bool Ahead), List<double>>();
        try
        {
            // Two passes over the mix, the second with every choice turned over: each query is screened once each way, a pass
            // apart (20,000 screenings), so that what one screening leaves in the caches is long gone at the next.
            for (var pass = 0; pass < 2; pass++)
            {
                var at = 0;
                foreach (var q in queries.Skip(500))
                {
                    var ahead = first[at++] ^ (pass == 1);
                    Indexing.CandidateIndex.PrefetchAhead = ahead;
                    var started = Stopwatch.GetTimestamp();
                    await engine.ScreenAsync(ScreeningRequest.ForParty(q.Name));
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    foreach (var key in new[] { (q.Script, ahead), ("all", ahead) })
                    {
                        if (!times.TryGetValue(key, out var list))
                        {
                            times[key] = list = [];
                        }

                        list.Add(elapsed);
                    }
                }
            }
        }
        finally
        {
            Indexing.CandidateIndex.PrefetchAhead = true;
        }

        Console.WriteLine($"{queries.Count - 500} queries (seed 20211), one thread, two passes: each query screened once with the step-by-step read-ahead and once without, in a pass drawn at random; elapsed us");
        Console.WriteLine("| script | screenings without / with | p50 without | p50 with | mean without | mean with | p90 without | p90 with | p50 with ÷ without | mean with ÷ without |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var script in new[] { "latin", "cyrillic", "han", "hangul", "all" })
        {
            if (!times.TryGetValue((script, false), out var without) || !times.TryGetValue((script, true), out var with))
            {
                continue;
            }

            var a = without.Order().ToArray();
            var b = with.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {script} | {a.Length} / {b.Length} | {a[a.Length / 2]:0.0} | {b[b.Length / 2]:0.0} | {a.Average():0.0} | {b.Average():0.0} | {a[a.Length * 9 / 10]:0.0} | {b[b.Length * 9 / 10]:0.0} | {b[b.Length / 2] / a[a.Length / 2]:0.000} | {b.Average() / a.Average():0.000} |"));
        }

        return 0;
    }

    // Checks the bound of NameScorer.MayReach on every candidate of every query, under every token-alignment rule set: a candidate
    // it rules out must score below the review threshold and not be contained.
    private static async Task<int> CheckBoundAsync(RealCorpus corpus, IReadOnlyList<Query> queries)
    {
        using var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        await engine.RefreshAsync();
        var index = engine.Datasets.Current!.State.Index;
        var threshold = new ScreeningOptions().ReviewThreshold;
        long pairs = 0, ruledOut = 0, wrong = 0;
        foreach (var rules in NameScoringRules.All)
        {
            var algorithm = NameMatchAlgorithms.Get(rules.Name);
            foreach (var q in queries)
            {
                foreach (var variant in Screener.Windows(NameNormalizer.Normalize(q.Name)))
                {
                    foreach (var id in index.FindCandidates(variant, 64))
                    {
                        var candidate = index.Names[id];
                        var scored = algorithm.Score(new NameMatchInput(q.Name, variant), new NameMatchInput(candidate.Name.Value, candidate.Normalized), index);
                        pairs++;
                        if (!NameScorer.MayReach(variant, candidate.Normalized, index, rules, threshold, index.FactsOf(id)))
                        {
                            ruledOut++;
                            if (scored.Score >= threshold || scored.CandidateContained)
                            {
                                wrong++;
                                Console.WriteLine($"{rules.Name}: \"{q.Name}\" [{variant.Key}] / \"{candidate.Name.Value}\": {scored.Score}, contained {scored.CandidateContained}");
                            }
                        }
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queries.Count} queries, {pairs} candidate pairs under {NameScoringRules.All.Count} rule sets, {ruledOut} ruled out by the bound, {wrong} of them wrongly"));
        return wrong == 0 ? 0 : 1;
    }

    private static async Task<double> ScreenCpuAsync(ScreeningEngine engine, string name, bool compareEveryCandidate)
    {
        Screener.CompareEveryCandidate.Value = compareEveryCandidate;
        try
        {
            var cpu = ThreadCpuMicroseconds();
            await engine.ScreenAsync(ScreeningRequest.ForParty(name));
            return ThreadCpuMicroseconds() - cpu;
        }
        finally
        {
            Screener.CompareEveryCandidate.Value = false;
        }
    }

    // forms, candidates, normalise us, look-up us, scoring us
    private static double[] Stages(string name, Indexing.CandidateIndex index, NameMatchAlgorithm algorithm, ScreeningOptions options)
    {
        var start = ThreadCpuMicroseconds();
        var variants = NameNormalizer.Normalize(name);
        var normalize = ThreadCpuMicroseconds() - start;
        double lookUp = 0, scoring = 0, forms = 0, candidates = 0, ruledOut = 0, bounding = 0;
        foreach (var variant in Screener.Windows(variants))
        {
            forms++;
            var t0 = ThreadCpuMicroseconds();
            var ids = index.FindCandidates(variant, options.MaxCandidates, null);
            var t1 = ThreadCpuMicroseconds();
            foreach (var id in ids)
            {
                var candidate = index.Names[id];
                _ = algorithm.Score(new NameMatchInput(name, variant), new NameMatchInput(candidate.Name.Value, candidate.Normalized), index);
            }

            var t2 = ThreadCpuMicroseconds();
            foreach (var id in ids)
            {
                ruledOut += NameScorer.MayReach(variant, index.Names[id].Normalized, index, NameScoringRules.Default, options.ReviewThreshold, index.FactsOf(id)) ? 0 : 1;
            }

            bounding += ThreadCpuMicroseconds() - t2;
            candidates += ids.Count;
            lookUp += t1 - t0;
            scoring += t2 - t1;
        }

        return [forms, candidates, normalize, lookUp, scoring, ruledOut, bounding];
    }

    // The processor time of the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID), which other processes on a shared machine do not
    // add to; the elapsed time where it is not available.
    private static double ThreadCpuMicroseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var time) == 0)
        {
            return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
        }

        return Stopwatch.GetTimestamp() * 1e6 / Stopwatch.Frequency;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // The script an option names, when it is given: a problem to report when it names none or one not among those allowed.
    private static string? ScriptOption(string[] args, string option, string[] allowed, out string? script)
    {
        script = ThroughputHarness.StringOption(args, option);
        if (!args.Contains(option) || (script is not null && allowed.Contains(script)))
        {
            return null;
        }

        var names = string.Join(", ", allowed[..^1]) + " or " + allowed[^1];
        return script is null ? $"{option} needs a script ({names})" : $"{option} {script}: not one of the scripts it takes ({names})";
    }

    // The queries of one script of the mix, or every query for "all".
    private static IEnumerable<Query> OfScript(IReadOnlyList<Query> queries, string script) =>
        script == "all" ? queries : queries.Where(q => q.Script == script);

    // The processor time of twelve rounds of some work on this thread, least first; what is to be done before each round is not
    // timed.
    private static List<double> TwelveRounds(Action round, Action? before = null)
    {
        var times = new List<double>();
        for (var r = 0; r < 12; r++)
        {
            before?.Invoke();
            var start = ThreadCpuMicroseconds();
            round();
            times.Add(ThreadCpuMicroseconds() - start);
        }

        times.Sort();
        return times;
    }

    // --bound-only SCRIPT: the bound alone (NameScorer.MayReach, at the review threshold) over every candidate of every form of
    // the queries of one script ("all" for every query), looked up once; then twelve rounds over all of them, each in the
    // thread's processor time, and the least and the median per candidate. The bound keeps what it works out for one query
    // (the pairs of each candidate word, the answers of twin names) until the next, so every round works each query out anew,
    // as a screening does: for comparing two builds' bound on the same candidates, with little else in the time.
    private static int BoundOnly(IReadOnlyList<Query> queries, Indexing.CandidateIndex index, ScreeningOptions options, string script)
    {
        var work = new List<(NormalizedName Variant, int[] Ids)>();
        foreach (var q in OfScript(queries, script))
        {
            foreach (var variant in Screener.Windows(NameNormalizer.Normalize(q.Name)))
            {
                work.Add((variant, [.. index.FindCandidates(variant, options.MaxCandidates, null)]));
            }
        }

        var total = work.Sum(w => w.Ids.Length);
        if (total == 0)
        {
            Console.Error.WriteLine($"stages: --bound-only {script}: no query of that script has a candidate");
            return 2;
        }

        var names = 0;
        var times = TwelveRounds(() =>
        {
            names = 0;
            foreach (var (variant, ids) in work)
            {
                foreach (var id in ids)
                {
                    names += NameScorer.MayReach(variant, index.Names[id].Normalized, index, NameScoringRules.Default, options.ReviewThreshold, index.FactsOf(id)) ? 1 : 0;
                }
            }
        });
        Console.WriteLine($"bound-only {script}: {work.Count} forms, {total} candidates, {names} may reach; per candidate min {times[0] / total:0.000} us, median {times[times.Count / 2] / total:0.000} us");
        return 0;
    }

    // --sound-only SCRIPT: the look-up by sound alone (the Latin words that sound like a transliterated form) for every form of
    // the queries of one script ("all" for every query) read from another script; twelve rounds over all of them, each in the
    // thread's processor time, the memo of the look-up emptied before each round (so that a round meets each group of runs for
    // the first time as a new query does, and its repeats within the round as a run of screenings does), and the least and the
    // median per form: for comparing two builds' look-up on the same forms.
    private static int SoundOnly(IReadOnlyList<Query> queries, Indexing.CandidateIndex index, string script)
    {
        var work = OfScript(queries, script).SelectMany(q => Screener.Windows(NameNormalizer.Normalize(q.Name))).Where(v => v.IsTransliteration).ToList();
        if (work.Count == 0)
        {
            Console.Error.WriteLine($"stages: --sound-only {script}: no query of that script has a form read from another script");
            return 2;
        }

        var words = 0;
        var found = new List<(string Word, double Weight)>();
        var times = TwelveRounds(
            () =>
            {
                words = 0;
                found.Clear();
                foreach (var variant in work)
                {
                    var alike = index.SoundAlikeWords(variant);
                    words += alike.Count;
                    found.AddRange(alike);
                }
            },
            before: index.ForgetSoundRuns);

        // A digest of every word found with its weight, in order: two builds whose look-ups find the same print the same.
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', found.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Word}\t{f.Weight:R}"))))))[..16];
        Console.WriteLine($"sound-only {script}: {work.Count} forms, {words} words found (digest {digest}); per form min {times[0] / work.Count:0.00} us, median {times[times.Count / 2] / work.Count:0.00} us");
        return 0;
    }

    // --misspelling-only SCRIPT: the misspelling look-up alone (CandidateIndex.SimilarWords, as a query of the form's kind looks
    // its tokens up) of every token of the forms of the queries of one script that a look-up takes for misspellings (four
    // letters or more, not a number nor an ideograph) and that is not a word of the typo vocabulary: the look-ups a screening
    // works out each time, as the memo keeps only those of the vocabulary's words. Twelve rounds over all of them, each in the
    // thread's processor time, and the least and the median per token.
    private static int MisspellingOnly(IReadOnlyList<Query> queries, Indexing.CandidateIndex index, string script)
    {
        var vocabulary = new HashSet<string>(index.TypoVocabularyWords, StringComparer.Ordinal);
        var work = OfScript(queries, script).SelectMany(q => Screener.Windows(NameNormalizer.Normalize(q.Name)))
            .SelectMany(v => v.Tokens.Where(t => Indexing.CandidateIndex.IsLookedUpForMisspellings(t) && !vocabulary.Contains(t.Text))
                .Select(t => (t.Text, ShortWordLookup: !v.IsTransliteration)))
            .ToList();
        if (work.Count == 0)
        {
            Console.Error.WriteLine($"stages: --misspelling-only {script}: no query of that script has a token to look up that is not a vocabulary word");
            return 2;
        }

        var words = 0;
        var times = TwelveRounds(() =>
        {
            words = 0;
            foreach (var (token, shortWordLookup) in work)
            {
                words += index.SimilarWords(token, shortWordLookup).Length;
            }
        });
        Console.WriteLine($"misspelling-only {script}: {work.Count} tokens, {words} words found; per token min {times[0] / work.Count:0.00} us, median {times[times.Count / 2] / work.Count:0.00} us");
        return 0;
    }
}

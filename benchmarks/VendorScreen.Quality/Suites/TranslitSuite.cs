namespace VendorScreen.Quality.Suites;

/// <summary>Cross-script recall on Wikidata name-token transliteration pairs, with shuffled pairs as negatives.</summary>
internal sealed class TranslitSuite : ISuite
{
    private static readonly string[] Scripts = ["arabic", "chinese", "hebrew", "katakana", "korean", "russian"];

    public string Name => "translit";

    public string Title => "Wikidata transliteration token pairs: recall per script, shuffled pairs as negatives";

    public Task<SuiteReport> RunAsync(QualityContext context)
    {
        var report = new SuiteReport(Name, Title);
        var t = context.Threshold;
        var table = new Table("script", "pairs", "recall", "false-positive rate", "precision (1:1)", "mean score pos / neg");
        var worst = new List<(string Script, string English, string Native, double Score, bool IsMatch)>();
        var sampleNote = string.Empty;
        foreach (var script in Scripts)
        {
            var path = context.Eval($"wikidata-name-transliteration/wd_{script}_20.tsv");
            if (!File.Exists(path))
            {
                continue;
            }

            var pairs = File.ReadLines(path)
                .Select(l => l.Split('\t'))
                .Where(p => p.Length >= 2 && p[0].Length > 0)
                .Select(p => (English: p[0], Native: p[1].Replace(" ", string.Empty, StringComparison.Ordinal)))
                .ToList();
            var n = context.SampleSize(pairs.Count, 4000);

            // An even spread over the file rather than its head (files are not sorted by difficulty, but this keeps samples stable).
            var step = pairs.Count / (double)n;
            var sample = Enumerable.Range(0, n).Select(i => pairs[(int)(i * step)]).ToList();
            sampleNote = $"sample {n} of each file (--limit N to change)";
            var rng = new Random(20240607);
            var shuffled = sample.Select(p => p.English).OrderBy(_ => rng.Next()).ToList();
            var positives = new double[n];
            var negatives = new double[n];
            var negativeEnglish = new string[n];
            Parallel.For(0, n, i =>
            {
                positives[i] = PairScorer.Score(sample[i].English, sample[i].Native);
                var other = shuffled[i];
                if (string.Equals(other, sample[i].English, StringComparison.OrdinalIgnoreCase))
                {
                    other = shuffled[(i + 1) % n];
                }

                negativeEnglish[i] = other;
                negatives[i] = string.Equals(other, sample[i].English, StringComparison.OrdinalIgnoreCase) ? 0 : PairScorer.Score(other, sample[i].Native);
            });

            var counts = Metrics.At(positives.Select(s => new ScoredCase(s, true)).Concat(negatives.Select(s => new ScoredCase(s, false))), t);
            table.Row(script, n, counts.Recall, counts.FalsePositiveRate, counts.Precision, $"{Format.Number(positives.Average())} / {Format.Number(negatives.Average())}");
            report.Figure(script + "_recall", counts.Recall);
            report.Figure(script + "_fpr", counts.FalsePositiveRate);
            report.Figure(script + "_precision", counts.Precision);
            for (var i = 0; i < n; i++)
            {
                worst.Add((script, sample[i].English, sample[i].Native, positives[i], true));
                worst.Add((script, negativeEnglish[i], sample[i].Native, negatives[i], false));
            }
        }

        report.Line($"English token vs native-script token (spaces removed); {sampleNote}; a pair matches when score >= {Format.Number(t)}");
        report.Table(table);

        // The 80 renderings of one sanctioned name in many scripts.
        var putinPath = context.Eval("nomenklatura-bench/putin_names.txt");
        if (File.Exists(putinPath))
        {
            var names = File.ReadAllLines(putinPath).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var targets = new[] { "Vladimir Vladimirovich PUTIN", "PUTIN, Vladimir", "Vladimir Putin" };
            var scores = names.Select(n => (Name: n, Best: PairScorer.Best([n], targets))).ToList();
            var found = scores.Count(s => s.Best.Score >= t);
            report.Line($"putin_names.txt: {found}/{names.Count} renderings reach {Format.Number(t)} against \"Vladimir Vladimirovich PUTIN\" / \"PUTIN, Vladimir\"");
            report.Figure("putin_recall", names.Count == 0 ? 0 : found / (double)names.Count);
            worst.AddRange(scores.Select(s => ("putin", s.Name, s.Best.Right.Length > 0 ? s.Best.Right : targets[0], s.Best.Score, true)));
        }

        // Worst: the two lowest-scoring true pairs of each script (first in sample order on ties), then the highest-scoring shuffled pairs.
        foreach (var g in worst.Where(w => w.IsMatch && w.Score < t).GroupBy(w => w.Script))
        {
            report.Worst.AddRange(g.OrderBy(w => w.Score).Take(2).Select(w => new WorstCase(w.English, w.Native, w.Score, "miss", w.Script)));
        }

        report.Worst.AddRange(worst.Where(w => !w.IsMatch && w.Score >= t).OrderByDescending(w => w.Score).Take(4)
            .Select(w => new WorstCase(w.English, w.Native, w.Score, "false alert", w.Script + " (shuffled pair)")));
        return Task.FromResult(report);
    }
}

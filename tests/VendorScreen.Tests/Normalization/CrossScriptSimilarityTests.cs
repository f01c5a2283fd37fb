using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

/// <summary>
/// The similarity of a Latin word to runs of a transliterated name that extend each other (the runs from one syllable) comes from
/// one edit cost, and equals the similarity to each run computed alone, early stop and all; the edit cost computed only within its
/// limit gives the similarity of the whole edit cost.
/// </summary>
public sealed class CrossScriptSimilarityTests
{
    [Fact]
    public async Task RunSimilarities_RunsThatExtendEachOther_PreparedOnceForManyWords_EqualEachRunAlone()
    {
        // One set of runs prepared and read for many Latin words in turn, as a screening reads a transliterated name's runs for
        // the words of every candidate: each similarity must be the run's own, early stop and all, whether the least costs of
        // the word's codes ruled every run out before any row (counted) or the rows were computed.
        var words = (await Indexing.CandidateIndexSoundAlikeTests.EmbeddedSoundVocabularyAsync()).Words;
        var random = new Random(20261202);
        var similarities = new double[8];
        var prepared = new CrossScriptSimilarity.PreparedRuns();
        var compared = 0;
        var similar = 0;
        var ruledOut = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic, NameScript.Kana, NameScript.Arabic })
        {
            for (var sample = 0; sample < 100; sample++)
            {
                // One to three words read as a transliteration, or a word with a vowel and another word after it (so that some
                // runs are similar): the runs are the codes cut after some of their letters.
                var word = words[random.Next(words.Length)];
                var text = random.Next(2) == 0 ? word + "a" + words[random.Next(words.Length)] : string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
                var codes = CrossScriptKey.Native(text, script);
                var ends = Enumerable.Range(0, codes.Length + 1).Where(_ => random.Next(3) == 0).Take(7).Append(codes.Length).Distinct().ToArray();
                prepared.Prepare(codes, ends, script);
                for (var w = 0; w < 20; w++)
                {
                    // The sample's own word, its first two letters, the start of the text, and words drawn at random (mostly not
                    // similar).
                    var latinWord = w switch
                    {
                        0 => word,
                        1 => word[..Math.Min(word.Length, 2)],
                        2 => text[..Math.Min(text.Length, 3 + random.Next(6))],
                        _ => words[random.Next(words.Length)],
                    };
                    var latin = CrossScriptKey.Latin(latinWord);
                    var latinMass = CrossScriptSimilarity.LatinMass(latin);
                    CrossScriptSimilarity.RunSimilarities(latin, latinMass, prepared, script, similarities);

                    var least = latin.Sum(prepared.LeastLatinCost);
                    var mostAllowed = ends.Max(end => CrossScriptSimilarity.EditCostLimit(latinMass, CrossScriptSimilarity.NativeMass(codes.AsSpan(0, end), script), script, CrossScriptSimilarity.MinSimilarity));
                    ruledOut += latin.Length >= 2 && latinMass >= 1 && least > mostAllowed + 1e-9 ? 1 : 0;
                    for (var r = 0; r < ends.Length; r++)
                    {
                        var alone = CrossScriptSimilarity.CodeSimilarity(latin, codes[..ends[r]], script);
                        similarities[r].Should().Be(alone, "the similarity of {0} to {1} ({2}) must be its own", latin, codes[..ends[r]], script);
                        similar += alone > 0 ? 1 : 0;
                        compared++;
                    }
                }
            }
        }

        compared.Should().BeGreaterThan(10_000);
        similar.Should().BeGreaterThan(300);
        ruledOut.Should().BeGreaterThan(1_000, "most random words are ruled out by the least costs of their codes alone");
    }

    [Theory]
    [InlineData(new int[0], "as long as the codes")]
    [InlineData(new[] { 2, 3 }, "as long as the codes")]
    [InlineData(new[] { 3, 2, 4 }, "increasing order")]
    [InlineData(new[] { -1, 4 }, "increasing order")]
    public void PreparedRuns_RunsThatDoNotExtendEachOtherToTheCodes_AreRefusedWithAClearError(int[] ends, string reason)
    {
        var prepare = () => new CrossScriptSimilarity.PreparedRuns().Prepare("kima", ends, NameScript.Hangul);

        prepare.Should().Throw<ArgumentException>().WithParameterName(nameof(ends)).WithMessage($"*{reason}*");
    }

    [Fact]
    public async Task CodeSimilarity_RowsComputedOnlyWithinTheLimit_EqualTheWholeEditCost()
    {
        // The similarity computes each row of the edit cost only over the columns that can stay within its limit; computed here
        // over every column of every row, without stopping, the cost must give the same similarity.
        var words = (await Indexing.CandidateIndexSoundAlikeTests.EmbeddedSoundVocabularyAsync()).Words;
        var random = new Random(20261203);
        var compared = 0;
        var similar = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic, NameScript.Kana, NameScript.Arabic })
        {
            for (var sample = 0; sample < 1_000; sample++)
            {
                var word = words[random.Next(words.Length)];
                var other = random.Next(3) == 0 ? word : words[random.Next(words.Length)];
                var text = random.Next(2) == 0 ? other + "a" : other[..Math.Max(1, other.Length - random.Next(3))];
                var latin = CrossScriptKey.Latin(word);
                var codes = CrossScriptKey.Native(text, script);

                var similarity = CrossScriptSimilarity.CodeSimilarity(latin, codes, script);

                var whole = WholeCostSimilarity(latin, codes, script);
                similarity.Should().Be(whole, "the similarity of {0} to {1} ({2}) must be that of the whole edit cost", latin, codes, script);
                similar += whole > 0 ? 1 : 0;
                compared++;
            }
        }

        compared.Should().Be(5_000);
        similar.Should().BeGreaterThan(500);
    }

    [Fact]
    public async Task NextEditRowWithin_RowsWithinALimit_AgreeCellByCellWithAPlainEditCost()
    {
        // Rows written only within a limit, each from the columns the row before kept (as the trie walks and the similarity write
        // them), against a plain edit cost computed here from the cost of each gap and substitution: every cell whose cost is at
        // most the limit lies in the columns kept and is exact, no cell kept is below its cost, and the least cell returned is the
        // row's least whenever that is within the limit.
        var words = (await Indexing.CandidateIndexSoundAlikeTests.EmbeddedSoundVocabularyAsync()).Words;
        var random = new Random(20261204);
        var limits = new[] { 0.3, 0.8, 1.5, 2.5, 4.0, double.PositiveInfinity };
        int rows = 0, exactCells = 0, narrowed = 0, stopped = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic, NameScript.Kana, NameScript.Arabic, NameScript.Hebrew })
        {
            for (var sample = 0; sample < 500; sample++)
            {
                var word = words[random.Next(words.Length)];
                var other = random.Next(3) == 0 ? word : words[random.Next(words.Length)];
                var latin = CrossScriptKey.Latin(word);
                var codes = CrossScriptKey.Native(random.Next(2) == 0 ? other + "a" : other, script);
                var limit = limits[random.Next(limits.Length)];
                var plain = PlainEditCost(latin, codes, script);

                var width = codes.Length + 1;
                var previous = new double[width];
                var current = new double[width];
                var gaps = new double[codes.Length];
                CrossScriptSimilarity.FirstEditRow(codes, script, previous, gaps);
                var first = 0;
                var last = 0;
                while (last < codes.Length && previous[last + 1] <= limit)
                {
                    last++;
                }

                for (var i = 1; i <= latin.Length; i++)
                {
                    narrowed += first > 0 || last < codes.Length ? 1 : 0;
                    var least = CrossScriptSimilarity.NextEditRowWithin(latin[i - 1], codes, script, gaps, previous, first, last, current, limit, out first, out last);
                    rows++;
                    var trueLeast = double.PositiveInfinity;
                    for (var j = 0; j < width; j++)
                    {
                        var cost = plain[i, j];
                        trueLeast = Math.Min(trueLeast, cost);
                        if (cost <= limit)
                        {
                            j.Should().BeInRange(first, last, "cell ({0}, {1}) of {2} / {3} ({4}) costs {5}, within the limit {6}", i, j, latin, codes, script, cost, limit);
                            current[j].Should().Be(cost, "cell ({0}, {1}) of {2} / {3} ({4}) is within the limit {5}", i, j, latin, codes, script, limit);
                            exactCells++;
                        }
                        else if (j >= first && j <= last && first >= 0)
                        {
                            current[j].Should().BeGreaterThanOrEqualTo(cost, "no cell kept is below its cost");
                        }
                    }

                    if (trueLeast <= limit)
                    {
                        least.Should().Be(trueLeast, "the least cell of row {0} of {1} / {2} ({3}) is within the limit {4}", i, latin, codes, script, limit);
                    }
                    else
                    {
                        least.Should().BeGreaterThan(limit);
                        first.Should().Be(-1);
                        last.Should().Be(-1);
                        stopped++;
                        break;
                    }

                    (previous, current) = (current, previous);
                }
            }
        }

        rows.Should().BeGreaterThan(5_000);
        exactCells.Should().BeGreaterThan(20_000);
        narrowed.Should().BeGreaterThan(1_000, "rows computed from a row narrowed by its limit");
        stopped.Should().BeGreaterThan(500, "rows whose every cell is above the limit");
    }

    [Fact]
    public async Task PrefixMasses_OfRunsThatExtendEachOther_EqualEachRunsOwnMass()
    {
        var words = (await Indexing.CandidateIndexSoundAlikeTests.EmbeddedSoundVocabularyAsync()).Words;
        var random = new Random(20261205);
        var masses = new double[8];
        var compared = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic, NameScript.Hebrew, NameScript.Arabic })
        {
            for (var sample = 0; sample < 200; sample++)
            {
                var codes = CrossScriptKey.Native(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)])), script);
                var ends = Enumerable.Range(0, codes.Length + 1).Where(_ => random.Next(3) == 0).Take(7).Append(codes.Length).Distinct().ToArray();

                CrossScriptSimilarity.PrefixMasses(codes, ends, script, masses);

                for (var r = 0; r < ends.Length; r++)
                {
                    masses[r].Should().Be(CrossScriptSimilarity.NativeMass(codes.AsSpan(0, ends[r]), script), "the mass of the first {0} codes of {1} ({2})", ends[r], codes, script);
                    compared++;
                }
            }
        }

        compared.Should().BeGreaterThan(2_000);
    }

    // The edit cost of Latin codes against transliterated codes, every cell of every row, from the cost of each gap and
    // substitution (a code outside ASCII on either side substitutes at cost 1).
    private static double[,] PlainEditCost(string latin, string codes, NameScript script)
    {
        var cost = new double[latin.Length + 1, codes.Length + 1];
        var gaps = new double[codes.Length];
        var firstRow = new double[codes.Length + 1];
        CrossScriptSimilarity.FirstEditRow(codes, script, firstRow, gaps);
        for (var j = 1; j <= codes.Length; j++)
        {
            cost[0, j] = cost[0, j - 1] + gaps[j - 1];
        }

        for (var i = 1; i <= latin.Length; i++)
        {
            var a = latin[i - 1];
            var gap = CrossScriptSimilarity.LatinGap(a, script);
            cost[i, 0] = cost[i - 1, 0] + gap;
            for (var j = 1; j <= codes.Length; j++)
            {
                var b = codes[j - 1];
                var substitution = a < 128 && b < 128 ? CrossScriptSimilarity.SubstitutionCost(a, b, script) : 1;
                cost[i, j] = Math.Min(Math.Min(cost[i - 1, j] + gap, cost[i, j - 1] + gaps[j - 1]), cost[i - 1, j - 1] + substitution);
            }
        }

        return cost;
    }

    // The similarity of the whole edit cost: every cell of every row, with no limit and no early stop.
    private static double WholeCostSimilarity(string latin, string codes, NameScript script)
    {
        var latinMass = CrossScriptSimilarity.LatinMass(latin);
        var nativeMass = CrossScriptSimilarity.NativeMass(codes, script);
        if (latin.Length < 2 || latinMass < 1 || nativeMass < 1)
        {
            return 0;
        }

        var previous = new double[codes.Length + 1];
        var current = new double[codes.Length + 1];
        var gaps = new double[codes.Length];
        CrossScriptSimilarity.FirstEditRow(codes, script, previous, gaps);
        foreach (var code in latin)
        {
            CrossScriptSimilarity.NextEditRow(code, codes, script, gaps, previous, current);
            (previous, current) = (current, previous);
        }

        return CrossScriptSimilarity.SimilarityOfEditCost(previous[codes.Length], latinMass, nativeMass, script);
    }
}

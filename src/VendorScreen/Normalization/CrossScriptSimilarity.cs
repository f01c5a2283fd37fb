using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace VendorScreen.Normalization;

/// <summary>
/// Compares a Latin token with a token transliterated from another script: both are spelled as sound codes
/// (<see cref="CrossScriptKey"/>) and aligned by an edit distance whose costs follow the source script's transcription
/// conventions (Chinese writes English b and p alike and adds vowels between consonants; Korean writes f as p; kana has no l;
/// Arabic and Hebrew leave short vowels out and write o and u with the letter waw).
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CrossScriptSimilarity
{
    /// <summary>The similarity of two tokens whose sound codes agree exactly: a little less than an exact spelling match.</summary>
    public const double MaxSimilarity = 0.96;

    /// <summary>The similarity at the largest distance that still counts as a match: a one-word name matched this weakly just
    /// reaches the match threshold after the scorer's one-word discount.</summary>
    public const double MinSimilarity = 0.89;

    internal static readonly (string Pair, double Cost)[] General =
    [
        ("pb", 0.3), ("td", 0.3), ("kg", 0.3), ("sz", 0.3), ("fv", 0.3), ("SZ", 0.3), ("CJ", 0.3), ("SC", 0.3), ("ZJ", 0.2), ("sS", 0.4),
        ("zZ", 0.4), ("Ts", 0.3), ("Tz", 0.3), ("Tc", 0.1), ("TC", 0.3), ("ck", 0.15), ("cs", 0.15), ("cC", 0.25), ("cS", 0.4), ("cz", 0.3),
        ("vw", 0.2), ("fp", 0.6), ("bv", 0.4), ("tQ", 0.2), ("sQ", 0.3), ("dQ", 0.4), ("fQ", 0.6), ("kx", 0.3), ("hx", 0.2), ("Cx", 0.3),
        ("gx", 0.5), ("kC", 0.4), ("lr", 0.5), ("nN", 0.2), ("mn", 0.5), ("yJ", 0.3), ("yi", 0.2), ("ye", 0.3), ("wu", 0.2), ("wo", 0.3),
        ("Ji", 0.4), ("Jg", 0.5), ("hg", 0.6), ("ie", 0.1), ("ou", 0.1), ("Jz", 0.4), ("hk", 0.6), ("xS", 0.5)
    ];

    internal static readonly (string Pair, double Cost)[] HanCosts =
    [
        ("bp", 0.1), ("dt", 0.1), ("gk", 0.1), ("fv", 0.1), ("wv", 0.1), ("wf", 0.5), ("lr", 0.15), ("lR", 0.15),
        ("jJ", 0.1), ("jg", 0.3), ("jk", 0.3), ("jZ", 0.2), ("jz", 0.3), ("jy", 0.3), ("jC", 0.3), ("jd", 0.5), ("jc", 0.3),
        ("qC", 0.1), ("qk", 0.3), ("qc", 0.2), ("qT", 0.3), ("qJ", 0.3), ("qS", 0.4), ("qt", 0.5),
        ("Xs", 0.15), ("XS", 0.1), ("Xh", 0.2), ("Xx", 0.2), ("Xc", 0.2), ("Xz", 0.3), ("XQ", 0.3), ("Xk", 0.4), ("XC", 0.3), ("XZ", 0.3),
        ("Tc", 0.1), ("Ts", 0.3), ("TC", 0.3), ("Tz", 0.2), ("Tk", 0.5),
        ("zT", 0.2), ("zs", 0.2), ("zJ", 0.2), ("zZ", 0.2), ("zd", 0.4), ("zc", 0.3),
        ("hx", 0.1), ("hk", 0.4), ("hf", 0.5), ("nm", 0.2), ("Nn", 0.15), ("Nm", 0.3), ("sQ", 0.15), ("tQ", 0.2), ("dQ", 0.3), ("Ss", 0.2),
        ("JZ", 0.1), ("Jz", 0.3), ("Jg", 0.4), ("JC", 0.2), ("SC", 0.2), ("Cc", 0.2), ("Ck", 0.4), ("wu", 0.1), ("wo", 0.2), ("yi", 0.1),
        ("ye", 0.2), ("Rr", 0), ("QS", 0.3), ("qz", 0.4), ("hC", 0.4)
    ];

    internal static readonly (string Pair, double Cost)[] HangulCosts =
    [
        ("bp", 0.15), ("bv", 0.1), ("pf", 0.1), ("dt", 0.15), ("gk", 0.15), ("Jz", 0.2), ("JZ", 0.2), ("CT", 0.3), ("Cc", 0.2), ("sQ", 0.15),
        ("dQ", 0.3), ("tQ", 0.2), ("lr", 0.1), ("sS", 0.2), ("hf", 0.4), ("Jg", 0.4), ("Nn", 0.15), ("sT", 0.3), ("Jc", 0.4), ("hx", 0.1),
        ("kx", 0.3), ("wv", 0.3)
    ];

    internal static readonly (string Pair, double Cost)[] KanaCosts =
    [
        ("bv", 0.1), ("hf", 0.2), ("lr", 0.1), ("sQ", 0.15), ("zQ", 0.2), ("Tt", 0.3), ("Ct", 0.4), ("Ss", 0.2), ("Jz", 0.2), ("Jd", 0.4),
        ("JZ", 0.1), ("Jg", 0.4), ("Nn", 0.1), ("kx", 0.3), ("hx", 0.2), ("Tz", 0.2), ("Tc", 0.1), ("Cc", 0.2), ("wv", 0.3), ("bp", 0.4),
        ("gk", 0.4), ("dt", 0.4), ("Zz", 0.2)
    ];

    internal static readonly (string Pair, double Cost)[] CyrillicCosts =
    [
        ("vw", 0.05), ("xh", 0.1), ("gh", 0.3), ("Tc", 0.05), ("Tz", 0.2), ("yJ", 0.1), ("Ji", 0.3), ("yi", 0.15), ("Cc", 0.2), ("ZJ", 0.3),
        ("Zg", 0.4), ("xC", 0.2), ("fQ", 0.3), ("tQ", 0.15), ("Sc", 0.3), ("zs", 0.3), ("CT", 0.3), ("ZS", 0.2), ("vf", 0.3)
    ];

    internal static readonly (string Pair, double Cost)[] ArabicCosts =
    [
        ("bp", 0.1), ("fv", 0.1), ("Jg", 0.15), ("gk", 0.3), ("xh", 0.15), ("xC", 0.2), ("tQ", 0.15), ("sQ", 0.2), ("dQ", 0.3),
        ("wo", 0.05), ("wu", 0.05), ("wv", 0.1), ("yi", 0.05), ("ye", 0.1), ("yJ", 0.2), ("Ja", 0.5), ("zd", 0.4), ("ai", 0.3), ("ae", 0.1),
        ("SC", 0.2), ("kc", 0.1), ("sc", 0.1), ("zZ", 0.2), ("JZ", 0.2), ("hk", 0.5), ("ts", 0.6), ("ya", 0.5), ("yo", 0.5), ("yu", 0.5),
        ("wa", 0.5), ("we", 0.5), ("wi", 0.5)
    ];

    internal static readonly (string Pair, double Cost)[] HebrewCosts =
    [
        ("vb", 0.05), ("vw", 0.05), ("vo", 0.1), ("vu", 0.1), ("yi", 0.05), ("ye", 0.1), ("yJ", 0.15), ("kx", 0.1), ("kC", 0.3), ("kc", 0.2),
        ("fp", 0.1), ("sS", 0.1), ("Tz", 0.15), ("Tc", 0.1), ("TC", 0.2), ("Ts", 0.3), ("tQ", 0.15), ("sQ", 0.3), ("gJ", 0.2), ("hx", 0.15),
        ("ae", 0.1), ("sc", 0.1), ("vf", 0.3), ("ya", 0.5), ("yo", 0.5), ("yu", 0.5), ("va", 0.5), ("ve", 0.5), ("vi", 0.5)
    ];

    /// <summary>Gets the similarity of a Latin token and a transliterated token in [0, <see cref="MaxSimilarity"/>]; 0 when
    /// their sound codes are too far apart.</summary>
    /// <param name="latin">The Latin token in compare form.</param>
    /// <param name="transliterated">The transliterated token (joined syllables for Han and Hangul).</param>
    /// <param name="script">The script the transliterated token came from.</param>
    /// <returns>The similarity.</returns>
    public static double Similarity(string latin, string transliterated, NameScript script)
    {
        var d = Distance(latin, transliterated, script);
        var max = MaxDistance(script);
        if (d > max)
        {
            return 0;
        }

        return MaxSimilarity - ((MaxSimilarity - MinSimilarity) * d / max);
    }

    /// <summary>Gets whether a Latin token reads as a Chinese or Korean name romanised by that script's own convention (pinyin,
    /// Revised Romanization): it splits into that convention's syllables and shows a spelling only that convention uses
    /// ("Guoying", "Jiangping", "Songyeon"). Such a token names the same syllables the transliteration spells, so it compares
    /// by spelling; a sound match ("Guoying" / "gui ying") would be a different name.</summary>
    /// <param name="latin">The Latin token in compare form.</param>
    /// <param name="script">The source script of the other name.</param>
    /// <returns><see langword="true"/> for a pinyin token against Han, a Revised Romanization token against Hangul.</returns>
    public static bool IsRomanisedSyllables(string latin, NameScript script)
    {
        ArgumentNullException.ThrowIfNull(latin);
        return script switch
        {
            NameScript.Han => ContainsAny(latin, PinyinMarkers) && SplitsIntoSyllables(latin, PinyinSyllables.Set),
            NameScript.Hangul => ContainsAny(latin, HangulMarkers) && SplitsIntoSyllables(latin, HangulSyllables.Set),
            _ => false,
        };
    }

    /// <summary>Gets whether a Latin token is one syllable of a Chinese or Korean romanisation ("Zhang", "Lang", "Kim"): a
    /// Latin name holding one is itself a romanised Chinese or Korean name.</summary>
    /// <param name="latin">The Latin token in compare form.</param>
    /// <param name="script">The source script of the other name.</param>
    /// <returns><see langword="true"/> for a pinyin syllable against Han, a Revised Romanization syllable against Hangul.</returns>
    public static bool IsRomanisedSyllable(string latin, NameScript script)
    {
        ArgumentNullException.ThrowIfNull(latin);
        return script switch
        {
            NameScript.Han => PinyinSyllables.Set.Contains(latin),
            NameScript.Hangul => HangulSyllables.Set.Contains(latin),
            _ => false,
        };
    }

    /// <summary>Gets the largest normalised distance that still counts as a match for a source script. Abjads (Arabic, Hebrew)
    /// write no short vowels, so their names carry less to compare and must agree more closely.</summary>
    /// <param name="script">The source script.</param>
    /// <returns>The distance limit.</returns>
    public static double MaxDistance(NameScript script) => script switch
    {
        NameScript.Arabic or NameScript.Hebrew => 0.32,
        NameScript.Han or NameScript.Hangul or NameScript.Kana => 0.42,
        NameScript.Cyrillic => 0.26,
        _ => 0.2,
    };

    /// <summary>Gets the normalised distance of a Latin token and a transliterated token: the weighted edit distance of their
    /// sound codes over the larger consonant mass; <see cref="double.PositiveInfinity"/> when either has too little to compare.</summary>
    /// <param name="latin">The Latin token in compare form.</param>
    /// <param name="transliterated">The transliterated token.</param>
    /// <param name="script">The script the transliterated token came from.</param>
    /// <returns>The distance, 0 for equal sound codes.</returns>
    public static double Distance(string latin, string transliterated, NameScript script)
    {
        ArgumentNullException.ThrowIfNull(latin);
        ArgumentNullException.ThrowIfNull(transliterated);
        return CodeDistance(CrossScriptKey.Latin(latin), CrossScriptKey.Native(transliterated, script), script);
    }

    /// <summary>Gets the similarity of two sound-code sequences (<see cref="CrossScriptKey.Latin"/>,
    /// <see cref="CrossScriptKey.Native"/>), as <see cref="Similarity"/> does for the tokens.</summary>
    /// <param name="latinCodes">The Latin token's codes.</param>
    /// <param name="nativeCodes">The transliterated token's codes.</param>
    /// <param name="script">The script the transliterated token came from.</param>
    /// <returns>The similarity.</returns>
    internal static double CodeSimilarity(string latinCodes, string nativeCodes, NameScript script) =>
        CodeSimilarity(latinCodes, nativeCodes, script, MinSimilarity);

    /// <summary>Gets the similarity of two sound-code sequences as <see cref="CodeSimilarity(string, string, NameScript)"/> does
    /// when it is at least a given value, and 0 or a value below it otherwise: the distance computation stops early once the
    /// similarity cannot reach that value.</summary>
    /// <param name="latinCodes">The Latin token's codes.</param>
    /// <param name="nativeCodes">The transliterated token's codes.</param>
    /// <param name="script">The script the transliterated token came from.</param>
    /// <param name="atLeast">The least similarity the caller keeps, at least <see cref="MinSimilarity"/>.</param>
    /// <returns>The similarity when it is at least <paramref name="atLeast"/>; otherwise a smaller value or 0.</returns>
    internal static double CodeSimilarity(string latinCodes, string nativeCodes, NameScript script, double atLeast)
    {
        var d = CodeDistance(latinCodes, nativeCodes, script, DistanceLimit(script, atLeast));
        return SimilarityOfDistance(d, script);
    }

    // The edit cost beyond which no run's similarity is above 0: the highest of the limits of the runs of mass 1 or more (a
    // lighter run is not compared); negative infinity when no run is that heavy.
    private static double HighestRunLimit(double latinMass, ReadOnlySpan<double> nativeMasses, NameScript script)
    {
        var limit = double.NegativeInfinity;
        foreach (var mass in nativeMasses)
        {
            if (mass >= 1)
            {
                limit = Math.Max(limit, EditCostLimit(DistanceLimit(script, MinSimilarity), Scale(latinMass, mass)));
            }
        }

        return limit;
    }

    // Writes each run's similarity from the last row of the edit cost of the longest: the cell at the run's end, over the run's
    // scale; 0 for a run lighter than 1.
    private static void WriteRunSimilarities(ReadOnlySpan<double> last, ReadOnlySpan<int> ends, ReadOnlySpan<double> nativeMasses, double latinMass,
        NameScript script, Span<double> similarities)
    {
        for (var r = 0; r < ends.Length; r++)
        {
            similarities[r] = nativeMasses[r] < 1 ? 0 : SimilarityOfDistance(last[ends[r]] / Scale(latinMass, nativeMasses[r]), script);
        }
    }

    /// <summary>What <see cref="RunSimilarities"/> reads of a number of runs whose codes are the first codes of one sequence (a
    /// run of syllables and the longer runs from the same syllable): worked out once for a transliterated name and read for every
    /// Latin word compared with it. An instance is filled again for other runs (<see cref="Prepare"/>) and keeps its buffers; it is
    /// for one thread at a time.</summary>
    internal sealed class PreparedRuns
    {
        private int[] _ends = new int[8];
        private double[] _masses = new double[8];
        private double[] _firstRow = new double[32];
        private double[] _gaps = new double[32];

        // For each ASCII Latin code, the least it can cost against the codes (with nothing against it, or against one of them),
        // worked out when first read; NaN until then.
        private readonly double[] _leastLatinCost = new double[128];
        private int _endCount;
        private NameScript _script;

        /// <summary>Gets the codes of the longest run.</summary>
        public string Codes { get; private set; } = string.Empty;

        /// <summary>Gets the number of codes of each run, in increasing order.</summary>
        public ReadOnlySpan<int> Ends => _ends.AsSpan(0, _endCount);

        internal ReadOnlySpan<double> Masses => _masses.AsSpan(0, _endCount);

        internal ReadOnlySpan<double> FirstRow => _firstRow.AsSpan(0, Codes.Length + 1);

        internal ReadOnlySpan<double> Gaps => _gaps.AsSpan(0, Codes.Length + 1);

        /// <summary>Fills the instance for a number of runs whose codes are the first codes of one sequence.</summary>
        /// <param name="nativeCodes">The codes of the longest run.</param>
        /// <param name="ends">The number of codes of each run, in increasing order; the last is the length of the codes.</param>
        /// <param name="script">The script the runs were transliterated from.</param>
        /// <exception cref="ArgumentException">No run, a last run not as long as the codes, or runs out of order.</exception>
        public void Prepare(string nativeCodes, ReadOnlySpan<int> ends, NameScript script)
        {
            ArgumentNullException.ThrowIfNull(nativeCodes);
            if (ends.IsEmpty || ends[^1] != nativeCodes.Length)
            {
                throw new ArgumentException($"runs whose last is as long as the codes ({nativeCodes.Length})", nameof(ends));
            }

            for (var r = 0; r < ends.Length; r++)
            {
                if (ends[r] < (r == 0 ? 0 : ends[r - 1]))
                {
                    throw new ArgumentException("the runs' lengths are not in increasing order", nameof(ends));
                }
            }

            Codes = nativeCodes;
            _script = script;
            _endCount = ends.Length;
            if (_ends.Length < ends.Length)
            {
                _ends = new int[ends.Length];
                _masses = new double[ends.Length];
            }

            ends.CopyTo(_ends);
            PrefixMasses(nativeCodes, ends, script, _masses);
            if (_firstRow.Length < nativeCodes.Length + 1)
            {
                _firstRow = new double[2 * (nativeCodes.Length + 1)];
                _gaps = new double[_firstRow.Length];
            }

            FirstEditRow(nativeCodes, script, _firstRow, _gaps);
            _leastLatinCost.AsSpan().Fill(double.NaN);
        }

        /// <summary>Gets the least a Latin code can cost against the codes: with nothing against it, or against one of them.</summary>
        /// <param name="latinCode">The Latin code.</param>
        /// <returns>The least cost.</returns>
        internal double LeastLatinCost(char latinCode)
        {
            if (latinCode >= 128)
            {
                return Math.Min(LatinGap(latinCode, _script), 1);
            }

            var cost = _leastLatinCost[latinCode];
            if (double.IsNaN(cost))
            {
                cost = LatinGapTables[(int)_script][latinCode];
                var substitutions = SubstitutionTables[(int)_script].AsSpan(latinCode * 128, 128);
                foreach (var n in Codes)
                {
                    cost = Math.Min(cost, n < 128 ? substitutions[n] : 1);
                }

                _leastLatinCost[latinCode] = cost;
            }

            return cost;
        }
    }

    /// <summary>Gets the similarity of a Latin token's codes to each of a number of prepared runs, exactly as
    /// <see cref="CodeSimilarity(string, string, NameScript)"/> gives it for each run alone, from one edit cost: the cost of a
    /// prefix of the codes is a cell of the last row of the cost of all of them, and the rows stop early once no run's
    /// similarity can be above 0 (a longer run has more mass, so the highest limit). Every
    /// Latin code costs at least the least it can cost against any of the codes, with nothing against it or against one of them,
    /// so when those least costs add up to more than the edit cost at which no run's similarity is above 0, every similarity is
    /// 0 and no row is computed.</summary>
    /// <param name="latinCodes">The Latin token's codes.</param>
    /// <param name="latinMass">The Latin token's mass (<see cref="LatinMass"/>).</param>
    /// <param name="runs">The prepared runs.</param>
    /// <param name="script">The script the runs were transliterated from.</param>
    /// <param name="similarities">Receives the similarity of each run.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RunSimilarities(string latinCodes, double latinMass, PreparedRuns runs, NameScript script, Span<double> similarities)
    {
        var ends = runs.Ends;
        var masses = runs.Masses;
        similarities[..ends.Length].Clear();
        if (latinCodes.Length < 2 || latinMass < 1)
        {
            return;
        }

        var limit = HighestRunLimit(latinMass, masses, script);
        if (double.IsNegativeInfinity(limit))
        {
            return;
        }

        // The least the Latin codes can cost, with a margin far above any difference of rounding between this sum and the edit
        // cost's own (both add up costs of 0 or more).
        var least = 0.0;
        foreach (var c in latinCodes)
        {
            least += runs.LeastLatinCost(c);
        }

        if (least > limit + 1e-9)
        {
            return;
        }

        var codes = runs.Codes;
        var size = codes.Length + 1;
        Span<double> rows = size <= 64 ? stackalloc double[2 * size] : new double[2 * size];
        runs.FirstRow.CopyTo(rows);
        var last = LastEditRowFrom(latinCodes, codes, script, limit, rows[..size], rows.Slice(size, size), runs.Gaps);
        if (last.IsEmpty)
        {
            return;
        }

        WriteRunSimilarities(last, ends, masses, latinMass, script, similarities);
    }

    private static double SimilarityOfDistance(double d, NameScript script)
    {
        var max = MaxDistance(script);
        return d > max ? 0 : MaxSimilarity - ((MaxSimilarity - MinSimilarity) * d / max);
    }

    /// <summary>Gets the similarity <see cref="CodeSimilarity(string, string, NameScript, double)"/> gives for a complete edit cost
    /// (the last cell of the last row) that was never stopped early: of a Latin sequence of two codes or more and mass 1 or more,
    /// and no row's least cell beyond <see cref="EditCostLimit(double, double, NameScript, double)"/>.</summary>
    /// <param name="cost">The edit cost.</param>
    /// <param name="latinMass">The Latin token's mass.</param>
    /// <param name="nativeMass">The transliterated token's mass, 1 or more.</param>
    /// <param name="script">The script the transliterated token came from.</param>
    /// <returns>The similarity.</returns>
    internal static double SimilarityOfEditCost(double cost, double latinMass, double nativeMass, NameScript script) =>
        SimilarityOfDistance(cost / Scale(latinMass, nativeMass), script);

    // With a finite limit, the edit cost stops as soon as every cell of a row exceeds what the limit allows (costs are never
    // negative, so the cost can only grow from there) and the distance is then reported as infinite.
    private static double CodeDistance(string a, string b, NameScript script, double limit = double.PositiveInfinity)
    {
        var massA = Mass(a, NameScript.Latin);
        var massB = Mass(b, script);
        if (a.Length < 2 || massA < 1 || massB < 1)
        {
            return double.PositiveInfinity;
        }

        var scale = Scale(massA, massB);
        var cost = EditCost(a, b, script, EditCostLimit(limit, scale));
        return cost / scale;
    }

    private static double Scale(double massA, double massB) => ((massA + massB) / 2) + 0.5;

    // A margin so that rounding never stops a computation whose distance would still come out at the limit.
    private static double EditCostLimit(double limit, double scale) =>
        double.IsPositiveInfinity(limit) ? limit : (limit * scale * (1 + 1e-9)) + 1e-9;

    // The distance limit below which a similarity of at least a value is possible.
    private static double DistanceLimit(NameScript script, double atLeast)
    {
        var max = MaxDistance(script);
        return max * (MaxSimilarity - Math.Max(atLeast, MinSimilarity)) / (MaxSimilarity - MinSimilarity);
    }

    /// <summary>Gets the consonant mass of a Latin token's codes, over which <see cref="CodeSimilarity(string, string, NameScript, double)"/>
    /// scales the edit cost.</summary>
    /// <param name="latinCodes">The Latin token's codes.</param>
    /// <returns>The mass.</returns>
    internal static double LatinMass(string latinCodes) => Mass(latinCodes, NameScript.Latin);

    /// <summary>Gets the consonant mass of a transliterated token's codes.</summary>
    /// <param name="nativeCodes">The transliterated token's codes.</param>
    /// <param name="script">The script the token came from.</param>
    /// <returns>The mass.</returns>
    internal static double NativeMass(ReadOnlySpan<char> nativeCodes, NameScript script) => Mass(nativeCodes, script);

    /// <summary>Gets the edit cost beyond which <see cref="CodeSimilarity(string, string, NameScript, double)"/> stops and reports
    /// a similarity below <paramref name="atLeast"/>, for a Latin token of a given mass: once every cell of a row of the edit
    /// cost (<see cref="FirstEditRow"/>, <see cref="NextEditRow"/>) exceeds it, the similarity is below that value. It never
    /// decreases as the Latin mass grows.</summary>
    /// <param name="latinMass">The Latin token's mass (<see cref="LatinMass"/>).</param>
    /// <param name="nativeMass">The transliterated token's mass (<see cref="NativeMass"/>).</param>
    /// <param name="script">The script the transliterated token came from.</param>
    /// <param name="atLeast">The least similarity the caller keeps, at least <see cref="MinSimilarity"/>.</param>
    /// <returns>The cost limit.</returns>
    internal static double EditCostLimit(double latinMass, double nativeMass, NameScript script, double atLeast) =>
        EditCostLimit(DistanceLimit(script, atLeast), Scale(latinMass, nativeMass));

    /// <summary>Writes the first row of the edit cost of a Latin token's codes against a transliterated token's codes: the cost of
    /// each prefix of the transliterated codes against no Latin code.</summary>
    /// <param name="nativeCodes">The transliterated token's codes.</param>
    /// <param name="script">The script the token came from.</param>
    /// <param name="row">The row, one cell more than the codes.</param>
    /// <param name="nativeGaps">Receives the cost of each transliterated code against no Latin code, for <see cref="NextEditRow"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FirstEditRow(string nativeCodes, NameScript script, Span<double> row, Span<double> nativeGaps)
    {
        row[0] = 0;
        for (var j = 1; j <= nativeCodes.Length; j++)
        {
            nativeGaps[j - 1] = NativeGap(nativeCodes[j - 1], script);
            row[j] = row[j - 1] + nativeGaps[j - 1];
        }
    }

    /// <summary>Writes the next row of the edit cost for one more Latin code, as the similarity computes it.</summary>
    /// <param name="latinCode">The Latin code.</param>
    /// <param name="nativeCodes">The transliterated token's codes.</param>
    /// <param name="script">The script the token came from.</param>
    /// <param name="nativeGaps">The gap costs of the transliterated codes, from <see cref="FirstEditRow"/>.</param>
    /// <param name="previous">The row before.</param>
    /// <param name="current">The row to write.</param>
    /// <returns>The least cell of the row written.</returns>
    internal static double NextEditRow(char latinCode, string nativeCodes, NameScript script, ReadOnlySpan<double> nativeGaps, ReadOnlySpan<double> previous, Span<double> current) =>
        NextEditRowWithin(latinCode, nativeCodes, script, nativeGaps, previous, 0, nativeCodes.Length, current, double.PositiveInfinity, out _, out _);

    /// <summary>Writes the next row of the edit cost for one more Latin code as <see cref="NextEditRow"/> does, but only where a cell
    /// can be at most a cost limit: the cells of the row before that are at most the limit lie between two columns (the
    /// others count as unreachable), and the cells written lie from the first of them up to the last cell at most the limit. A
    /// cell whose true cost is at most the limit comes out exact (its cheapest predecessor is at most the limit too, costs being
    /// never negative); no cell comes out below its true cost. The caller treats the cells outside the returned columns as
    /// above the limit, which holds for every later row computed with the same limit or a lower one.</summary>
    /// <param name="latinCode">The Latin code.</param>
    /// <param name="nativeCodes">The transliterated token's codes.</param>
    /// <param name="script">The script the token came from.</param>
    /// <param name="nativeGaps">The gap costs of the transliterated codes, from <see cref="FirstEditRow"/>.</param>
    /// <param name="previous">The row before.</param>
    /// <param name="previousFirst">The first column of the row before that is at most the limit.</param>
    /// <param name="previousLast">The last column of the row before that is at most the limit.</param>
    /// <param name="current">The row to write.</param>
    /// <param name="limit">The cost limit.</param>
    /// <param name="first">Receives the first column written that is at most the limit; -1 for none.</param>
    /// <param name="last">Receives the last column written that is at most the limit; -1 for none.</param>
    /// <returns>The least cell written: the row's least cell whenever that is at most the limit, above the limit otherwise.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double NextEditRowWithin(
        char latinCode,
        ReadOnlySpan<char> nativeCodes,
        NameScript script,
        ReadOnlySpan<double> nativeGaps,
        ReadOnlySpan<double> previous,
        int previousFirst,
        int previousLast,
        Span<double> current,
        double limit,
        out int first,
        out int last)
    {
        var gapA = latinCode < 128 ? LatinGapTables[(int)script][latinCode] : LatinGap(latinCode, script);
        var substitutions = latinCode < 128 ? SubstitutionTables[(int)script].AsSpan(latinCode * 128, 128) : default;
        var length = nativeCodes.Length;
        first = -1;
        last = -1;
        var rowMin = double.PositiveInfinity;
        var j = previousFirst;
        if (j > length)
        {
            return rowMin;
        }

        // The first column: from above only (no cell to its left or above-left is within the columns).
        var value = j == 0 || j <= previousLast ? previous[j] + gapA : double.PositiveInfinity;
        if (j > previousLast + 1 && value > limit)
        {
            return rowMin;
        }

        Keep(current, j, value, limit, ref first, ref last, ref rowMin);
        var left = value;

        // The columns of the row before: from above, from the left and from above-left.
        var both = Math.Min(previousLast, length);
        for (j++; j <= both; j++)
        {
            value = Min(Min(previous[j] + gapA, left + nativeGaps[j - 1]), previous[j - 1] + Substitution(latinCode, nativeCodes[j - 1], substitutions));
            Keep(current, j, value, limit, ref first, ref last, ref rowMin);
            left = value;
        }

        // The column just past them: from the left and from above-left.
        if (j == previousLast + 1 && j <= length)
        {
            value = Min(left + nativeGaps[j - 1], previous[j - 1] + Substitution(latinCode, nativeCodes[j - 1], substitutions));
            Keep(current, j, value, limit, ref first, ref last, ref rowMin);
            left = value;
            j++;
        }

        // Further on only the cell to the left leads on, and it only grows.
        for (; j <= length; j++)
        {
            value = left + nativeGaps[j - 1];
            if (value > limit)
            {
                break;
            }

            Keep(current, j, value, limit, ref first, ref last, ref rowMin);
            left = value;
        }

        return rowMin;
    }

    // The cost of substituting a transliterated code for a Latin code, from the Latin code's row of the script's table (both
    // ASCII), else 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Substitution(char latinCode, char nativeCode, ReadOnlySpan<double> substitutions) =>
        nativeCode < 128 && latinCode < 128 ? substitutions[nativeCode] : 1;

    // Writes a cell of a row of the edit cost and keeps the row's first and last columns within the limit and its least cell.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keep(Span<double> row, int column, double value, double limit, ref int first, ref int last, ref double least)
    {
        row[column] = value;
        if (value <= limit)
        {
            first = first < 0 ? column : first;
            last = column;
        }

        least = Min(least, value);
    }

    // The lesser of two costs (never NaN): one instruction where the runtime has it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Min(double x, double y) =>
#if NET9_0_OR_GREATER
        double.MinNative(x, y);
#else
        x < y ? x : y;
#endif

    private static readonly string[] PinyinMarkers = ["ng", "zh", "x", "q", "uo", "ui", "iu", "ao"];

    /// <summary>Makes the sets of the syllables of each romanisation, if not made yet (<see cref="Matching.ScoringTables"/>).</summary>
    internal static void PrepareSyllables()
    {
        RuntimeHelpers.RunClassConstructor(typeof(PinyinSyllables).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(HangulSyllables).TypeHandle);
    }

    // The syllables of each romanisation, made when first read or by PrepareSyllables (with the other tables comparing names
    // reads, when a dataset generation is made: 4,152 strings and their tables, which the first Han or Hangul screening made
    // otherwise, for the runtime's first collection to move while screenings ran).
    private static class PinyinSyllables
    {
        // Every initial with every final of the standard table (a superset of the syllables in use).
        public static readonly FrozenSet<string> Set = Syllables(
            ["", "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"],
            ["iang", "iong", "uang", "ian", "iao", "ing", "ang", "eng", "ong", "uai", "uan", "ai", "ei", "ao", "ou", "an", "en", "er", "ia", "ie",
                "iu", "in", "ua", "uo", "ui", "un", "ue", "a", "o", "e", "i", "u", "v"],
            [""]);
    }

    private static class HangulSyllables
    {
        // Revised Romanization syllables: initial consonant, vowel, final consonant.
        public static readonly FrozenSet<string> Set = Syllables(
            ["", "kk", "tt", "pp", "ss", "jj", "ch", "g", "n", "d", "r", "m", "b", "s", "j", "k", "t", "h", "p", "l"],
            ["yae", "yeo", "wae", "ae", "ya", "eo", "ye", "wa", "oe", "yo", "wo", "we", "wi", "yu", "eu", "ui", "a", "e", "o", "u", "i"],
            ["", "ng", "k", "n", "t", "l", "m", "p"]);
    }

    private static readonly string[] HangulMarkers = ["eo", "eu", "ae", "oe", "ng"];

    private static FrozenSet<string> Syllables(string[] initials, string[] vowels, string[] finals) =>
        (from i in initials from v in vowels from f in finals select i + v + f).ToFrozenSet(StringComparer.Ordinal);

    private static bool ContainsAny(string text, string[] parts)
    {
        foreach (var part in parts)
        {
            if (text.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a word splits into two or more syllables of a set (dynamic programming over prefixes; syllables are at most 7 letters).
    private static bool SplitsIntoSyllables(string word, FrozenSet<string> syllables)
    {
        if (word.Length > 40)
        {
            return false;
        }

#if NET9_0_OR_GREATER
        var lookup = syllables.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        Span<int> most = stackalloc int[word.Length + 1];
        most.Fill(-1);
        most[0] = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            for (var length = 1; length <= Math.Min(7, end); length++)
            {
                var start = end - length;
#if NET9_0_OR_GREATER
                if (most[start] >= 0 && lookup.Contains(word.AsSpan(start, length)))
#else
                if (most[start] >= 0 && syllables.Contains(word.Substring(start, length)))
#endif
                {
                    most[end] = Math.Max(most[end], most[start] + 1);
                }
            }
        }

        return most[word.Length] >= 2;
    }

    private static double Mass(ReadOnlySpan<char> codes, NameScript script)
    {
        double m = 0;
        foreach (var c in codes)
        {
            m += CodeMass(c, script);
        }

        return m;
    }

    /// <summary>Writes the mass of each of a number of first codes of a transliterated token's codes (the runs that extend each
    /// other), in one pass: each the sum <see cref="NativeMass"/> gives for those codes alone, added up in the same order.</summary>
    /// <param name="nativeCodes">The codes.</param>
    /// <param name="ends">The number of first codes of each run, in increasing order, at most the length of the codes.</param>
    /// <param name="script">The script the token came from.</param>
    /// <param name="masses">Receives the mass of each run.</param>
    internal static void PrefixMasses(ReadOnlySpan<char> nativeCodes, ReadOnlySpan<int> ends, NameScript script, Span<double> masses)
    {
        double m = 0;
        var at = 0;
        for (var r = 0; r < ends.Length; r++)
        {
            for (; at < ends[r]; at++)
            {
                m += CodeMass(nativeCodes[at], script);
            }

            masses[r] = m;
        }
    }

    // The mass of one code: 1 for a consonant, half for a weak one, none for a vowel.
    private static double CodeMass(char c, NameScript script) =>
        CrossScriptKey.IsVowel(c) ? 0 : c is 'h' or 'y' or 'w' or 'R' || (c == 'v' && script == NameScript.Hebrew) ? 0.5 : 1;

    // Compiled optimised at its first call: the first queries in another script would otherwise run its loops unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double EditCost(string a, string b, NameScript script, double limit)
    {
        var size = b.Length + 1;
        var last = LastEditRow(a, b, script, limit, size <= 64 ? stackalloc double[3 * size] : new double[3 * size]);
        return last.IsEmpty ? double.PositiveInfinity : last[b.Length];
    }

    // The last row of the edit cost of Latin codes against transliterated codes, in three rows of space (one more cell than the
    // transliterated codes each); empty once a row's least cell exceeds the limit. Each row is computed only over the columns
    // that can stay within the limit (NextEditRowWithin): a cell at most the limit comes out exact, any other above the limit
    // (the cells of the last row outside those columns are set to infinity), which every caller reads as a similarity of 0
    // or below the one it keeps, as it would the exact cost.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Span<double> LastEditRow(string a, string b, NameScript script, double limit, Span<double> rows)
    {
        var size = b.Length + 1;
        var previous = rows[..size];
        var current = rows.Slice(size, size);
        var gaps = rows.Slice(2 * size, size);
        FirstEditRow(b, script, previous, gaps);
        return LastEditRowFrom(a, b, script, limit, previous, current, gaps);
    }

    // LastEditRow from its first row (FirstEditRow, in previous) and the gap costs of the transliterated codes: the rows are
    // written in turn into previous and current, and the last is one of them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Span<double> LastEditRowFrom(string a, string b, NameScript script, double limit, Span<double> previous, Span<double> current, ReadOnlySpan<double> gaps)
    {
        // The first row only grows from its first cell (0): its columns within the limit are a prefix.
        var first = 0;
        var last = 0;
        while (last < b.Length && previous[last + 1] <= limit)
        {
            last++;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            if (NextEditRowWithin(a[i - 1], b, script, gaps, previous, first, last, current, limit, out first, out last) > limit)
            {
                return [];
            }

            var spare = previous;
            previous = current;
            current = spare;
        }

        if (a.Length > 0)
        {
            previous[..first].Fill(double.PositiveInfinity);
            previous[(last + 1)..].Fill(double.PositiveInfinity);
        }

        return previous;
    }

    private static bool IsAbjad(NameScript script) => script is NameScript.Arabic or NameScript.Hebrew;

    private static bool IsSyllabic(NameScript script) => script is NameScript.Han or NameScript.Hangul or NameScript.Kana;

    /// <summary>Gets the cost of a Latin code with nothing against it in the edit cost of a script (for tests).</summary>
    /// <param name="c">The Latin code.</param>
    /// <param name="script">The script the transliterated codes came from.</param>
    /// <returns>The cost.</returns>
    internal static double LatinGap(char c, NameScript script)
    {
        if (CrossScriptKey.IsVowel(c))
        {
            return IsAbjad(script) ? 0.05 : IsSyllabic(script) ? 0.15 : 0.2;
        }

        return c switch
        {
            'h' => 0.3,
            'y' or 'w' => 0.3,
            'R' => IsSyllabic(script) ? 0.2 : 0.6,
            _ => 1,
        };
    }

    // The cost of a transliterated sound with nothing against it.
    private static double NativeGap(char c, NameScript script)
    {
        if (CrossScriptKey.IsVowel(c))
        {
            return IsSyllabic(script) ? 0.1 : 0.2;
        }

        return c switch
        {
            'h' => 0.3,
            'y' or 'w' => 0.3,
            'v' when script == NameScript.Hebrew => 0.3,
            'R' => 0.2,
            _ => 1,
        };
    }

    // The cost of substituting one ASCII code for another, by script, as a table of 128 by 128 (the Latin code's row, the
    // transliterated code's column): 0 for the same code; else the script's own cost of the pair (its entries, either way round),
    // else the general cost of the pair, else 0.2 for two vowels and 1 otherwise. A Latin silent r ('R') costs what r does. The
    // tables are written entry by entry from the lists of pairs, which costs about 1 ms for every script, where working out each
    // of the 16,384 cells of each by looking its pair up cost about 60 ms at the first screening of a process.
    private static double[][] BuildSubstitutionTables()
    {
        var vowels = new List<int>();
        for (var c = 0; c < 128; c++)
        {
            if (CrossScriptKey.IsVowel((char)c))
            {
                vowels.Add(c);
            }
        }

        var tables = new double[(int)NameScript.Other + 1][];
        for (var s = 0; s < tables.Length; s++)
        {
            var table = new double[128 * 128];
            Array.Fill(table, 1.0);
            foreach (var a in vowels)
            {
                foreach (var b in vowels)
                {
                    table[(a * 128) + b] = 0.2;
                }
            }

            // The script's own costs take precedence over the general ones: written after them.
            Write(table, General);
            if (ScriptCosts((NameScript)s) is { } own)
            {
                Write(table, own);
            }

            for (var c = 0; c < 128; c++)
            {
                table[(c * 128) + c] = 0;
            }

            // A silent r is compared as r, apart from itself.
            table.AsSpan('r' * 128, 128).CopyTo(table.AsSpan('R' * 128, 128));
            table[('R' * 128) + 'R'] = 0;
            tables[s] = table;
        }

        return tables;

        static void Write(double[] table, (string Pair, double Cost)[] entries)
        {
            foreach (var (pair, cost) in entries)
            {
                table[(pair[0] * 128) + pair[1]] = cost;
                table[(pair[1] * 128) + pair[0]] = cost;
            }
        }
    }

    /// <summary>Gets the pairs of codes whose substitution cost a script sets itself, over the general ones; none for a script
    /// that has no costs of its own.</summary>
    /// <param name="script">The script.</param>
    /// <returns>The pairs (each either way round) and their costs, or <see langword="null"/>.</returns>
    internal static (string Pair, double Cost)[]? ScriptCosts(NameScript script) => script switch
    {
        NameScript.Han => HanCosts,
        NameScript.Hangul => HangulCosts,
        NameScript.Kana => KanaCosts,
        NameScript.Cyrillic => CyrillicCosts,
        NameScript.Arabic => ArabicCosts,
        NameScript.Hebrew => HebrewCosts,
        _ => null,
    };

    /// <summary>Gets the cost of substituting a transliterated code for a Latin code in the edit cost of a script (both ASCII), as
    /// the edit cost reads it from its table (for tests).</summary>
    /// <param name="latinCode">The Latin code.</param>
    /// <param name="nativeCode">The transliterated code.</param>
    /// <param name="script">The script the transliterated code came from.</param>
    /// <returns>The cost.</returns>
    internal static double SubstitutionCost(char latinCode, char nativeCode, NameScript script) =>
        SubstitutionTables[(int)script][(latinCode * 128) + nativeCode];

    // Declared after the cost tables it is computed from (static fields initialise in order).
    private static readonly double[][] SubstitutionTables = BuildSubstitutionTables();

    // The cost of each ASCII Latin code with nothing against it, by script: read once per row of the edit cost.
    private static readonly double[][] LatinGapTables = BuildLatinGapTables();

    private static double[][] BuildLatinGapTables()
    {
        var tables = new double[(int)NameScript.Other + 1][];
        for (var s = 0; s < tables.Length; s++)
        {
            tables[s] = new double[128];
            for (var c = 0; c < 128; c++)
            {
                tables[s][c] = LatinGap((char)c, (NameScript)s);
            }
        }

        return tables;
    }
}

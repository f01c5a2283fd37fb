using System.Numerics;
using System.Runtime.CompilerServices;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// The Latin words a name transliterated from another script is looked up by sound against: the words of the Latin-script
/// names, their sound codes (<see cref="CrossScriptKey.Latin"/>) and a trie over the distinct code sequences, each marked with
/// the retrieval buckets (<see cref="CrossScriptKey.RetrievalKeys"/>) its sequences fall in. A look-up walks the trie and
/// computes the edit cost of <see cref="CrossScriptSimilarity"/> one row per code, once for every sequence that shares the
/// prefix; it leaves a branch as soon as none of its sequences is in a bucket the query reads, or the row already exceeds the
/// cost at which the similarity of the branch's heaviest sequence would fall below the least similarity kept (a row never
/// gets cheaper as codes are added, and a lighter sequence has a lower limit). A sequence's similarity is read off its last
/// row, so each prefix that can still match is computed once and no other is computed at all. Runs whose codes extend one
/// another (the runs of two, three, four... syllables from one syllable) share one walk: the edit cost of a run is the first
/// columns of the edit cost of the longest (<see cref="SimilarToPrefixes"/>).
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed class SoundVocabulary
{
    // The trie in preorder: a node's branch is the nodes from it up to (not including) its end, its first child the next node.
    private readonly char[] _label;
    private readonly int[] _depth;
    private readonly int[] _end;
    private readonly int[] _terminal;
    private readonly ulong[] _keyMask;

    // The heaviest consonant mass of a branch's sequences, in half units (every code weighs 0, 1/2 or 1).
    private readonly int[] _maxMassHalves;
    private readonly int _maxDepth;

    // Each code sequence's consonant mass, in half units.
    private readonly int[] _codeMassHalves;

    // Each code sequence's retrieval keys (two per sequence, -1 for none; a key can appear twice) and words (ids into Words).
    private readonly int[] _codeKeys;
    private readonly int[] _codeWordStart;
    private readonly int[] _codeWords;

    // The number of each word in Words.
    private readonly Dictionary<string, int> _wordNumbers;

    [ThreadStatic]
    private static double[]? _rows;

    /// <summary>Initializes a new instance of the <see cref="SoundVocabulary"/> class.</summary>
    /// <param name="words">The words, in ordinal order, without repeats.</param>
    /// <param name="wordCodes">The number of each word's code sequence in <paramref name="codes"/>.</param>
    /// <param name="codes">The distinct code sequences, in ordinal order.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SoundVocabulary(string[] words, int[] wordCodes, string[] codes)
    {
        Words = words;
        WordCodes = wordCodes;
        Codes = codes;
        _wordNumbers = WordNumbers(words);
        _codeKeys = new int[2 * codes.Length];
        _codeMassHalves = new int[codes.Length];
        var codeMasks = new ulong[codes.Length];
        for (var c = 0; c < codes.Length; c++)
        {
            _codeMassHalves[c] = (int)(2 * CrossScriptSimilarity.LatinMass(codes[c]));
            var keys = CrossScriptKey.RetrievalKeys(codes[c], skipFirst: false);
            _codeKeys[2 * c] = keys.Count > 0 ? keys[0] : -1;
            _codeKeys[(2 * c) + 1] = keys.Count > 1 ? keys[1] : -1;
            foreach (var key in keys)
            {
                codeMasks[c] |= 1UL << key;
            }
        }

        (_codeWordStart, _codeWords) = WordsByCode(wordCodes, codes.Length);
        (_label, _depth, _end, _terminal, _keyMask, _maxMassHalves) = Trie(codes, codeMasks, _codeMassHalves);
        _maxDepth = _depth.Length == 0 ? 0 : _depth.Max();
    }

    // The vocabulary as an index snapshot stores it: the tables the constructor derives from the code sequences are read, not
    // made again.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SoundVocabulary(string[] words, int[] wordCodes, string[] codes, StoredSoundTables tables)
    {
        Words = words;
        WordCodes = wordCodes;
        Codes = codes;
        _wordNumbers = WordNumbers(words);
        _codeKeys = tables.CodeKeys;
        _codeMassHalves = tables.CodeMassHalves;
        (_codeWordStart, _codeWords) = WordsByCode(wordCodes, codes.Length);
        (_label, _depth, _end, _terminal, _keyMask, _maxMassHalves) = (tables.Label, tables.Depth, tables.End, tables.Terminal, tables.KeyMask, tables.MaxMassHalves);
        _maxDepth = tables.MaxDepth;
    }

    /// <summary>Gets the words, in ordinal order.</summary>
    public string[] Words { get; }

    // The number of each word in the words, for CodesOf.
    private static Dictionary<string, int> WordNumbers(string[] words)
    {
        var numbers = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var w = 0; w < words.Length; w++)
        {
            numbers.Add(words[w], w);
        }

        return numbers;
    }

    /// <summary>Gets the number of each word's code sequence in <see cref="Codes"/>.</summary>
    public int[] WordCodes { get; }

    /// <summary>Gets the distinct code sequences, in ordinal order.</summary>
    public string[] Codes { get; }

    /// <summary>Gets the code sequence of a word.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Its code sequence; <see langword="null"/> when it is not one of <see cref="Words"/>.</returns>
    public string? CodesOf(string word) => CodesNumberOf(word) is var number and >= 0 ? Codes[number] : null;

    /// <summary>Gets the number of a word's code sequence in <see cref="Codes"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The number; -1 when the word is not one of <see cref="Words"/>.</returns>
    public int CodesNumberOf(string word) => _wordNumbers.TryGetValue(word, out var w) ? WordCodes[w] : -1;

    /// <summary>Gets the words of four letters or more of the Latin-script names (only ASCII letters) with their sound codes.</summary>
    /// <param name="names">The indexed names.</param>
    /// <param name="minWordLength">The shortest word taken.</param>
    /// <returns>The vocabulary.</returns>
    public static SoundVocabulary Build(IEnumerable<IndexedName> names, int minWordLength)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Normalized.IsTransliteration)
            {
                continue;
            }

            foreach (var t in name.Normalized.Tokens)
            {
                if (t.Class == TokenClass.Word && t.Text.Length >= minWordLength && t.Text.All(char.IsAsciiLetter))
                {
                    distinct.Add(t.Text);
                }
            }
        }

        var words = distinct.Order(StringComparer.Ordinal).ToArray();
        var wordCodeText = words.Select(CrossScriptKey.Latin).ToArray();
        var codes = wordCodeText.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var numbers = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (var c = 0; c < codes.Length; c++)
        {
            numbers.Add(codes[c], c);
        }

        return new SoundVocabulary(words, [.. wordCodeText.Select(text => numbers[text])], codes);
    }

    /// <summary>Writes the vocabulary for <see cref="Read"/>: the code sequences, the tables the constructor derives from them
    /// (each sequence's retrieval keys and mass, and the trie), then the words, each as the number the caller gives it, with the
    /// number of its code sequence.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="wordId">The number of a word in the caller's string table.</param>
    public void WriteTo(SnapshotBinaryWriter writer, Func<string, int> wordId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(wordId);
        writer.WriteCount(Codes.Length);
        foreach (var codes in Codes)
        {
            writer.WriteString(codes);
        }

        for (var c = 0; c < Codes.Length; c++)
        {
            writer.WriteCount(_codeKeys[2 * c] + 1);
            writer.WriteCount(_codeKeys[(2 * c) + 1] + 1);
            writer.WriteCount(_codeMassHalves[c]);
        }

        writer.WriteCount(_label.Length);
        for (var node = 0; node < _label.Length; node++)
        {
            writer.WriteCount(_label[node]);
            writer.WriteCount(_depth[node]);
            writer.WriteCount(_end[node] - node);
            writer.WriteCount(_terminal[node] + 1);
            writer.WriteUInt64(_keyMask[node]);
            writer.WriteCount(_maxMassHalves[node]);
        }

        writer.WriteCount(Words.Length);
        for (var w = 0; w < Words.Length; w++)
        {
            writer.WriteCount(wordId(Words[w]));
            writer.WriteCount(WordCodes[w]);
        }
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote, checking the order of the words and code sequences and that every
    /// position the look-up follows stays within its table.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="words">The caller's string table, by number.</param>
    /// <returns>The vocabulary, equal to the one written.</returns>
    /// <exception cref="InvalidDataException">The data is cut short or malformed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SoundVocabulary Read(SnapshotBinaryReader reader, string[] words)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(words);
        reader.Section = "candidate index, sound codes";
        var codes = new string[reader.ReadCount(words.Length, "the number of sound code sequences")];
        for (var c = 0; c < codes.Length; c++)
        {
            codes[c] = reader.ReadString();
            if (c > 0 && string.CompareOrdinal(codes[c - 1], codes[c]) >= 0)
            {
                throw reader.Bad($"sound code sequence {c} is out of order or repeated");
            }
        }

        var codeKeys = new int[2 * codes.Length];
        var codeMassHalves = new int[codes.Length];
        for (var c = 0; c < codes.Length; c++)
        {
            codeKeys[2 * c] = reader.ReadCount(64, "a retrieval key") - 1;
            codeKeys[(2 * c) + 1] = reader.ReadCount(64, "a retrieval key") - 1;
            codeMassHalves[c] = reader.ReadCount(2 * NameNormalizer.MaxNameLength, "a consonant mass");
        }

        reader.Section = "candidate index, sound look-up";
        var count = reader.ReadCount(reader.Remaining / 13, "the number of trie nodes");
        if (count == 0)
        {
            throw reader.Bad("a trie without its root");
        }

        var label = new char[count];
        var depth = new int[count];
        var end = new int[count];
        var terminal = new int[count];
        var keyMask = new ulong[count];
        var maxMassHalves = new int[count];
        var maxDepth = 0;
        for (var node = 0; node < count; node++)
        {
            label[node] = (char)reader.ReadCount(char.MaxValue, "a code");
            depth[node] = reader.ReadCount(node == 0 ? 0 : depth[node - 1] + 1, "a trie depth");
            if (node > 0 && depth[node] == 0)
            {
                throw reader.Bad($"trie node {node} at the depth of the root");
            }

            end[node] = node + reader.ReadCount(count - node, "the end of a trie branch");
            if (end[node] == node)
            {
                throw reader.Bad($"trie node {node} ends before it starts");
            }

            terminal[node] = reader.ReadCount(codes.Length, "a code sequence number") - 1;
            keyMask[node] = reader.ReadUInt64();
            maxMassHalves[node] = reader.ReadCount(node == 0 ? 2 * NameNormalizer.MaxNameLength : maxMassHalves[0], "a consonant mass");
            maxDepth = Math.Max(maxDepth, depth[node]);
        }

        foreach (var mass in codeMassHalves)
        {
            if (mass > maxMassHalves[0])
            {
                throw reader.Bad($"a consonant mass {mass} above the trie's heaviest {maxMassHalves[0]}");
            }
        }

        reader.Section = "candidate index, sound words";
        var soundWords = new string[reader.ReadCount(words.Length, "the number of sound words")];
        var wordCodes = new int[soundWords.Length];
        for (var w = 0; w < soundWords.Length; w++)
        {
            soundWords[w] = words[reader.ReadCount(words.Length - 1, "a word id")];
            if (w > 0 && string.CompareOrdinal(soundWords[w - 1], soundWords[w]) >= 0)
            {
                throw reader.Bad($"sound word {w} is out of order or repeated");
            }

            wordCodes[w] = codes.Length == 0 ? throw reader.Bad("a sound word without sound codes") : reader.ReadCount(codes.Length - 1, "a sound code sequence id");
        }

        if (!reader.AtEnd)
        {
            throw reader.Bad("unexpected bytes after the sound words");
        }

        return new SoundVocabulary(soundWords, wordCodes, codes, new StoredSoundTables(codeKeys, codeMassHalves, label, depth, end, terminal, keyMask, maxMassHalves, maxDepth));
    }

    /// <summary>Gets the words whose code sequence is a given one, in ordinal order.</summary>
    /// <param name="code">The number of the code sequence.</param>
    /// <returns>Ids into <see cref="Words"/>.</returns>
    public ReadOnlySpan<int> WordsOf(int code) => _codeWords.AsSpan(_codeWordStart[code], _codeWordStart[code + 1] - _codeWordStart[code]);

    /// <summary>Gets how many times a code sequence's words are listed in a retrieval bucket: 0, 1, or 2 when both of the
    /// sequence's keys are that bucket's.</summary>
    /// <param name="code">The number of the code sequence.</param>
    /// <param name="key">The bucket's key.</param>
    /// <returns>The count.</returns>
    public int BucketEntries(int code, int key) => (_codeKeys[2 * code] == key ? 1 : 0) + (_codeKeys[(2 * code) + 1] == key ? 1 : 0);

    /// <summary>Finds the code sequences that lie in at least one of a set of retrieval buckets and whose similarity to a
    /// transliterated token's codes is at least a value, with that similarity, exactly as
    /// <see cref="CrossScriptSimilarity.CodeSimilarity(string, string, NameScript, double)"/> computes it.</summary>
    /// <param name="nativeCodes">The transliterated token's codes (<see cref="CrossScriptKey.Native"/>).</param>
    /// <param name="script">The script the token came from.</param>
    /// <param name="keyMask">The retrieval buckets read, one bit per key.</param>
    /// <param name="atLeast">The least similarity kept.</param>
    /// <param name="found">Receives the numbers of the code sequences with their similarity, in ordinal order.</param>
    // The walk of one run (SimilarToPrefixes does the same for several, with more to track at every node): compiled optimised
    // at its first call (as the edit-cost rows it calls), since the first queries in another script would otherwise walk the
    // trie in unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Similar(string nativeCodes, NameScript script, ulong keyMask, double atLeast, List<(int Code, double Sim)> found)
    {
        var nativeMass = CrossScriptSimilarity.NativeMass(nativeCodes, script);
        if (nativeMass < 1 || _label.Length <= 1)
        {
            // No similarity is computed against a token this light.
            return;
        }

        var width = nativeCodes.Length + 1;
        var rows = FirstRow(nativeCodes, script, out var gaps);

        // The cost limit of each mass, computed once per look-up.
        Span<double> limits = stackalloc double[_maxMassHalves[0] + 1];
        for (var halves = 0; halves < limits.Length; halves++)
        {
            limits[halves] = CrossScriptSimilarity.EditCostLimit(halves / 2.0, nativeMass, script, atLeast);
        }

        // Each row is computed only over the columns that can stay within the branch's cost limit (the limit never rises down a
        // branch): the first and last such column of the row at each depth; the first row is computed whole.
        Span<int> firstColumn = stackalloc int[_maxDepth + 1];
        Span<int> lastColumn = stackalloc int[_maxDepth + 1];
        firstColumn[0] = 0;
        lastColumn[0] = nativeCodes.Length;
        var node = 1;
        while (node < _label.Length)
        {
            if ((_keyMask[node] & keyMask) == 0)
            {
                node = _end[node];
                continue;
            }

            // In preorder, the last row written one level up is the parent's.
            var depth = _depth[node];
            var at = depth * width;
            var limit = limits[_maxMassHalves[node]];
            var rowMin = CrossScriptSimilarity.NextEditRowWithin(
                _label[node], nativeCodes, script, gaps, rows.AsSpan(at - width, width), firstColumn[depth - 1], lastColumn[depth - 1], rows.AsSpan(at, width), limit, out var first, out var last);
            if (rowMin > limit)
            {
                node = _end[node];
                continue;
            }

            firstColumn[depth] = first;
            lastColumn[depth] = last;
            var code = _terminal[node];

            // A last cell outside the columns kept is above the limit: its similarity is below the least kept.
            if (code >= 0 && depth >= 2 && _codeMassHalves[code] >= 2 && last == nativeCodes.Length)
            {
                var sim = CrossScriptSimilarity.SimilarityOfEditCost(rows[at + width - 1], _codeMassHalves[code] / 2.0, nativeMass, script);
                if (sim >= atLeast)
                {
                    found.Add((code, sim));
                }
            }

            node++;
        }
    }

    /// <summary>Finds for each of a number of runs whose codes are the first codes of one sequence (a run of syllables and the
    /// longer runs from the same syllable, say) what <see cref="Similar"/> finds for that run alone, in one walk of the trie.
    /// The edit cost of a prefix of the codes is the first columns of the edit cost of all of them, so one row per trie node
    /// serves every run: the row is computed within the highest cost limit of the runs still open on the branch, and each run
    /// keeps the branch only while the least cell of its own columns stays within its own limit, as its own walk would.</summary>
    /// <param name="nativeCodes">The codes of the longest run; every run's codes are the first codes of these.</param>
    /// <param name="ends">The number of codes of each run, in increasing order; the last is the length of <paramref name="nativeCodes"/>.</param>
    /// <param name="keyMasks">The retrieval buckets each run reads, one bit per key.</param>
    /// <param name="script">The script the token came from.</param>
    /// <param name="atLeast">The least similarity kept.</param>
    /// <param name="found">Receives, for each run (by its position in <paramref name="ends"/>), the numbers of the code sequences with
    /// their similarity, each run's in ordinal order.</param>
    // Compiled optimised at its first call (as the edit-cost rows it calls): the first queries in another script would otherwise
    // walk the trie in unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SimilarToPrefixes(
        string nativeCodes, ReadOnlySpan<int> ends, ReadOnlySpan<ulong> keyMasks, NameScript script, double atLeast, List<(int Run, int Code, double Sim)> found)
    {
        var runCount = ends.Length;
        if (runCount == 0 || runCount > MaxPrefixRuns || keyMasks.Length != runCount || ends[^1] != nativeCodes.Length)
        {
            throw new ArgumentException($"between 1 and {MaxPrefixRuns} runs, each with its buckets, the last as long as the codes", nameof(ends));
        }

        if (_label.Length <= 1)
        {
            return;
        }

        // No similarity is computed against a run this light: it takes part in no branch.
        for (var r = 1; r < runCount; r++)
        {
            if (ends[r] < ends[r - 1])
            {
                throw new ArgumentException("the runs' lengths are not in increasing order", nameof(ends));
            }
        }

        Span<double> masses = stackalloc double[runCount];
        CrossScriptSimilarity.PrefixMasses(nativeCodes, ends, script, masses);
        var open = 0;
        for (var r = 0; r < runCount; r++)
        {
            if (masses[r] >= 1)
            {
                open |= 1 << r;
            }
        }

        if (open == 0)
        {
            return;
        }

        var width = nativeCodes.Length + 1;
        var rows = FirstRow(nativeCodes, script, out var gaps);

        // The cost limit of each run at each mass, computed once per look-up.
        var masses1 = _maxMassHalves[0] + 1;
        Span<double> limits = stackalloc double[runCount * masses1];
        for (var r = 0; r < runCount; r++)
        {
            for (var halves = 0; halves < masses1; halves++)
            {
                limits[(r * masses1) + halves] = CrossScriptSimilarity.EditCostLimit(halves / 2.0, masses[r], script, atLeast);
            }
        }

        // The runs still on the path at each depth. The similarity computation stops early where a row's least cell exceeds the
        // sequence's own limit, but a sequence whose last cell is within that limit never passed such a row (the path to its last
        // cell takes a cell of every row, and no cell is cheaper than one before it on the path): a run keeps every sequence it
        // reaches whose similarity is high enough, with no check of the rows above.
        var depths = _maxDepth + 1;
        Span<int> onPath = stackalloc int[depths];
        onPath[0] = open;

        // Each row is computed only over the columns that can stay within the branch's cost limit (the limit never rises down a
        // branch) and up to the last column of the longest run still on the branch (no run left needs the others): the first
        // and last such column of the row at each depth; the first row is computed whole.
        Span<int> firstColumn = stackalloc int[depths];
        Span<int> lastColumn = stackalloc int[depths];
        firstColumn[0] = 0;
        lastColumn[0] = nativeCodes.Length;
        var node = 1;
        while (node < _label.Length)
        {
            // The runs on the parent's path that read one of the branch's buckets.
            var nodeKeys = _keyMask[node];
            var depth = _depth[node];
            var alive = 0;
            for (var left = onPath[depth - 1]; left != 0; left &= left - 1)
            {
                var r = BitOperations.TrailingZeroCount(left);
                if ((nodeKeys & keyMasks[r]) != 0)
                {
                    alive |= 1 << r;
                }
            }

            if (alive == 0)
            {
                node = _end[node];
                continue;
            }

            // A longer run has more mass, so a limit at least as high: the longest run left sets the row's limit and last column.
            var longest = 31 - BitOperations.LeadingZeroCount((uint)alive);
            var mass = _maxMassHalves[node];
            var limit = limits[(longest * masses1) + mass];

            // In preorder, the last row written one level up is the parent's.
            var at = depth * width;
            var row = rows.AsSpan(at, width);
            var rowMin = CrossScriptSimilarity.NextEditRowWithin(
                _label[node], nativeCodes.AsSpan(0, ends[longest]), script, gaps, rows.AsSpan(at - width, width), firstColumn[depth - 1], lastColumn[depth - 1], row, limit, out var first, out var last);
            if (rowMin > limit)
            {
                node = _end[node];
                continue;
            }

            firstColumn[depth] = first;
            lastColumn[depth] = last;

            // With shorter runs left too, each run's least cell within its limit lies in the columns kept, up to the run's own
            // last column; a run whose least cell is above its limit leaves the branch, as its own walk would. (The longest run's
            // least cell is the row's.)
            if (alive != 1 << longest)
            {
                var least = double.PositiveInfinity;
                var column = first;
                for (var r = 0; r < longest; r++)
                {
                    for (var stop = Math.Min(ends[r], last); column <= stop; column++)
                    {
                        least = Math.Min(least, row[column]);
                    }

                    if ((alive & (1 << r)) != 0 && least > limits[(r * masses1) + mass])
                    {
                        alive &= ~(1 << r);
                    }
                }
            }

            onPath[depth] = alive;

            // A run's last cell outside the columns kept, or above its limit, leaves its similarity below the least kept.
            var code = _terminal[node];
            if (code >= 0 && depth >= 2 && _codeMassHalves[code] >= 2)
            {
                var codeMass = _codeMassHalves[code];
                for (var left = alive; left != 0; left &= left - 1)
                {
                    var r = BitOperations.TrailingZeroCount(left);
                    var end = ends[r];
                    if (end >= first && end <= last && row[end] <= limits[(r * masses1) + mass])
                    {
                        var sim = CrossScriptSimilarity.SimilarityOfEditCost(row[end], codeMass / 2.0, masses[r], script);
                        if (sim >= atLeast)
                        {
                            found.Add((r, code, sim));
                        }
                    }
                }
            }

            node++;
        }
    }

    // The thread's rows of a walk (one per depth of the trie, then the gap costs, each one cell wider than the codes), with the
    // first row and the gap costs written.
    private double[] FirstRow(string nativeCodes, NameScript script, out Span<double> gaps)
    {
        var width = nativeCodes.Length + 1;
        var needed = (_maxDepth + 2) * width;
        var rows = _rows;
        if (rows is null || rows.Length < needed)
        {
            _rows = rows = new double[Math.Max(needed, 1024)];
        }

        gaps = rows.AsSpan((_maxDepth + 1) * width, width);
        CrossScriptSimilarity.FirstEditRow(nativeCodes, script, rows.AsSpan(0, width), gaps);
        return rows;
    }

    /// <summary>The most runs <see cref="SimilarToPrefixes"/> takes at once.</summary>
    public const int MaxPrefixRuns = 8;

    // The words of each code sequence, in ordinal order: the first index into the second of each sequence, and one past the last.
    private static (int[] Start, int[] Words) WordsByCode(int[] wordCodes, int codeCount)
    {
        var start = new int[codeCount + 1];
        foreach (var c in wordCodes)
        {
            start[c + 1]++;
        }

        for (var c = 0; c < codeCount; c++)
        {
            start[c + 1] += start[c];
        }

        var words = new int[wordCodes.Length];
        var next = (int[])start.Clone();
        for (var w = 0; w < wordCodes.Length; w++)
        {
            words[next[wordCodes[w]]++] = w;
        }

        return (start, words);
    }

    // The trie of the code sequences (distinct, in ordinal order) in preorder: node 0 is the root (the empty prefix), and each
    // node carries the union of its branch's bucket keys and the heaviest mass of its branch's sequences.
    private static (char[] Label, int[] Depth, int[] End, int[] Terminal, ulong[] KeyMask, int[] MaxMassHalves) Trie(string[] codes, ulong[] codeMasks, int[] massHalves)
    {
        var label = new List<char> { '\0' };
        var depth = new List<int> { 0 };
        var parent = new List<int> { -1 };
        var terminal = new List<int> { -1 };
        var path = new List<int> { 0 };
        var previous = string.Empty;
        for (var c = 0; c < codes.Length; c++)
        {
            var code = codes[c];
            var shared = 0;
            while (shared < code.Length && shared < previous.Length && code[shared] == previous[shared])
            {
                shared++;
            }

            path.RemoveRange(shared + 1, path.Count - shared - 1);
            for (var i = shared; i < code.Length; i++)
            {
                label.Add(code[i]);
                depth.Add(i + 1);
                parent.Add(path[^1]);
                terminal.Add(-1);
                path.Add(label.Count - 1);
            }

            terminal[path[^1]] = c;
            previous = code;
        }

        var count = label.Count;
        var end = new int[count];
        var keyMask = new ulong[count];
        var maxMass = new int[count];
        var lastDescendant = Enumerable.Range(0, count).ToArray();
        for (var node = count - 1; node >= 0; node--)
        {
            if (terminal[node] >= 0)
            {
                keyMask[node] |= codeMasks[terminal[node]];
                maxMass[node] = Math.Max(maxMass[node], massHalves[terminal[node]]);
            }

            end[node] = lastDescendant[node] + 1;
            if (parent[node] >= 0)
            {
                var p = parent[node];
                keyMask[p] |= keyMask[node];
                maxMass[p] = Math.Max(maxMass[p], maxMass[node]);
                lastDescendant[p] = Math.Max(lastDescendant[p], lastDescendant[node]);
            }
        }

        return ([.. label], [.. depth], end, [.. terminal], keyMask, maxMass);
    }
}

/// <summary>The tables of a <see cref="SoundVocabulary"/> as an index snapshot stores them.</summary>
/// <param name="CodeKeys">Each code sequence's two retrieval keys, -1 for none.</param>
/// <param name="CodeMassHalves">Each code sequence's consonant mass, in half units.</param>
/// <param name="Label">The code of each trie node, in preorder.</param>
/// <param name="Depth">The depth of each node.</param>
/// <param name="End">The node after each node's branch.</param>
/// <param name="Terminal">The code sequence each node ends, or -1.</param>
/// <param name="KeyMask">The retrieval keys of each node's branch, one bit per key.</param>
/// <param name="MaxMassHalves">The heaviest consonant mass of each node's branch, in half units.</param>
/// <param name="MaxDepth">The greatest depth.</param>
internal sealed record StoredSoundTables(
    int[] CodeKeys,
    int[] CodeMassHalves,
    char[] Label,
    int[] Depth,
    int[] End,
    int[] Terminal,
    ulong[] KeyMask,
    int[] MaxMassHalves,
    int MaxDepth);

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The facts of each indexed name's tokens that the bound reads (<see cref="IndexedNameFacts"/>), in a table made and
/// filled with the index, whether built or read from a snapshot.</summary>
internal sealed partial class CandidateIndex
{
    // The table of facts, made and filled with the index.
    private readonly NameFactsTable _nameFacts;

    /// <summary>Gets or sets whether an index made from now on fills the facts of every name as it is made (the default), rather
    /// than name by name when the bound first reads one; for measurements that compare the two, never changed by the library.</summary>
    internal static bool FillFactsWhenMade { get; set; } = true;

    /// <summary>Gets whether the facts of every name are filled (for tests).</summary>
    internal bool AllFactsFilled => _nameFacts.AllFilled(Names.Length);

    // The table of facts of the index's names, filled on every core (FillFactsWhenMade). The screenings then only read it: the
    // first screenings of a process no longer look each new candidate's tokens up in the postings and sketches (reads of places
    // no query has read yet), and no list of a name's wider classes is made during screening, where it would be among the
    // young objects the first collections move.
    private NameFactsTable MakeFacts(IReadOnlyList<IndexedName> names)
    {
        var table = new NameFactsTable(names);
        if (FillFactsWhenMade)
        {
            table.FillAll(names, this, _scoring);
        }

        return table;
    }

    /// <summary>Brings in the parts of some indexed names that comparing them reads (each name's record and normalised form, its
    /// list of tokens and their letters, its key, its entry of facts and its tokens' entries) before they are compared. The names
    /// lie anywhere in the index, mostly beyond the processor's nearest caches, and each part is found through the one before it:
    /// compared one after another, each name would wait for memory at every step. Where the processor takes hints to prefetch
    /// (x86), every name's part of one step is asked for before any name's next step is read, so that the waits of different
    /// names overlap (the hints do not wait, and a part already read costs little at the next step); elsewhere, or when asked,
    /// each name's first parts are read one name after another.</summary>
    /// <param name="nameIds">Positions in <see cref="Names"/>.</param>
    /// <param name="stepByStep">Whether to bring in every part step by step where the processor takes hints: for a query form
    /// compared letter by letter (in Latin letters, or transliterated from Cyrillic and other alphabets), whose comparisons are
    /// short; not for one in Han, Hangul or kana, compared by sound, whose comparison of each candidate reads far more than the
    /// candidate, so that parts brought in early gain nothing (measured: <c>stages --read-ahead-ab</c>).</param>
    /// <returns>A sum of what was read, for the caller to keep.</returns>
    internal int ReadAhead(ReadOnlySpan<int> nameIds, bool stepByStep = true)
    {
        if (!stepByStep || !Sse.IsSupported || !PrefetchAhead)
        {
            var read = 0;
            foreach (var id in nameIds)
            {
                var normalized = Names[id].Normalized;
                read += normalized.Tokens.Count + normalized.Key.Length + _nameFacts.Touch(id);
            }

            return read;
        }

        var names = Names;
        foreach (var id in nameIds)
        {
            Prefetch(names[id]);
        }

        foreach (var id in nameIds)
        {
            Prefetch(names[id].Normalized);
            _nameFacts.PrefetchName(id);
        }

        foreach (var id in nameIds)
        {
            var normalized = names[id].Normalized;
            Prefetch(normalized.Tokens);
            Prefetch(normalized.Key);
            _nameFacts.PrefetchTokens(id);
        }

        foreach (var id in nameIds)
        {
            var tokens = CollectionsMarshal.AsSpan(names[id].Normalized.Tokens);
            if (!tokens.IsEmpty)
            {
                Prefetch(in tokens[0]);
            }
        }

        var sum = 0;
        foreach (var id in nameIds)
        {
            var tokens = CollectionsMarshal.AsSpan(names[id].Normalized.Tokens);
            foreach (ref readonly var token in tokens)
            {
                Prefetch(token.Text);
            }

            sum += tokens.Length;
        }

        return sum;
    }

    /// <summary>Gets or sets whether <see cref="ReadAhead"/> asks for the names' parts step by step where the processor takes hints
    /// to prefetch (the default), rather than reading each name's first parts in turn; for measurements that compare the two,
    /// never changed by the library.</summary>
    internal static bool PrefetchAhead { get; set; } = true;

    // Asks the processor to bring in the start of an object (its first cache line), without waiting: a hint, which the
    // processor may ignore, and which reads nothing that could fail (an object the collector moves meanwhile is only missed).
    private static unsafe void Prefetch<T>(T item)
        where T : class => Sse.Prefetch0((void*)Unsafe.As<T, nint>(ref item));

    // Asks the processor to bring in the cache line of an element of an array or list, without waiting.
    private static unsafe void Prefetch<T>(ref readonly T element)
        where T : struct => Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.AsRef(in element)));

    /// <summary>Gets the facts of an indexed name's tokens, to be made, and then kept, when first read
    /// (<see cref="IndexedNameFacts.Made"/>): getting them reads nothing of the table of facts.</summary>
    /// <param name="nameId">The name's position in <see cref="Names"/>.</param>
    /// <returns>The facts, not yet made.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nameId"/> is not a position in <see cref="Names"/>.</exception>
    internal IndexedNameFacts FactsOf(int nameId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nameId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(nameId, Names.Length);
        return new IndexedNameFacts(this, _nameFacts, _scoring, nameId, Names[nameId].Normalized.Tokens, null);
    }

    /// <summary>The facts of every indexed name's tokens, by name and by token, in arrays made once: filled for every name when
    /// made (<see cref="FillAll"/>), or name by name on first use, each name's entries written before its mark (with the values
    /// any thread would write) and read after it.</summary>
    /// <remarks>What the bound reads of one name lies in one entry (24 bytes), and what it reads of one token in one entry of
    /// another table (32 bytes): the names a query meets lie anywhere in the tables, and each read of a name or token that is
    /// not in the processor's caches waits for memory, so facts read together are kept together. The entries hold no
    /// references.</remarks>
    internal sealed class NameFactsTable
    {
        // A name's mark once its entries are written: without, or with, tokens of other wider classes.
        private const int MarkFilled = 1;
        private const int MarkFilledWithWider = 2;

        private readonly NameEntry[] _names;
        private readonly TokenEntry[] _tokens;

        // What the bound keeps of each token on its own, in the places of the tokens' entries (0 until first kept): apart from
        // the entries, which are full, in a table of one byte a token.
        private readonly byte[] _traits;

        // A name's tokens in their wider classes, where they differ (read only for a name whose entry says so): apart from the
        // entries, which hold no references, so that a screening that fills entries writes no reference into them.
        private readonly List<NameToken>?[] _wider;

        public NameFactsTable(IReadOnlyList<IndexedName> names)
        {
            _names = new NameEntry[names.Count + 1];
            for (var n = 0; n < names.Count; n++)
            {
                _names[n + 1].Start = _names[n].Start + names[n].Normalized.Tokens.Count;
            }

            _tokens = new TokenEntry[_names[^1].Start];
            _traits = new byte[_tokens.Length];
            _wider = new List<NameToken>?[names.Count];
        }

        public string? SoundCodes(int token, string text, CandidateIndex index)
        {
            var number = Volatile.Read(ref _tokens[token].SoundCodes);
            if (number == 0)
            {
                number = index._sound.CodesNumberOf(text) is var found and >= 0 ? found + 1 : -1;
                Volatile.Write(ref _tokens[token].SoundCodes, number);
            }

            return number > 0 ? index._sound.Codes[number - 1] : null;
        }

        public int Start(int name) => _names[name].Start;

        public bool IsFilled(int name) => Volatile.Read(ref _names[name].Filled) != 0;

        public List<NameToken>? Wider(int name) => _names[name].Filled == MarkFilledWithWider ? _wider[name] : null;

        public double Rarity(int token) => _tokens[token].Rarity;

        public SpellingSketch Sketch(int token) => _tokens[token].Sketch;

        public int Number(int token) => _tokens[token].Number;

        public byte Traits(int token) => Volatile.Read(ref _traits[token]);

        public void KeepTraits(int token, byte traits) => Volatile.Write(ref _traits[token], traits);

        /// <summary>Asks the processor to bring in a name's entry, for <see cref="ReadAhead"/>.</summary>
        public void PrefetchName(int name) => Prefetch(in _names[name]);

        /// <summary>Asks the processor to bring in the entries of a name's tokens (the first two lines of them, which hold the
        /// entries of four tokens), for <see cref="ReadAhead"/>.</summary>
        public void PrefetchTokens(int name)
        {
            var start = _names[name].Start;
            var end = _names[name + 1].Start;
            if (start < end)
            {
                Prefetch(in _tokens[start]);
                Prefetch(in _tokens[Math.Min(end - 1, start + 2)]);
            }
        }

        /// <summary>Reads a name's entry and its first token's, for <see cref="ReadAhead"/> where the processor takes no hints to
        /// prefetch.</summary>
        public int Touch(int name)
        {
            ref readonly var entry = ref _names[name];
            return entry.Start + entry.Filled + (entry.Start < _tokens.Length ? _tokens[entry.Start].Number : 0);
        }

        public void Fill(int name, List<NameToken> tokens, CandidateIndex index, ICandidateScoring scoring)
        {
            List<NameToken>? wider = null;
            var start = _names[name].Start;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                var widerToken = LegalForms.WiderClass(token);
                if (widerToken != token)
                {
                    wider ??= [.. tokens];
                    wider[i] = widerToken;
                }

                ref var facts = ref _tokens[start + i];
                facts.Number = index.PostingNumber(token.Text, out facts.Rarity);
                facts.Sketch = token.Text.Length < 4 ? default
                    : index.TryGetSketch(token.Text, out var sketch) ? sketch : scoring.Sketch(token.Text);
            }

            if (wider is not null)
            {
                _wider[name] = wider;
            }

            Volatile.Write(ref _names[name].Filled, wider is null ? MarkFilled : MarkFilledWithWider);
        }

        /// <summary>Fills the entries of every name, with the sound codes of each token, on every core, in parts of 1,024 names.</summary>
        /// <param name="names">The index's names.</param>
        /// <param name="index">The index.</param>
        /// <param name="scoring">The scoring that makes the sketches of words the index does not hold.</param>
        public void FillAll(IReadOnlyList<IndexedName> names, CandidateIndex index, ICandidateScoring scoring)
        {
            const int part = 1024;
            Parallel.For(
                0,
                (names.Count + part - 1) / part,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                p =>
                {
                    for (var n = p * part; n < Math.Min(names.Count, (p + 1) * part); n++)
                    {
                        var tokens = names[n].Normalized.Tokens;
                        Fill(n, tokens, index, scoring);
                        for (var i = 0; i < tokens.Count; i++)
                        {
                            _ = SoundCodes(_names[n].Start + i, tokens[i].Text, index);
                        }
                    }
                });
        }

        /// <summary>Gets whether the entries of every name are filled.</summary>
        /// <param name="count">The number of names.</param>
        /// <returns><see langword="true"/> when every name's mark is set.</returns>
        public bool AllFilled(int count)
        {
            for (var n = 0; n < count; n++)
            {
                if (!IsFilled(n))
                {
                    return false;
                }
            }

            return true;
        }

        public bool TryGetMisspelling(int name, string form, out bool misspelt)
        {
            var number = LegalForms.MisspellingFormNumber(form);
            var bit = number < 0 ? 0 : 1L << number;
            if (bit != 0 && (Volatile.Read(ref _names[name].FormsKnown) & bit) != 0)
            {
                misspelt = (Volatile.Read(ref _names[name].FormsMisspelt) & bit) != 0;
                return true;
            }

            misspelt = false;
            return false;
        }

        public void KeepMisspelling(int name, string form, bool misspelt)
        {
            var number = LegalForms.MisspellingFormNumber(form);
            if (number < 0)
            {
                return;
            }

            // The answer first, then the mark that it is known.
            if (misspelt)
            {
                Interlocked.Or(ref _names[name].FormsMisspelt, 1L << number);
            }

            Interlocked.Or(ref _names[name].FormsKnown, 1L << number);
        }

        // A name's facts: where its tokens' entries start, whether they are filled (and whether its tokens have other wider
        // classes), and the legal forms whose misspelling by a run of its tokens is known, and found.
        private struct NameEntry
        {
            public long FormsKnown;
            public long FormsMisspelt;
            public int Start;
            public int Filled;
        }

        // A token's facts: its spelling sketch, rarity and posting-list number, and the number of its sound codes as a Latin word
        // (SoundVocabulary.CodesNumberOf) plus 1: 0 until first read, -1 for none. Numbers rather than the codes themselves: the
        // screenings that fill the table write no references into it.
        private struct TokenEntry
        {
            public SpellingSketch Sketch;
            public double Rarity;
            public int Number;
            public int SoundCodes;
        }
    }
}

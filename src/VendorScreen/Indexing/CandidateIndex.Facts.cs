using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The facts of each indexed name's tokens that the bound reads (<see cref="IndexedNameFacts"/>), in a table made with
/// the index and filled name by name when the bound first reads a name.</summary>
internal sealed partial class CandidateIndex
{
    // The table of facts, made with the index (its entries are filled on first use).
    private readonly NameFactsTable _nameFacts;

    /// <summary>Reads the parts of some indexed names that comparing them reads first (each name's normalised form, its tokens,
    /// its key, its entry of facts and its first token's), one name after another, before they are compared: the reads of
    /// different names do not wait on one another, where the comparisons, reading each name in turn, would wait for each one
    /// (the names lie anywhere in the index, mostly beyond the processor's nearest caches).</summary>
    /// <param name="nameIds">Positions in <see cref="Names"/>.</param>
    /// <returns>A sum of what was read, for the caller to keep.</returns>
    internal int ReadAhead(ReadOnlySpan<int> nameIds)
    {
        var sum = 0;
        foreach (var id in nameIds)
        {
            var normalized = Names[id].Normalized;
            sum += normalized.Tokens.Count + normalized.Key.Length + _nameFacts.Touch(id);
        }

        return sum;
    }

    /// <summary>Gets the facts of an indexed name's tokens, to be made, and then kept, when first read
    /// (<see cref="IndexedNameFacts.Made"/>): getting them reads nothing of the table of facts.</summary>
    /// <param name="nameId">The name's position in <see cref="Names"/>.</param>
    /// <returns>The facts, not yet made.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nameId"/> is not a position in <see cref="Names"/>.</exception>
    internal IndexedNameFacts FactsOf(int nameId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nameId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(nameId, Names.Count);
        return new IndexedNameFacts(this, _nameFacts, _scoring, nameId, Names[nameId].Normalized.Tokens, null);
    }

    /// <summary>The facts of every indexed name's tokens, by name and by token, in arrays made once: filled name by name on first
    /// use, each name's entries written before its mark (with the values any thread would write) and read after it.</summary>
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

        // A name's tokens in their wider classes, where they differ (read only for a name whose entry says so): apart from the
        // entries, which hold no references, so that a screening that fills entries writes no reference into them.
        private readonly IReadOnlyList<NameToken>?[] _wider;

        public NameFactsTable(IReadOnlyList<IndexedName> names)
        {
            _names = new NameEntry[names.Count + 1];
            for (var n = 0; n < names.Count; n++)
            {
                _names[n + 1].Start = _names[n].Start + names[n].Normalized.Tokens.Count;
            }

            _tokens = new TokenEntry[_names[^1].Start];
            _wider = new IReadOnlyList<NameToken>?[names.Count];
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

        public IReadOnlyList<NameToken>? Wider(int name) => _names[name].Filled == MarkFilledWithWider ? _wider[name] : null;

        public double Rarity(int token) => _tokens[token].Rarity;

        public SpellingSketch Sketch(int token) => _tokens[token].Sketch;

        public int Number(int token) => _tokens[token].Number;

        /// <summary>Reads a name's entry and its first token's, for <see cref="ReadAhead"/>.</summary>
        public int Touch(int name)
        {
            ref readonly var entry = ref _names[name];
            return entry.Start + entry.Filled + (entry.Start < _tokens.Length ? _tokens[entry.Start].Number : 0);
        }

        public void Fill(int name, IReadOnlyList<NameToken> tokens, CandidateIndex index, ICandidateScoring scoring)
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

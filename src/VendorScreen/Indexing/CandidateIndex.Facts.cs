using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The facts of each indexed name's tokens that the bound reads (<see cref="IndexedNameFacts"/>), in a table made with
/// the index and filled name by name when the bound first reads a name.</summary>
internal sealed partial class CandidateIndex
{
    // The table of facts, made with the index (its entries are filled on first use).
    private readonly NameFactsTable _nameFacts;

    /// <summary>Reads the parts of some indexed names that comparing them reads first (each name's normalised form, its tokens,
    /// its key and where its facts lie), one name after another, before they are compared: the reads of different names do not
    /// wait on one another, where the comparisons, reading each name in turn, would wait for each one (the names lie anywhere in
    /// the index, mostly beyond the processor's nearest caches).</summary>
    /// <param name="nameIds">Positions in <see cref="Names"/>.</param>
    /// <returns>A sum of what was read, for the caller to keep.</returns>
    internal int ReadAhead(ReadOnlySpan<int> nameIds)
    {
        var sum = 0;
        foreach (var id in nameIds)
        {
            var normalized = Names[id].Normalized;
            sum += normalized.Tokens.Count + normalized.Key.Length + _nameFacts.Start(id) + (_nameFacts.IsFilled(id) ? 1 : 0);
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
    internal sealed class NameFactsTable
    {
        private readonly int[] _starts;
        private readonly SpellingSketch[] _sketches;
        private readonly double[] _rarity;
        private readonly int[] _numbers;
        private readonly IReadOnlyList<NameToken>?[] _wider;
        private readonly int[] _filled;
        private readonly long[] _formsKnown;
        private readonly long[] _formsMisspelt;

        // The number of each token's sound codes as a Latin word (SoundVocabulary.CodesNumberOf) plus 1: 0 until first read, -1
        // for none. Numbers rather than the codes themselves: the screenings that fill the table write no references into it.
        private readonly int[] _soundCodes;

        public NameFactsTable(IReadOnlyList<IndexedName> names)
        {
            _starts = new int[names.Count + 1];
            for (var n = 0; n < names.Count; n++)
            {
                _starts[n + 1] = _starts[n] + names[n].Normalized.Tokens.Count;
            }

            _sketches = new SpellingSketch[_starts[^1]];
            _rarity = new double[_starts[^1]];
            _numbers = new int[_starts[^1]];
            _wider = new IReadOnlyList<NameToken>?[names.Count];
            _filled = new int[names.Count];
            _formsKnown = new long[names.Count];
            _formsMisspelt = new long[names.Count];
            _soundCodes = new int[_starts[^1]];
        }

        public string? SoundCodes(int token, string text, CandidateIndex index)
        {
            var number = Volatile.Read(ref _soundCodes[token]);
            if (number == 0)
            {
                number = index._sound.CodesNumberOf(text) is var found and >= 0 ? found + 1 : -1;
                Volatile.Write(ref _soundCodes[token], number);
            }

            return number > 0 ? index._sound.Codes[number - 1] : null;
        }

        public int Start(int name) => _starts[name];

        public bool IsFilled(int name) => Volatile.Read(ref _filled[name]) != 0;

        public IReadOnlyList<NameToken>? Wider(int name) => _wider[name];

        public double Rarity(int token) => _rarity[token];

        public SpellingSketch Sketch(int token) => _sketches[token];

        public int Number(int token) => _numbers[token];

        public void Fill(int name, IReadOnlyList<NameToken> tokens, CandidateIndex index, ICandidateScoring scoring)
        {
            List<NameToken>? wider = null;
            var start = _starts[name];
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                var widerToken = LegalForms.WiderClass(token);
                if (widerToken != token)
                {
                    wider ??= [.. tokens];
                    wider[i] = widerToken;
                }

                _numbers[start + i] = index.PostingNumber(token.Text, out _rarity[start + i]);
                _sketches[start + i] = token.Text.Length < 4 ? default
                    : index.TryGetSketch(token.Text, out var sketch) ? sketch : scoring.Sketch(token.Text);
            }

            _wider[name] = wider;
            Volatile.Write(ref _filled[name], 1);
        }

        public bool TryGetMisspelling(int name, string form, out bool misspelt)
        {
            var number = LegalForms.MisspellingFormNumber(form);
            var bit = number < 0 ? 0 : 1L << number;
            if (bit != 0 && (Volatile.Read(ref _formsKnown[name]) & bit) != 0)
            {
                misspelt = (Volatile.Read(ref _formsMisspelt[name]) & bit) != 0;
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
                Interlocked.Or(ref _formsMisspelt[name], 1L << number);
            }

            Interlocked.Or(ref _formsKnown[name], 1L << number);
        }
    }
}

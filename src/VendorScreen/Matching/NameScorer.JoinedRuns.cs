using System.Buffers;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

// The runs of tokens of a name read joined ("hik vision" as "hikvision"), walked alike by the scorer and by its bound.
internal static partial class NameScorer
{
    // Gets the characters of a name's tokens joined: the least buffer JoinedRuns writes into.
    private static int JoinedLength(List<NameToken> tokens)
    {
        var length = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Text.Length;
        }

        return length;
    }

    // The first tokens of the runs of a name (as a mask for JoinedRuns, bit k for token k) whose joined text may be spelt alike
    // with a word of four letters or more (MaySpellAlike): those whose first or second letter is the word's, added to the starts
    // given. A run of the same letters in runs of other lengths starts with the word's first letter, and any other needs the
    // first or the second letter the same, so the runs of any other start are not. A token with no letter of its own is a start
    // kept.
    // A word with the article joined ("elkurd") is also read as the article's own word starts, "al" (WithArticleAl).
    internal static ulong JoinedStartsFor(ReadOnlySpan<char> word, List<NameToken> multi, ulong starts) =>
        word.Length < 4 ? starts
            : starts | StartsByLetters(LetterBit(word[0]) | (HasJoinedArticle(word) ? LetterBit('a') : 0), LetterBit(word[1]), multi);

    // The Arabic article as a word of its own, as the normaliser writes it ("el-Kurd" and "al-Kurd" are "al kurd").
    private const string Article = "al";

    // The longest word read with its article as its own word writes it (WithArticleAl): longer words are read as written only.
    private const int MaxArticleWord = 64;

    /// <summary>Gets whether a word may be written with the Arabic article joined as "el" ("elkurd", "elmal"): five letters or
    /// more, starting "el", and at most <see cref="MaxArticleWord"/> long. Under <see cref="NameScoringRules.JoinedArticleEl"/>,
    /// against a run of the other name that starts with the article as a word of its own, which the normaliser writes "al"
    /// ("El-Kurd" is "al kurd"), such a word is read both as written and with "al" in place of its "el" (WithArticleAl), by the
    /// scorer's joined pairs and by their bound alike; the starts of the runs the bound walks allow for it under any rules.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is such a word.</returns>
    internal static bool HasJoinedArticle(ReadOnlySpan<char> word) =>
        word.Length >= 5 && word.Length <= MaxArticleWord && word[0] == 'e' && word[1] == 'l';

    // Whether a run of a name starts with the article as a word of its own.
    private static bool StartsWithArticle(List<NameToken> multi, int start) => string.Equals(multi[start].Text, Article, StringComparison.Ordinal);

    // Writes a word with "al" in place of its first two letters ("elkurd" -> "alkurd") into a buffer of at least MaxArticleWord
    // characters, and gives it.
    private static ReadOnlySpan<char> WithArticleAl(ReadOnlySpan<char> word, Span<char> buffer)
    {
        Article.AsSpan().CopyTo(buffer);
        word[2..].CopyTo(buffer[2..]);
        return buffer[..word.Length];
    }

    // The starts JoinedStartsFor gives for any word of four letters or more of another name, in one pass over the name's tokens
    // rather than one per word.
    internal static ulong JoinedStartsForAll(List<NameToken> words, List<NameToken> multi)
    {
        ulong firsts = 0, seconds = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Text;
            if (word.Length >= 4)
            {
                firsts |= LetterBit(word[0]) | (HasJoinedArticle(word) ? LetterBit('a') : 0);
                seconds |= LetterBit(word[1]);
            }
        }

        return firsts == 0 ? 0 : StartsByLetters(firsts, seconds, multi);
    }

    // The starts of the runs whose first letter is in one set of letters or whose second letter is in another, each set of 64
    // bits (LetterBit). Characters 64 apart share a bit, so a start may be kept that no word's letters give: the starts only
    // spare MarkJoined and JoinedRunsOf runs they would rule out.
    private static ulong StartsByLetters(ulong firsts, ulong seconds, List<NameToken> multi)
    {
        var starts = 0UL;
        for (var k = 0; k < multi.Count - 1 && k < 64; k++)
        {
            var first = multi[k].Text;
            var second = first.Length >= 2 ? first : multi[k + 1].Text;
            if (first.Length == 0 || second.Length == 0
                || (firsts & LetterBit(first[0])) != 0 || (seconds & LetterBit(first.Length >= 2 ? first[1] : second[0])) != 0
                || (first.Length == 1 && SecondWithoutAndIn(multi, k, seconds)))
            {
                starts |= 1UL << k;
            }
        }

        return starts;
    }

    // Whether the runs from a token of one letter, read without their inner "and"s (JoinedRuns), have a second letter in a set
    // (LetterBit): the first letter of the first token after the "and"s that follow it inside a run, where that is not the
    // second letter of the runs as written. A token with no letter there is a start kept.
    private static bool SecondWithoutAndIn(List<NameToken> multi, int start, ulong seconds)
    {
        var k = start + 1;
        while (k < start + 3 && k + 1 < multi.Count && NameNormalizer.IsAnd(multi[k]))
        {
            k++;
        }

        return k > start + 1 && (multi[k].Text.Length == 0 || (seconds & LetterBit(multi[k].Text[0])) != 0);
    }

    // A character's bit in a set of 64 (bit c % 64).
    private static ulong LetterBit(char c) => 1UL << (c & 63);

    // The runs of two to four consecutive tokens of a name, each joined without spaces, in order: by first token, then
    // growing by one token at a time. A run with an "and" inside it (the word an ampersand is read as) comes twice, as written
    // and then with its inner "and"s left out ("oil and gas" as "oilandgas", then "oilgas": "OIL & GAS" written "OILGAS"), both
    // of the same tokens. Under joined-skips-legal-forms a legal form is a word of its own, never part of a joined
    // name ("E. S. Co." is not "Esco"): a run stops before one. A run's length and its first, second and last letters are known
    // as soon as it is reached (for MaySpellAlikeShape); its joined text is written only when asked for (Joined), into the
    // caller's buffer on the stack (StackLength characters) or, for a longer name, into one rented from the shared pool, which
    // Dispose returns, and is valid until the next MoveNext.
    private ref struct JoinedRuns
    {
        // The length of the buffer a caller gives on the stack.
        public const int StackLength = 256;

        private readonly List<NameToken> _tokens;
        private readonly Span<char> _buffer;
        private readonly bool _skipLegalForms;
        private readonly ulong _starts;
        private char[]? _rented;

        // The tokens of the run, from its first, whose letters are in the buffer, and how many letters they are; whether the
        // buffer holds the run as written or without its inner "and"s.
        private int _written;
        private int _writtenLength;
        private bool _writtenWithoutAnd;

        // The length and the first, second and last letters of the run as written.
        private int _length;
        private char _first;
        private char _second;
        private char _last;

        // starts: the first tokens whose runs are walked, as a mask (bit k for token k; a token past the 64th is always a start
        // walked); by default every one.
        public JoinedRuns(List<NameToken> tokens, Span<char> stackBuffer, bool skipLegalForms, ulong starts = ulong.MaxValue)
        {
            _tokens = tokens;
            var longest = JoinedLength(tokens);
            _buffer = longest <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<char>.Shared.Rent(longest));
            _skipLegalForms = skipLegalForms;
            _starts = starts;
        }

        // Returns a rented buffer to the pool.
        public void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<char>.Shared.Return(_rented);
                _rented = null;
            }
        }

        // Gets the index of the run's first token.
        public int Start { get; private set; }

        // Gets the number of tokens of the run (0 before the first token of a start is read).
        public int Count { get; private set; }

        // Gets whether the run is read without the "and"s inside it (its second reading).
        public bool WithoutAnd { get; private set; }

        // Gets the number of letters of the run joined.
        public int Length { get; private set; }

        // Gets the first, the second and the last letter of the run joined (0 where it has none).
        public char First { get; private set; }

        public char Second { get; private set; }

        public char Last { get; private set; }

        // Gets the run joined, writing what is not yet written of it.
        public ReadOnlySpan<char> Joined
        {
            get
            {
                if (_writtenWithoutAnd != WithoutAnd)
                {
                    (_written, _writtenLength, _writtenWithoutAnd) = (0, 0, WithoutAnd);
                }

                for (; _written < Count; _written++)
                {
                    if (WithoutAnd && IsInnerAnd(_written))
                    {
                        continue;
                    }

                    var text = _tokens[Start + _written].Text;
                    text.AsSpan().CopyTo(_buffer[_writtenLength..]);
                    _writtenLength += text.Length;
                }

                return _buffer[.._writtenLength];
            }
        }

        public bool MoveNext()
        {
            // The run as written, just given, is given again without its inner "and"s when it has one.
            if (!WithoutAnd && Count >= 3 && HasInnerAnd())
            {
                WithoutAnd = true;
                ReadWithoutAnd();
                return true;
            }

            if (WithoutAnd)
            {
                WithoutAnd = false;
                (Length, First, Second, Last) = (_length, _first, _second, _last);
            }

            while (Start < _tokens.Count - 1)
            {
                if (Count == 0)
                {
                    if (Start < 64 && (_starts & (1UL << Start)) == 0)
                    {
                        Start++;
                        continue;
                    }

                    (First, Second, Last, Length) = ('\0', '\0', '\0', 0);
                    Append(_tokens[Start].Text);
                    (_written, _writtenLength, _writtenWithoutAnd) = (0, 0, false);
                    Count = 1;
                }

                var next = Count + 1;
                if (next > 4 || Start + next > _tokens.Count
                    || (_skipLegalForms && (_tokens[Start].Class == TokenClass.LegalForm || _tokens[Start + next - 1].Class == TokenClass.LegalForm)))
                {
                    Start++;
                    Count = 0;
                    continue;
                }

                Append(_tokens[Start + next - 1].Text);
                Count = next;
                (_length, _first, _second, _last) = (Length, First, Second, Last);
                return true;
            }

            return false;
        }

        // Whether the token at a place of the run (from its first) is an "and" inside it, neither its first nor its last.
        private readonly bool IsInnerAnd(int place) =>
            place > 0 && place < Count - 1 && NameNormalizer.IsAnd(_tokens[Start + place]);

        private readonly bool HasInnerAnd()
        {
            for (var place = 1; place < Count - 1; place++)
            {
                if (IsInnerAnd(place))
                {
                    return true;
                }
            }

            return false;
        }

        // Reads the letters of the run without its inner "and"s into its length and its first, second and last letters.
        private void ReadWithoutAnd()
        {
            (First, Second, Last, Length) = ('\0', '\0', '\0', 0);
            for (var place = 0; place < Count; place++)
            {
                if (!IsInnerAnd(place))
                {
                    Append(_tokens[Start + place].Text);
                }
            }
        }

        // Reads the letters of one more token of the run into its length and its first, second and last letters.
        private void Append(string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (Length == 0)
            {
                First = text[0];
                Second = text.Length > 1 ? text[1] : '\0';
            }
            else if (Length == 1)
            {
                Second = text[0];
            }

            Last = text[^1];
            Length += text.Length;
        }
    }
}

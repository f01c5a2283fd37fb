using System.Buffers;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

// The runs of tokens of a name read joined ("hik vision" as "hikvision"), walked alike by the scorer and by its bound.
internal static partial class NameScorer
{
    // Gets the characters of a name's tokens joined: the least buffer JoinedRuns writes into.
    private static int JoinedLength(IReadOnlyList<NameToken> tokens)
    {
        var length = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Text.Length;
        }

        return length;
    }

    // The runs of two to four consecutive tokens of a name, each joined without spaces, in order: by first token, then
    // growing by one token at a time. Under joined-skips-legal-forms a legal form is a word of its own, never part of a joined
    // name ("E. S. Co." is not "Esco"): a run stops before one. The joined text is written into the caller's buffer on the stack
    // (StackLength characters) or, for a longer name, into one rented from the shared pool, which Dispose returns; it is valid
    // until the next MoveNext.
    private ref struct JoinedRuns
    {
        // The length of the buffer a caller gives on the stack.
        public const int StackLength = 256;

        private readonly IReadOnlyList<NameToken> _tokens;
        private readonly Span<char> _buffer;
        private readonly bool _skipLegalForms;
        private char[]? _rented;
        private int _length;

        public JoinedRuns(IReadOnlyList<NameToken> tokens, Span<char> stackBuffer, bool skipLegalForms)
        {
            _tokens = tokens;
            var longest = JoinedLength(tokens);
            _buffer = longest <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<char>.Shared.Rent(longest));
            _skipLegalForms = skipLegalForms;
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

        // Gets the number of tokens of the run (0 before the first token of a start is written).
        public int Count { get; private set; }

        public readonly ReadOnlySpan<char> Joined => _buffer[.._length];

        public bool MoveNext()
        {
            while (Start < _tokens.Count - 1)
            {
                if (Count == 0)
                {
                    _tokens[Start].Text.AsSpan().CopyTo(_buffer);
                    _length = _tokens[Start].Text.Length;
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

                var last = _tokens[Start + next - 1].Text;
                last.AsSpan().CopyTo(_buffer[_length..]);
                _length += last.Length;
                Count = next;
                return true;
            }

            return false;
        }
    }
}

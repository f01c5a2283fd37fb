namespace VendorScreen.Normalization;

/// <summary>The class of a name token, which sets its base weight in matching.</summary>
internal enum TokenClass
{
    /// <summary>An ordinary, distinctive word.</summary>
    Word = 0,

    /// <summary>A legal form in its compare form (<c>co</c>, <c>ltd</c>, <c>llc</c>, <c>gmbh</c>): kept, but weighs little.</summary>
    LegalForm,

    /// <summary>A generic organisation word (<c>technology</c>, <c>international</c>, <c>group</c>): weighs less than a word.</summary>
    Generic,

    /// <summary>A place name often prefixed to company names (<c>hangzhou</c>, <c>usa</c>): weighs less than a word.</summary>
    Location,

    /// <summary>A number; a mismatch is penalised.</summary>
    Number,

    /// <summary>One ideograph of a Han (Chinese) name.</summary>
    Ideograph,

    /// <summary>A title or honorific before a person's name (<c>mr</c>, <c>dr</c>, <c>president</c>, <c>sheikh</c>): weighs little.</summary>
    Title,
}

/// <summary>The writing system a transliterated name variant came from.</summary>
internal enum NameScript
{
    /// <summary>Latin script, or a variant that is not a transliteration.</summary>
    Latin = 0,

    /// <summary>Han ideographs (Chinese), transliterated to pinyin syllables.</summary>
    Han,

    /// <summary>Hangul (Korean), transliterated by syllable.</summary>
    Hangul,

    /// <summary>Japanese kana.</summary>
    Kana,

    /// <summary>Cyrillic.</summary>
    Cyrillic,

    /// <summary>Arabic script (Arabic, Persian, Urdu).</summary>
    Arabic,

    /// <summary>Hebrew.</summary>
    Hebrew,

    /// <summary>Greek.</summary>
    Greek,

    /// <summary>Any other non-Latin script.</summary>
    Other,
}

/// <summary>One token of a normalised name.</summary>
/// <param name="Text">The token in compare form.</param>
/// <param name="Class">The token class.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal readonly record struct NameToken(string Text, TokenClass Class);

/// <summary>
/// Makes the token lists of names. Every name's tokens are a <see cref="List{T}"/> of <see cref="NameToken"/>, as the scorer's
/// working lists are, and the scorer reads them as that type, not through an interface: an interface call goes through the
/// runtime's dispatch stub and is not inlined unless dynamic PGO has seen the call site (the command line runs without it),
/// while a list's indexer is a direct call the compiler inlines. A name's list is never changed once the name is made.
/// </summary>
internal static class TokenLists
{
    /// <summary>Makes a list of a number of tokens, to be written through the span it gives.</summary>
    /// <param name="count">The number of tokens.</param>
    /// <param name="items">The list's tokens, to write.</param>
    /// <returns>The list.</returns>
    public static List<NameToken> OfCount(int count, out Span<NameToken> items)
    {
        var list = new List<NameToken>(count);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, count);
        items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        return list;
    }

    /// <summary>Gets whether the tokens of a name from a place are some words, in order (their texts, ordinal).</summary>
    /// <param name="tokens">The name's tokens.</param>
    /// <param name="start">The place.</param>
    /// <param name="words">The words.</param>
    /// <returns><see langword="true"/> when every word is the text of the token at its place.</returns>
    public static bool RunIs(List<NameToken> tokens, int start, string[] words)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!string.Equals(tokens[start + k].Text, words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A name in compare form: a token sequence in one script variant.</summary>
/// <param name="Tokens">The tokens in order.</param>
/// <param name="IsTransliteration">Whether this variant was produced by transliterating a non-Latin name.</param>
/// <remarks>Instances are immutable and safe for concurrent use: the token list is never changed once the name is made.</remarks>
internal sealed record NormalizedName(List<NameToken> Tokens, bool IsTransliteration)
{
    /// <summary>Gets the tokens joined by single spaces.</summary>
    public string Key { get; } = JoinTokens(Tokens);

    /// <summary>Gets a hash code of the tokens' texts (for this process), worked out once: names with the same <see cref="Key"/> have
    /// the same hash, so tables of names read alike hash a name without reading its key again.</summary>
    internal int KeyHash { get; } = HashTexts(Tokens);

    /// <summary>Gets the script the name was written in when this variant is a transliteration (the script with the most
    /// letters); <see cref="NameScript.Latin"/> for a variant that is not a transliteration.</summary>
    public NameScript SourceScript { get; init; }

    /// <summary>Gets the Han and Hangul syllable tokens that continue the written word of the token before them, one bit per
    /// token index (bit <c>i % 64</c> of element <c>i / 64</c>): "奥巴马" is one word of three syllables, "瑞 饶" two words of one.</summary>
    internal ulong[] SyllableContinuations { get; init; } = [];

    /// <summary>Gets the tokens a reading of words run together set apart from the written word of the token before them, one bit
    /// per token index as in <see cref="SyllableContinuations"/>: in <c>DahuaTechnologyCoLtd</c> read apart, every token but the
    /// first. Empty for a name read as written.</summary>
    internal ulong[] ReadApart
    {
        get => _besides as ulong[] ?? [];
        init => _besides = value.Length == 0 ? _besides : _besides is NormalizedName ? throw Both() : value;
    }

    /// <summary>Gets whether a reading of words run together set some of this variant's tokens apart (<see cref="ReadApart"/>).</summary>
    internal bool HasWordsReadApart => _besides is ulong[];

    // What a variant holds besides its tokens, seldom and never both: the first romanisation of a second one (PrimarySpelling, a
    // name in Hangul) or the tokens a reading apart set apart (ReadApart, a name in Latin letters). One field holds either, so
    // that every name, of which the index holds tens of thousands and each screening makes several, is no larger for them.
    private readonly object? _besides;

    private static InvalidOperationException Both() =>
        new("A variant is either a second romanisation or a name read apart, not both.");

    /// <summary>Gets, when this variant is a second romanisation of the name (the North Korean spelling of a Hangul name), the
    /// first (its Revised Romanization); <see langword="null"/> otherwise. A second romanisation serves comparisons with names in
    /// Latin letters; against a name written in the same script the first romanisation is compared, since the second writes
    /// some syllables alike (정 and 종 are both "jong").</summary>
    public NormalizedName? PrimarySpelling
    {
        get => _besides as NormalizedName;
        init => _besides = value is null ? _besides as ulong[] : _besides is ulong[] ? throw Both() : value;
    }

    /// <summary>Gets whether this variant is a second romanisation of the name (<see cref="PrimarySpelling"/>).</summary>
    public bool IsSecondarySpelling => PrimarySpelling is not null;

    // A hash code of the tokens' texts, in order.
    private static int HashTexts(List<NameToken> tokens)
    {
        var hash = default(HashCode);
        for (var i = 0; i < tokens.Count; i++)
        {
            hash.Add(tokens[i].Text, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    // The tokens joined by single spaces, written once into the key.
    private static string JoinTokens(List<NameToken> tokens)
    {
        if (tokens.Count == 1)
        {
            return tokens[0].Text;
        }

        var length = Math.Max(0, tokens.Count - 1);
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Text.Length;
        }

        return string.Create(length, tokens, static (span, tokens) =>
        {
            var at = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (i > 0)
                {
                    span[at++] = ' ';
                }

                tokens[i].Text.CopyTo(span[at..]);
                at += tokens[i].Text.Length;
            }
        });
    }

    /// <summary>Gets whether the token at an index is a syllable that continues the written word of the token before it.</summary>
    /// <param name="index">The token index.</param>
    /// <returns><see langword="true"/> for a continuing Han or Hangul syllable.</returns>
    internal bool ContinuesWord(int index) =>
        index > 0 && (index >> 6) < SyllableContinuations.Length && (SyllableContinuations[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Gets whether the token at an index was set apart from the written word of the token before it
    /// (<see cref="ReadApart"/>).</summary>
    /// <param name="index">The token index.</param>
    /// <returns><see langword="true"/> for a token read apart.</returns>
    internal bool IsReadApart(int index) =>
        index > 0 && (index >> 6) < ReadApart.Length && (ReadApart[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Gets a window of this name: the tokens from <paramref name="start"/>, at most <paramref name="count"/>, with their
    /// syllable continuations, the tokens read apart, script and transliteration flag.</summary>
    /// <param name="start">The first token.</param>
    /// <param name="count">The most tokens.</param>
    /// <returns>The window; this name itself when the window covers every token.</returns>
    internal NormalizedName Window(int start, int count)
    {
        count = Math.Min(count, Tokens.Count - start);
        if (start == 0 && count == Tokens.Count)
        {
            return this;
        }

        var tokens = TokenLists.OfCount(count, out var items);
        var continuations = new ulong[(count + 63) / 64];
        var apart = HasWordsReadApart ? new ulong[(count + 63) / 64] : [];
        for (var i = 0; i < count; i++)
        {
            items[i] = Tokens[start + i];
            if (i > 0 && ContinuesWord(start + i))
            {
                continuations[i >> 6] |= 1UL << (i & 63);
            }

            if (i > 0 && IsReadApart(start + i))
            {
                apart[i >> 6] |= 1UL << (i & 63);
            }
        }

        return new NormalizedName(tokens, IsTransliteration)
        {
            SourceScript = SourceScript,
            SyllableContinuations = continuations,
            ReadApart = apart,
            PrimarySpelling = PrimarySpelling?.Window(start, count),
        };
    }
}

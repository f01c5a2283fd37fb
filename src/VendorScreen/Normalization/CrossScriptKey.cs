
namespace VendorScreen.Normalization;

/// <summary>
/// Spells a name token as a sequence of sound codes for cross-script comparison: a Latin token by English and European
/// orthography, a transliterated token by the conventions of its source script (pinyin for Han, Revised Romanization for
/// Hangul, Hepburn for kana, the usual romanisations of Cyrillic, Arabic and Hebrew).
/// </summary>
/// <remarks>
/// <para>Codes are single characters. Vowels: <c>a e i o u</c>. Consonants keep their Latin letter (<c>p b f v t d k g s z h l
/// m n r y w</c>) except: <c>S</c> sh, <c>Z</c> zh (French j), <c>C</c> ch (tsch), <c>J</c> English j / dzh, <c>T</c> ts,
/// <c>Q</c> th, <c>x</c> kh (German ch), <c>N</c> ng, <c>R</c> an r before a consonant or at the end (often silent), <c>c</c> a
/// Latin c that is not clearly k (s, ts or ch by language). Pinyin j, q and x, which Chinese transcription uses for several
/// foreign sounds, keep their own codes <c>j</c>, <c>q</c>, <c>X</c>.</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal static class CrossScriptKey
{
    // Latin letters that compatibility decomposition leaves whole.
    private static readonly Dictionary<char, string> LatinLetters = new()
    {
        ['\u00DF'] = "ss", ['\u0142'] = "l", ['\u00F8'] = "o", ['\u0111'] = "d", ['\u00E6'] = "ae", ['\u0153'] = "oe", ['\u0131'] = "i",
        ['\u00F0'] = "d", ['\u00FE'] = "th", ['\u0127'] = "h",
    };

    /// <summary>Gets whether a code is a vowel.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> for <c>a e i o u</c>.</returns>
    public static bool IsVowel(char code) => code is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Gets coarse retrieval keys of a code sequence: pairs of its first consonant classes (labial, dental, velar or
    /// sibilant, liquid, nasal), skipping the consonants that transcriptions often drop or add (h, y, w, a silent r); a sequence
    /// with none of those consonants (<c>huawei</c>) has the one key <see cref="NoConsonantKey"/>. Two tokens whose codes align
    /// closely share at least one key when one side's keys are taken with <paramref name="skipFirst"/>.</summary>
    /// <param name="codes">Codes from <see cref="Latin"/> or <see cref="Native"/>.</param>
    /// <param name="skipFirst">Whether to add the key that skips the first consonant (for the query side).</param>
    /// <returns>The keys, each in [0, 36).</returns>
    public static IReadOnlyList<int> RetrievalKeys(string codes, bool skipFirst)
    {
        ArgumentNullException.ThrowIfNull(codes);
        Span<int> keys = stackalloc int[MaxRetrievalKeys];
        return WriteRetrievalKeys(codes, skipFirst, silentRAsLiquid: false, keys).ToArray();
    }

    /// <summary>The most keys <see cref="RetrievalKeys(string, bool)"/> gives.</summary>
    internal const int MaxRetrievalKeys = 3;

    /// <summary>The key of a code sequence with no consonant of a class (only vowels and h, y, w): a pair of classes is a key of
    /// 6 or more.</summary>
    internal const int NoConsonantKey = 0;

    /// <summary>The most keys <see cref="WriteQueryRetrievalKeys"/> gives.</summary>
    internal const int MaxQueryRetrievalKeys = 4 * MaxRetrievalKeys;

    /// <summary>Writes the retrieval keys a transliterated query's run of codes reads: those of the codes (the query side's, with
    /// <c>skipFirst</c>, a silent r read as r) and, for a run transliterated from Cyrillic, those of the codes with its
    /// <c>x</c> read as the h that transcriptions drop, its <c>v</c> read as the w they drop, and both: Russian writes a foreign
    /// h as х (<c>Хуавэй</c> for Huawei, <c>Дахуа</c> for Dahua) and a w as в (<c>Вагнер</c>), where the Latin name's key has no
    /// consonant for them.</summary>
    /// <param name="codes">The run's codes.</param>
    /// <param name="script">The script it was transliterated from.</param>
    /// <param name="keys">The buffer, of at least <see cref="MaxQueryRetrievalKeys"/>.</param>
    /// <param name="ofTheCodes">How many of the keys are those of the codes as they are (the first ones).</param>
    /// <returns>The keys written, without repeats, those of the codes as they are first.</returns>
    internal static ReadOnlySpan<int> WriteQueryRetrievalKeys(ReadOnlySpan<char> codes, NameScript script, Span<int> keys, out int ofTheCodes)
    {
        var count = WriteRetrievalKeys(codes, skipFirst: true, silentRAsLiquid: true, keys).Length;
        ofTheCodes = count;
        if (script != NameScript.Cyrillic || (codes.IndexOf('x') < 0 && codes.IndexOf('v') < 0))
        {
            return keys[..count];
        }

        Span<char> read = codes.Length <= 64 ? stackalloc char[codes.Length] : new char[codes.Length];
        Span<int> more = stackalloc int[MaxRetrievalKeys];
        for (var variant = 1; variant <= 3; variant++)
        {
            codes.CopyTo(read);
            if ((variant & 1) != 0)
            {
                read.Replace('x', 'h');
            }

            if ((variant & 2) != 0)
            {
                read.Replace('v', 'w');
            }

            foreach (var key in WriteRetrievalKeys(read, skipFirst: true, silentRAsLiquid: true, more))
            {
                if (keys[..count].IndexOf(key) < 0)
                {
                    keys[count++] = key;
                }
            }
        }

        return keys[..count];
    }

    /// <summary>Writes the retrieval keys of a code sequence, as <see cref="RetrievalKeys(string, bool)"/> gives them, into a
    /// buffer of at least <see cref="MaxRetrievalKeys"/>.</summary>
    /// <param name="codes">The codes.</param>
    /// <param name="skipFirst">Whether to add the key that skips the first consonant (for the query side).</param>
    /// <param name="silentRAsLiquid">Whether to read the code <c>R</c> (an r before a consonant or at the end) as <c>r</c>.</param>
    /// <param name="keys">The buffer.</param>
    /// <returns>The keys written, in order.</returns>
    internal static ReadOnlySpan<int> WriteRetrievalKeys(ReadOnlySpan<char> codes, bool skipFirst, bool silentRAsLiquid, Span<int> keys)
    {
        Span<int> hard = stackalloc int[3];
        var count = 0;
        foreach (var code in codes)
        {
            var cls = CoarseClass(silentRAsLiquid && code == 'R' ? 'r' : code);
            if (cls > 0 && count < 3)
            {
                hard[count++] = cls;
            }
        }

        if (count == 0)
        {
            keys[0] = NoConsonantKey;
            return keys[..1];
        }

        if (count == 1)
        {
            keys[0] = hard[0] * 6;
            return keys[..1];
        }

        keys[0] = (hard[0] * 6) + hard[1];
        if (count < 3)
        {
            return keys[..1];
        }

        keys[1] = (hard[0] * 6) + hard[2];
        if (!skipFirst)
        {
            return keys[..2];
        }

        keys[2] = (hard[1] * 6) + hard[2];
        return keys[..3];
    }

    // 1 labial, 2 dental, 3 velar or sibilant, 4 liquid, 5 nasal; 0 for vowels and the consonants transcriptions drop.
    private static int CoarseClass(char code) => code switch
    {
        'p' or 'b' or 'f' or 'v' => 1,
        't' or 'd' or 'Q' => 2,
        'k' or 'g' or 'c' or 'q' or 'x' or 'C' or 'J' or 'S' or 'Z' or 's' or 'z' or 'T' or 'X' or 'j' => 3,
        'l' or 'r' => 4,
        'm' or 'n' or 'N' => 5,
        _ => 0,
    };

    /// <summary>Spells a Latin token (lower case, no diacritics) by English and European orthography.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The codes.</returns>
    public static string Latin(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var letters = new CharBuffer(stackalloc char[64]);
        var codes = new CharBuffer(stackalloc char[64]);
        try
        {
            Letters(token, ref letters);
            LatinCodes(letters.Span, ref codes);
            return Collapsed(codes.Span, abjad: false);
        }
        finally
        {
            letters.Dispose();
            codes.Dispose();
        }
    }

    // Appends the codes of a Latin token's letters.
    private static void LatinCodes(ReadOnlySpan<char> t, ref CharBuffer codes)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var ch = t[i];
            var next = At(t, i + 1);
            var next2 = At(t, i + 2);
            switch (ch)
            {
                case 's' when next == 'c' && next2 == 'h':
                    codes.Append('S');
                    i += 2;
                    break;
                case 't' when next == 's' && next2 == 'c' && At(t, i + 3) == 'h':
                    codes.Append('C');
                    i += 3;
                    break;
                case 't' when next == 'c' && next2 == 'h':
                    codes.Append('C');
                    i += 2;
                    break;
                case 'd' when next == 'z' && next2 == 'h':
                    codes.Append('J');
                    i += 2;
                    break;
                case 's' when next is 'h' or 'z':
                    codes.Append('S');
                    i++;
                    break;
                case 'c' when next == 'h':
                    codes.Append('C');
                    i++;
                    break;
                case 'c' when next is 'k' or 'q':
                    break;
                case 'c' when next is 'z' or 's':
                    codes.Append('C');
                    i++;
                    break;
                case 'c' when next is 'e' or 'i' or 'y' or 'j':
                    codes.Append('c');
                    break;
                case 'c':
                    codes.Append('k');
                    break;
                case 'z' when next == 'h':
                    codes.Append('Z');
                    i++;
                    break;
                case 'k' when next == 'h':
                    codes.Append('x');
                    i++;
                    break;
                case 'p' when next == 'h':
                    codes.Append('f');
                    i++;
                    break;
                case 't' when next == 'h':
                    codes.Append('Q');
                    i++;
                    break;
                case 'd' when next == 'h':
                    codes.Append('d');
                    i++;
                    break;
                case 'g' when next == 'h':
                    // Initial gh is g ("Ghana"); elsewhere it is silent or f ("Hugh", "Vaughan").
                    if (i == 0)
                    {
                        codes.Append('g');
                    }

                    i++;
                    break;
                case 'w' when next == 'h':
                    codes.Append('w');
                    i++;
                    break;
                case 'd' when next == 'j':
                    codes.Append('J');
                    i++;
                    break;
                case 't' when next is 's' or 'z':
                    codes.Append('T');
                    i++;
                    break;
                case 'q' when next == 'u':
                    codes.Append("kw");
                    i++;
                    break;
                case 'q':
                    codes.Append('k');
                    break;
                case 'x':
                    codes.Append(i == 0 ? "z" : "ks");
                    break;
                case 'j':
                    codes.Append('J');
                    break;
                case 'y':
                    codes.Append(IsLatinVowel(next) ? 'y' : 'i');
                    break;
                case 'w':
                    codes.Append(IsLatinVowel(next) || i == 0 ? 'w' : 'u');
                    break;
                case 'r':
                    codes.Append(IsLatinVowel(next) || next == 'y' ? 'r' : 'R');
                    break;
                case 'e' when i == t.Length - 1 && i >= 3 && !IsLatinVowel(At(t, i - 1)):
                    // A final silent e ("Pierre", "Claire").
                    break;
                case 'n' when next == 'g' && !IsLatinVowel(next2):
                    codes.Append('N');
                    i++;
                    break;
                default:
                    codes.Append(ch);
                    break;
            }
        }
    }

    /// <summary>Spells a transliterated token (the Latin output of the normaliser) by the conventions of its source script.</summary>
    /// <param name="token">The transliterated token; Han and Hangul syllables may be joined ("kelusen").</param>
    /// <param name="script">The script the token was transliterated from.</param>
    /// <returns>The codes.</returns>
    public static string Native(string token, NameScript script)
    {
        ArgumentNullException.ThrowIfNull(token);
        return NativeOf(token, script);
    }

    /// <summary>Spells a transliterated token as <see cref="Native(string, NameScript)"/> does, from its characters: the letters
    /// and codes are worked out in buffers, and only the codes become a string.</summary>
    /// <param name="token">The transliterated token.</param>
    /// <param name="script">The script the token was transliterated from.</param>
    /// <returns>The codes.</returns>
    internal static string NativeOf(ReadOnlySpan<char> token, NameScript script)
    {
        var letters = new CharBuffer(stackalloc char[64]);
        var folded = new CharBuffer(stackalloc char[64]);
        var codes = new CharBuffer(stackalloc char[64]);
        try
        {
            Letters(token, ref letters);
            var t = letters.Span;
            if (script == NameScript.Kana)
            {
                FoldKanaGlides(t, ref folded);
                t = folded.Span;
            }

            NativeCodes(t, script, ref codes);
            return Collapsed(codes.Span, abjad: script is NameScript.Arabic or NameScript.Hebrew);
        }
        finally
        {
            letters.Dispose();
            folded.Dispose();
            codes.Dispose();
        }
    }

    // Appends the codes of a transliterated token's letters.
    private static void NativeCodes(ReadOnlySpan<char> t, NameScript script, ref CharBuffer codes)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var ch = t[i];
            var next = At(t, i + 1);
            var next2 = At(t, i + 2);
            if (ch == 's' && next == 'h' && next2 == 'c' && At(t, i + 3) == 'h')
            {
                // Cyrillic shch.
                codes.Append('S');
                i += 3;
                continue;
            }

            if (ch == 't' && next == 's' && next2 == 'h' && script == NameScript.Arabic)
            {
                // Arabic writes ch as t + sh.
                codes.Append('C');
                i += 2;
                continue;
            }

            if (ch == 'n' && next == 'g' && !IsLatinVowel(next2))
            {
                codes.Append('N');
                i++;
                continue;
            }

            if (next == 'h' && ch is 's' or 'c' or 'z' or 'k' or 't' or 'd' or 'g')
            {
                codes.Append(ch switch
                {
                    's' => 'S',
                    'c' => 'C',
                    'z' => script is NameScript.Han ? 'J' : 'Z',
                    'k' => script is NameScript.Hebrew ? 'k' : 'x',
                    't' => 'Q',
                    'd' => 'd',
                    _ => 'g',
                });
                i++;
                continue;
            }

            if (ch == 't' && next is 's' or 'z')
            {
                codes.Append('T');
                i++;
                continue;
            }

            if (ch == 's' && next == 'y' && script == NameScript.Hangul)
            {
                // Revised Romanization writes English sh as sy ("syu" for "shoe").
                codes.Append('S');
                i++;
                continue;
            }

            codes.Append(NativeCode(ch, next, script));
        }
    }

    private static char NativeCode(char ch, char next, NameScript script) => (ch, script) switch
    {
        ('j', NameScript.Han) => 'j',
        ('q', NameScript.Han) => 'q',
        ('x', NameScript.Han) => 'X',
        ('c', NameScript.Han) => 'T',
        ('z', NameScript.Han) => 'z',
        ('j', _) => 'J',
        ('q', _) => 'k',
        ('c', _) => 'c',
        ('x', NameScript.Cyrillic) => 'x',
        ('r', NameScript.Han) => IsLatinVowel(next) ? 'r' : 'R',
        ('y', _) when !IsLatinVowel(next) && script is not (NameScript.Arabic or NameScript.Hebrew) => 'i',
        _ => ch,
    };

    // Kana transliterated one kana at a time spells a glide as a full syllable: "jiya" for ja, "fua" for fa, "vue" for ve.
    private static void FoldKanaGlides(ReadOnlySpan<char> t, ref CharBuffer into)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var ch = t[i];
            if (ch == 'i' && i > 0 && !IsLatinVowel(t[i - 1]) && At(t, i + 1) == 'y' && IsLatinVowel(At(t, i + 2)))
            {
                i++;
                continue;
            }

            if (ch == 'u' && i > 0 && t[i - 1] is 'f' or 'v' && IsLatinVowel(At(t, i + 1)))
            {
                continue;
            }

            into.Append(ch);
        }
    }

    // Appends the letters of a token: ASCII letters in lower case, and the Latin letters compatibility decomposition leaves whole
    // spelled out.
    private static void Letters(ReadOnlySpan<char> token, ref CharBuffer into)
    {
        foreach (var c in token)
        {
            if (char.IsAsciiLetter(c))
            {
                into.Append(char.ToLowerInvariant(c));
            }
            else if (c > '\u007F' && LatinLetters.TryGetValue(c, out var folded))
            {
                into.Append(folded);
            }
        }
    }

    // The codes with each run of one code kept once (in an abjad, consonants keep their repeats: a written double letter).
    private static string Collapsed(ReadOnlySpan<char> codes, bool abjad)
    {
        var kept = new CharBuffer(stackalloc char[64]);
        try
        {
            foreach (var code in codes)
            {
                if (kept.Length == 0 || kept.Span[^1] != code || (abjad && !IsVowel(code) && code is not ('y' or 'w' or 'v')))
                {
                    kept.Append(code);
                }
            }

            return kept.ToString();
        }
        finally
        {
            kept.Dispose();
        }
    }

    private static bool IsLatinVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static char At(ReadOnlySpan<char> s, int i) => i < s.Length ? s[i] : '\0';
}

using System.Collections.Frozen;
using System.Text;
using AnyAscii;

namespace VendorScreen.Normalization;

/// <summary>
/// Japanese names: legal forms (株式会社, 有限会社, 合同会社, 合資会社, 合名会社 and their abbreviations such as (株)) rewritten to
/// legal-form compare tokens; kana romanised by Hepburn rules (digraphs with small ya, yu, yo; small vowels as in ファ, ティ,
/// ウェ; the sokuon doubling the next consonant; the long-vowel mark dropped; ン as m before b, m, p); a Japanese text split into
/// script runs (katakana, hiragana, kanji), each run one token; and a few words of company names (グループ, ホールディングス,
/// 自動車, 銀行) given in their English compare form.
/// </summary>
/// <remarks>
/// <para>Kanji have several readings that only a dictionary can choose, so a kanji run outside the company-name words keeps its
/// Chinese transliteration, joined into one token: it still matches the same kanji, not an English word.</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal static class Japanese
{
    // Legal forms, written out and abbreviated, with their compare token. Kabushiki kaisha is a joint-stock company, written
    // "Corporation", "Co., Ltd.", "Inc." or "K.K." in English; its compare form is "corp", as is "KK". Godo kaisha (GK) is an
    // LLC; yugen kaisha a limited company; goshi and gomei kaisha are partnerships.
    private static readonly (string Form, string Compare)[] LegalForms =
    [
        ("株式会社", "corp"), ("株式會社", "corp"), ("有限会社", "ltd"), ("有限會社", "ltd"), ("合同会社", "llc"), ("合同會社", "llc"),
        ("合資会社", "lp"), ("合資會社", "lp"), ("合名会社", "co"), ("合名會社", "co"),
        ("(株)", "corp"), ("(有)", "ltd"), ("(同)", "llc"), ("(資)", "lp"), ("(名)", "co"),
        ("（株）", "corp"), ("（有）", "ltd"), ("（同）", "llc"), ("（資）", "lp"), ("（名）", "co"),
    ];

    // Words of company names written in katakana, with their English compare form. A katakana run is split where one of them
    // starts or ends it ("ソニーグループ" = "ソニー" + group).
    private static readonly (string Kana, string English)[] Loanwords =
    [
        ("ホールディングス", "holdings"), ("コーポレーション", "corporation"), ("インターナショナル", "international"), ("カンパニー", "company"),
        ("グループ", "group"), ("ジャパン", "japan"), ("テクノロジーズ", "technologies"), ("テクノロジー", "technology"),
        ("エレクトロニクス", "electronics"), ("インダストリーズ", "industries"), ("システムズ", "systems"), ("システム", "system"),
        ("ソリューションズ", "solutions"), ("ソリューション", "solution"), ("サービス", "services"), ("ネットワークス", "networks"),
        ("ネットワーク", "network"), ("コミュニケーションズ", "communications"), ("エンジニアリング", "engineering"),
        ("トレーディング", "trading"), ("インベストメント", "investment"), ("マネジメント", "management"), ("グローバル", "global"),
        ("デジタル", "digital"), ("アジア", "asia"), ("パシフィック", "pacific"), ("アメリカ", "america"), ("ヨーロッパ", "europe"),
        ("チャイナ", "china"),
    ];

    // Kanji words of company names with their English compare form ("トヨタ自動車" = Toyota Motor, "みずほ銀行" = Mizuho Bank).
    private static readonly (string Kanji, string English)[] KanjiWords =
    [
        ("重工業", "heavy industries"), ("自動車", "motor"), ("製作所", "works"), ("工業", "industries"), ("産業", "industries"),
        ("電機", "electric"), ("電気", "electric"), ("電子", "electronics"), ("電工", "electric works"), ("通信", "communications"),
        ("技術", "technology"), ("銀行", "bank"), ("証券", "securities"), ("保険", "insurance"), ("化学", "chemical"),
        ("製薬", "pharmaceutical"), ("建設", "construction"), ("鉄道", "railway"), ("航空", "airlines"), ("石油", "oil"),
        ("商事", "trading"), ("貿易", "trading"), ("海運", "shipping"), ("汽船", "steamship"), ("食品", "foods"),
        ("日本", "japan"),
    ];

    private static readonly FrozenDictionary<char, string> Kana = BuildKana();

    /// <summary>Gets whether a character is a kana letter, the long-vowel mark or a kana iteration mark.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for hiragana and katakana (not the middle dot ・, which separates words).</returns>
    public static bool IsKana(char c) => IsHiragana(c) || IsKatakana(c) || c == LongVowelMark;

    /// <summary>The long-vowel mark ー.</summary>
    public const char LongVowelMark = '\u30FC';

    /// <summary>Gets whether a text reads as Japanese: it holds kana, or a Japanese legal form.</summary>
    /// <param name="text">The text, after compatibility normalisation (half-width kana are full width).</param>
    /// <returns><see langword="true"/> for a Japanese text.</returns>
    public static bool IsJapanese(string text)
    {
        foreach (var c in text)
        {
            if (IsHiragana(c) || IsKatakana(c))
            {
                return true;
            }
        }

        foreach (var (form, _) in LegalForms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rewrites Japanese legal forms, before or after the name (株式会社ソニー, ソニー株式会社, (株)ソニー), to their
    /// compare token between spaces.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with legal forms rewritten; the text itself when it has none.</returns>
    public static string RewriteLegalForms(string text)
    {
        foreach (var (form, compare) in LegalForms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, " " + compare + " ", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Transliterates a Japanese text: each script run (katakana, hiragana, kanji) becomes its own word, company-name
    /// words become their English compare form, kana is romanised by Hepburn rules, other kanji keep their Chinese
    /// transliteration joined into one word; anything else is transliterated as it stands.</summary>
    /// <param name="text">The text, legal forms already rewritten.</param>
    /// <returns>The Latin text, words separated by spaces.</returns>
    public static string Transliterate(string text)
    {
        var sb = new StringBuilder(text.Length * 3);
        var other = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var kind = RunKind(c);
            if (kind == 0)
            {
                other.Append(c);
                i++;
                continue;
            }

            if (other.Length > 0)
            {
                sb.Append(other.ToString().Transliterate());
                other.Clear();
            }

            var start = i;
            i++;
            // The long-vowel mark and iteration marks continue the run before them, whichever kana it is.
            while (i < text.Length && (RunKind(text[i]) == kind || (kind != 3 && text[i] is LongVowelMark or '\u30FD' or '\u30FE' or '\u309D' or '\u309E')))
            {
                i++;
            }

            var run = text[start..i];
            sb.Append(' ').Append(kind == 3 ? KanjiRun(run) : KanaRun(run)).Append(' ');
        }

        if (other.Length > 0)
        {
            sb.Append(other.ToString().Transliterate());
        }

        return sb.ToString();
    }

    /// <summary>Romanises kana by Hepburn rules, as one word.</summary>
    /// <param name="kana">Hiragana or katakana.</param>
    /// <returns>The romanisation, lower case.</returns>
    public static string Romanize(string kana)
    {
        ArgumentNullException.ThrowIfNull(kana);
        var sb = new StringBuilder(kana.Length * 2);
        var doubleNext = false;
        for (var i = 0; i < kana.Length; i++)
        {
            var c = ToKatakana(kana[i]);
            if (c is LongVowelMark or '\u30FD' or '\u30FE')
            {
                // The long vowel is written once ("ソニー" = sony, "コーヒー" = kohi): English spells it with one letter or a
                // silent r ("star").
                continue;
            }

            if (c == 'ッ')
            {
                doubleNext = true;
                continue;
            }

            if (IsSmallY(c) && sb.Length >= 2 && sb[^1] == 'i' && IsConsonant(sb[^2]))
            {
                // Kya, nyu, sha, cha, ja: the i of the kana before gives way to the glide, which sh, ch and j already hold.
                sb.Length--;
                if (!(sb[^1] == 'j' || EndsWith(sb, "sh") || EndsWith(sb, "ch")))
                {
                    sb.Append('y');
                }

                sb.Append(Kana[c][^1]);
                continue;
            }

            if (IsSmallVowel(c) && sb.Length > 0 && IsVowel(sb[^1]))
            {
                // Fa, ti, di, tu, she, je, che, tsa, va: the small vowel replaces the vowel of the kana before; after a bare u
                // (ウ) it makes w ("ウェ" = we), after a bare i (イ) y ("イェ" = ye).
                var last = sb[^1];
                var bare = sb.Length == 1 || !IsConsonant(sb[^2]);
                sb.Length--;
                if (bare)
                {
                    sb.Append(last switch { 'u' => 'w', 'i' => 'y', _ => last });
                }

                sb.Append(Kana[c]);
                continue;
            }

            if (c == 'ン')
            {
                var next = i + 1 < kana.Length && Kana.TryGetValue(ToKatakana(kana[i + 1]), out var n) ? n[0] : '\0';
                sb.Append(next is 'b' or 'm' or 'p' ? 'm' : 'n');
                continue;
            }

            var romaji = Kana.TryGetValue(c, out var r) ? r : c.ToString().Transliterate().ToLowerInvariant();
            if (doubleNext && romaji.Length > 0 && !IsVowel(romaji[0]))
            {
                sb.Append(romaji.StartsWith("ch", StringComparison.Ordinal) ? 't' : romaji[0]);
            }

            doubleNext = false;
            sb.Append(romaji);
        }

        return sb.ToString();
    }

    private static string KanaRun(string run)
    {
        var words = new List<string>();
        var rest = run;
        while (rest.Length > 0)
        {
            var split = false;
            foreach (var (kana, english) in Loanwords)
            {
                var at = rest.IndexOf(kana, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                if (at > 0)
                {
                    words.Add(Romanize(rest[..at]));
                }

                words.Add(english);
                rest = rest[(at + kana.Length)..];
                split = true;
                break;
            }

            if (!split)
            {
                words.Add(Romanize(rest));
                break;
            }
        }

        return string.Join(' ', words.Where(w => w.Length > 0));
    }

    private static string KanjiRun(string run)
    {
        var words = new List<string>();
        var pending = new StringBuilder();
        var i = 0;
        while (i < run.Length)
        {
            var found = false;
            foreach (var (kanji, english) in KanjiWords)
            {
                if (string.CompareOrdinal(run, i, kanji, 0, kanji.Length) == 0)
                {
                    if (pending.Length > 0)
                    {
                        words.Add(pending.ToString());
                        pending.Clear();
                    }

                    words.Add(english);
                    i += kanji.Length;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                foreach (var ch in run[i].ToString().Transliterate())
                {
                    if (char.IsAsciiLetterOrDigit(ch))
                    {
                        pending.Append(char.ToLowerInvariant(ch));
                    }
                }

                i++;
            }
        }

        if (pending.Length > 0)
        {
            words.Add(pending.ToString());
        }

        return string.Join(' ', words);
    }

    // 0 other, 1 katakana, 2 hiragana, 3 kanji.
    private static int RunKind(char c) => IsKatakana(c) ? 1 : IsHiragana(c) ? 2 : NameNormalizer.IsHan(c) || c == '々' ? 3 : 0;

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E';

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or '\u30FD' or '\u30FE' or >= '\u31F0' and <= '\u31FF';

    private static char ToKatakana(char c) => c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c;

    private static bool IsSmallY(char c) => c is 'ャ' or 'ュ' or 'ョ';

    private static bool IsSmallVowel(char c) => c is 'ァ' or 'ィ' or 'ゥ' or 'ェ' or 'ォ';

    private static bool IsConsonant(char c) => char.IsAsciiLetterLower(c) && !IsVowel(c);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWith(StringBuilder sb, string s) => sb.Length >= s.Length && sb.ToString(sb.Length - s.Length, s.Length) == s;

    private static FrozenDictionary<char, string> BuildKana()
    {
        const string table =
            "ア a イ i ウ u エ e オ o カ ka キ ki ク ku ケ ke コ ko ガ ga ギ gi グ gu ゲ ge ゴ go " +
            "サ sa シ shi ス su セ se ソ so ザ za ジ ji ズ zu ゼ ze ゾ zo タ ta チ chi ツ tsu テ te ト to " +
            "ダ da ヂ ji ヅ zu デ de ド do ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho " +
            "バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po マ ma ミ mi ム mu メ me モ mo " +
            "ヤ ya ユ yu ヨ yo ラ ra リ ri ル ru レ re ロ ro ワ wa ヰ i ヱ e ヲ o ン n ヴ vu " +
            "ァ a ィ i ゥ u ェ e ォ o ャ ya ュ yu ョ yo ヮ wa ヵ ka ヶ ke ヷ va ヸ vi ヹ ve ヺ vo";
        var parts = table.Split(' ');
        var d = new Dictionary<char, string>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            d[parts[i][0]] = parts[i + 1];
        }

        return d.ToFrozenDictionary();
    }
}

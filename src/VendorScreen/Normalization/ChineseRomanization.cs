using System.Collections.Frozen;

namespace VendorScreen.Normalization;

/// <summary>
/// Reads a Wade-Giles syllable (the romanisation of Chinese used before Hanyu Pinyin, and still in Taiwan and in older list
/// entries) as the Pinyin syllables it may stand for: "hsi" as "xi", "chin" as "jin" or "qin", "tse" as "ze" or "ce", "tung" as
/// "dong" or "tong" ("Hsi Chin-ping" / "Xi Jinping", "Mao Tse-tung" / "Mao Zedong").
/// </summary>
/// <remarks>
/// <para>The syllable is read in compare form, where the apostrophe of an aspirated initial (<c>ch'</c>, <c>t'</c>, <c>k'</c>,
/// <c>p'</c>, <c>ts'</c>) and the diaeresis of <c>ü</c> are gone, so one Wade-Giles spelling may stand for two Pinyin initials
/// (<c>ch</c> for zh, ch, j or q; <c>p</c> for b or p). The correspondence is the published one of the two systems: initials
/// p/b, t/d, k/g, ch/zh-ch (j-q before i and ü), ts and tz/z-c, hs/x, j/r, ss and sz/s; finals ieh/ie, ien/ian, ung/ong,
/// iung/iong, ih/i, uei/ui, erh/er, üeh/üe, o/e after k and h and uo after most other initials, u/i after tz, ss and sz; y and w
/// spellings yen/yan, yeh/ye, yu/you or yu, yung/yong.</para>
/// <para>Many Wade-Giles syllables are spelt as Pinyin syllables too ("chang", "ping"); <see cref="IsDistinctive"/> tells the
/// ones that Pinyin cannot spell ("hsi", "tse", "tung", "chih"), so that a name is read as Wade-Giles only when it has one.</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal static class ChineseRomanization
{
    // The initials of Wade-Giles in compare form, longest first, with the Pinyin initials each may stand for (before finals other
    // than those starting with i or ü for "ch"; see Read).
    private static readonly (string WadeGiles, string[] Pinyin)[] Initials =
    [
        ("ch", ["zh", "ch"]), ("hs", ["x"]), ("ts", ["z", "c"]), ("tz", ["z", "c"]), ("sh", ["sh"]), ("ss", ["s"]), ("sz", ["s"]),
        ("p", ["b", "p"]), ("t", ["d", "t"]), ("k", ["g", "k"]), ("j", ["r"]), ("s", ["s"]), ("f", ["f"]), ("h", ["h"]), ("l", ["l"]),
        ("m", ["m"]), ("n", ["n"]), ("y", ["y"]), ("w", ["w"]), (string.Empty, [string.Empty]),
    ];

    // The finals of Wade-Giles in compare form with their Pinyin finals in general; Read handles the finals whose reading depends
    // on the initial (o, u, ih and the y spellings).
    private static readonly FrozenDictionary<string, string> Finals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["a"] = "a", ["ai"] = "ai", ["an"] = "an", ["ang"] = "ang", ["ao"] = "ao", ["e"] = "e", ["ei"] = "ei", ["en"] = "en",
        ["eng"] = "eng", ["erh"] = "er", ["i"] = "i", ["ia"] = "ia", ["iang"] = "iang", ["iao"] = "iao", ["ieh"] = "ie",
        ["ien"] = "ian", ["ih"] = "i", ["in"] = "in", ["ing"] = "ing", ["iu"] = "iu", ["iung"] = "iong", ["o"] = "o", ["ou"] = "ou",
        ["u"] = "u", ["ua"] = "ua", ["uai"] = "uai", ["uan"] = "uan", ["uang"] = "uang", ["uei"] = "ui", ["ui"] = "ui", ["un"] = "un",
        ["ung"] = "ong", ["uo"] = "uo", ["ueh"] = "ue", ["eh"] = "e",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> Syllables = BuildSyllables();

    /// <summary>Gets the Pinyin syllables a Wade-Giles syllable in compare form may stand for; empty when the text is not a
    /// Wade-Giles syllable.</summary>
    /// <param name="syllable">The syllable, lower case, without apostrophes or diacritics.</param>
    /// <returns>The Pinyin readings, one or more; the syllable itself is among them when Pinyin spells it alike.</returns>
    public static IReadOnlyList<string> PinyinReadings(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        return Syllables.TryGetValue(syllable, out var readings) ? readings : [];
    }

    /// <summary>Gets whether a text is one Wade-Giles syllable in compare form.</summary>
    /// <param name="syllable">The text.</param>
    /// <returns><see langword="true"/> when it parses as a Wade-Giles initial and final.</returns>
    public static bool IsWadeGilesSyllable(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        return Syllables.ContainsKey(syllable);
    }

    /// <summary>Gets whether a text is a Wade-Giles syllable that is not spelt as any of its Pinyin readings and has the shape of
    /// no Pinyin syllable ("hsi", "tse", "tzu", "tung", "chih", "hsueh"): a token that marks a name as written in Wade-Giles.</summary>
    /// <param name="syllable">The text.</param>
    /// <returns><see langword="true"/> for a syllable only Wade-Giles spells.</returns>
    public static bool IsDistinctive(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        return Syllables.TryGetValue(syllable, out var readings) && Array.IndexOf(readings, syllable) < 0 && !Romanization.IsPinyinSyllable(syllable);
    }

    // Every Wade-Giles syllable: each initial with each final, read by the rules below, kept when some reading is a Pinyin syllable.
    private static FrozenDictionary<string, string[]> BuildSyllables()
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (initial, pinyinInitials) in Initials)
        {
            foreach (var (final, pinyinFinal) in Finals)
            {
                var readings = Read(initial, pinyinInitials, final, pinyinFinal).Where(Romanization.IsPinyinSyllable).Distinct(StringComparer.Ordinal).ToArray();
                if (readings.Length > 0)
                {
                    result.TryAdd(initial + final, readings);
                }
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Read(string initial, string[] pinyinInitials, string final, string pinyinFinal)
    {
        // "eh" is a final only in "yeh" (ye).
        if (final == "eh" && initial != "y")
        {
            yield break;
        }

        // The y and w spellings: yen = yan, yu = you or yu (yü), yung = yong; w keeps its finals.
        if (initial == "y")
        {
            switch (final)
            {
                case "en":
                    yield return "yan";
                    yield break;
                case "u":
                    yield return "you";
                    yield return "yu";
                    yield break;
                case "i" or "in" or "ing" or "a" or "ang" or "ao" or "ueh" or "uan" or "un" or "ung" or "o" or "eh":
                    yield return "y" + pinyinFinal;
                    yield break;
                default:
                    yield break;
            }
        }

        // ih follows only ch, sh and j (chih = zhi or chi, shih = shi, jih = ri).
        if (final == "ih")
        {
            if (initial is "ch" or "sh" or "j")
            {
                foreach (var p in initial == "ch" ? ["zh", "ch"] : pinyinInitials)
                {
                    yield return p + "i";
                }
            }

            yield break;
        }

        // u after tz, ss and sz is the apical vowel (tzu = zi, ssu = si).
        if (final == "u" && initial is "tz" or "ss" or "sz")
        {
            foreach (var p in pinyinInitials)
            {
                yield return p + "i";
            }

            yield break;
        }

        // o is e after k and h and alone (ko = ge, ho = he), o after p, m, f and w, and uo after the other initials (to = duo).
        if (final == "o")
        {
            var reading = initial is "k" or "h" or "" ? "e" : initial is "p" or "m" or "f" or "w" ? "o" : "uo";
            foreach (var p in pinyinInitials)
            {
                yield return p + reading;
            }

            if (initial.Length == 0)
            {
                yield return "o";
            }

            yield break;
        }

        // ch stands for j or q before i and ü (chin = jin or qin, chü = ju or qu), else for zh or ch; the ü finals are spelt as u
        // finals once the diaeresis is folded away, so chu, chuan and chun may be either.
        if (initial == "ch")
        {
            var front = final[0] == 'i';
            var either = final is "u" or "uan" or "un" or "ueh";
            var initials = front ? ["j", "q"] : either ? ["zh", "ch", "j", "q"] : pinyinInitials;
            foreach (var p in initials)
            {
                // üeh is j/q/x + ue only.
                if (final == "ueh" && p.Length == 2)
                {
                    continue;
                }

                yield return p + pinyinFinal;
            }

            yield break;
        }

        foreach (var p in pinyinInitials)
        {
            yield return p + pinyinFinal;
        }
    }
}

using CsCheck;

namespace VendorScreen.Tests.Properties;

/// <summary>Generators of hostile text: any UTF-16 (lone surrogates included), name-like text mixing scripts, emoji, combining
/// marks, bidirectional controls and control characters, and long text with an emoji placed across the 1,024-character mark.</summary>
internal static class TextGen
{
    private static readonly string[] Fragments =
    [
        "Hikvision", "Huawei", "ZTE", "Corporation", "Co., Ltd.", "GmbH", "S.A.", "LLC", "Technologies", "International", "Group",
        "de", "al-", "bin", "Jr.", "Mr", "5", "2024", "IV", "&", "-", "'", "\"", ",", ".", "(", ")", "/", ";",
        "Müller", "Société", "Ørsted", "İstanbul", "ß", "ﬁ", "Ａｃｍｅ", "①",
        "海康威视", "华为", "北京", "김정은", "조선", "Газпром", "Путин", "محمد", "الرشيد", "שלום", "Ελλάδα", "カタカナ", "ไทย", "हिन्दी",
        "\u0301", "\u0308", "\u20DD", "\u200D", "\u200B", "\u200E", "\u200F", "\u202E", "\u2066", "\uFEFF", "\uFFFD",
        "\U0001F600", "\U0001F44D\U0001F3FD", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1E8\U0001F1F3", "\U00020000",
        "\0", "\u0001", "\u001B[31m", "\u0008", "\t", "\r", "\n", "\u0085", "\u2028", "\u00A0", " ", "  ",
        "\uD800", "\uDC00", "\uDBFF", "\uD800\uD800",
    ];

    /// <summary>Any UTF-16 string of up to 200 code units, each drawn from the whole range.</summary>
    public static readonly Gen<string> AnyUtf16 = Gen.String[Gen.Char, 0, 200];

    /// <summary>Name-like text built from the fragments above, with spaces between some of them.</summary>
    public static readonly Gen<string> NameLike =
        Gen.Select(Gen.OneOf(Fragments), Gen.Bool).Array[0, 12].Select(parts => string.Concat(parts.Select(p => p.Item2 ? p.Item1 + " " : p.Item1)));

    /// <summary>Name-like text without unpaired surrogates.</summary>
    public static readonly Gen<string> WellFormedNameLike = NameLike.Where(IsWellFormed);

    /// <summary>Text of 1,000 to 5,000 characters; half the time an emoji or a combining sequence straddles character 1,024.</summary>
    public static readonly Gen<string> Long =
        Gen.Select(Gen.Int[1000, 5000], Gen.Int[1016, 1030], Gen.OneOf<string>("\U0001F600", "e\u0301", "\U0001F468\u200D\U0001F469", "x"), NameLike)
            .Select(t =>
            {
                var (length, cut, straddle, filler) = t;
                var text = "Hikvision Digital Technology " + filler + " ";
                while (text.Length < cut)
                {
                    text += "camera mount " + filler + " ";
                }

                text = text[..cut] + straddle;
                while (text.Length < length)
                {
                    text += " EZVIZ C6N camera " + filler;
                }

                return text;
            });

    /// <summary>A mix of the generators above.</summary>
    public static readonly Gen<string> Any = Gen.Frequency((3, NameLike), (2, AnyUtf16), (1, Long));

    /// <summary>Well-formed text (no unpaired surrogate) of up to 1,000 characters: name-like text and any UTF-16 with the
    /// unpaired surrogates left out.</summary>
    public static readonly Gen<string> WellFormed = Gen.Frequency(
        (3, WellFormedNameLike),
        (2, Gen.Select(AnyUtf16, s => new string(s.Where(c => !char.IsSurrogate(c)).ToArray()))));

    /// <summary>Text with at least one unpaired surrogate, or long text with a surrogate pair or combining sequence across
    /// character 1,024.</summary>
    public static readonly Gen<string> Hostile = Gen.Frequency((2, WithLoneSurrogate(NameLike)), (2, WithLoneSurrogate(AnyUtf16)), (1, Long));

    /// <summary>Text from <paramref name="gen"/> with an unpaired surrogate inserted at a random position (a generator, not a filter,
    /// so that it never runs out of cases).</summary>
    private static Gen<string> WithLoneSurrogate(Gen<string> gen) =>
        Gen.Select(gen, Gen.Int[0, 1000], Gen.OneOf('\uD800', '\uDBFF', '\uDC00', '\uDFFF'), (text, at, surrogate) =>
        {
            at %= text.Length + 1;
            if (at > 0 && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(surrogate))
            {
                at--;
            }

            var joined = text.Insert(at, surrogate.ToString());
            return IsWellFormed(joined) ? joined + "\uD800" : joined;
        });

    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;

namespace VendorScreen.Tests.Fuzz;

/// <summary>Seeded byte-level mutations of a list file. Every mutation is described (kind, offset, bytes) so that a failure
/// can be reproduced from the message alone as well as from the seed and iteration.</summary>
internal static class Mutator
{
    /// <summary>UTF-8 sequences worth inserting: valid multi-byte characters that tend to break text handling (emoji, a
    /// right-to-left override, a combining mark, a BOM, U+FFFD, U+2028) and invalid ones (a lone continuation byte, an overlong
    /// form, an encoded surrogate, a cut four-byte sequence, 0xFF).</summary>
    private static readonly byte[][] Utf8Sequences =
    [
        [0xF0, 0x9F, 0x98, 0x80], // U+1F600
        [0xF0, 0x9F, 0x91, 0xA8, 0xE2, 0x80, 0x8D, 0xF0, 0x9F, 0x91, 0xA9], // man ZWJ woman
        [0xE2, 0x80, 0xAE], // U+202E right-to-left override
        [0xCC, 0x81], // U+0301 combining acute
        [0xEF, 0xBB, 0xBF], // BOM
        [0xEF, 0xBF, 0xBD], // U+FFFD
        [0xE2, 0x80, 0xA8], // U+2028 line separator
        [0xE4, 0xB8, 0xAD], // U+4E2D
        [0xD8, 0xA7], // U+0627 Arabic alef
        [0x80], // lone continuation byte
        [0xC0, 0xAF], // overlong '/'
        [0xED, 0xA0, 0x80], // encoded high surrogate
        [0xF0, 0x9F], // cut four-byte sequence
        [0xFF],
        [0x1B, 0x5B, 0x32, 0x4A], // ESC [2J
    ];

    private static readonly string[] Kinds = ["bit-flip", "insert-byte", "delete", "truncate", "duplicate", "swap", "utf8", "nul", "eof-0x1a", "delimiter"];

    private static readonly byte[] Delimiters = "\",;\t\n\r<>/{}[]:".Select(c => (byte)c).ToArray();

    /// <summary>Applies one to three mutations, chosen by <paramref name="random"/>, to a copy of <paramref name="input"/>.</summary>
    public static (byte[] Bytes, string Description) Mutate(byte[] input, Random random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var bytes = input.ToList();
        var steps = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            steps.Add(Apply(bytes, Kinds[random.Next(Kinds.Length)], random));
        }

        return (bytes.ToArray(), string.Join("; ", steps));
    }

    private static string Apply(List<byte> b, string kind, Random random)
    {
        var at = random.Next(b.Count + 1);
        switch (kind)
        {
            case "bit-flip" when b.Count > 0:
            {
                var pos = Math.Min(at, b.Count - 1);
                var bit = 1 << random.Next(8);
                b[pos] ^= (byte)bit;
                return Inv($"bit-flip @{pos} ^0x{bit:X2}");
            }

            case "insert-byte":
            {
                var value = (byte)random.Next(256);
                b.Insert(at, value);
                return Inv($"insert-byte @{at} 0x{value:X2}");
            }

            case "delete" when b.Count > 0:
            {
                var pos = Math.Min(at, b.Count - 1);
                var length = Math.Min(1 + random.Next(64), b.Count - pos);
                b.RemoveRange(pos, length);
                return Inv($"delete @{pos} x{length}");
            }

            case "truncate":
                b.RemoveRange(at, b.Count - at);
                return Inv($"truncate @{at}");

            case "duplicate" when b.Count > 0:
            {
                var pos = Math.Min(at, b.Count - 1);
                var length = Math.Min(1 + random.Next(512), b.Count - pos);
                var to = random.Next(b.Count + 1);
                b.InsertRange(to, b.GetRange(pos, length));
                return Inv($"duplicate @{pos} x{length} -> @{to}");
            }

            case "swap" when b.Count > 1:
            {
                var length = 1 + random.Next(Math.Min(256, b.Count / 2));
                var first = random.Next(b.Count - (2 * length) + 1);
                var second = first + length + random.Next(b.Count - first - (2 * length) + 1);
                var a = b.GetRange(first, length);
                var c = b.GetRange(second, length);
                b.RemoveRange(second, length);
                b.InsertRange(second, a);
                b.RemoveRange(first, length);
                b.InsertRange(first, c);
                return Inv($"swap @{first} <-> @{second} x{length}");
            }

            case "utf8":
            {
                var sequence = Utf8Sequences[random.Next(Utf8Sequences.Length)];
                b.InsertRange(at, sequence);
                return Inv($"utf8 @{at} {Convert.ToHexString(sequence)}");
            }

            case "nul":
            {
                var length = 1 + random.Next(4);
                b.InsertRange(at, new byte[length]);
                return Inv($"nul @{at} x{length}");
            }

            case "eof-0x1a":
                b.Insert(at, 0x1A);
                return Inv($"eof-0x1a @{at}");

            case "delimiter":
            {
                var value = Delimiters[random.Next(Delimiters.Length)];
                b.Insert(at, value);
                return Inv($"delimiter @{at} 0x{value:X2}");
            }

            default:
                b.Insert(at, 0x00);
                return Inv($"nul @{at} x1");
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace VendorScreen.Sources.Lists;

/// <summary>Finds invalid UTF-8 in list bytes, so that a reader can name the position instead of failing later while decoding.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class Utf8Validation
{
    /// <summary>Gets the offset of the first byte that does not start a valid UTF-8 sequence.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The offset; -1 when every byte is valid UTF-8.</returns>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        var offset = 0;
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
            bytes = bytes[consumed..];
        }

        return -1;
    }
}

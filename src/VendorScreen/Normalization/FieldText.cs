using System.Text;

namespace VendorScreen.Normalization;

/// <summary>Cleaning of the text of one field as lists print it: white space, blank values, and the Windows-1252 punctuation that
/// Latin-1 decoding turns into C1 control characters.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class FieldText
{
    private static readonly Lazy<Encoding> Windows1252Encoding = new(() =>
    {
        // In-box on .NET 8+: the code-page provider supplies the legacy Windows code pages that older list files use.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Gets the Windows-1252 encoding that older list files use.</summary>
    public static Encoding Windows1252 => Windows1252Encoding.Value;

    /// <summary>Gets the character a Windows-1252 byte stands for (a space for the five unassigned bytes).</summary>
    public static char FromWindows1252(byte value)
    {
        var text = Windows1252.GetString([value]);
        return text.Length == 1 && !char.IsControl(text[0]) ? text[0] : ' ';
    }

    /// <summary>Trims a value, collapses inner runs of white space to one space, turns an empty value into null, and repairs
    /// C1 control characters (U+0080-U+009F), which in list files are Windows-1252 punctuation decoded as Latin-1
    /// ("Gui\u0092an" becomes "Gui\u2019an").</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var span = value.AsSpan().Trim();
        var sb = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            if (c is >= '\u0080' and <= '\u009F')
            {
                sb.Append(FromWindows1252((byte)c));
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

using System.Text;
using System.Xml;
using System.Xml.Linq;
using VendorScreen.Normalization;

namespace VendorScreen.Sources.Lists;

/// <summary>Reading list files: bytes from disk, text decoding, size and line limits, and safe XML readers.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class ListInput
{
    /// <summary>The largest list file read into memory, in bytes.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>The longest physical line a CSV or tab-separated list may have, in characters.</summary>
    public const int MaxLineChars = 256 * 1024;

    /// <summary>The most characters an XML list document may have.</summary>
    public const long MaxXmlChars = 1024L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole list file, checking its size.</summary>
    /// <exception cref="SanctionListSourceException">The file cannot be read or is larger than <see cref="MaxFileBytes"/>.</exception>
    public static async ValueTask<(byte[] Bytes, DateTimeOffset LastWrite)> ReadFileAsync(string path, string sourceName, CancellationToken cancellationToken, long maxBytes = MaxFileBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > maxBytes)
            {
                throw TooLarge(sourceName, path, info.Length, maxBytes);
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return (bytes, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SanctionListSourceException(sourceName, path, "no such file", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SanctionListSourceException(sourceName, path, ex.Message, ex);
        }
    }

    /// <summary>The error for a file over the size limit; <paramref name="atLeast"/> when the file was read as a stream and its
    /// length is not known.</summary>
    public static SanctionListSourceException TooLarge(string sourceName, string location, long length, long maxBytes, bool atLeast = false) =>
        new(sourceName, location, atLeast
            ? $"file exceeds the limit of {maxBytes} bytes"
            : $"file of {length} bytes exceeds the limit of {maxBytes} bytes");

    /// <summary>Decodes list text: a byte-order mark wins; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return FieldText.Windows1252.GetString(bytes);
        }
    }

    /// <summary>Fails when a physical line of the text is longer than <paramref name="maxChars"/>.</summary>
    /// <exception cref="SanctionListSourceException">A line is too long; the message names the file and line.</exception>
    public static void CheckLineLengths(string text, string sourceName, string location, int maxChars = MaxLineChars)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var length = i - start;
                if (length > maxChars)
                {
                    throw new SanctionListSourceException(sourceName, $"{location}:{line}", $"line of {length} characters exceeds the limit of {maxChars} characters");
                }

                line++;
                start = i + 1;
            }
        }
    }

    /// <summary>Gets the first <paramref name="count"/> lines of a text, without line endings.</summary>
    public static List<string> FirstLines(string text, int count)
    {
        var result = new List<string>(count);
        using var reader = new StringReader(text);
        while (result.Count < count && reader.ReadLine() is { } line)
        {
            result.Add(line);
        }

        return result;
    }

    /// <summary>Wraps bytes in a read-only stream without copying them when possible.</summary>
    public static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    /// <summary>The most characters entity expansion may produce. DTDs are prohibited, so no entity can be declared; the limit
    /// is kept small as a second line of defence (zero would mean "no limit").</summary>
    public const long MaxCharactersFromEntities = 1024;

    /// <summary>Creates an XML reader that refuses DTDs and external resources and limits the document size.</summary>
    public static XmlReader CreateXmlReader(Stream stream, long maxCharacters = MaxXmlChars) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    });

    /// <summary>Turns an XML error into a source error naming the file, line and column.</summary>
    public static SanctionListSourceException XmlError(string sourceName, string location, XmlException ex)
    {
        var position = ex.LineNumber > 0 ? $"{location}:{ex.LineNumber}:{ex.LinePosition}" : location;
        var reason = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? "the document has a DTD, which list files must not have: " + ex.Message
            : "not well-formed XML: " + ex.Message;
        return new SanctionListSourceException(sourceName, position, reason, ex);
    }

    /// <summary>Reads an XML list of flat records with a safe reader (<see cref="CreateXmlReader"/>): checks the root element, reads
    /// one of its attributes (the list's date), then hands every element the format reads as a record, with the line it starts on,
    /// to <paramref name="record"/>, one at a time.</summary>
    /// <param name="stream">The document.</param>
    /// <param name="sourceName">The source name for errors.</param>
    /// <param name="location">The file for errors.</param>
    /// <param name="root">The local name the root element must have.</param>
    /// <param name="wrongRoot">What the message about another root element says after naming it, e.g. "a UN consolidated list
    /// starts with &lt;CONSOLIDATED_LIST&gt;".</param>
    /// <param name="rootAttribute">The attribute of the root element to return.</param>
    /// <param name="isRecord">Whether an element of a local name is a record.</param>
    /// <param name="record">Takes a record element and its line.</param>
    /// <returns>The value of <paramref name="rootAttribute"/>, or <see langword="null"/>.</returns>
    /// <exception cref="SanctionListSourceException">The root element is another one, or the document is not well-formed, has a DTD
    /// or is too large.</exception>
    public static string? ReadXmlRecords(Stream stream, string sourceName, string location, string root, string wrongRoot, string rootAttribute,
        Func<string, bool> isRecord, Action<XElement, int> record)
    {
        try
        {
            using var reader = CreateXmlReader(stream);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != root)
            {
                throw new SanctionListSourceException(sourceName, $"{location}:{LineOf(reader)}", $"the root element is <{reader.LocalName}>; {wrongRoot}");
            }

            var attribute = reader.GetAttribute(rootAttribute);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && isRecord(reader.LocalName))
                {
                    var line = LineOf(reader);
                    record((XElement)XNode.ReadFrom(reader), line);
                }
                else
                {
                    reader.Read();
                }
            }

            return attribute;
        }
        catch (XmlException ex)
        {
            throw XmlError(sourceName, location, ex);
        }
    }

    /// <summary>Gets the start line of the node the reader is on, or 0 when unknown.</summary>
    public static int LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>Reads the first bytes of a file as text for format detection; empty when the file cannot be read.</summary>
    public static string Peek(string path, int bytes = 4096)
    {
        try
        {
            if (!File.Exists(path))
            {
                return string.Empty;
            }

            using var stream = File.OpenRead(path);
            var buffer = new byte[bytes];
            var read = stream.ReadAtLeast(buffer, bytes, throwOnEndOfStream: false);
            var span = buffer.AsSpan(0, read);
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            // Decoding a cut-off prefix leniently: only the structure matters here.
            return Encoding.UTF8.GetString(span);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}

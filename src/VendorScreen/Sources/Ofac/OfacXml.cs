using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace VendorScreen.Sources.Ofac;

/// <summary>Safe XML reading for the OFAC XML readers: no DTDs, no external resolution, no entity expansion, a size limit,
/// and errors that name the source, the file, the line and the position.</summary>
internal static class OfacXml
{
    /// <summary>The largest document the readers accept, in characters. SDN_ADVANCED.XML is about a tenth of it.</summary>
    public const long MaxDocumentCharacters = 1024L * 1024 * 1024;

    /// <summary>The most characters entity expansion may produce. DTDs are prohibited, so no entity can be declared; the limit
    /// is kept small as a second line of defence (zero would mean "no limit").</summary>
    public const long MaxCharactersFromEntities = 1024;

    /// <summary>Creates a reader with the safe settings.</summary>
    public static XmlReader CreateReader(Stream stream, long maxCharacters) => XmlReader.Create(stream, new XmlReaderSettings
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

    /// <summary>Reads a document with a reader callback, turning XML errors into <see cref="SanctionListSourceException"/>.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> bytes, string sourceName, string location, long maxCharacters, Func<XmlReader, T> read)
    {
        using var stream = new ReadOnlyMemoryStream(bytes);
        using var reader = CreateReader(stream, maxCharacters);
        try
        {
            return read(reader);
        }
        catch (XmlException ex)
        {
            var (line, position) = ex.LineNumber > 0
                ? (ex.LineNumber, ex.LinePosition)
                : reader is IXmlLineInfo { LineNumber: > 0 } info ? (info.LineNumber, info.LinePosition) : DoctypePosition(bytes.Span);
            throw new SanctionListSourceException(sourceName, string.Create(CultureInfo.InvariantCulture, $"{location}:{line}:{position}"), "not a readable XML document: " + ex.Message, ex);
        }
    }

    /// <summary>Finds the line and column of a document type declaration, which the reader refuses before it counts lines.</summary>
    private static (int Line, int Position) DoctypePosition(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOf("<!DOCTYPE"u8);
        if (at < 0)
        {
            return (1, 1);
        }

        var before = bytes[..at];
        var lastBreak = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, at - lastBreak);
    }

    /// <summary>Gets the local name and namespace of the root element of a document, or <see langword="null"/> when it is not XML.</summary>
    public static (string LocalName, string Namespace)? Root(Stream stream)
    {
        try
        {
            using var reader = CreateReader(stream, MaxDocumentCharacters);
            return reader.MoveToContent() == XmlNodeType.Element ? (reader.LocalName, reader.NamespaceURI) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Gets the local name of the root element of a document, or <see langword="null"/> when it is not XML.</summary>
    public static string? RootName(Stream stream) => Root(stream)?.LocalName;

    /// <summary>Gets the line of the reader's position.</summary>
    public static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    /// <summary>Reads the children of the element the reader is on, one element at a time with its line, and leaves the reader
    /// after the element's end.</summary>
    public static IEnumerable<(XElement Element, int Line)> Children(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var line = Line(reader);
                yield return ((XElement)XNode.ReadFrom(reader), line);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>Gets the first child element of a local name.</summary>
    public static XElement? Child(this XElement element, string localName)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Gets the child elements of a local name.</summary>
    public static IEnumerable<XElement> ChildrenNamed(this XElement? element, string localName) =>
        element is null ? [] : element.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>Gets the trimmed text of a child element, or <see langword="null"/> when it is missing or blank.</summary>
    public static string? Text(this XElement element, string localName) => Clean(element.Child(localName)?.Value);

    /// <summary>Gets the value of an attribute, or <see langword="null"/>.</summary>
    public static string? Attr(this XElement element, string name) => Clean(element.Attribute(name)?.Value);

    /// <summary>Trims text and turns blank text and the OFAC null marker into <see langword="null"/>.</summary>
    public static string? Clean(string? text) => OfacList.Value(text);

    /// <summary>A read-only stream over memory, so that bytes already read for hashing are parsed without a copy.</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => memory.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

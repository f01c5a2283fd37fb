using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Ofac;

/// <summary>XML reading for the OFAC XML readers over the shared safe reader of <see cref="ListInput"/> (no DTDs, no external
/// resolution, no entity expansion, a size limit), with errors that name the source, the file, the line and the position.</summary>
internal static class OfacXml
{
    /// <summary>Reads a document with a reader callback, turning XML errors into <see cref="SanctionListSourceException"/>.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> bytes, string sourceName, string location, long maxCharacters, Func<XmlReader, T> read)
    {
        using var stream = ListInput.AsStream(bytes);
        using var reader = ListInput.CreateXmlReader(stream, maxCharacters);
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
            using var reader = ListInput.CreateXmlReader(stream);
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
}

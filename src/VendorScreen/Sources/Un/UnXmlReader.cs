using System.Xml;
using System.Xml.Linq;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Un;

/// <summary>One INDIVIDUAL or ENTITY element of the UN consolidated list, with the line it starts on.</summary>
internal sealed record UnRecord(int Line, bool IsIndividual, XElement Element);

/// <summary>The records of a UN list document and its generation date.</summary>
internal sealed record UnDocument(string? DateGenerated, IReadOnlyList<UnRecord> Records) : IListDocument
{
    /// <summary>Gets no records: the reader rejects none, the mapper checks each record.</summary>
    public IReadOnlyList<RejectedRecord> Rejected => [];
}

/// <summary>Reads the UN Security Council consolidated list XML (<c>CONSOLIDATED_LIST</c> with <c>INDIVIDUALS/INDIVIDUAL</c>
/// and <c>ENTITIES/ENTITY</c>) record by record, with DTDs and external resources refused.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class UnXmlReader
{
    /// <summary>Reads a UN list document.</summary>
    /// <exception cref="SanctionListSourceException">The document is not well-formed, has a DTD, is too large, or its root is not <c>CONSOLIDATED_LIST</c>.</exception>
    public static UnDocument Read(Stream stream, string sourceName, string location)
    {
        var records = new List<UnRecord>();
        string? dateGenerated = null;
        try
        {
            using var reader = ListInput.CreateXmlReader(stream);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "CONSOLIDATED_LIST")
            {
                throw new SanctionListSourceException(sourceName, $"{location}:{ListInput.LineOf(reader)}",
                    $"the root element is <{reader.LocalName}>; a UN consolidated list starts with <CONSOLIDATED_LIST>");
            }

            dateGenerated = reader.GetAttribute("dateGenerated");
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "INDIVIDUAL" or "ENTITY")
                {
                    var line = ListInput.LineOf(reader);
                    var isIndividual = reader.LocalName == "INDIVIDUAL";
                    var element = (XElement)XNode.ReadFrom(reader);
                    records.Add(new UnRecord(line, isIndividual, element));
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            throw ListInput.XmlError(sourceName, location, ex);
        }

        return new UnDocument(dateGenerated, records);
    }
}

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
        var dateGenerated = ListInput.ReadXmlRecords(stream, sourceName, location, "CONSOLIDATED_LIST", "a UN consolidated list starts with <CONSOLIDATED_LIST>",
            "dateGenerated", name => name is "INDIVIDUAL" or "ENTITY", (element, line) => records.Add(new UnRecord(line, element.Name.LocalName == "INDIVIDUAL", element)));

        return new UnDocument(dateGenerated, records);
    }
}

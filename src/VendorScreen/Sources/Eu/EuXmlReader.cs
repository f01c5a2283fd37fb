using System.Xml.Linq;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Eu;

/// <summary>Reads the EU Financial Sanctions Files XML, version 1.1 (<c>xmlFullSanctionsList_1_1</c>: root <c>export</c>
/// in namespace <c>http://eu.europa.ec/fpi/fsd/export</c>, one <c>sanctionEntity</c> per entry with <c>regulation</c>,
/// <c>subjectType</c>, <c>nameAlias</c>, <c>identification</c>, <c>address</c>, <c>birthdate</c> and <c>citizenship</c>).</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class EuXmlReader
{
    /// <summary>The namespace of the export.</summary>
    public const string Namespace = "http://eu.europa.ec/fpi/fsd/export";

    /// <summary>Reads an EU XML document.</summary>
    /// <exception cref="SanctionListSourceException">The document is not well-formed, has a DTD, is too large, or its root is not <c>export</c>.</exception>
    public static EuDocument Read(Stream stream, string sourceName, string location)
    {
        var entries = new List<EuEntityRecord>();
        var rejected = new List<RejectedRecord>();
        var generationDate = ListInput.ReadXmlRecords(stream, sourceName, location, "export", "an EU financial sanctions file starts with <export>",
            "generationDate", name => name == "sanctionEntity", (element, line) =>
            {
                var position = $"{location}:{line}";
                if (Attr(element, "logicalId") is not { } logicalId)
                {
                    rejected.Add(new RejectedRecord(position, "sanctionEntity has no logicalId"));
                    return;
                }

                entries.Add(ReadEntity(element, position, logicalId));
            });

        return new EuDocument(generationDate, entries, rejected);
    }

    private static EuEntityRecord ReadEntity(XElement e, string position, string logicalId)
    {
        var record = new EuEntityRecord
        {
            Position = position,
            LogicalId = logicalId,
            EuReferenceNumber = Attr(e, "euReferenceNumber"),
            UnitedNationsId = Attr(e, "unitedNationId"),
            DesignationDate = Attr(e, "designationDate"),
            SubjectType = Children(e, "subjectType").Select(s => Attr(s, "code") ?? Attr(s, "classificationCode")).FirstOrDefault(),
        };

        record.Remarks.AddRange(Children(e, "remark").Select(r => ListText.Clean(r.Value)).OfType<string>());
        foreach (var r in Children(e, "regulation"))
        {
            record.Regulations.Add(new EuRegulation(Attr(r, "numberTitle"), Attr(r, "publicationDate"), Attr(r, "entryIntoForceDate"), Attr(r, "programme"),
                ListText.Clean(Children(r, "publicationUrl").FirstOrDefault()?.Value)));
        }

        foreach (var n in Children(e, "nameAlias"))
        {
            record.Names.Add(new EuName(Attr(n, "wholeName"), Attr(n, "firstName"), Attr(n, "middleName"), Attr(n, "lastName"), Attr(n, "nameLanguage"),
                !string.Equals(Attr(n, "strong"), "false", StringComparison.OrdinalIgnoreCase), Attr(n, "function"), Attr(n, "title")));
        }

        foreach (var a in Children(e, "address"))
        {
            record.Addresses.Add(new EuAddress(Attr(a, "street"), Attr(a, "poBox"), Attr(a, "city"), Attr(a, "zipCode"), Attr(a, "region"), Attr(a, "place"),
                Attr(a, "countryIso2Code"), Attr(a, "countryDescription")));
        }

        foreach (var b in Children(e, "birthdate"))
        {
            record.Births.Add(new EuBirth(Attr(b, "birthdate"), Attr(b, "year"), Attr(b, "city") ?? Attr(b, "place"), Attr(b, "countryIso2Code"), Attr(b, "countryDescription"),
                string.Equals(Attr(b, "circa"), "true", StringComparison.OrdinalIgnoreCase)));
        }

        foreach (var i in Children(e, "identification"))
        {
            record.Identifications.Add(new EuIdentification(Attr(i, "number") ?? Attr(i, "latinNumber"), Attr(i, "identificationTypeCode"), Attr(i, "identificationTypeDescription"),
                Attr(i, "countryIso2Code"), ListText.Join("; ", Children(i, "remark").Select(r => r.Value))));
        }

        record.Citizenships.AddRange(Children(e, "citizenship").Select(c => Attr(c, "countryIso2Code")).OfType<string>());
        return record;
    }

    private static IEnumerable<XElement> Children(XElement parent, string localName) => parent.Elements().Where(c => c.Name.LocalName == localName);

    private static string? Attr(XElement element, string name) => ListText.Clean(element.Attribute(name)?.Value);
}

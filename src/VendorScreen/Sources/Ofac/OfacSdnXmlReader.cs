using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Ofac;

/// <summary>
/// Reads OFAC's flat XML layout (<c>SDN.XML</c>, <c>CONSOLIDATED.XML</c>; root <c>sdnList</c>, any namespace) into raw entries:
/// <c>publshInformation/Publish_Date</c> and each <c>sdnEntry</c> with its uid, names, type, programs, aliases, addresses,
/// ids, nationalities, citizenships, dates and places of birth, vessel information and remarks.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class OfacSdnXmlReader
{
    /// <summary>The local name of the root element.</summary>
    public const string RootName = "sdnList";

    private static readonly string[] AddressParts = ["address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "region"];

    private static readonly string[] DateFormats = ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"];

    /// <summary>Reads a document.</summary>
    /// <param name="bytes">The document.</param>
    /// <param name="location">The file, used in positions and messages.</param>
    /// <param name="list">The list the file holds (SDN.XML or CONSOLIDATED.XML).</param>
    /// <param name="rejected">Receives entries without a uid or a name.</param>
    /// <param name="maxCharacters">The size limit in characters.</param>
    /// <param name="sourceName">The source name used in exceptions; <see langword="null"/> for the list's id prefix.</param>
    /// <exception cref="SanctionListSourceException">The document is malformed, too large, or not an <c>sdnList</c>.</exception>
    public static OfacXmlDocument Read(ReadOnlyMemory<byte> bytes, string location, OfacListKind list, List<RejectedRecord> rejected, long maxCharacters = ListInput.MaxXmlChars, string? sourceName = null)
    {
        sourceName ??= OfacList.IdPrefix(list);
        var fileName = Path.GetFileName(location);
        return OfacXml.Read(bytes, sourceName, location, maxCharacters, reader =>
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != RootName)
            {
                throw new SanctionListSourceException(sourceName, $"{location}:{OfacXml.Line(reader)}", $"the root element is <{reader.LocalName}>, expected <{RootName}>");
            }

            string? published = null;
            var entries = new List<OfacXmlEntry>();
            foreach (var (element, line) in OfacXml.Children(reader))
            {
                var position = string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}");
                switch (element.Name.LocalName)
                {
                    case "publshInformation":
                    case "publishInformation":
                        published = ParseDate(element.Text("Publish_Date"));
                        break;
                    case "sdnEntry":
                        if (ReadEntry(element, position, list, rejected) is { } entry)
                        {
                            entries.Add(entry);
                        }

                        break;
                }
            }

            return new OfacXmlDocument(published, entries);
        });
    }

    private static OfacXmlEntry? ReadEntry(XElement e, string position, OfacListKind list, List<RejectedRecord> rejected)
    {
        var uid = e.Text("uid");
        if (uid is null || !long.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            rejected.Add(new(position, $"sdnEntry uid \"{uid}\" is missing or not a number"));
            return null;
        }

        var name = ComposeName(e.Text("lastName"), e.Text("firstName"));
        if (name is null)
        {
            rejected.Add(new(position, $"sdnEntry {uid} has no lastName"));
            return null;
        }

        var entry = new OfacXmlEntry(uid, position)
        {
            Type = e.Text("sdnType"),
            PrimaryName = name,
            Title = e.Text("title"),
            Remarks = e.Text("remarks"),
        };

        var programs = e.Child("programList").ChildrenNamed("program").Select(p => OfacXml.Clean(p.Value)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        if (programs.Length == 0)
        {
            entry.Listings.Add(new OfacXmlListing(list, null));
        }

        entry.Listings.AddRange(programs.Select(p => new OfacXmlListing(list, p)));

        foreach (var aka in e.Child("akaList").ChildrenNamed("aka"))
        {
            if (ComposeName(aka.Text("lastName"), aka.Text("firstName")) is { } alias)
            {
                entry.Names.Add(new OfacXmlName(alias, aka.Text("type"), string.Equals(aka.Text("category"), "weak", StringComparison.OrdinalIgnoreCase)));
            }
        }

        foreach (var id in e.Child("idList").ChildrenNamed("id"))
        {
            var type = id.Text("idType");
            var number = id.Text("idNumber");
            if (type is null || number is null)
            {
                continue;
            }

            var notes = string.Join("; ", new[] { Dated("issued", id.Text("issueDate")), Dated("expires", id.Text("expirationDate")) }.OfType<string>());
            entry.Ids.Add(new OfacXmlId(type, number, id.Text("idCountry"), notes.Length == 0 ? null : notes));
        }

        foreach (var address in e.Child("addressList").ChildrenNamed("address"))
        {
            var country = address.Text("country");
            var text = string.Join(", ", AddressParts.Select(address.Text).Append(country).OfType<string>());
            if (text.Length > 0)
            {
                entry.Addresses.Add(new OfacXmlAddress(text, country));
            }
        }

        entry.Countries.AddRange(e.Child("nationalityList").ChildrenNamed("nationality").Select(n => n.Text("country")).OfType<string>());
        entry.Countries.AddRange(e.Child("citizenshipList").ChildrenNamed("citizenship").Select(n => n.Text("country")).OfType<string>());
        entry.DatesOfBirth.AddRange(e.Child("dateOfBirthList").ChildrenNamed("dateOfBirthItem").Select(n => n.Text("dateOfBirth")).OfType<string>());
        entry.PlacesOfBirth.AddRange(e.Child("placeOfBirthList").ChildrenNamed("placeOfBirthItem").Select(n => n.Text("placeOfBirth")).OfType<string>());

        if (e.Child("vesselInfo") is { } vessel)
        {
            entry.CallSign = vessel.Text("callSign");
            entry.VesselType = vessel.Text("vesselType");
            entry.VesselFlag = vessel.Text("vesselFlag");
            entry.VesselOwner = vessel.Text("vesselOwner");
            entry.Tonnage = vessel.Text("tonnage");
            entry.GrossRegisteredTonnage = vessel.Text("grossRegisteredTonnage");
        }

        return entry;

        static string? Dated(string label, string? date) => date is null ? null : label + " " + date;
    }

    /// <summary>Composes a name the way the SDN list prints it: <c>LAST, First</c>.</summary>
    internal static string? ComposeName(string? last, string? first) =>
        last is null ? first : first is null ? last : last + ", " + first;

    /// <summary>Turns OFAC's <c>MM/dd/yyyy</c> publication date into <c>yyyy-MM-dd</c>.</summary>
    internal static string? ParseDate(string? text) =>
        text is not null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? OfacList.Version(date)
            : null;
}

using System.Xml.Linq;
using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Un;

/// <summary>Maps UN list records to entities <c>un:&lt;REFERENCE_NUMBER or DATAID&gt;</c> on <c>un-sc-consolidated</c>.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class UnMapper
{
    /// <summary>The list id.</summary>
    public const string ListId = "un-sc-consolidated";

    private static readonly string[] NameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    private const string SourceUrl = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list";

    public static void Map(UnDocument document, SnapshotAssembler assembler) => assembler.MapEach(document.Records, MapRecord);

    private static void MapRecord(UnRecord record, SnapshotAssembler assembler)
    {
        var e = record.Element;
        var position = $"{assembler.Location}:{record.Line}";
        var reference = Text(e, "REFERENCE_NUMBER");
        var dataId = Text(e, "DATAID");
        var localId = reference ?? dataId;
        if (localId is null)
        {
            assembler.Reject(position, "the record has neither REFERENCE_NUMBER nor DATAID");
            return;
        }

        position = $"{position} ({localId})";
        var primary = record.IsIndividual
            ? ListText.Join(" ", NameParts.Select(n => Text(e, n)))
            : Text(e, "FIRST_NAME");
        if (primary is null)
        {
            assembler.Reject(position, "the record has no name (FIRST_NAME)");
            return;
        }

        var names = new NameSet();
        names.Add(primary, NameKind.Primary);
        foreach (var original in e.Elements("NAME_ORIGINAL_SCRIPT"))
        {
            names.Add(original.Value, NameKind.NativeScript);
        }

        foreach (var alias in e.Elements(record.IsIndividual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
        {
            var kind = ListText.Clean(alias.Element("QUALITY")?.Value)?.ToUpperInvariant() switch
            {
                "LOW" => NameKind.WeakAlias,
                "F.K.A." or "FKA" => NameKind.Former,
                _ => NameKind.Alias,
            };
            names.Add(alias.Element("ALIAS_NAME")?.Value, kind);
        }

        var countries = new OrderedSet();
        foreach (var nationality in e.Elements("NATIONALITY").Elements("VALUE"))
        {
            countries.Add(Countries.ToIso2(nationality.Value));
        }

        var identifiers = new IdentifierSet();
        foreach (var address in e.Elements(record.IsIndividual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"))
        {
            var country = Text(address, "COUNTRY");
            countries.Add(Countries.ToIso2(country));
            identifiers.Add(IdentifierSchemes.Address,
                ListText.Join(", ", [Text(address, "STREET"), Text(address, "CITY"), Text(address, "STATE_PROVINCE"), Text(address, "ZIP_CODE"), country]),
                Text(address, "NOTE"));
        }

        foreach (var document in e.Elements("INDIVIDUAL_DOCUMENT"))
        {
            var type = Text(document, "TYPE_OF_DOCUMENT");
            var number = Text(document, "NUMBER");
            if (type is null || number is null)
            {
                continue;
            }

            identifiers.Add(DocumentScheme(type), number,
                ListText.Join("; ", [type, Text(document, "TYPE_OF_DOCUMENT2"), Text(document, "ISSUING_COUNTRY"), Text(document, "NOTE")]));
        }

        var remarks = new OrderedSet();
        foreach (var birth in e.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            var date = Text(birth, "DATE") ?? Text(birth, "YEAR")
                ?? (Text(birth, "FROM_YEAR") is { } from ? $"{from} to {Text(birth, "TO_YEAR")}" : null);
            var type = Text(birth, "TYPE_OF_DATE");
            var approximate = type is "APPROXIMATELY" || (Text(birth, "NOTE")?.StartsWith("Approximately", StringComparison.OrdinalIgnoreCase) ?? false);
            identifiers.AddBirthDate(date ?? Text(birth, "NOTE"), approximate);
            if (date is not null)
            {
                remarks.Add($"Date of birth: {date}{(type is null or "EXACT" ? string.Empty : " (" + type.ToLowerInvariant() + ")")}");
            }
        }

        foreach (var place in e.Elements("INDIVIDUAL_PLACE_OF_BIRTH"))
        {
            if (ListText.Join(", ", [Text(place, "CITY"), Text(place, "STATE_PROVINCE"), Text(place, "COUNTRY")]) is { } text)
            {
                remarks.Add("Place of birth: " + text);
            }
        }

        if (ListText.Join("; ", e.Elements("TITLE").Elements("VALUE").Select(v => v.Value)) is { } title)
        {
            remarks.Add("Title: " + title);
        }

        if (ListText.Join("; ", e.Elements("DESIGNATION").Elements("VALUE").Select(v => v.Value)) is { } designation)
        {
            remarks.Add("Designation: " + designation);
        }

        remarks.Add(Text(e, "COMMENTS1"));
        var listing = new Listing(ListId)
        {
            Program = Text(e, "UN_LIST_TYPE"),
            Authority = "United Nations Security Council",
            NameAsListed = primary,
            ListedOn = ListText.IsoDate(Text(e, "LISTED_ON")),
            Citation = reference,
            SourceUrl = SourceUrl,
        };

        assembler.Add(assembler.EntityId(localId), record.IsIndividual ? EntityKind.Person : EntityKind.Organization, names, countries, identifiers, remarks, [listing], position);
    }

    private static string DocumentScheme(string type)
    {
        var t = type.ToUpperInvariant();
        return t.Contains("PASSPORT", StringComparison.Ordinal) ? "passport"
            : t.Contains("NATIONAL IDENTIFICATION", StringComparison.Ordinal) || t.Contains("NATIONAL ID", StringComparison.Ordinal) ? "national-id"
            : t.Contains("IMO", StringComparison.Ordinal) ? IdentifierSchemes.Imo
            : ListText.Kebab(type);
    }

    private static string? Text(XElement parent, string name) => ListText.Clean(parent.Element(name)?.Value);
}

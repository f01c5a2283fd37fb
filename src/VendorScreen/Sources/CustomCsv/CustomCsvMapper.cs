using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.CustomCsv;

/// <summary>Maps custom list rows to entities <c>&lt;source&gt;:&lt;id&gt;</c>, each listed on its <c>list</c>
/// (default <c>custom</c>), every list being of category <see cref="ListCategory.Custom"/>.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CustomCsvMapper
{
    /// <summary>The list id of rows that name none.</summary>
    public const string DefaultListId = "custom";

    public static void Map(CustomCsvDocument document, SnapshotAssembler assembler)
    {
        assembler.Reject(document.Rejected);

        foreach (var record in document.Records)
        {
            MapRecord(record, assembler);
        }
    }

    private static void MapRecord(CustomCsvRecord record, SnapshotAssembler assembler)
    {
        if (record.Id is null || record.Name is null)
        {
            assembler.RejectLine(record.Line, "a row needs \"id\" and \"name\"");
            return;
        }

        if (!TryKind(record.Kind, out var kind))
        {
            assembler.RejectLine(record.Line, $"unknown kind \"{record.Kind}\"; use organization, person, vessel, aircraft, brand, government or unknown");
            return;
        }

        var countries = new OrderedSet();
        foreach (var country in ListText.Split(record.Country))
        {
            if (Countries.ToIso2(country) is not { } code)
            {
                assembler.RejectLine(record.Line, $"unknown country \"{country}\"; use ISO 3166-1 alpha-2 codes such as CN or US");
                return;
            }

            countries.Add(code);
        }

        FactDate? listedOn = null;
        if (record.ListedOn is not null)
        {
            if (!FactDate.TryParse(record.ListedOn, out var date))
            {
                assembler.RejectLine(record.Line, $"listed_on \"{record.ListedOn}\" is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd");
                return;
            }

            listedOn = date;
        }

        var identifiers = new IdentifierSet();
        foreach (var identifier in ListText.Split(record.Identifiers))
        {
            var colon = identifier.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == identifier.Length - 1)
            {
                assembler.RejectLine(record.Line, $"identifier \"{identifier}\" is not of the form scheme:value");
                return;
            }

            identifiers.Add(identifier[..colon].Trim().ToLowerInvariant(), identifier[(colon + 1)..]);
        }

        var listId = record.List ?? DefaultListId;
        if (ListText.Kebab(listId) != listId)
        {
            assembler.RejectLine(record.Line, $"list id \"{listId}\" must be lower-case letters, digits and dashes (for example \"erp-blocklist\")");
            return;
        }

        assembler.Define(new ListDefinition(listId, listId, ListCategory.Custom) { Notes = "A custom list read from " + Path.GetFileName(assembler.Location) });
        var names = new NameSet();
        names.Add(record.Name, NameKind.Primary);
        foreach (var alias in ListText.Split(record.Aliases))
        {
            names.Add(alias, NameKind.Alias);
        }

        var entity = new Entity(assembler.SourceName + ":" + record.Id, kind, names.Primary!)
        {
            Names = names.ToList(),
            Countries = countries.ToList(),
            Identifiers = identifiers.ToList(),
            Listings = [new Listing(listId) { Program = record.Program, NameAsListed = record.Name, ListedOn = listedOn }],
            SourceName = assembler.SourceName,
            Remarks = record.Notes,
        };
        assembler.Add(entity, $"{assembler.Location}:{record.Line}");
    }

    private static bool TryKind(string? text, out EntityKind kind)
    {
        kind = text?.ToUpperInvariant() switch
        {
            null or "" or "UNKNOWN" => EntityKind.Unknown,
            "ORGANIZATION" or "ORGANISATION" or "COMPANY" => EntityKind.Organization,
            "PERSON" or "INDIVIDUAL" => EntityKind.Person,
            "VESSEL" => EntityKind.Vessel,
            "AIRCRAFT" => EntityKind.Aircraft,
            "BRAND" => EntityKind.Brand,
            "GOVERNMENT" => EntityKind.Government,
            _ => (EntityKind)(-1),
        };
        return (int)kind >= 0;
    }
}

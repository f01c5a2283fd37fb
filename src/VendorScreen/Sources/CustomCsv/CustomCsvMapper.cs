using System.Globalization;
using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.CustomCsv;

/// <summary>Maps custom list rows to entities <c>&lt;source&gt;:&lt;id&gt;</c>, each listed on its <c>list</c>
/// (default <c>custom</c>; <c>none</c> for a row that is only a node of a corporate tree), every list being of category
/// <see cref="ListCategory.Custom"/>; a row's <c>parent</c> becomes a relation to it (an ERP's supplier hierarchy).</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CustomCsvMapper
{
    /// <summary>The list id of rows that name none.</summary>
    public const string DefaultListId = "custom";

    /// <summary>The list value of a row that is on no list: a node of a corporate tree (a supplier, its parent).</summary>
    public const string NoList = "none";

    public static void Map(CustomCsvDocument document, SnapshotAssembler assembler)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ties = new List<(int Line, Relation Relation)>();
        foreach (var record in document.Records)
        {
            if (MapRecord(record, assembler, ties))
            {
                ids.Add(assembler.EntityId(record.Id!));
            }
        }

        // A parent named by its row id must be a row of the file; one named source:id is an entity of another source.
        foreach (var (line, relation) in ties)
        {
            if (relation.ToId.StartsWith(assembler.IdPrefix + ":", StringComparison.Ordinal) && !ids.Contains(relation.ToId))
            {
                assembler.RejectLine(line, $"parent \"{relation.ToId[(assembler.IdPrefix.Length + 1)..]}\" is not the id of a row of the file (name an entity of another source as source:id)");
                continue;
            }

            assembler.Relations.Add(relation);
        }
    }

    private static bool MapRecord(CustomCsvRecord record, SnapshotAssembler assembler, List<(int Line, Relation Relation)> ties)
    {
        if (record.Id is null || record.Name is null)
        {
            assembler.RejectLine(record.Line, "a row needs \"id\" and \"name\"");
            return false;
        }

        if (!TryKind(record.Kind, out var kind))
        {
            assembler.RejectLine(record.Line, $"unknown kind \"{record.Kind}\"; use organization, person, vessel, aircraft, brand, government or unknown");
            return false;
        }

        var countries = new OrderedSet();
        foreach (var country in ListText.Split(record.Country))
        {
            if (Countries.ToIso2(country) is not { } code)
            {
                assembler.RejectLine(record.Line, $"unknown country \"{country}\"; use ISO 3166-1 alpha-2 codes such as CN or US");
                return false;
            }

            countries.Add(code);
        }

        FactDate? listedOn = null;
        if (record.ListedOn is not null)
        {
            if (!FactDate.TryParse(record.ListedOn, out var date))
            {
                assembler.RejectLine(record.Line, $"listed_on \"{record.ListedOn}\" is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd");
                return false;
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
                return false;
            }

            identifiers.Add(identifier[..colon].Trim().ToLowerInvariant(), identifier[(colon + 1)..]);
        }

        var listId = record.List ?? DefaultListId;
        if (ListText.Kebab(listId) != listId)
        {
            assembler.RejectLine(record.Line, $"list id \"{listId}\" must be lower-case letters, digits and dashes (for example \"erp-blocklist\")");
            return false;
        }

        if (listId != NoList)
        {
            assembler.Define(new ListDefinition(listId, listId, ListCategory.Custom) { Notes = "A custom list read from " + Path.GetFileName(assembler.Location) });
        }
        var names = new NameSet();
        names.Add(record.Name, NameKind.Primary);
        foreach (var alias in ListText.Split(record.Aliases))
        {
            names.Add(alias, NameKind.Alias);
        }

        Relation? tie = null;
        if (record.Parent is not null || record.Relation is not null || record.Share is not null || record.ParentFrom is not null || record.ParentUntil is not null)
        {
            if (!TryTie(record, assembler, out tie, out var error))
            {
                assembler.RejectLine(record.Line, error);
                return false;
            }
        }

        var entity = new Entity(assembler.EntityId(record.Id), kind, names.Primary!)
        {
            Names = names.ToList(),
            Countries = countries.ToList(),
            Identifiers = identifiers.ToList(),
            Listings = listId == NoList ? [] : [new Listing(listId) { Program = record.Program, NameAsListed = record.Name, ListedOn = listedOn }],
            SourceName = assembler.SourceName,
            Remarks = record.Notes,
        };
        if (!assembler.Add(entity, $"{assembler.Location}:{record.Line}"))
        {
            return false;
        }

        if (tie is not null)
        {
            ties.Add((record.Line, tie));
        }

        return true;
    }

    /// <summary>Reads a row's tie to its parent: the parent id, the kind (default <c>owned-by</c> with a share, else
    /// <c>subsidiary-of</c>), the share in percent and the dates.</summary>
    private static bool TryTie(CustomCsvRecord record, SnapshotAssembler assembler, out Relation? tie, out string error)
    {
        tie = null;
        error = string.Empty;
        if (record.Parent is null)
        {
            error = "relation, share, parent_from or parent_until given without a parent";
            return false;
        }

        decimal? share = null;
        if (record.Share is not null)
        {
            if (!decimal.TryParse(record.Share.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 100)
            {
                error = $"share \"{record.Share}\" is not a percentage between 0 and 100";
                return false;
            }

            share = p;
        }

        RelationKind kind;
        if (record.Relation is null)
        {
            kind = share is null ? RelationKind.SubsidiaryOf : RelationKind.OwnedBy;
        }
        else if (!ModelText.TryParseRelationKind(record.Relation.Trim(), StringComparison.OrdinalIgnoreCase, out kind))
        {
            error = $"relation \"{record.Relation}\" is not one of subsidiary-of, owned-by, affiliate-of, controlled-by, brand-of, relabel-of, oem-of, successor-of, production-site-of, linked-to";
            return false;
        }

        FactDate? from = null, until = null;
        foreach (var (text, column) in new[] { (record.ParentFrom, "parent_from"), (record.ParentUntil, "parent_until") })
        {
            if (text is null)
            {
                continue;
            }

            if (!FactDate.TryParse(text, out var date))
            {
                error = $"{column} \"{text}\" is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd";
                return false;
            }

            if (column == "parent_from")
            {
                from = date;
            }
            else
            {
                until = date;
            }
        }

        var parent = record.Parent.Contains(':', StringComparison.Ordinal) ? record.Parent : assembler.EntityId(record.Parent);
        tie = new Relation(assembler.EntityId(record.Id!), parent, kind)
        {
            SharePercent = share,
            ValidFrom = from,
            ValidTo = until,
            SourceUrl = $"{assembler.Location}:{record.Line}",
            Notes = "Corporate tree from " + Path.GetFileName(assembler.Location),
        };
        return true;
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

using System.Text;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Ofac;

/// <summary>
/// Maps the raw entries of the OFAC XML files (flat and advanced) to entities and relations: one entity per uid with its
/// names (weak names as <see cref="NameKind.WeakAlias"/>, f.k.a. as <see cref="NameKind.Former"/>, non-Latin names as
/// <see cref="NameKind.NativeScript"/>), identifiers, countries, addresses and one listing per list and program.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class OfacXmlMapper
{
    /// <summary>Maps the entries.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="rejected">Receives entries and relations that cannot be used.</param>
    public static (List<Entity> Entities, List<Relation> Relations) Map(IReadOnlyList<OfacXmlEntry> entries, List<RejectedRecord> rejected)
    {
        var entities = new List<Entity>(entries.Count);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var scopes = new Dictionary<OfacListKind, NameScope>();
        var pending = new List<PendingLink>();
        var mapped = new List<(OfacXmlEntry Entry, Entity Entity, OfacListKind Kind)>();
        foreach (var entry in entries)
        {
            var kind = entry.Listings.Any(l => l.List == OfacListKind.Sdn) ? OfacListKind.Sdn : OfacListKind.Consolidated;
            var id = OfacList.EntityId(kind, entry.Uid);
            if (!ids.TryAdd(entry.Uid, id))
            {
                rejected.Add(new(entry.Position, $"uid {entry.Uid} appears again; the first entry is kept"));
                continue;
            }

            var entity = MapEntry(entry, id, pending, kind);
            entities.Add(entity);
            mapped.Add((entry, entity, kind));
            if (!scopes.TryGetValue(kind, out var scope))
            {
                scopes[kind] = scope = new NameScope(kind);
            }

            scope.Add(entity);
        }

        foreach (var (entry, entity, kind) in mapped)
        {
            foreach (var relation in entry.Relations)
            {
                if (!ids.TryGetValue(relation.TargetUid, out var target))
                {
                    rejected.Add(new(relation.Position, $"{entity.Id}: {relation.Type} refers to profile {relation.TargetUid}, which is not in the file"));
                    continue;
                }

                var (relationKind, reversed) = OfacRemarksParser.RelationOf(relation.Type);
                pending.Add(new PendingLink(entity.Id, kind, null, target, relationKind, relation.Type, reversed, relation.Position, OfacList.DetailUrl(entry.Uid), relation.Former));
            }
        }

        var relations = OfacRelations.Resolve(pending, [.. scopes.Values], rejected);
        return (entities, relations);
    }

    private static Entity MapEntry(OfacXmlEntry entry, string id, List<PendingLink> pending, OfacListKind kind)
    {
        var primary = entry.PrimaryName!;
        var names = new NameSet();
        names.Add(primary, NameKind.Primary);
        foreach (var name in entry.Names)
        {
            names.Add(name.Value, NameKindOf(name), script: name.Script);
        }

        var remarks = OfacRemarksParser.Parse(entry.Remarks);
        foreach (var name in remarks.Names)
        {
            names.Add(name.Value, name.Kind);
        }

        var identifiers = new List<EntityIdentifier>(remarks.Identifiers);
        var countries = new List<string>(remarks.Countries);
        var otherFacts = new List<string>();
        foreach (var fact in entry.Ids)
        {
            var type = fact.Type.Trim().TrimEnd(':').Trim();
            if (type.Equals("Nationality of Registration", StringComparison.OrdinalIgnoreCase) || type.Equals("Registration Country", StringComparison.OrdinalIgnoreCase))
            {
                OfacCsvMapper.AddCountry(countries, fact.Country ?? fact.Value);
                continue;
            }

            if (OfacIdentifierTypes.Create(fact.Type, fact.Value, fact.Country, fact.Notes) is { } identifier)
            {
                AddIdentifier(identifiers, identifier);
            }
            else if (!type.Equals("Gender", StringComparison.OrdinalIgnoreCase))
            {
                otherFacts.Add(fact.Country is null ? $"{fact.Type} {fact.Value}" : $"{fact.Type} {fact.Value} ({fact.Country})");
            }
        }

        foreach (var date in entry.DatesOfBirth)
        {
            var value = FactDate.TryParse(date, out _) ? date : OfacList.NormalizeDate(date, out _) is { } normalized ? normalized : date;
            AddIdentifier(identifiers, new EntityIdentifier(OfacIdentifierTypes.DateOfBirth, value));
        }

        foreach (var place in entry.PlacesOfBirth)
        {
            AddIdentifier(identifiers, new EntityIdentifier(OfacIdentifierTypes.PlaceOfBirth, place));
        }

        foreach (var country in entry.Countries)
        {
            OfacCsvMapper.AddCountry(countries, country);
        }

        foreach (var address in entry.Addresses)
        {
            AddIdentifier(identifiers, new EntityIdentifier(IdentifierSchemes.Address, address.Text));
            OfacCsvMapper.AddCountry(countries, address.Country);
        }

        if (entry.CallSign is { } callSign)
        {
            AddIdentifier(identifiers, new EntityIdentifier(OfacIdentifierTypes.CallSign, callSign));
        }

        OfacCsvMapper.AddCountry(countries, entry.VesselFlag);
        var url = OfacList.DetailUrl(entry.Uid);
        if (entry.VesselOwner is { } owner)
        {
            pending.Add(new PendingLink(id, kind, owner, null, RelationKind.OwnedBy, "Vessel Owner", false, entry.Position, url));
        }

        foreach (var link in remarks.Links)
        {
            pending.Add(new PendingLink(id, kind, link.TargetName, null, link.Kind, link.Label, link.Reversed, entry.Position, url));
        }

        var listings = entry.Listings
            .Select(l => new Listing(OfacList.ListId(l.List))
            {
                Program = l.Program,
                Authority = OfacList.Authority,
                NameAsListed = primary,
                ListedOn = l.ListedOn,
                Citation = l.Citation,
                SourceUrl = url,
            })
            .Distinct()
            .ToArray();

        return new Entity(id, OfacList.KindOf(entry.Type), primary)
        {
            Names = names.ToList(),
            Countries = countries,
            Identifiers = identifiers,
            Listings = listings,
            Remarks = ComposeRemarks(entry, otherFacts),
        };
    }

    private static NameKind NameKindOf(OfacXmlName name)
    {
        if (name.Weak)
        {
            return NameKind.WeakAlias;
        }

        if (name.Script is not null)
        {
            return NameKind.NativeScript;
        }

        return OfacCsvMapper.AliasKind(name.Type, null);
    }

    private static void AddIdentifier(List<EntityIdentifier> identifiers, EntityIdentifier identifier)
    {
        if (!identifiers.Any(i => i.Scheme == identifier.Scheme && i.Value == identifier.Value))
        {
            identifiers.Add(identifier);
        }
    }

    private static string? ComposeRemarks(OfacXmlEntry entry, List<string> otherFacts)
    {
        var items = new List<string>();
        if (entry.Title is { } title)
        {
            items.Add("Title: " + title);
        }

        AddIf(items, "Vessel type", entry.VesselType);
        AddIf(items, "Flag", entry.VesselFlag);
        AddIf(items, "Owner", entry.VesselOwner);
        AddIf(items, "Tonnage", entry.Tonnage);
        AddIf(items, "GRT", entry.GrossRegisteredTonnage);
        items.AddRange(otherFacts);
        var sb = new StringBuilder();
        if (items.Count > 0)
        {
            sb.Append(string.Join("; ", items)).Append('.');
        }

        if (entry.Remarks is { } remarks)
        {
            sb.Append(sb.Length > 0 ? " " : string.Empty).Append(remarks);
        }

        return sb.Length == 0 ? null : sb.ToString();

        static void AddIf(List<string> items, string label, string? value)
        {
            if (value is not null)
            {
                items.Add(label + " " + value);
            }
        }
    }
}

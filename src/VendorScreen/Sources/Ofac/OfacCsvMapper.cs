using System.Globalization;
using System.Text;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Ofac;

/// <summary>
/// Maps the raw records of the OFAC legacy CSV files to entities and relations: one entity per <c>ent_num</c> with the
/// primary name, the aliases of the alias file, the weak aliases, identifiers, countries and relations found in the remarks
/// (continued by the comments file), the addresses, and one listing per program.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class OfacCsvMapper
{
    /// <summary>Maps the lists read together into entities and relations.</summary>
    /// <param name="lists">The lists, in reading order.</param>
    /// <param name="rejected">Receives every record that could not be used, with its position and reason.</param>
    public static (List<Entity> Entities, List<Relation> Relations) Map(IReadOnlyList<OfacCsvList> lists, List<RejectedRecord> rejected)
    {
        var entities = new List<Entity>();
        var pending = new List<PendingLink>();
        var scopes = new List<NameScope>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            var scope = new NameScope(list.Kind);
            scopes.Add(scope);
            MapList(list, entities, pending, scope, ids, rejected);
        }

        var relations = OfacRelations.Resolve(pending, scopes, rejected);
        return (entities, relations);
    }

    private static void MapList(OfacCsvList list, List<Entity> entities, List<PendingLink> pending, NameScope scope, HashSet<string> ids, List<RejectedRecord> rejected)
    {
        var primaries = new Dictionary<int, OfacPrimaryRecord>();
        foreach (var record in list.Primaries)
        {
            if (!primaries.TryAdd(record.EntNum, record))
            {
                rejected.Add(new(record.Position, $"ent_num {record.EntNum} appears again (first at {primaries[record.EntNum].Position}); the first record is kept"));
            }
        }

        var addresses = Group(list.Addresses, a => a.EntNum, a => a.Position, "address", primaries, rejected);
        var aliases = Group(list.Aliases, a => a.EntNum, a => a.Position, "alias", primaries, rejected);
        var comments = Group(list.Comments, c => c.EntNum, c => c.Position, "remarks continuation", primaries, rejected);

        foreach (var record in primaries.Values)
        {
            var uid = record.EntNum.ToString(CultureInfo.InvariantCulture);
            var id = OfacList.EntityId(list.Kind, uid);
            if (!ids.Add(id))
            {
                rejected.Add(new(record.Position, $"entity id {id} was already read from an earlier part; the first is kept"));
                continue;
            }

            var remarksText = record.Remarks;
            if (comments.TryGetValue(record.EntNum, out var continuation))
            {
                remarksText = string.Concat(remarksText, string.Concat(continuation.Select(c => c.Text)));
            }

            var remarks = OfacRemarksParser.Parse(remarksText);
            var names = new NameSet();
            names.Add(record.Name, NameKind.Primary);
            foreach (var alias in aliases.GetValueOrDefault(record.EntNum) ?? [])
            {
                names.Add(alias.Name, AliasKind(alias.Type, alias.Remarks));
            }

            foreach (var name in remarks.Names)
            {
                names.Add(name.Value, name.Kind);
            }

            var identifiers = new List<EntityIdentifier>(remarks.Identifiers);
            var countries = new List<string>(remarks.Countries);
            if (record.CallSign is { } callSign)
            {
                identifiers.Add(new EntityIdentifier(OfacIdentifierTypes.CallSign, callSign));
            }

            AddCountry(countries, record.VesselFlag);
            foreach (var address in addresses.GetValueOrDefault(record.EntNum) ?? [])
            {
                var text = JoinAddress(address.Address, address.CityStateZip, address.Country);
                if (text.Length > 0)
                {
                    identifiers.Add(new EntityIdentifier(IdentifierSchemes.Address, text) { Notes = address.Remarks });
                }

                AddCountry(countries, address.Country);
            }

            var entity = new Entity(id, OfacList.KindOf(record.Type), record.Name)
            {
                Names = names.ToList(),
                Countries = countries,
                Identifiers = identifiers,
                Listings = Listings(list.Kind, uid, record.Name, OfacList.SplitPrograms(record.Program)),
                Remarks = ComposeRemarks(record, remarksText),
            };
            entities.Add(entity);
            scope.Add(entity);

            foreach (var link in remarks.Links)
            {
                pending.Add(new PendingLink(id, list.Kind, link.TargetName, null, link.Kind, link.Label, link.Reversed, record.Position, OfacList.DetailUrl(uid)));
            }

            if (record.VesselOwner is { } owner)
            {
                pending.Add(new PendingLink(id, list.Kind, owner, null, RelationKind.OwnedBy, "Vess_owner", false, record.Position, OfacList.DetailUrl(uid)));
            }
        }
    }

    internal static NameKind AliasKind(string? type, string? remarks)
    {
        if (remarks is not null && remarks.Contains("weak", StringComparison.OrdinalIgnoreCase))
        {
            return NameKind.WeakAlias;
        }

        return type?.Trim().Trim('.').Replace(".", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "FKA" => NameKind.Former,
            _ => NameKind.Alias,
        };
    }

    internal static IReadOnlyList<Listing> Listings(OfacListKind kind, string uid, string name, IReadOnlyList<string> programs)
    {
        var listId = OfacList.ListId(kind);
        var url = OfacList.DetailUrl(uid);
        if (programs.Count == 0)
        {
            return [new Listing(listId) { Authority = OfacList.Authority, NameAsListed = name, SourceUrl = url }];
        }

        return programs.Select(p => new Listing(listId) { Program = p, Authority = OfacList.Authority, NameAsListed = name, SourceUrl = url }).ToArray();
    }

    internal static void AddCountry(List<string> countries, string? name)
    {
        if (OfacList.CountryCode(name) is { } code && !countries.Contains(code, StringComparer.Ordinal))
        {
            countries.Add(code);
        }
    }

    private static string? ComposeRemarks(OfacPrimaryRecord record, string? remarks)
    {
        var sb = new StringBuilder();
        if (record.Title is { } title)
        {
            sb.Append("Title: ").Append(title).Append('.');
        }

        var vessel = string.Join("; ", new[]
        {
            record.VesselType is null ? null : "Vessel type " + record.VesselType,
            record.VesselFlag is null ? null : "Flag " + record.VesselFlag,
            record.VesselOwner is null ? null : "Owner " + record.VesselOwner,
            record.Tonnage is null ? null : "Tonnage " + record.Tonnage,
            record.Grt is null ? null : "GRT " + record.Grt,
        }.Where(s => s is not null));
        if (vessel.Length > 0)
        {
            sb.Append(sb.Length > 0 ? " " : string.Empty).Append(vessel).Append('.');
        }

        if (!string.IsNullOrWhiteSpace(remarks))
        {
            sb.Append(sb.Length > 0 ? " " : string.Empty).Append(remarks.Trim());
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string JoinAddress(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static Dictionary<int, List<T>> Group<T>(List<T> records, Func<T, int> entNum, Func<T, string> position, string what, Dictionary<int, OfacPrimaryRecord> primaries, List<RejectedRecord> rejected)
    {
        var result = new Dictionary<int, List<T>>();
        foreach (var record in records)
        {
            var key = entNum(record);
            if (!primaries.ContainsKey(key))
            {
                rejected.Add(new(position(record), $"{what} for ent_num {key}, which is not in the primary file"));
                continue;
            }

            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            list.Add(record);
        }

        return result;
    }
}

using System.Globalization;
using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.OpenSanctions;

/// <summary>The FollowTheMoney schemata the mapper uses, and what they become.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class FtmSchemata
{
    /// <summary>The thing schemata that become entities, with their kind.</summary>
    public static readonly IReadOnlyDictionary<string, EntityKind> Things = new Dictionary<string, EntityKind>(StringComparer.Ordinal)
    {
        ["Person"] = EntityKind.Person,
        ["Company"] = EntityKind.Organization,
        ["Organization"] = EntityKind.Organization,
        ["LegalEntity"] = EntityKind.Organization,
        ["PublicBody"] = EntityKind.Government,
        ["Vessel"] = EntityKind.Vessel,
        ["Airplane"] = EntityKind.Aircraft,
    };

    /// <summary>The link schemata that become <see cref="RelationKind.LinkedTo"/> relations: from the first property (the
    /// agent or subject) to the second.</summary>
    public static readonly IReadOnlyDictionary<string, (string From, string To)> Links = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["Directorship"] = ("director", "organization"),
        ["Employment"] = ("employee", "employer"),
        ["Membership"] = ("member", "organization"),
        ["Representation"] = ("agent", "client"),
        ["Family"] = ("person", "relative"),
        ["Associate"] = ("person", "associate"),
        ["UnknownLink"] = ("subject", "object"),
    };

    /// <summary>Gets whether the mapper uses entities of a schema.</summary>
    public static bool IsUsed(string schema) =>
        Things.ContainsKey(schema) || Links.ContainsKey(schema) || schema is "Ownership" or "Sanction" or "Succession";
}

/// <summary>Maps FollowTheMoney entities: things (Person, Company, Organization, LegalEntity, PublicBody, Vessel, Airplane)
/// to entities <c>opensanctions:&lt;id&gt;</c>; Ownership to <see cref="RelationKind.OwnedBy"/> (asset to owner, with the
/// share and dates); Succession to <see cref="RelationKind.SuccessorOf"/>; Directorship, Employment, Membership,
/// Representation, Family, Associate and UnknownLink to <see cref="RelationKind.LinkedTo"/>; Sanction to a listing of its
/// entity.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class FtmMapper
{
    private static readonly Dictionary<string, string> DatasetLists = new(StringComparer.Ordinal)
    {
        ["us_ofac_sdn"] = "us-ofac-sdn",
        ["us_ofac_cons"] = "us-ofac-cons",
        ["un_sc_sanctions"] = "un-sc-consolidated",
        ["eu_fsf"] = "eu-fsf",
        ["gb_hmt_sanctions"] = "uk-sanctions",
        ["gb_fcdo_sanctions"] = "uk-sanctions",
        ["us_bis_denied"] = "us-bis-dpl",
        ["us_dod_chinese_milcorps"] = "us-dod-1260h",
    };

    /// <summary>The FtM topics that make an entity listed without a Sanction entity, with the list each becomes
    /// (see <c>docs/lists/README.md</c>).</summary>
    private static readonly (string Topic, string ListId, string Name, ListCategory Category)[] TopicLists =
    [
        ("sanction", "os-topic-sanction", "Sanctioned entity (FtM topic sanction)", ListCategory.Sanctions),
        ("export.control", "os-topic-export-control", "Export-controlled entity (FtM topic export.control)", ListCategory.ExportControl),
        ("debarment", "os-topic-debarment", "Debarred entity (FtM topic debarment)", ListCategory.Debarment),
        ("role.pep", "os-topic-pep", "Politically exposed person (FtM topic role.pep)", ListCategory.PEP),
        ("crime", "os-topic-crime", "Entity linked to crime (FtM topic crime)", ListCategory.Other),
    ];

    /// <summary>The list of a target entity that has neither a Sanction entity nor a known topic.</summary>
    private const string TargetListId = "os-target";

    private static readonly (string Property, string Scheme)[] IdentifierProperties =
    [
        ("registrationNumber", "registration-number"),
        ("leiCode", IdentifierSchemes.Lei),
        ("dunsCode", IdentifierSchemes.Duns),
        ("uniqueEntityId", IdentifierSchemes.SamUei),
        ("cageCode", IdentifierSchemes.Cage),
        ("imoNumber", IdentifierSchemes.Imo),
        ("swiftBic", "swift-bic"),
        ("innCode", "ru-inn"),
        ("ogrnCode", "ru-ogrn"),
        ("taxNumber", "tax-id"),
        ("vatCode", "vat"),
        ("idNumber", "national-id"),
        ("passportNumber", "passport"),
        ("permId", "perm-id"),
        ("ticker", IdentifierSchemes.StockCode),
        ("isinCode", "isin"),
        ("website", IdentifierSchemes.Website),
        ("callSign", "call-sign"),
        ("mmsi", "mmsi"),
    ];

    private static readonly string[] CountryProperties = ["country", "nationality", "citizenship", "jurisdiction", "mainCountry", "flag"];

    public static void Map(FtmDocument document, SnapshotAssembler assembler)
    {
        var sanctions = new Dictionary<string, List<FtmEntity>>(StringComparer.Ordinal);
        var links = new List<FtmEntity>();
        var things = new List<FtmEntity>();
        foreach (var e in document.Entities)
        {
            if (FtmSchemata.Things.ContainsKey(e.Schema))
            {
                things.Add(e);
            }
            else if (e.Schema == "Sanction")
            {
                var target = e.First("entity");
                if (target is null)
                {
                    assembler.RejectLine(e.Line, $"Sanction {e.Id} names no entity");
                    continue;
                }

                if (!sanctions.TryGetValue(target, out var list))
                {
                    list = [];
                    sanctions[target] = list;
                }

                list.Add(e);
            }
            else
            {
                links.Add(e);
            }
        }

        var mapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var thing in things)
        {
            var listings = sanctions.TryGetValue(thing.Id, out var s) ? s.Select(x => ToListing(x, assembler)).ToList() : [];
            if (MapThing(thing, listings, assembler))
            {
                mapped.Add(thing.Id);
            }
        }

        foreach (var (target, list) in sanctions)
        {
            if (!mapped.Contains(target))
            {
                foreach (var sanction in list)
                {
                    assembler.RejectLine(sanction.Line, $"Sanction {sanction.Id} names entity {target}, which the file does not hold as a person, company, organization, vessel or aircraft");
                }
            }
        }

        foreach (var link in links)
        {
            MapLink(link, mapped, assembler);
        }
    }

    private static bool MapThing(FtmEntity e, List<Listing> listings, SnapshotAssembler assembler)
    {
        var names = new NameSet();
        foreach (var n in e["name"])
        {
            names.Add(n, NameKind.Primary);
        }

        if (names.Count == 0)
        {
            names.Add(e.Caption, NameKind.Primary);
        }

        foreach (var n in e["alias"].Concat(e["abbreviation"]))
        {
            names.Add(n, NameKind.Alias);
        }

        foreach (var n in e["weakAlias"])
        {
            names.Add(n, NameKind.WeakAlias);
        }

        foreach (var n in e["previousName"])
        {
            names.Add(n, NameKind.Former);
        }

        if (names.Primary is null)
        {
            assembler.RejectLine(e.Line, $"{e.Schema} {e.Id} has no name");
            return false;
        }

        var countries = new OrderedSet();
        foreach (var property in CountryProperties)
        {
            foreach (var value in e[property])
            {
                countries.Add(value.Length == 2 ? Countries.ToIso2(value) : null);
            }
        }

        var identifiers = new IdentifierSet();
        foreach (var (property, scheme) in IdentifierProperties)
        {
            foreach (var value in e[property])
            {
                identifiers.Add(scheme, value);
            }
        }

        foreach (var address in e["address"])
        {
            identifiers.Add(IdentifierSchemes.Address, address);
        }

        var remarks = new OrderedSet();
        if (e["birthDate"].Length > 0)
        {
            remarks.Add("Date of birth: " + string.Join(", ", e["birthDate"]));
            foreach (var value in e["birthDate"])
            {
                identifiers.AddBirthDate(value);
            }
        }

        if (e["incorporationDate"].Length > 0)
        {
            remarks.Add("Incorporated: " + string.Join(", ", e["incorporationDate"]));
        }

        remarks.AddRange(e["position"].Select(p => "Position: " + p));
        remarks.AddRange(e["notes"]);
        if (e.Datasets.Count > 0)
        {
            remarks.Add("Datasets: " + string.Join(", ", e.Datasets));
        }

        return assembler.Add(assembler.EntityId(e.Id), FtmSchemata.Things[e.Schema], names, countries, identifiers, remarks, WithTopicListings(e, listings, assembler), $"{assembler.Location}:{e.Line}");
    }

    /// <summary>Adds a listing for each known topic of the entity (the topic <c>sanction</c> only when no Sanction entity lists it
    /// already), and for a target entity still without a listing, one on <c>os-target</c> (category Other), so that it is screened.</summary>
    private static List<Listing> WithTopicListings(FtmEntity e, List<Listing> listings, SnapshotAssembler assembler)
    {
        var result = new List<Listing>(listings);
        var topics = new HashSet<string>(e["topics"].Select(ListText.Clean).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        var program = ListText.Join("; ", e["program"].Take(2));
        foreach (var (topic, listId, name, category) in TopicLists)
        {
            if (!topics.Contains(topic) || (category == ListCategory.Sanctions && listings.Count > 0))
            {
                continue;
            }

            assembler.Define(new ListDefinition(listId, name, category) { Notes = "Listed by the topic of a FollowTheMoney entity, without a Sanction entity." });
            result.Add(new Listing(listId) { Program = program, Scope = "FtM topic " + topic, Confidence = FactConfidence.Reported });
        }

        if (result.Count == 0 && e.Target)
        {
            assembler.Define(new ListDefinition(TargetListId, "Target entity (FtM target: true) without a listing or topic", ListCategory.Other)
            {
                Notes = "The producer marks the entity as a target but names no list; hits call for review.",
            });
            result.Add(new Listing(TargetListId) { Scope = "FtM target", Confidence = FactConfidence.Reported });
        }

        return result;
    }

    private static Listing ToListing(FtmEntity sanction, SnapshotAssembler assembler)
    {
        var dataset = sanction.Datasets.Count > 0 ? sanction.Datasets[0] : null;
        var authority = sanction.First("authority");
        string listId;
        if (dataset is not null && DatasetLists.TryGetValue(dataset, out var known))
        {
            listId = known;
        }
        else if (dataset == "us_trade_csl" && authority is not null)
        {
            listId = CslSourceLists.Resolve(authority).ListId;
        }
        else
        {
            listId = "os-" + ListText.Kebab(dataset ?? authority ?? "sanction");
            assembler.Define(new ListDefinition(listId, authority is null ? $"OpenSanctions dataset {dataset}" : $"{authority} (OpenSanctions dataset {dataset})", ListCategory.Other)
            {
                Authority = authority,
                Notes = "A list outside the lists VendorScreen knows; hits on it call for review.",
            });
        }

        return new Listing(listId)
        {
            Program = ListText.Join("; ", sanction["program"].Concat(sanction["programId"]).Take(2)),
            Authority = authority,
            ListedOn = ListText.IsoDate(sanction.First("listingDate")) ?? ListText.IsoDate(sanction.First("startDate")),
            RemovedOn = ListText.IsoDate(sanction.First("endDate")),
            Scope = ListText.Join("; ", sanction["provisions"]),
            Citation = sanction.First("authorityId") ?? sanction.First("unscId"),
            SourceUrl = sanction.First("sourceUrl"),
        };
    }

    private static void MapLink(FtmEntity link, HashSet<string> mapped, SnapshotAssembler assembler)
    {
        string? fromRaw, toRaw;
        RelationKind kind;
        if (link.Schema == "Ownership")
        {
            (fromRaw, toRaw, kind) = (link.First("asset"), link.First("owner"), RelationKind.OwnedBy);
        }
        else if (link.Schema == "Succession")
        {
            (fromRaw, toRaw, kind) = (link.First("successor"), link.First("predecessor"), RelationKind.SuccessorOf);
        }
        else
        {
            var (from, to) = FtmSchemata.Links[link.Schema];
            (fromRaw, toRaw, kind) = (link.First(from), link.First(to), RelationKind.LinkedTo);
        }

        if (fromRaw is null || toRaw is null)
        {
            assembler.RejectLine(link.Line, $"{link.Schema} {link.Id} lacks one of its two ends");
            return;
        }

        var missing = new[] { fromRaw, toRaw }.Where(id => !mapped.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            assembler.RejectLine(link.Line, $"{link.Schema} {link.Id} refers to {string.Join(" and ", missing)}, which the file does not hold as a person, company, organization, vessel or aircraft");
            return;
        }

        // A percentage that is not a number from 0 to 100 ("25-50%", "majority") leaves the share unknown, never zero, and is kept
        // in the notes so that the term shows what the source said.
        decimal? share = null;
        string? unread = null;
        if (link.First("percentage") is { } percentage)
        {
            if (decimal.TryParse(percentage.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
            {
                share = p;
            }
            else
            {
                unread = $"percentage \"{percentage}\" not read as a share";
            }
        }

        assembler.Relations.Add(new Relation(assembler.EntityId(fromRaw), assembler.EntityId(toRaw), kind)
        {
            ValidFrom = ListText.IsoDate(link.First("startDate")),
            ValidTo = ListText.IsoDate(link.First("endDate")),
            SharePercent = share,
            Confidence = FactConfidence.Reported,
            SourceUrl = link.First("sourceUrl"),
            Notes = ListText.Join("; ", link["role"].Concat(link["relationship"]).Prepend(link.Schema).Append(unread)),
        });
    }
}

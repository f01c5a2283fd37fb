using System.Text.RegularExpressions;
using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Csl;

/// <summary>Maps raw CSL records to entities: one entity per record, with its list (from <c>source</c>), programs,
/// Federal Register citation, dates, aliases, addresses, countries and identifiers.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static partial class CslMapper
{
    private const string SuccessorClause = "and any successor, sub-unit, or subsidiary thereof";

    /// <summary>Maps every record of a document into the assembler; records it cannot use are rejected.</summary>
    public static void Map(CslDocument document, SnapshotAssembler assembler) => assembler.MapEach(document.Records, MapRecord);

    private static void MapRecord(CslRecord record, SnapshotAssembler assembler)
    {
        var source = record["source"];
        var rawName = record["name"];
        if (source is null)
        {
            assembler.Reject(record.Position, "the record has no \"source\" (the list it belongs to)");
            return;
        }

        if (rawName is null)
        {
            assembler.Reject(record.Position, "the record has no \"name\"");
            return;
        }

        var (listId, authority) = CslSourceLists.Resolve(source);
        var (name, scopeFromName) = SplitSuccessorClause(rawName);
        var localId = record["_id"] ?? record["entity_number"] ?? "row-" + record.Row.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kind = Kind(record["type"], listId);

        var names = new NameSet();
        names.Add(name, NameKind.Primary);
        if (LocationSuffix().Match(name) is { Success: true } m && kind != EntityKind.Person)
        {
            // Entity List names often end in the place ("..., Co., Ltd., Guiyang, Guizhou"): the legal name alone is an alias.
            names.Add(m.Groups["name"].Value, NameKind.Alias);
        }

        foreach (var alias in ListText.Split(record["alt_names"]))
        {
            var cleaned = alias.StartsWith("and ", StringComparison.OrdinalIgnoreCase) ? alias[4..] : alias;
            names.Add(SplitSuccessorClause(cleaned).Name, NameKind.Alias);
        }

        var countries = new OrderedSet();
        var identifiers = new IdentifierSet();
        foreach (var address in ListText.Split(record["addresses"]))
        {
            identifiers.Add(IdentifierSchemes.Address, address);
            var last = address[(address.LastIndexOf(',') + 1)..].Trim();
            countries.Add(last.Length == 2 ? Countries.ToIso2(last) : null);
        }

        foreach (var column in new[] { "nationalities", "citizenships" })
        {
            foreach (var value in ListText.Split(record[column]))
            {
                countries.Add(Countries.ToIso2(value));
            }
        }

        var remarks = new OrderedSet();
        remarks.Add(record["remarks"]);
        foreach (var id in ListText.Split(record["ids"]))
        {
            AddIdentifier(id, record.Layout, identifiers, remarks);
        }

        if (record["call_sign"] is { } callSign)
        {
            identifiers.Add("call-sign", callSign);
        }

        if (record["title"] is { } title)
        {
            remarks.Add("Title: " + title);
        }

        if (record["dates_of_birth"] is { } dob)
        {
            remarks.Add("Date of birth: " + dob);
            foreach (var value in ListText.Split(dob))
            {
                identifiers.AddBirthDate(value);
            }
        }

        if (record["places_of_birth"] is { } pob)
        {
            remarks.Add("Place of birth: " + pob);
        }

        if (record["vessel_flag"] is { } flag)
        {
            remarks.Add("Vessel flag: " + flag);
        }

        var scope = ListText.Join(" ", [
            scopeFromName is null ? null : "Covers " + scopeFromName + ".",
            record["license_requirement"] is { } requirement ? "License requirement: " + requirement : null,
            record["license_policy"] is { } policy ? "License policy: " + policy : null,
            string.Equals(record["standard_order"], "Y", StringComparison.OrdinalIgnoreCase) ? "Standard denial order." : null,
        ]);

        var listing = new Listing(listId)
        {
            Program = ListText.Join("; ", ListText.Split(record["programs"])) ?? CslSourceLists.DefaultProgram(listId),
            Authority = authority,
            NameAsListed = rawName,
            ListedOn = ListText.IsoDate(record["start_date"]),
            RemovedOn = ListText.IsoDate(record["end_date"]),
            Scope = scope,
            Citation = record["federal_register_notice"],
            SourceUrl = record["source_list_url"] ?? record["source_information_url"],
        };

        assembler.Add(assembler.EntityId(localId), kind, names, countries, identifiers, remarks, [listing], record.Position);
    }

    private static (string Name, string? Scope) SplitSuccessorClause(string name)
    {
        var at = name.IndexOf(SuccessorClause, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return (name, null);
        }

        var head = name[..at].TrimEnd(' ', ';', ',');
        return (head.Length == 0 ? name : head, name[at..].TrimEnd('.'));
    }

    private static EntityKind Kind(string? type, string listId) => type?.ToUpperInvariant() switch
    {
        "INDIVIDUAL" => EntityKind.Person,
        "ENTITY" => EntityKind.Organization,
        "VESSEL" => EntityKind.Vessel,
        "AIRCRAFT" => EntityKind.Aircraft,
        _ => listId is "us-bis-entity-list" or "us-bis-meu" or "us-bis-uvl" or "us-state-isn" or "us-treasury-ns-cmic" or "us-ofac-capta"
            ? EntityKind.Organization
            : EntityKind.Unknown,
    };

    private static void AddIdentifier(string text, CslLayout layout, IdentifierSet identifiers, OrderedSet remarks)
    {
        var parts = text.Split(',').Select(p => p.Trim()).ToList();
        string? type, number, country = null;
        if (layout == CslLayout.Legacy)
        {
            // Legacy: "value, type" or "country, value, type"; the value may itself hold commas.
            type = parts[^1];
            if (parts.Count >= 3 && parts[0].Length == 2 && parts[0].All(char.IsAsciiLetterUpper))
            {
                country = parts[0];
                number = string.Join(", ", parts.Skip(1).Take(parts.Count - 2));
            }
            else
            {
                number = string.Join(", ", parts.Take(parts.Count - 1));
            }
        }
        else
        {
            // Current and JSON: "type, value, country"; the value may itself hold commas.
            type = parts[0];
            if (parts.Count >= 3 && parts[^1].Length == 2 && parts[^1].All(char.IsAsciiLetterUpper))
            {
                country = parts[^1];
                number = string.Join(", ", parts.Skip(1).Take(parts.Count - 2));
            }
            else
            {
                number = string.Join(", ", parts.Skip(1));
            }
        }

        type = ListText.Clean(type);
        number = ListText.Clean(number);
        if (type is null || number is null || type.EndsWith(':') || type.EndsWith('-') || type.StartsWith("Gender", StringComparison.OrdinalIgnoreCase)
            || type.Contains("Sanctions", StringComparison.OrdinalIgnoreCase) || type.Contains("Directive", StringComparison.OrdinalIgnoreCase))
        {
            // Statements such as "Secondary sanctions risk:" or "Gender, Male" are facts about the entry, not identifiers.
            remarks.Add(text);
            return;
        }

        identifiers.Add(Scheme(type), number, country is null ? type : $"{type}, {country}");
    }

    private static string Scheme(string type)
    {
        var t = type.ToUpperInvariant();
        return t switch
        {
            _ when t.Contains("WEBSITE", StringComparison.Ordinal) => IdentifierSchemes.Website,
            _ when t.Contains("SWIFT", StringComparison.Ordinal) => "swift-bic",
            _ when t.Contains("EMAIL", StringComparison.Ordinal) => "email",
            _ when t.Contains("PASSPORT", StringComparison.Ordinal) => "passport",
            _ when t.Contains("IMO", StringComparison.Ordinal) || t.Contains("VESSEL REGISTRATION", StringComparison.Ordinal) => IdentifierSchemes.Imo,
            _ when t.Contains("LEGAL ENTITY NUMBER", StringComparison.Ordinal) || t == "LEI" => IdentifierSchemes.Lei,
            _ when t.Contains("D-U-N-S", StringComparison.Ordinal) || t.Contains("DUNS", StringComparison.Ordinal) => IdentifierSchemes.Duns,
            _ when t.Contains("UNIFIED SOCIAL CREDIT", StringComparison.Ordinal) => IdentifierSchemes.ChineseUscc,
            _ when t.Contains("TAX ID", StringComparison.Ordinal) => "tax-id",
            _ when t.Contains("REGISTRATION", StringComparison.Ordinal) => "registration-number",
            _ when t.Contains("NATIONAL ID", StringComparison.Ordinal) || t.Contains("CEDULA", StringComparison.Ordinal) => "national-id",
            _ => ListText.Kebab(type),
        };
    }

    [GeneratedRegex(@"^(?<name>.*?\b(?:Co\.,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|Corporation|Corp\.|LLC|GmbH|JSC|PLC|S\.A\.|Company)),\s*(?:[^,]{2,40},\s*){0,2}[^,]{2,40}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LocationSuffix();
}

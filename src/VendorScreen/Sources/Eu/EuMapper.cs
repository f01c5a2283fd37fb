using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Eu;

/// <summary>Maps EU entries (from the XML or the CSV) to entities <c>eu:&lt;EU reference number or logical id&gt;</c> on
/// <c>eu-fsf</c>.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class EuMapper
{
    /// <summary>The list id.</summary>
    public const string ListId = "eu-fsf";

    public static void Map(EuDocument document, SnapshotAssembler assembler) => assembler.MapEach(document.Entries, MapEntry);

    private static void MapEntry(EuEntityRecord entry, SnapshotAssembler assembler)
    {
        var localId = entry.EuReferenceNumber ?? entry.LogicalId;
        var position = $"{entry.Position} (logical id {entry.LogicalId})";
        var kind = entry.SubjectType?.ToUpperInvariant() switch
        {
            "PERSON" or "P" => EntityKind.Person,
            "ENTERPRISE" or "E" => EntityKind.Organization,
            "VESSEL" or "V" => EntityKind.Vessel,
            "AIRCRAFT" or "A" => EntityKind.Aircraft,
            _ => EntityKind.Unknown,
        };

        // The primary name is the first strong name in English or without a language; then every other name.
        var ordered = entry.Names
            .Select(n => (Name: n, Whole: WholeName(n)))
            .Where(n => n.Whole is not null)
            .OrderBy(n => n.Name.Strong && (n.Name.Language is null || string.Equals(n.Name.Language, "EN", StringComparison.OrdinalIgnoreCase)) ? 0 : n.Name.Strong ? 1 : 2)
            .ToList();
        if (ordered.Count == 0)
        {
            assembler.Reject(position, "the entry has no name");
            return;
        }

        var names = new NameSet();
        var remarks = new OrderedSet();
        foreach (var (name, whole) in ordered)
        {
            names.Add(whole, name.Strong ? NameKind.Alias : NameKind.WeakAlias, name.Language?.ToLowerInvariant());
            if (name.Function is { } function)
            {
                remarks.Add((kind == EntityKind.Person ? "Position: " : "Function: ") + function);
            }

            if (name.Title is { } title)
            {
                remarks.Add("Title: " + title);
            }
        }

        var countries = new OrderedSet();
        foreach (var citizenship in entry.Citizenships)
        {
            countries.Add(Countries.ToIso2(citizenship));
        }

        var identifiers = new IdentifierSet();
        foreach (var address in entry.Addresses)
        {
            var country = Countries.ToIso2(address.CountryCode) ?? Countries.ToIso2(address.CountryDescription);
            countries.Add(country);
            var description = address.CountryDescription is "UNKNOWN" or "00" ? null : address.CountryDescription;
            identifiers.Add(IdentifierSchemes.Address,
                ListText.Join(", ", [address.Street, address.PoBox, address.City, address.ZipCode, address.Region, address.Place, description]));
        }

        foreach (var identification in entry.Identifications)
        {
            if (identification.Number is null)
            {
                continue;
            }

            var code = identification.TypeCode?.ToUpperInvariant();
            var scheme = code switch
            {
                "PASSPORT" => "passport",
                "ID" => "national-id",
                "REGNUMBER" => "registration-number",
                "FISCALCODE" or "TAXNUMBER" => "tax-id",
                "SWIFTBIC" => "swift-bic",
                "IMO" => IdentifierSchemes.Imo,
                null => "identification",
                _ => ListText.Kebab(identification.TypeCode!),
            };
            identifiers.Add(scheme, identification.Number,
                ListText.Join("; ", [identification.TypeDescription, identification.CountryCode is "00" ? null : identification.CountryCode, identification.Remark]));
        }

        foreach (var birth in entry.Births)
        {
            var date = birth.Date ?? birth.Year;
            identifiers.AddBirthDate(date, birth.Circa);
            var place = ListText.Join(", ", [birth.City, birth.CountryDescription is "UNKNOWN" or "00" ? null : birth.CountryDescription]);
            if (date is not null || place is not null)
            {
                remarks.Add($"Birth: {ListText.Join(", ", [date is null ? null : (birth.Circa ? "circa " : string.Empty) + date, place])}");
            }
        }

        foreach (var remark in entry.Remarks)
        {
            remarks.Add(remark);
        }

        var regulations = entry.Regulations
            .OrderBy(r => ListText.IsoDate(r.PublicationDate)?.Start ?? DateOnly.MaxValue)
            .ToList();
        var listedOn = ListText.IsoDate(entry.DesignationDate)
            ?? regulations.Select(r => ListText.IsoDate(r.EntryIntoForceDate) ?? ListText.IsoDate(r.PublicationDate)).Where(d => d is not null).MinBy(d => d!.Value.Start);
        var listing = new Listing(ListId)
        {
            Program = ListText.Join("; ", regulations.Select(r => r.Programme)),
            Authority = "European Union",
            NameAsListed = names.Primary,
            ListedOn = listedOn,
            Citation = ListText.Join("; ", regulations.Select(r => r.NumberTitle)),
            SourceUrl = regulations.Select(r => r.Url).FirstOrDefault(u => u is not null),
            Scope = entry.UnitedNationsId is { } un ? "UN reference " + un : null,
        };

        assembler.Add(assembler.EntityId(localId), kind, names, countries, identifiers, remarks, [listing], position);
    }

    private static string? WholeName(EuName name) =>
        name.WholeName ?? ListText.Join(" ", [name.FirstName, name.MiddleName, name.LastName]);
}

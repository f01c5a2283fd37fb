using System.Text.RegularExpressions;
using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Uk;

/// <summary>Maps UK list rows to entities on <c>uk-sanctions</c>: ConList rows grouped by <c>Group ID</c> into
/// <c>uk:&lt;Group ID&gt;</c>, FCDO rows grouped by <c>Unique ID</c> into <c>uk:&lt;Unique ID&gt;</c>.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static partial class UkMapper
{
    /// <summary>The list id.</summary>
    public const string ListId = "uk-sanctions";

    private static readonly string[] NameColumns = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"];

    private static readonly FactColumns ConListColumns = new(
        "Nationality", ["Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Post/Zip Code"], "Country", "DOB", "Town of Birth", "Country of Birth");

    private static readonly FactColumns FcdoColumns = new(
        "Nationality(/ies)", ["Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5", "Address Line 6", "Address Postal Code"],
        "Address Country", "D.O.B", "Town of birth", "Country of birth");

    public static void Map(UkDocument document, SnapshotAssembler assembler)
    {
        var keyColumn = document.Layout == UkLayout.ConList ? "Group ID" : "Unique ID";
        var groups = assembler.GroupByKey(document.Rows, r => r[keyColumn], r => r.Line, $"the row has no \"{keyColumn}\"");

        foreach (var group in groups)
        {
            if (document.Layout == UkLayout.ConList)
            {
                MapConList(group, assembler);
            }
            else
            {
                MapFcdo(group, assembler);
            }
        }
    }

    private static void MapConList(List<UkRow> rows, SnapshotAssembler assembler)
    {
        var first = rows[0];
        var position = $"{assembler.Location}:{first.Line} (group {first["Group ID"]})";
        var names = new NameSet();
        foreach (var row in rows.OrderBy(r => string.Equals(r["Alias Type"], "Prime Alias", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
        {
            var kind = row["Alias Type"]?.ToUpperInvariant() switch
            {
                "PRIME ALIAS" => NameKind.Primary,
                "FKA" => NameKind.Former,
                _ => NameKind.Alias,
            };
            names.Add(FullName(row), kind);
        }

        if (names.Primary is null)
        {
            assembler.Reject(position, "the group has no name");
            return;
        }

        var countries = new OrderedSet();
        var identifiers = new IdentifierSet();
        var remarks = new OrderedSet();
        foreach (var row in rows)
        {
            AddPlaces(row, ConListColumns, countries, identifiers);
            AddPerson(row, ConListColumns, remarks, identifiers);
            Remark(remarks, "Passport", row["Passport Details"]);
            Remark(remarks, "National identity number", row["NI Number"]);
        }

        remarks.Add(first["Other Information"]);
        var listing = new Listing(ListId)
        {
            Program = first["Regime"],
            Authority = "HM Treasury, Office of Financial Sanctions Implementation",
            NameAsListed = names.Primary,
            ListedOn = ListText.DayFirstDate(first["Listed On"]),
            Citation = first["Other Information"] is { } info && UnReference().Match(info) is { Success: true } m ? "UN Ref " + m.Groups[1].Value : null,
            SourceUrl = "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets",
        };

        Add(assembler, first["Group ID"]!, Kind(first["Group Type"]), names, countries, identifiers, remarks, listing, position);
    }

    private static void MapFcdo(List<UkRow> rows, SnapshotAssembler assembler)
    {
        var first = rows[0];
        var position = $"{assembler.Location}:{first.Line} ({first["Unique ID"]})";
        var names = new NameSet();
        foreach (var row in rows.OrderBy(r => NameRank(r["Name type"])))
        {
            var weak = row["Alias strength"]?.Contains("low", StringComparison.OrdinalIgnoreCase) == true;
            var kind = NameRank(row["Name type"]) == 0 ? NameKind.Primary : weak ? NameKind.WeakAlias : NameKind.Alias;
            names.Add(FullName(row), kind);
        }

        foreach (var row in rows)
        {
            names.Add(row["Name non-latin script"], NameKind.NativeScript, row["Non-latin script language"]);
        }

        if (names.Primary is null)
        {
            assembler.Reject(position, "the entry has no name");
            return;
        }

        var countries = new OrderedSet();
        var identifiers = new IdentifierSet();
        var remarks = new OrderedSet();
        foreach (var row in rows)
        {
            AddPlaces(row, FcdoColumns, countries, identifiers);
            identifiers.Add("passport", row["Passport number"], row["Passport additional information"]);
            identifiers.Add("national-id", row["National Identifier number"], row["National Identifier additional information"]);
            identifiers.Add("registration-number", row["Business registration number (s)"]);
            identifiers.Add(IdentifierSchemes.Imo, row["IMO number"]);
            identifiers.Add(IdentifierSchemes.Website, row["Website"]);
            AddPerson(row, FcdoColumns, remarks, identifiers);
            Remark(remarks, "Parent company", row["Parent company"]);
            Remark(remarks, "Subsidiaries", row["Subsidiaries"]);
        }

        remarks.Add(first["Other Information"]);
        remarks.Add(first["UK Statement of Reasons"]);
        var listing = new Listing(ListId)
        {
            Program = first["Regime Name"],
            Authority = first["Designation source"] is { } designatedBy ? "UK FCDO (" + designatedBy + " designation)" : "UK FCDO",
            NameAsListed = names.Primary,
            ListedOn = ListText.DayFirstDate(first["Date Designated"]),
            Scope = first["Sanctions Imposed"],
            Citation = first["UN Reference Number"] is { } un ? "UN Ref " + un : null,
            SourceUrl = "https://www.gov.uk/government/publications/the-uk-sanctions-list",
        };

        Add(assembler, first["Unique ID"]!, Kind(first["Designation Type"]), names, countries, identifiers, remarks, listing, position);
    }

    private static void Add(SnapshotAssembler assembler, string localId, EntityKind kind, NameSet names, OrderedSet countries, IdentifierSet identifiers,
        OrderedSet remarks, Listing listing, string position)
    {
        assembler.Add(assembler.EntityId(localId), kind, names, countries, identifiers, remarks, [listing], position);
    }

    private static int NameRank(string? nameType) => nameType?.ToUpperInvariant() switch
    {
        "PRIMARY NAME" => 0,
        "PRIMARY NAME VARIATION" => 1,
        _ => 2,
    };

    private static EntityKind Kind(string? type) => type?.ToUpperInvariant() switch
    {
        "INDIVIDUAL" => EntityKind.Person,
        "ENTITY" => EntityKind.Organization,
        "SHIP" or "VESSEL" => EntityKind.Vessel,
        _ => EntityKind.Unknown,
    };

    /// <summary>Builds a name from "Name 1" to "Name 5" (given names) and "Name 6" (surname or entity name).</summary>
    private static string? FullName(UkRow row) => ListText.Join(" ", NameColumns.Select(c => row[c]));

    /// <summary>Adds a row's nationalities, its address country and its address (the lines, the postal code and the country).</summary>
    private static void AddPlaces(UkRow row, FactColumns columns, OrderedSet countries, IdentifierSet identifiers)
    {
        foreach (var nationality in SplitNumbered(row[columns.Nationality]))
        {
            countries.Add(Countries.ToIso2(nationality));
        }

        countries.Add(Countries.ToIso2(row[columns.Country]));
        identifiers.Add(IdentifierSchemes.Address, ListText.Join(", ", [.. columns.Address.Select(c => row[c]), row[columns.Country]]));
    }

    /// <summary>Adds a row's title, date and place of birth and position (the date of birth also as an identifier).</summary>
    private static void AddPerson(UkRow row, FactColumns columns, OrderedSet remarks, IdentifierSet identifiers)
    {
        Remark(remarks, "Title", row["Title"]);
        Remark(remarks, "Date of birth", row[columns.BirthDate]);
        identifiers.AddBirthDate(row[columns.BirthDate]);
        Remark(remarks, "Place of birth", ListText.Join(", ", [row[columns.TownOfBirth], row[columns.CountryOfBirth]]));
        Remark(remarks, "Position", row["Position"]);
    }

    private static void Remark(OrderedSet remarks, string label, string? value)
    {
        if (value is not null)
        {
            remarks.Add(label + ": " + value);
        }
    }

    /// <summary>Splits "1) Saudi Arabia 2) Qatar" into its items.</summary>
    private static IEnumerable<string> SplitNumbered(string? value) =>
        value is null ? [] : NumberedItem().Split(value).Select(ListText.Clean).OfType<string>();

    [GeneratedRegex(@"(?:^|\s)\(?\d{1,2}\)\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"UN Ref\s*:?\s*([A-Za-z]{2,3}\.\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UnReference();

    /// <summary>The columns that hold the same facts under other names in the two layouts.</summary>
    private sealed record FactColumns(string Nationality, string[] Address, string Country, string BirthDate, string TownOfBirth, string CountryOfBirth);
}

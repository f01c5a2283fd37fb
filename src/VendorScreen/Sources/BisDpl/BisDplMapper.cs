using VendorScreen.Normalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.BisDpl;

/// <summary>Maps DPL rows to entities. The list prints one row per address of a denial order; rows with the same name,
/// effective date and Federal Register citation are one entity <c>bis-dpl:&lt;key&gt;</c> with all the addresses.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class BisDplMapper
{
    private const string SourceUrl = "https://www.bis.doc.gov/index.php/the-denied-persons-list";

    public static void Map(BisDplDocument document, SnapshotAssembler assembler)
    {
        var groups = assembler.GroupByKey(
            document.Records,
            r => r.Name is null ? null : ListText.StableKey(r.Name, r.EffectiveDate, r.FrCitation),
            r => r.Line,
            "the row has no name");

        foreach (var group in groups)
        {
            var first = group[0];
            var names = new NameSet();
            names.Add(first.Name, NameKind.Primary);
            var identifiers = new IdentifierSet();
            var countries = new OrderedSet();
            var remarks = new OrderedSet();
            foreach (var row in group)
            {
                identifiers.Add(IdentifierSchemes.Address, ListText.Join(", ", [row.StreetAddress, row.City, row.State, row.PostalCode, row.Country]));
                countries.Add(Countries.ToIso2(row.Country));
                remarks.Add(row.Action);
            }

            var listing = new Listing("us-bis-dpl")
            {
                Program = "EAR Part 764 (Denial of export privileges)",
                Authority = "Bureau of Industry and Security",
                NameAsListed = first.Name,
                ListedOn = ListText.MonthFirstDate(first.EffectiveDate) ?? ListText.IsoDate(first.EffectiveDate),
                RemovedOn = ListText.MonthFirstDate(first.ExpirationDate) ?? ListText.IsoDate(first.ExpirationDate),
                Scope = string.Equals(first.StandardOrder, "Y", StringComparison.OrdinalIgnoreCase) ? "Standard denial order." : null,
                Citation = first.FrCitation,
                SourceUrl = SourceUrl,
            };

            if (first.LastUpdate is { } updated)
            {
                remarks.Add("Last update: " + updated);
            }

            assembler.Add(assembler.EntityId(ListText.StableKey(first.Name, first.EffectiveDate, first.FrCitation)), EntityKind.Unknown, names, countries, identifiers, remarks, [listing], $"{assembler.Location}:{first.Line}");
        }
    }
}

namespace VendorScreen;

/// <summary>Definitions of the official lists that readers of external formats refer to by id.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public static class KnownLists
{
    private static readonly Dictionary<string, ListDefinition> Definitions = new[]
    {
        new ListDefinition("us-ndaa-889", "NDAA FY2019 Section 889 covered companies", ListCategory.ProcurementProhibition) { Authority = "US Congress; FAR Council", ExtendsToAffiliates = true },
        new ListDefinition("us-fcc-covered-list", "FCC Covered List", ListCategory.ProcurementProhibition) { Authority = "FCC", ExtendsToAffiliates = true },
        new ListDefinition("us-ofac-sdn", "OFAC Specially Designated Nationals", ListCategory.Sanctions) { Authority = "US Treasury OFAC" },
        new ListDefinition("us-ofac-cons", "OFAC Consolidated (non-SDN) lists", ListCategory.Sanctions) { Authority = "US Treasury OFAC" },
        new ListDefinition("un-sc-consolidated", "UN Security Council Consolidated List", ListCategory.Sanctions) { Authority = "United Nations Security Council" },
        new ListDefinition("eu-fsf", "EU Financial Sanctions (consolidated)", ListCategory.Sanctions) { Authority = "European Commission" },
        new ListDefinition("uk-sanctions", "UK Sanctions List", ListCategory.Sanctions) { Authority = "UK FCDO / OFSI" },
        new ListDefinition("us-bis-entity-list", "BIS Entity List", ListCategory.ExportControl) { Authority = "US Commerce BIS" },
        new ListDefinition("us-bis-dpl", "BIS Denied Persons List", ListCategory.ExportControl) { Authority = "US Commerce BIS" },
        new ListDefinition("us-bis-uvl", "BIS Unverified List", ListCategory.ExportControl) { Authority = "US Commerce BIS" },
        new ListDefinition("us-bis-meu", "BIS Military End User List", ListCategory.ExportControl) { Authority = "US Commerce BIS" },
        new ListDefinition("us-ofac-ssi", "OFAC Sectoral Sanctions Identifications List", ListCategory.Other) { Authority = "US Treasury OFAC", Notes = "Sectoral restrictions (directives), not an asset freeze." },
        new ListDefinition("us-ofac-fse", "OFAC Foreign Sanctions Evaders List", ListCategory.Other) { Authority = "US Treasury OFAC" },
        new ListDefinition("us-ofac-plc", "OFAC Non-SDN Palestinian Legislative Council List", ListCategory.Other) { Authority = "US Treasury OFAC" },
        new ListDefinition("us-ofac-capta", "OFAC Correspondent Account or Payable-Through Account Sanctions (CAPTA) List", ListCategory.Other) { Authority = "US Treasury OFAC" },
        new ListDefinition("us-ofac-ns-mbs", "OFAC Non-SDN Menu-Based Sanctions List", ListCategory.Other) { Authority = "US Treasury OFAC" },
        new ListDefinition("us-ofac-ns-isa", "OFAC Non-SDN Iran Sanctions Act List", ListCategory.Other) { Authority = "US Treasury OFAC" },
        new ListDefinition("us-state-isn", "State Department Nonproliferation Sanctions", ListCategory.Other) { Authority = "US State Department ISN", Notes = "Measures differ per statute; some bar US Government procurement." },
        new ListDefinition("us-state-itar-debarred", "State Department ITAR Debarred List", ListCategory.ExportControl) { Authority = "US State Department DDTC" },
        new ListDefinition("us-dod-1260h", "DoD Section 1260H Chinese military companies", ListCategory.MilitaryOrInvestment) { Authority = "US DoD" },
        new ListDefinition("us-treasury-ns-cmic", "Non-SDN Chinese Military-Industrial Complex Companies List", ListCategory.MilitaryOrInvestment) { Authority = "US Treasury OFAC" },
        new ListDefinition("us-dhs-uflpa", "UFLPA Entity List", ListCategory.HumanRights) { Authority = "US DHS FLETF" },
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>Gets the definition of a list id; unknown ids get a definition of category <see cref="ListCategory.Other"/>.</summary>
    /// <param name="listId">The list id.</param>
    /// <returns>The definition.</returns>
    public static ListDefinition Get(string listId)
    {
        ArgumentNullException.ThrowIfNull(listId);
        return Definitions.TryGetValue(listId, out var d) ? d : new ListDefinition(listId, listId, ListCategory.Other);
    }
}

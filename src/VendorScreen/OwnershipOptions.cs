namespace VendorScreen;

/// <summary>The shares at which ownership by listed parties decides, for the rules that add ownership up
/// (see <c>docs/ownership.md</c>).</summary>
/// <remarks>A mutable options object, read once when the engine is built; do not share an instance between threads while
/// configuring it.</remarks>
public sealed class OwnershipOptions
{
    /// <summary>Gets or sets the aggregate share, in percent, that blocked persons (entities on a sanctions list, and entities they
    /// own 50% or more of) must hold, directly or indirectly, for an entity to be blocked: OFAC's 50% rule. A lower known sum, or a
    /// sum with a share that is not known, leads to <see cref="ScreeningDecision.Review"/>.</summary>
    /// <value>The default value is 50. It must be greater than 0 and at most 100.</value>
    public decimal SanctionsPercent { get; set; } = 50m;

    /// <summary>Gets or sets, per procurement-prohibition list id, the share a listed maker must hold more than for an entity it owns
    /// to count as its affiliate through ownership relations; a majority (50% or more) always counts. Lists not named here count
    /// only a majority. Subsidiary, affiliate, brand and control relations need no share.</summary>
    /// <value>The default value names <c>us-fcc-covered-list</c> with 10 (47 CFR 2.903: owning more than 10% of the equity) and
    /// <c>us-ndaa-889</c> with 50 (a subsidiary: a majority). Each value must be between 0 and 100.</value>
    public IDictionary<string, decimal> AffiliatePercent { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["us-fcc-covered-list"] = 10m,
        ["us-ndaa-889"] = 50m,
    };

    internal OwnershipOptions Clone() => new()
    {
        SanctionsPercent = SanctionsPercent,
        AffiliatePercent = new Dictionary<string, decimal>(AffiliatePercent, StringComparer.Ordinal),
    };
}

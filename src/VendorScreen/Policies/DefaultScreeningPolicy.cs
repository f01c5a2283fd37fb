using System.Globalization;
using VendorScreen.Graph;

namespace VendorScreen.Policies;

/// <summary>
/// The default policy.
/// <list type="bullet">
/// <item><c>Block</c>: a strong name match or an exact party identifier for an entity under a procurement prohibition
/// (section 889, FCC Covered List), or for one of its subsidiaries, affiliates or brands through Official or Reported relations
/// that hold at the as-of date; a strong match to a blocking sanctions list (directly, or through majority ownership);
/// a strong match to a custom blocklist.</item>
/// <item><c>Review</c>: a weaker match; export-control, human-rights and military/investment lists; Uncertain facts;
/// relabel/OEM relations and product identifiers (FCC grantee codes, model prefixes) of a covered maker; relations that ended
/// before the as-of date but within <see cref="ScreeningOptions.RecentlyEndedRelationWindow"/>; names only mentioned in a longer text;
/// a query that is only a rare part of a listed name (<see cref="HitEvidence.Partial"/>, rule <c>partial-name</c>).</item>
/// </list>
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public class DefaultScreeningPolicy : ScreeningPolicy
{
    /// <summary>The policy name.</summary>
    public const string PolicyName = "default";

    /// <inheritdoc />
    public override string Name => PolicyName;

    /// <summary>Gets whether a list category can block at all under this policy.</summary>
    /// <param name="list">The list.</param>
    /// <param name="asOf">The date of evaluation.</param>
    /// <returns><see langword="true"/> when a strong match to the list blocks.</returns>
    protected virtual bool IsBlocking(ListDefinition list, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Category is ListCategory.ProcurementProhibition or ListCategory.Sanctions or ListCategory.Custom;
    }

    /// <summary>Gets whether a list category is considered at all under this policy.</summary>
    /// <param name="list">The list.</param>
    /// <returns><see langword="true"/> when hits on the list are reported.</returns>
    protected virtual bool IsConsidered(ListDefinition list) => true;

    /// <inheritdoc />
    public override PolicyVerdict Evaluate(in PolicyArguments arguments)
    {
        var e = arguments.Evidence;
        var o = arguments.Options;
        var considered = Considered(e.Listings);
        if (considered.Count == 0)
        {
            return PolicyVerdict.None;
        }

        // A name found inside a longer text (a storefront name, a listing title) is a marketplace signal for the prohibited
        // makers and their brands, and for the other makers of the embedded dataset, whose names were gathered as the marks
        // their products are sold under (Uniview, iFlytek, Megvii: reviewed for their own lists); against other lists a one-word
        // name inside a longer name is mostly coincidence, but a whole name of two words or more inside a party's name is that
        // party written with other words ("... (OLD)", "... DBA ...").
        var prohibition = EmbeddedDataset.Holds(e.ListedEntity);
        for (var i = 0; i < considered.Count && !prohibition; i++)
        {
            prohibition = considered[i].List.Category == ListCategory.ProcurementProhibition;
        }

        if (e.Mention && !prohibition && !e.WholeNameMention)
        {
            return PolicyVerdict.None;
        }

        // A brand named in a listing title is the listing's brand, unless the title reads as an accessory claim.
        var titleBrand = e.Mention && !e.AccessoryMention && string.Equals(e.Field, "title", StringComparison.Ordinal) && e.Score >= o.MatchThreshold;
        var strong = (e.ExactIdentifier && !e.ProductIdentifier) || (e.Score >= o.MatchThreshold && !e.Mention && !e.Partial) || titleBrand;
        var weak = e.Score >= o.ReviewThreshold || e.Mention || e.ProductIdentifier || e.Partial;
        if (!strong && !weak)
        {
            return PolicyVerdict.None;
        }

        // The texts of a reason are written straight into it: the listed entity with its lists, and the path to it.
        var listIds = DistinctListIds(considered, default);
        var via = new PathText(e.Path);
        var target = new TargetText(e.ListedEntity.PrimaryName, listIds);

        // Facts that cap the decision at Review.
        Relation? uncertain = null;
        for (var i = 0; i < e.Path.Count && uncertain is null; i++)
        {
            uncertain = e.Path[i].Confidence == FactConfidence.Uncertain ? e.Path[i] : null;
        }

        if (uncertain is not null || e.MatchedConfidence == FactConfidence.Uncertain || AllUncertain(considered))
        {
            var what = uncertain is not null
                ? $"{uncertain.FromId} {uncertain.Kind.ToKebabCase()} {uncertain.ToId} is Uncertain{(uncertain.SourceUrl is null ? string.Empty : $" ({uncertain.SourceUrl})")}"
                : e.MatchedConfidence == FactConfidence.Uncertain ? "the matched name or identifier is Uncertain" : "the listing is Uncertain";
            return new(ScreeningDecision.Review, "uncertain-fact", $"tied to {target}{via}, but the tie is unconfirmed: {what}", listIds);
        }

        Relation? ended = null;
        var relabel = false;
        var ownedBy = false;
        for (var i = 0; i < e.Path.Count; i++)
        {
            var r = e.Path[i];
            ended ??= r.EndedBefore(e.AsOf) ? r : null;
            relabel |= r.Kind is RelationKind.RelabelOf or RelationKind.OemOf;
            ownedBy |= r.Kind == RelationKind.OwnedBy;
        }

        if (ended is not null)
        {
            return new(ScreeningDecision.Review, "ended-relation",
                $"was tied to {target}{via}; the relation ended {ended.ValidTo} (before {e.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", listIds);
        }

        if (e.ProductIdentifier)
        {
            return new(ScreeningDecision.Review, "product-identifier",
                PolicyReason.Of(e.IdentifierScheme == IdentifierSchemes.FccGranteeCode ? "FCC grantee code belongs to " : "model prefix belongs to ", target, via, ": possible relabelled product"), listIds);
        }

        if (relabel)
        {
            return new(ScreeningDecision.Review, "relabel-evidence", PolicyReason.Of("sells products relabelled from ", target, via, string.Empty), listIds);
        }

        if (e.AccessoryMention)
        {
            return new(ScreeningDecision.Review, "accessory-mention", PolicyReason.Of("mentions ", target, via, " as compatible or accessory"), listIds);
        }

        if (e.Partial)
        {
            return new(ScreeningDecision.Review, "partial-name", PolicyReason.Of("is a rare part of a name of ", target, via, ": possible match, for review"), listIds);
        }

        if (!strong || (e.Mention && !titleBrand))
        {
            return e.Mention
                ? new(ScreeningDecision.Review, "name-mention", PolicyReason.Of("mentions ", target, via, " in a longer name"), listIds)
                : new(ScreeningDecision.Review, "weak-match", PolicyReason.WeakMatch(e.Score, target, via), listIds);
        }

        if (e.MatchedNameKind == NameKind.WeakAlias)
        {
            return new(ScreeningDecision.Review, "weak-alias", PolicyReason.Of("matches a weak alias of ", target, via, string.Empty), listIds);
        }

        // The considered listings whose lists can block, each judged once.
        var blocking = considered.Count <= 64 ? stackalloc bool[considered.Count] : new bool[considered.Count];
        var anyProhibited = false;
        for (var i = 0; i < considered.Count; i++)
        {
            var list = considered[i].List;
            blocking[i] = IsBlocking(list, e.AsOf);
            anyProhibited |= blocking[i] && list.Category == ListCategory.ProcurementProhibition && e.Path.Count > 0 && list.ExtendsToAffiliates;
        }

        PolicyVerdict? ownershipReview = null;

        // A path through ownership relations with stated shares reaches a maker's affiliates only above the list's share.
        if (anyProhibited && ownedBy)
        {
            var prohibited = new List<(Listing Listing, ListDefinition List)>();
            for (var i = 0; i < considered.Count; i++)
            {
                var list = considered[i].List;
                if (blocking[i] && list.Category == ListCategory.ProcurementProhibition && e.Path.Count > 0 && list.ExtendsToAffiliates)
                {
                    prohibited.Add(considered[i]);
                }
            }

            var affiliate = AffiliateSum(e, o.Ownership ?? new OwnershipOptions(), prohibited.Select(p => p.List.Id));
            var lists = prohibited.Select(p => p.List.Id).Where(id => affiliate.Met.Contains(id)).Distinct(StringComparer.Ordinal).ToArray();
            if (lists.Length > 0)
            {
                return new(ScreeningDecision.Block, "prohibited-affiliate",
                    $"is owned {Describe(affiliate.Sum)} by {target}{via}: an affiliate under {string.Join(", ", lists)}; purchases prohibited", lists) { Ownership = affiliate.Sum };
            }

            ownershipReview = affiliate.Sum.HasUnknownShares
                ? new(ScreeningDecision.Review, "ownership-share-unknown", $"is owned by {target}{via}, share unknown ({Describe(affiliate.Sum)} known): not shown to be an affiliate, for review", listIds) { Ownership = affiliate.Sum }
                : new(ScreeningDecision.Review, "minority-holding", $"is owned {Describe(affiliate.Sum)} by {target}{via}: below the affiliate share, for review", listIds) { Ownership = affiliate.Sum };
            for (var i = 0; i < considered.Count; i++)
            {
                blocking[i] &= !prohibited.Contains(considered[i]);
            }
        }

        for (var i = 0; i < considered.Count; i++)
        {
            if (!blocking[i])
            {
                continue;
            }

            var list = considered[i].List;
            switch (list.Category)
            {
                case ListCategory.ProcurementProhibition when e.Path.Count == 0 || list.ExtendsToAffiliates:
                    return new(ScreeningDecision.Block, e.Path.Count == 0 ? "prohibited-party" : "prohibited-affiliate",
                        PolicyReason.Of(e.Path.Count == 0 ? "is " : "belongs to ", target, via, ": purchases prohibited"), DistinctListIds(considered, blocking));
                case ListCategory.Sanctions when e.Path.Count == 0:
                    return new(ScreeningDecision.Block, "sanctioned-party", PolicyReason.Of("is ", target, default, ": blocking sanctions"), ListIds.One(list.Id));
                case ListCategory.Sanctions:
                    var rules = o.Ownership ?? new OwnershipOptions();
                    if (rules.SanctionsPercent > 0 && !AnyBlocked(e.Ownership))
                    {
                        // No blocked owner: the sum (of nothing) reaches no threshold above zero and is not shown.
                        if (AllMajorityControl(e.Path))
                        {
                            return new(ScreeningDecision.Block, "sanctioned-owner", PolicyReason.Of("is majority-owned by ", target, via, ": blocking sanctions"), ListIds.One(list.Id));
                        }

                        continue;
                    }

                    var sum = SanctionsSum(e, rules);
                    if (sum.SharePercent >= sum.ThresholdPercent)
                    {
                        return new(ScreeningDecision.Block, "ofac-50-percent",
                            $"is owned {Describe(sum)} in aggregate by blocked persons ({Owners(sum)}), {target}{via}: blocking sanctions", [list.Id]) { Ownership = sum };
                    }

                    if (AllMajorityControl(e.Path))
                    {
                        return new(ScreeningDecision.Block, "sanctioned-owner", $"is majority-owned by {target}{via}: blocking sanctions", [list.Id]) { Ownership = sum.Terms.Count > 0 ? sum : null };
                    }

                    if (sum.Terms.Count > 0)
                    {
                        ownershipReview ??= sum.HasUnknownShares
                            ? new(ScreeningDecision.Review, "ownership-share-unknown",
                                $"is owned by blocked persons ({Owners(sum)}), {target}{via}; {Describe(sum)} known, the rest unknown: for review", listIds) { Ownership = sum }
                            : new(ScreeningDecision.Review, "minority-ownership",
                                $"is owned {Describe(sum)} in aggregate by blocked persons ({Owners(sum)}), {target}{via}: below {OwnershipIndex.Percent(sum.ThresholdPercent)}, for review", listIds) { Ownership = sum };
                    }

                    continue;
                case ListCategory.Custom when e.Path.Count == 0:
                    return new(ScreeningDecision.Block, "custom-blocklist", $"is on the custom list {list.Name}", [list.Id]);
                case ListCategory.ExportControl or ListCategory.HumanRights or ListCategory.MilitaryOrInvestment or ListCategory.Other
                    when e.Path.Count == 0:
                    return new(ScreeningDecision.Block, "blocking-list", PolicyReason.Of("is ", target, default, string.Empty), ListIds.One(list.Id));
                default:
                    continue;
            }
        }

        if (ownershipReview is not null)
        {
            return ownershipReview;
        }

        return new(ScreeningDecision.Review, e.Path.Count == 0 ? "listed-review" : "related-to-listed",
            PolicyReason.ForReview(e.Path.Count == 0 ? "is " : "is related to ", target, via, considered), listIds);
    }

    // The listings whose lists the policy considers: the evidence's own list when it considers every one (no copy).
    private IReadOnlyList<(Listing Listing, ListDefinition List)> Considered(IReadOnlyList<(Listing Listing, ListDefinition List)> listings)
    {
        var considered = listings.Count <= 64 ? stackalloc bool[listings.Count] : new bool[listings.Count];
        var count = 0;
        for (var i = 0; i < listings.Count; i++)
        {
            considered[i] = IsConsidered(listings[i].List);
            count += considered[i] ? 1 : 0;
        }

        if (count == listings.Count)
        {
            return listings;
        }

        var some = new List<(Listing Listing, ListDefinition List)>(count);
        for (var i = 0; i < listings.Count; i++)
        {
            if (considered[i])
            {
                some.Add(listings[i]);
            }
        }

        return some;
    }

    private static bool AllUncertain(IReadOnlyList<(Listing Listing, ListDefinition List)> listings)
    {
        for (var i = 0; i < listings.Count; i++)
        {
            if (listings[i].Listing.Confidence != FactConfidence.Uncertain)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyBlocked(IReadOnlyList<OwnershipTerm> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Blocked)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllMajorityControl(IReadOnlyList<Relation> path)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (!IsMajorityControl(path[i]))
            {
                return false;
            }
        }

        return true;
    }

    // The ids of the lists of some listings (all, or those marked), each once, in the order first met.
    private static string[] DistinctListIds(IReadOnlyList<(Listing Listing, ListDefinition List)> listings, ReadOnlySpan<bool> marked)
    {
        var count = 0;
        for (var i = 0; i < listings.Count; i++)
        {
            count += (marked.IsEmpty || marked[i]) && FirstOfId(listings, marked, i) ? 1 : 0;
        }

        if (count == 1)
        {
            for (var i = 0; i < listings.Count; i++)
            {
                if (marked.IsEmpty || marked[i])
                {
                    return ListIds.One(listings[i].List.Id);
                }
            }
        }

        var ids = count == 0 ? [] : new string[count];
        var at = 0;
        for (var i = 0; i < listings.Count; i++)
        {
            if ((marked.IsEmpty || marked[i]) && FirstOfId(listings, marked, i))
            {
                ids[at++] = listings[i].List.Id;
            }
        }

        return ids;
    }

    private static bool FirstOfId(IReadOnlyList<(Listing Listing, ListDefinition List)> listings, ReadOnlySpan<bool> marked, int at)
    {
        for (var j = 0; j < at; j++)
        {
            if ((marked.IsEmpty || marked[j]) && string.Equals(listings[j].List.Id, listings[at].List.Id, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds up the shares blocked persons hold in the entity the path's ownership relations start from (OFAC's 50% rule).</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="rules">The ownership rules.</param>
    /// <returns>The sum, with its terms.</returns>
    protected static OwnershipSum SanctionsSum(HitEvidence evidence, OwnershipOptions rules)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(rules);
        var all = evidence.Ownership;
        var count = 0;
        for (var i = 0; i < all.Count; i++)
        {
            count += all[i].Blocked ? 1 : 0;
        }

        var blocked = count == 0 ? [] : new OwnershipTerm[count];
        var at = 0;
        for (var i = 0; i < all.Count && at < count; i++)
        {
            if (all[i].Blocked)
            {
                blocked[at++] = all[i];
            }
        }

        return Sum("ofac-50-percent", blocked, rules.SanctionsPercent, inclusive: true, evidence.OwnershipLimitReached);
    }

    private static (OwnershipSum Sum, HashSet<string> Met) AffiliateSum(HitEvidence e, OwnershipOptions rules, IEnumerable<string> lists)
    {
        // The listed maker's own holding, through every chain; a chain that never reaches it by ownership leaves its share unknown.
        var terms = e.Ownership.Where(t => string.Equals(t.OwnerId, e.ListedEntity.Id, StringComparison.Ordinal)).ToList();
        var known = terms.Where(t => t.SharePercent is not null).Sum(t => t.SharePercent!.Value);
        var met = new HashSet<string>(StringComparer.Ordinal);
        var lowest = 100m;
        foreach (var list in lists)
        {
            var percent = rules.AffiliatePercent.TryGetValue(list, out var p) ? p : OwnershipIndex.BlockingPercent;
            lowest = Math.Min(lowest, percent);
            if (known > percent || known >= OwnershipIndex.BlockingPercent)
            {
                met.Add(list);
            }
        }

        var sum = Sum("affiliate-share", [.. terms], lowest, inclusive: false, e.OwnershipLimitReached) with { HasUnknownShares = terms.Count == 0 || terms.Any(t => t.SharePercent is null) };
        return (sum, met);
    }

    // The sum of some terms (an array of the caller's, ordered in place): known shares first, largest first, then by owner id;
    // among equals in the order given.
    private static OwnershipSum Sum(string rule, OwnershipTerm[] terms, decimal threshold, bool inclusive, string? limit)
    {
        for (var i = 1; i < terms.Length; i++)
        {
            var term = terms[i];
            var at = i;
            while (at > 0 && ComesBefore(term, terms[at - 1]))
            {
                terms[at] = terms[at - 1];
                at--;
            }

            terms[at] = term;
        }

        var share = 0m;
        var unknown = false;
        for (var i = 0; i < terms.Length; i++)
        {
            if (terms[i].SharePercent is { } p)
            {
                share += p;
            }
            else
            {
                unknown = true;
            }
        }

        return new OwnershipSum
        {
            Rule = rule,
            SharePercent = share,
            ThresholdPercent = threshold,
            ThresholdInclusive = inclusive,
            HasUnknownShares = unknown,
            Terms = terms,
            LimitReached = limit,
        };
    }

    // Whether a term comes strictly before another in a sum: a known share before an unknown one, a larger share first, then the
    // owner id in ordinal order.
    private static bool ComesBefore(OwnershipTerm x, OwnershipTerm y)
    {
        if (x.SharePercent is null != y.SharePercent is null)
        {
            return x.SharePercent is not null;
        }

        var c = Nullable.Compare(y.SharePercent, x.SharePercent);
        return c != 0 ? c < 0 : string.CompareOrdinal(x.OwnerId, y.OwnerId) < 0;
    }

    private static string Describe(OwnershipSum sum) =>
        OwnershipIndex.Percent(sum.SharePercent) + (sum.HasUnknownShares ? " or more" : string.Empty) + (sum.LimitReached is null ? string.Empty : $" (limit reached: {sum.LimitReached})");

    private static string Owners(OwnershipSum sum) =>
        string.Join(" + ", sum.Terms.Select(t => $"{t.OwnerName} {(t.SharePercent is { } p ? OwnershipIndex.Percent(p) : "unknown share")}{(t.Path.Count > 1 ? " via " + string.Join(" > ", t.Path.Take(t.Path.Count - 1).Select(s => s.ToName)) : string.Empty)}"));

    /// <summary>Describes a path in words.</summary>
    /// <param name="path">The relations.</param>
    /// <returns>The description.</returns>
    protected static string Describe(IReadOnlyList<Relation> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join(", ", path.Select(r => $"{r.FromId} {r.Kind.ToKebabCase()} {r.ToId}"));
    }

    private static bool IsMajorityControl(Relation r) =>
        r.Kind is RelationKind.OwnedBy or RelationKind.SubsidiaryOf && (r.SharePercent is null ? r.Kind == RelationKind.SubsidiaryOf : r.SharePercent >= 50);
}

/// <summary>
/// The federal-contractor policy: the default policy, plus DoD section 1260H entities block from 2026-06-30, when the
/// NDAA FY2024 section 805 procurement prohibition takes effect.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed class FederalContractorPolicy : DefaultScreeningPolicy
{
    /// <summary>The policy name.</summary>
    public new const string PolicyName = "federal-contractor";

    private static readonly DateOnly Section805EffectiveDate = new(2026, 6, 30);

    /// <inheritdoc />
    public override string Name => PolicyName;

    /// <inheritdoc />
    protected override bool IsBlocking(ListDefinition list, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(list);
        return base.IsBlocking(list, asOf) || (string.Equals(list.Id, "us-dod-1260h", StringComparison.Ordinal) && asOf >= Section805EffectiveDate);
    }
}

/// <summary>The sanctions-only policy: considers only sanctions and custom lists; procurement, export-control and other lists are ignored.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed class SanctionsOnlyPolicy : DefaultScreeningPolicy
{
    /// <summary>The policy name.</summary>
    public new const string PolicyName = "sanctions-only";

    /// <inheritdoc />
    public override string Name => PolicyName;

    /// <inheritdoc />
    protected override bool IsConsidered(ListDefinition list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Category is ListCategory.Sanctions or ListCategory.Custom;
    }
}

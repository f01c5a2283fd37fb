using System.Globalization;

namespace VendorScreen.Policies;

/// <summary>
/// What a <see cref="PolicyRule"/> looks for in one hit. Every condition that is set must hold; a condition that is
/// <see langword="null"/> does not constrain. A list of values holds when any value matches.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record PolicyCondition
{
    /// <summary>Gets the list ids, one of which the listed entity must be on.</summary>
    public IReadOnlyList<string>? Lists { get; init; }

    /// <summary>Gets the list categories, one of which a list of the listed entity must have.</summary>
    public IReadOnlyList<ListCategory>? ListCategories { get; init; }

    /// <summary>Gets the programs (compared ignoring case), one of which a listing must name.</summary>
    public IReadOnlyList<string>? Programs { get; init; }

    /// <summary>Gets the citations (compared ignoring case, such as <c>84 FR 54002</c>), one of which a listing must cite.</summary>
    public IReadOnlyList<string>? Citations { get; init; }

    /// <summary>Gets the earliest listing date: a listing must have been made on or after it.</summary>
    public DateOnly? ListedOnOrAfter { get; init; }

    /// <summary>Gets the latest listing date: a listing must have been made on or before it.</summary>
    public DateOnly? ListedOnOrBefore { get; init; }

    /// <summary>Gets the request fields (<c>name</c>, <c>brand</c>, <c>title</c>, ...), one of which must have matched.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Gets the lowest score, inclusive.</summary>
    public double? MinScore { get; init; }

    /// <summary>Gets the score the hit must stay below (exclusive).</summary>
    public double? BelowScore { get; init; }

    /// <summary>Gets whether the matched entity must be the listed entity itself (<see langword="true"/>) or be tied to it
    /// through relations (<see langword="false"/>).</summary>
    public bool? Direct { get; init; }

    /// <summary>Gets the relation kinds, one of which the path must contain.</summary>
    public IReadOnlyList<RelationKind>? RelationKinds { get; init; }

    /// <summary>Gets the confidences, one of which the weakest relation of the path must have (a direct hit has none and never
    /// matches).</summary>
    public IReadOnlyList<FactConfidence>? RelationConfidences { get; init; }

    /// <summary>Gets the lowest ownership share in percent along the path (shares multiplied along ownership and subsidiary
    /// relations); a path with an unknown share never matches.</summary>
    public decimal? MinOwnershipPercent { get; init; }

    /// <summary>Gets whether the share along the path must be unknown (<see langword="true"/>: a relation of the path has no
    /// share) or known (<see langword="false"/>).</summary>
    public bool? OwnershipUnknown { get; init; }

    /// <summary>Gets the kinds of evidence, one of which the hit must have: <c>name</c> (a name match that is none of the
    /// others), <c>exact-identifier</c>, <c>fcc-grantee-code</c>, <c>model-prefix</c>, <c>mention</c>,
    /// <c>accessory-mention</c>, <c>partial</c>, <c>relabel</c>, <c>oem</c>.</summary>
    public IReadOnlyList<string>? Evidence { get; init; }

    /// <summary>Gets the country codes, one of which the listed entity or the matched entity must have.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>Gets the first as-of date the rule applies at (inclusive), such as the day a prohibition takes effect.</summary>
    public DateOnly? AsOfFrom { get; init; }

    /// <summary>Gets the last as-of date the rule applies at (inclusive).</summary>
    public DateOnly? AsOfTo { get; init; }

    /// <summary>Gets the decisions of the base policy, one of which the hit must have received.</summary>
    public IReadOnlyList<ScreeningDecision>? BaseDecisions { get; init; }

    /// <summary>Gets the rule names of the base policy (such as <c>partial-name</c>), one of which must have decided the hit.</summary>
    public IReadOnlyList<string>? BaseRules { get; init; }

    /// <summary>The evidence kinds <see cref="Evidence"/> accepts.</summary>
    public static IReadOnlyList<string> EvidenceKinds { get; } =
        ["name", "exact-identifier", "fcc-grantee-code", "model-prefix", "mention", "accessory-mention", "whole-name-mention", "partial", "relabel", "oem"];

    /// <summary>Tests the condition on one hit.</summary>
    /// <param name="evidence">The hit.</param>
    /// <param name="baseVerdict">What the base policy said of it.</param>
    /// <param name="lists">The ids of the lists that satisfy the list conditions (every list of the hit when there are none).</param>
    /// <returns><see langword="true"/> when every set condition holds.</returns>
    public bool Matches(HitEvidence evidence, PolicyVerdict baseVerdict, out IReadOnlyList<string> lists)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(baseVerdict);
        lists = [];
        var listings = evidence.Listings.Where(l => ListingMatches(l.Listing, l.List)).ToList();
        if (listings.Count == 0)
        {
            return false;
        }

        var asOf = evidence.AsOf;
        var share = MinOwnershipPercent is null && OwnershipUnknown is null ? null : OwnershipShare(evidence.Path);
        var holds =
            (Fields is null || Fields.Contains(evidence.Field, StringComparer.OrdinalIgnoreCase))
            && (MinScore is not { } min || evidence.Score >= min)
            && (BelowScore is not { } below || evidence.Score < below)
            && (Direct is not { } direct || direct == (evidence.Path.Count == 0))
            && (RelationKinds is null || evidence.Path.Any(r => RelationKinds.Contains(r.Kind)))
            && (RelationConfidences is null || (evidence.Path.Count > 0 && RelationConfidences.Contains(evidence.Path.Max(r => r.Confidence))))
            && (MinOwnershipPercent is not { } minShare || (share is { } known && known >= minShare))
            && (OwnershipUnknown is not { } unknown || (evidence.Path.Count > 0 && unknown == (share is null)))
            && (Evidence is null || Evidence.Any(kind => HasEvidence(evidence, kind)))
            && (Countries is null || evidence.ListedEntity.Countries.Concat(evidence.MatchedEntity.Countries).Any(c => Countries.Contains(c, StringComparer.OrdinalIgnoreCase)))
            && (AsOfFrom is not { } from || asOf >= from)
            && (AsOfTo is not { } to || asOf <= to)
            && (BaseDecisions is null || BaseDecisions.Contains(baseVerdict.Decision))
            && (BaseRules is null || BaseRules.Contains(baseVerdict.Rule, StringComparer.Ordinal));
        if (holds)
        {
            lists = listings.Select(l => l.List.Id).Distinct(StringComparer.Ordinal).ToArray();
        }

        return holds;
    }

    /// <summary>Gets the ownership share along a path in percent: the product of the shares of its ownership and subsidiary
    /// relations (other relations do not change it); <see langword="null"/> when one of them has no share.</summary>
    /// <param name="path">The relations.</param>
    /// <returns>The share, or <see langword="null"/> when unknown.</returns>
    public static decimal? OwnershipShare(IReadOnlyList<Relation> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var share = 100m;
        foreach (var relation in path)
        {
            if (relation.Kind is RelationKind.OwnedBy or RelationKind.SubsidiaryOf)
            {
                if (relation.SharePercent is not { } percent)
                {
                    return null;
                }

                share = share * percent / 100m;
            }
        }

        return share;
    }

    private bool ListingMatches(Listing listing, ListDefinition list) =>
        (Lists is null || Lists.Contains(list.Id, StringComparer.Ordinal))
        && (ListCategories is null || ListCategories.Contains(list.Category))
        && (Programs is null || (listing.Program is { } program && Programs.Contains(program, StringComparer.OrdinalIgnoreCase)))
        && (Citations is null || (listing.Citation is { } citation && Citations.Contains(citation, StringComparer.OrdinalIgnoreCase)))
        && (ListedOnOrAfter is not { } after || (listing.ListedOn is { } on && on.Start >= after))
        && (ListedOnOrBefore is not { } before || (listing.ListedOn is { } on2 && on2.End <= before));

    private static bool HasEvidence(HitEvidence e, string kind) => kind switch
    {
        "exact-identifier" => e.ExactIdentifier && !e.ProductIdentifier,
        "fcc-grantee-code" => e.ProductIdentifier && e.IdentifierScheme == IdentifierSchemes.FccGranteeCode,
        "model-prefix" => e.ProductIdentifier && e.IdentifierScheme == IdentifierSchemes.ModelPrefix,
        "mention" => e.Mention,
        "accessory-mention" => e.AccessoryMention,
        "whole-name-mention" => e.WholeNameMention,
        "partial" => e.Partial,
        "relabel" => e.Path.Any(r => r.Kind == RelationKind.RelabelOf),
        "oem" => e.Path.Any(r => r.Kind == RelationKind.OemOf),
        "name" => !e.ExactIdentifier && !e.ProductIdentifier && !e.Mention && !e.Partial,
        _ => false,
    };
}

/// <summary>One rule of a <see cref="RuleBasedPolicy"/>: when its condition holds, its decision replaces the base policy's.</summary>
/// <param name="Name">The rule name, reported in the result as the deciding rule.</param>
/// <param name="When">The condition.</param>
/// <param name="Decision">The decision; <see cref="ScreeningDecision.Clear"/> drops the hit.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record PolicyRule(string Name, PolicyCondition When, ScreeningDecision Decision)
{
    /// <summary>Gets the reason reported with the decision. <c>{entity}</c>, <c>{lists}</c>, <c>{score}</c>, <c>{path}</c>,
    /// <c>{share}</c> and <c>{base}</c> (the base policy's reason) are replaced; <see langword="null"/> reports the base reason,
    /// or the entity and its lists when the base dropped the hit.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets whether the rule also sees hits the base policy dropped (scores below its review threshold, mentions it
    /// ignores, lists it does not consider). Off by default: rules refine what the base policy reports.</summary>
    public bool IncludeDropped { get; init; }
}

/// <summary>
/// A policy made of rules over a built-in base policy: the base judges each hit first; then the rules are tried in order and
/// the first whose condition holds decides (its decision, name and reason replace the base verdict); when none holds, the base
/// verdict stands. Written in code or read from a JSON policy file (<see cref="PolicyFile"/>).
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed class RuleBasedPolicy : ScreeningPolicy
{
    /// <summary>Initializes a new instance of the <see cref="RuleBasedPolicy"/> class.</summary>
    /// <param name="name">The policy name, reported in every result.</param>
    /// <param name="basePolicy">The policy that judges each hit before the rules.</param>
    /// <param name="rules">The rules, in order.</param>
    /// <exception cref="ArgumentException">The name is empty or two rules share a name.</exception>
    public RuleBasedPolicy(string name, ScreeningPolicy basePolicy, IEnumerable<PolicyRule> rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(basePolicy);
        ArgumentNullException.ThrowIfNull(rules);
        Name = name;
        Base = basePolicy;
        Rules = rules.ToArray();
        if (Rules.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"two rules are named \"{duplicate.Key}\"", nameof(rules));
        }
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>Gets the base policy.</summary>
    public ScreeningPolicy Base { get; }

    /// <summary>Gets the rules, in order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>Gets a description of the policy, if one was given.</summary>
    public string? Description { get; init; }

    /// <inheritdoc />
    public override PolicyVerdict Evaluate(in PolicyArguments arguments)
    {
        var evidence = arguments.Evidence;
        var baseVerdict = Base.Evaluate(arguments);
        foreach (var rule in Rules)
        {
            if (baseVerdict.Decision == ScreeningDecision.Clear && !rule.IncludeDropped)
            {
                continue;
            }

            if (rule.When.Matches(evidence, baseVerdict, out var lists))
            {
                return new PolicyVerdict(rule.Decision, rule.Name, ReasonOf(rule, evidence, baseVerdict, lists), lists) { Ownership = baseVerdict.Ownership };
            }
        }

        return baseVerdict;
    }

    private static string ReasonOf(PolicyRule rule, HitEvidence e, PolicyVerdict baseVerdict, IReadOnlyList<string> lists)
    {
        var listText = string.Join(", ", lists);
        var entity = e.ListedEntity.PrimaryName;
        if (rule.Reason is null)
        {
            return baseVerdict.Decision == ScreeningDecision.Clear ? $"matches {entity} ({listText})" : baseVerdict.Reason;
        }

        var share = PolicyCondition.OwnershipShare(e.Path);
        return rule.Reason
            .Replace("{entity}", entity, StringComparison.Ordinal)
            .Replace("{lists}", listText, StringComparison.Ordinal)
            .Replace("{score}", e.Score.ToString("0.00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{path}", e.Path.Count == 0 ? "directly" : string.Join(", ", e.Path.Select(r => $"{r.FromId} {r.Kind.ToKebabCase()} {r.ToId}")), StringComparison.Ordinal)
            .Replace("{share}", share is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "unknown", StringComparison.Ordinal)
            .Replace("{base}", baseVerdict.Reason, StringComparison.Ordinal);
    }
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace VendorScreen.Graph;

/// <summary>The ownership of one entity by listed parties at a date: every chain of ownership relations to a listed owner.</summary>
/// <param name="EntityId">The owned entity.</param>
/// <param name="Terms">The chains, each a term of the sums the policy draws.</param>
/// <param name="LimitReached">What limit cut the walk short, or <see langword="null"/>.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed record OwnershipExposure(string EntityId, IReadOnlyList<OwnershipTerm> Terms, string? LimitReached);

/// <summary>The limits of the walk up the ownership relations.</summary>
/// <param name="MaxDepth">The most relations on a chain.</param>
/// <param name="MaxOwners">The most owners followed from one entity (the largest shares first).</param>
/// <param name="MaxTerms">The most terms kept for one entity.</param>
internal readonly record struct OwnershipLimits(int MaxDepth, int MaxOwners, int MaxTerms)
{
    /// <summary>Gets the default limits: 8 relations, 256 owners, 1,024 terms.</summary>
    public static OwnershipLimits Default { get; } = new(8, 256, 1024);
}

/// <summary>
/// Aggregate ownership of every entity by listed parties, computed once per dataset generation and per span of as-of dates in
/// which no relation or listing starts or ends (the result is the same for every date of a span), on first use.
/// </summary>
/// <remarks>
/// <para>Ownership relations are <see cref="RelationKind.OwnedBy"/>, <see cref="RelationKind.SubsidiaryOf"/>,
/// <see cref="RelationKind.ControlledBy"/>, and <see cref="RelationKind.AffiliateOf"/> with a stated share, valid at the date.
/// From each owned entity, the walk goes up these relations; a chain ends at a blocked person (an entity listed on a sanctions
/// list, or one that blocked persons own 50% or more of in aggregate: its holdings count whole, as OFAC's 50% rule reads them),
/// and records a term at every listed owner on the way. Along a chain the share of the first relation is multiplied by the
/// share of each later relation unless that relation is controlling (50% or more, or a subsidiary or control relation without a
/// share), which passes the holding on whole. A missing share makes the term's share unknown, never zero. Several relations
/// between the same two entities valid at the same date are read as statements of one holding: the largest share counts.</para>
/// <para>Whether an entity is blocked by the 50% rule depends on the others: it is found by repeating the walk until no entity is
/// added. A chain never visits an entity twice (cycles end), and the walk is bounded by <see cref="OwnershipLimits"/>; a bound
/// reached is reported with the exposure.</para>
/// <para>Instances are immutable and safe for concurrent use.</para>
/// </remarks>
internal sealed class OwnershipIndex
{
    /// <summary>The aggregate share at or above which an entity is itself blocked (OFAC's 50% rule).</summary>
    public const decimal BlockingPercent = 50m;

    private readonly FrozenDictionary<string, Relation[]> _owners;
    private readonly Func<string, Entity?> _resolve;
    private readonly Func<string, ListDefinition> _getList;
    private readonly DateOnly[] _changes;
    private readonly OwnershipLimits _limits;
    private readonly ConcurrentDictionary<int, Lazy<OwnershipTable>> _tables = new();

    /// <summary>Initializes a new instance of the <see cref="OwnershipIndex"/> class.</summary>
    /// <param name="relations">All relations of the dataset.</param>
    /// <param name="resolve">Finds an entity by id.</param>
    /// <param name="getList">Finds a list definition by id.</param>
    /// <param name="limits">The limits of the walk.</param>
    public OwnershipIndex(IEnumerable<Relation> relations, Func<string, Entity?> resolve, Func<string, ListDefinition> getList, OwnershipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(getList);
        _resolve = resolve;
        _getList = getList;
        _limits = limits;
        var ownership = relations.Where(IsOwnership).ToList();
        _owners = ownership.GroupBy(r => r.FromId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(r => r.SharePercent ?? -1).ThenBy(r => r.ToId, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        // The dates on which the result can change: a relation starts or ends, an owner's listing starts or ends.
        var changes = new SortedSet<DateOnly>();
        foreach (var r in ownership)
        {
            AddChange(changes, r.ValidFrom?.Start);
            AddChange(changes, r.ValidTo is { } to && to.End < DateOnly.MaxValue ? to.End.AddDays(1) : null);
            foreach (var id in new[] { r.FromId, r.ToId })
            {
                foreach (var listing in resolve(id)?.Listings ?? [])
                {
                    AddChange(changes, listing.ListedOn?.Start);
                    AddChange(changes, listing.RemovedOn?.Start);
                }
            }
        }

        _changes = [.. changes];
    }

    /// <summary>Gets the number of owned entities (entities with at least one ownership relation).</summary>
    public int OwnedEntities => _owners.Count;

    /// <summary>Gets whether a relation is an ownership relation the index follows.</summary>
    /// <param name="relation">The relation.</param>
    /// <returns><see langword="true"/> for ownership.</returns>
    public static bool IsOwnership(Relation relation) =>
        relation.Kind is RelationKind.OwnedBy or RelationKind.SubsidiaryOf or RelationKind.ControlledBy
        || (relation.Kind == RelationKind.AffiliateOf && relation.SharePercent is not null);

    /// <summary>Gets whether a relation passes an intermediate's holding on whole: 50% or more, or a subsidiary or control
    /// relation without a stated share.</summary>
    /// <param name="relation">The relation.</param>
    /// <returns><see langword="true"/> when the relation is controlling.</returns>
    public static bool IsControlling(Relation relation) =>
        relation.SharePercent is { } share ? share >= BlockingPercent : relation.Kind is RelationKind.SubsidiaryOf or RelationKind.ControlledBy;

    /// <summary>Gets the ownership of an entity at a date.</summary>
    /// <param name="entityId">The entity id.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The exposure, or <see langword="null"/> when no chain reaches a listed owner.</returns>
    public OwnershipExposure? Find(string entityId, DateOnly asOf)
    {
        if (!_owners.ContainsKey(entityId))
        {
            return null;
        }

        return At(asOf).Exposures.TryGetValue(entityId, out var e) ? e : null;
    }

    /// <summary>Gets the ownership of a party that is not in the dataset (a supplier screened with its parents from the caller's
    /// records) through a chain of ties that ends at an entity of the dataset: the ties come first in every term, and the shares
    /// combine as along any chain.</summary>
    /// <param name="ties">The ties from the party to <paramref name="owner"/>, in order.</param>
    /// <param name="names">The names of the party and of the parents the ties pass, by id.</param>
    /// <param name="owner">The entity the last tie reaches.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The exposure; no terms when the chain reaches no listed owner.</returns>
    public OwnershipExposure Through(IReadOnlyList<Relation> ties, IReadOnlyDictionary<string, string> names, Entity owner, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ties);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(owner);
        var table = At(asOf);
        var steps = ties.Select(r => new PathStep(r.FromId, names.GetValueOrDefault(r.FromId, r.FromId), r.Kind, r.ToId,
            names.GetValueOrDefault(r.ToId) ?? _resolve(r.ToId)?.PrimaryName ?? r.ToId, r)).ToArray();
        var terms = new List<OwnershipTerm>();
        var (lists, sanctioned, ruleBlocked) = Standing(owner, asOf, table.BlockedByRule);
        if (lists.Length > 0 || ruleBlocked)
        {
            terms.Add(Term(owner, lists, sanctioned, ruleBlocked, Chain(ties), steps, table.BlockedByRule));
        }

        string? limit = null;
        if (!sanctioned && !ruleBlocked && table.Exposures.TryGetValue(owner.Id, out var above))
        {
            limit = above.LimitReached;
            foreach (var term in above.Terms)
            {
                terms.Add(term with { SharePercent = Chain([.. ties, .. term.Path.Select(p => p.Relation)]), Path = [.. steps, .. term.Path] });
            }
        }

        return new OwnershipExposure(ties.Count > 0 ? ties[0].FromId : owner.Id, terms, limit);
    }

    /// <summary>Gets the share a chain of relations carries: the first relation's share, multiplied by each later relation's share
    /// unless that relation is controlling; <see langword="null"/> when a needed share is missing.</summary>
    private static decimal? Chain(IReadOnlyList<Relation> relations)
    {
        decimal? share = relations.Count == 0 ? null : relations[0].SharePercent;
        for (var i = 1; i < relations.Count && share is not null; i++)
        {
            if (!IsControlling(relations[i]))
            {
                share = relations[i].SharePercent is { } s ? share.Value * s / 100m : null;
            }
        }

        return share;
    }

    /// <summary>Gets the table of every entity's ownership at a date, computing it on first use for the span the date falls in.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>The table.</returns>
    public OwnershipTable At(DateOnly asOf)
    {
        var span = SpanOf(asOf);
        return _tables.GetOrAdd(span, s => new Lazy<OwnershipTable>(() => Compute(asOf), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Gets whether the table of the span a date falls in is already worked out (by <see cref="At"/>).</summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when <see cref="At"/> reads the table without working it out.</returns>
    internal bool IsWorkedOut(DateOnly asOf) => _tables.TryGetValue(SpanOf(asOf), out var table) && table.IsValueCreated;

    /// <summary>Gets the number of the span of dates a date falls in: dates in one span see the same relations and listings.</summary>
    private int SpanOf(DateOnly asOf)
    {
        var i = Array.BinarySearch(_changes, asOf);
        return i >= 0 ? i + 1 : ~i;
    }

    private static void AddChange(SortedSet<DateOnly> changes, DateOnly? date)
    {
        if (date is { } d)
        {
            changes.Add(d);
        }
    }

    private OwnershipTable Compute(DateOnly asOf)
    {
        var blockedByRule = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Dictionary<string, OwnershipExposure> exposures;
        var rounds = 0;
        while (true)
        {
            rounds++;
            exposures = new Dictionary<string, OwnershipExposure>(StringComparer.Ordinal);
            var added = false;
            foreach (var id in _owners.Keys)
            {
                var exposure = Walk(id, asOf, blockedByRule);
                if (exposure.Terms.Count == 0 && exposure.LimitReached is null)
                {
                    continue;
                }

                exposures[id] = exposure;
                var blocked = exposure.Terms.Where(t => t.Blocked && t.SharePercent is not null).Sum(t => t.SharePercent!.Value);
                if (blocked >= BlockingPercent && !IsSanctioned(id, asOf) && !blockedByRule.ContainsKey(id))
                {
                    blockedByRule[id] = blocked;
                    added = true;
                }
            }

            // Each round adds at least one entity, so the loop ends; the bound only guards against a mistake.
            if (!added || rounds > _owners.Count + 1)
            {
                break;
            }
        }

        return new OwnershipTable(asOf, exposures.ToFrozenDictionary(StringComparer.Ordinal), blockedByRule.ToFrozenDictionary(StringComparer.Ordinal), rounds);
    }

    private bool IsSanctioned(string id, DateOnly asOf) =>
        _resolve(id) is { } e && e.Listings.Any(l => l.AppliesAt(asOf) && _getList(l.ListId).Category == ListCategory.Sanctions);

    private OwnershipExposure Walk(string start, DateOnly asOf, Dictionary<string, decimal> blockedByRule)
    {
        var terms = new List<OwnershipTerm>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { start };
        var steps = new List<Relation>();
        string? limit = null;

        void Visit(string current, decimal? share, bool known)
        {
            var edges = Holdings(current, asOf);
            var followed = edges.Count;
            if (followed > _limits.MaxOwners)
            {
                limit ??= string.Create(CultureInfo.InvariantCulture, $"{current} has {edges.Count} owners; the {_limits.MaxOwners} largest were followed");
                followed = _limits.MaxOwners;
            }

            for (var i = 0; i < followed; i++)
            {
                var relation = edges[i];
                if (visited.Contains(relation.ToId) || _resolve(relation.ToId) is not { } owner)
                {
                    continue;
                }

                if (terms.Count >= _limits.MaxTerms)
                {
                    limit ??= string.Create(CultureInfo.InvariantCulture, $"more than {_limits.MaxTerms} ownership chains; the first {_limits.MaxTerms} were kept");
                    return;
                }

                // The first relation gives the share held; a later one passes it on whole when it is controlling, else in proportion.
                decimal? next;
                bool nextKnown;
                if (steps.Count == 0)
                {
                    next = relation.SharePercent;
                    nextKnown = relation.SharePercent is not null;
                }
                else if (IsControlling(relation))
                {
                    next = share;
                    nextKnown = known;
                }
                else
                {
                    nextKnown = known && relation.SharePercent is not null;
                    next = nextKnown ? share!.Value * relation.SharePercent!.Value / 100m : null;
                }

                steps.Add(relation);
                visited.Add(owner.Id);
                var (lists, sanctioned, ruleBlocked) = Standing(owner, asOf, blockedByRule);
                if (lists.Length > 0 || ruleBlocked)
                {
                    terms.Add(Term(owner, lists, sanctioned, ruleBlocked, nextKnown ? next : null, steps.Select(Step).ToArray(), blockedByRule));
                }

                // A blocked owner's holding counts whole; looking past it would count it twice.
                if (!sanctioned && !ruleBlocked)
                {
                    if (steps.Count < _limits.MaxDepth)
                    {
                        Visit(owner.Id, next, nextKnown);
                    }
                    else if (Holdings(owner.Id, asOf).Count > 0)
                    {
                        limit ??= string.Create(CultureInfo.InvariantCulture, $"chains longer than {_limits.MaxDepth} relations were not followed");
                    }
                }

                visited.Remove(owner.Id);
                steps.RemoveAt(steps.Count - 1);
            }
        }

        Visit(start, null, known: false);
        return new OwnershipExposure(start, terms, limit);
    }

    /// <summary>Gets the ownership relations of an entity valid at a date, one per owner (the largest share; a relation without a
    /// share only when none states one), largest share first.</summary>
    private List<Relation> Holdings(string id, DateOnly asOf)
    {
        var result = new List<Relation>();
        if (!_owners.TryGetValue(id, out var all))
        {
            return result;
        }

        foreach (var r in all)
        {
            // Sorted by share, largest first: the first valid relation to an owner is the one that counts.
            if (r.IsValidAt(asOf) && !result.Exists(x => string.Equals(x.ToId, r.ToId, StringComparison.Ordinal)))
            {
                result.Add(r);
            }
        }

        return result;
    }

    private PathStep Step(Relation r) =>
        new(r.FromId, _resolve(r.FromId)?.PrimaryName ?? r.FromId, r.Kind, r.ToId, _resolve(r.ToId)?.PrimaryName ?? r.ToId, r);

    /// <summary>Gets the lists an owner is on at a date, whether one of them is a sanctions list, and whether the 50% rule blocks it
    /// otherwise.</summary>
    private (string[] Lists, bool Sanctioned, bool RuleBlocked) Standing(Entity owner, DateOnly asOf, IReadOnlyDictionary<string, decimal> blockedByRule)
    {
        var lists = owner.Listings.Where(l => l.AppliesAt(asOf)).Select(l => l.ListId).Distinct(StringComparer.Ordinal).ToArray();
        var sanctioned = lists.Any(l => _getList(l).Category == ListCategory.Sanctions);
        return (lists, sanctioned, !sanctioned && blockedByRule.ContainsKey(owner.Id));
    }

    /// <summary>Makes the term of a listed or blocked owner, with the basis of its standing.</summary>
    private static OwnershipTerm Term(Entity owner, string[] lists, bool sanctioned, bool ruleBlocked, decimal? share, IReadOnlyList<PathStep> path,
        IReadOnlyDictionary<string, decimal> blockedByRule) => new()
    {
        OwnerId = owner.Id,
        OwnerName = owner.PrimaryName,
        SharePercent = share,
        Path = path,
        OwnerLists = lists,
        Blocked = sanctioned || ruleBlocked,
        Basis = string.Join("; ", new[]
        {
            lists.Length > 0 ? "listed on " + string.Join(", ", lists) : null,
            ruleBlocked ? $"owned {Percent(blockedByRule[owner.Id])} in aggregate by blocked persons" : null,
        }.OfType<string>()),
    };

    /// <summary>Formats a percentage: <c>37.5%</c>.</summary>
    /// <param name="value">The percentage.</param>
    /// <returns>The text.</returns>
    public static string Percent(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture) + "%";
}

/// <summary>The ownership of every owned entity at one span of dates.</summary>
/// <param name="AsOf">The date the table was computed for (any date of its span gives the same table).</param>
/// <param name="Exposures">The exposure of each entity some chain of which reaches a listed owner.</param>
/// <param name="BlockedByRule">The entities blocked because blocked persons own 50% or more of them, with that share.</param>
/// <param name="Rounds">How many walks it took to find every entity blocked by the rule.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed record OwnershipTable(DateOnly AsOf, FrozenDictionary<string, OwnershipExposure> Exposures, FrozenDictionary<string, decimal> BlockedByRule, int Rounds);

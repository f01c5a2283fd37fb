using System.Collections.Frozen;

namespace VendorScreen.Graph;

/// <summary>A path from a matched entity to a listed entity.</summary>
/// <param name="Target">The entity the path reaches.</param>
/// <param name="Steps">The relations walked, in order; empty when the matched entity is the target.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed record GraphPath(Entity Target, IReadOnlyList<Relation> Steps);

/// <summary>The relation graph: walks relations that hold at an as-of date (or ended within a window) from an entity to the entities it depends on.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed class RelationGraph
{
    private readonly FrozenDictionary<string, Relation[]> _outgoing;
    private readonly Func<string, Entity?> _resolve;

    /// <summary>Initializes a new instance of the <see cref="RelationGraph"/> class.</summary>
    /// <param name="relations">The relations.</param>
    /// <param name="resolve">Finds an entity by id.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RelationGraph(IEnumerable<Relation> relations, Func<string, Entity?> resolve)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(resolve);
        _resolve = resolve;
        _outgoing = relations.GroupBy(r => r.FromId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the relations that leave an entity.</summary>
    /// <param name="entityId">The entity id.</param>
    /// <returns>The relations.</returns>
    public IReadOnlyList<Relation> Outgoing(string entityId) => _outgoing.TryGetValue(entityId, out var r) ? r : [];

    /// <summary>Finds every simple path from an entity to entities that satisfy a predicate, including the entity itself.</summary>
    /// <param name="start">The entity to start from.</param>
    /// <param name="asOf">The date at which relations must hold.</param>
    /// <param name="endedWithin">Also walk relations that ended at most this long before <paramref name="asOf"/>; a window
    /// reaching before 0001-01-01 stops there (the date arithmetic saturates and never throws). A negative window counts as zero.</param>
    /// <param name="maxDepth">The most relations on a path.</param>
    /// <param name="isTarget">Which entities end a path (for example: has a listing).</param>
    /// <returns>The paths, shortest first.</returns>
    public IReadOnlyList<GraphPath> FindPaths(Entity start, DateOnly asOf, TimeSpan endedWithin, int maxDepth, Func<Entity, bool> isTarget)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(isTarget);

        // The thread's walk, taken while in use (a walk started from inside isTarget would start one of its own) and given back
        // empty: the paths found are copied out.
        var walk = _walk ?? new Walk();
        _walk = null;
        try
        {
            walk.Visited.Add(start.Id);
            Visit(start, walk, asOf, EarliestEnd(asOf, endedWithin), maxDepth, isTarget);
            var found = walk.Results;
            if (found.Count == 0)
            {
                return [];
            }

            // Shortest first; among paths of one length, in the order found (a stable insertion sort: there are few).
            var paths = new GraphPath[found.Count];
            for (var i = 0; i < paths.Length; i++)
            {
                var path = found[i];
                var at = i;
                while (at > 0 && paths[at - 1].Steps.Count > path.Steps.Count)
                {
                    paths[at] = paths[at - 1];
                    at--;
                }

                paths[at] = path;
            }

            return paths;
        }
        finally
        {
            walk.Results.Clear();
            walk.Steps.Clear();
            walk.Visited.Clear();
            _walk = walk;
        }
    }

    // Walks on from an entity: the entities on the way (the start and those of the current steps) are the visited ones, as a set
    // (an id is added once and removed whole), kept in a list since a path holds few.
    private void Visit(Entity current, Walk walk, DateOnly asOf, DateOnly earliestEnd, int maxDepth, Func<Entity, bool> isTarget)
    {
        var steps = walk.Steps;
        if (isTarget(current))
        {
            walk.Results.Add(new GraphPath(current, steps.ToArray()));
        }

        if (steps.Count >= maxDepth)
        {
            return;
        }

        var outgoing = Outgoing(current.Id);
        for (var i = 0; i < outgoing.Count; i++)
        {
            var relation = outgoing[i];
            var holds = relation.IsValidAt(asOf)
                || (relation.EndedBefore(asOf) && relation.ValidTo!.Value.End >= earliestEnd && (relation.ValidFrom is not { } f || f.Start <= asOf));
            if (!holds || walk.Visited.Contains(relation.ToId) || _resolve(relation.ToId) is not { } next)
            {
                continue;
            }

            if (!walk.Visited.Contains(next.Id))
            {
                walk.Visited.Add(next.Id);
            }

            steps.Add(relation);
            Visit(next, walk, asOf, earliestEnd, maxDepth, isTarget);
            steps.RemoveAt(steps.Count - 1);
            walk.Visited.Remove(next.Id);
        }
    }

    [ThreadStatic]
    private static Walk? _walk;

    // The state of one walk: the paths found, the relations of the current path and the entities visited on it.
    private sealed class Walk
    {
        public List<GraphPath> Results { get; } = [];

        public List<Relation> Steps { get; } = [];

        public List<string> Visited { get; } = [];
    }

    /// <summary>Gets the earliest end date of a relation that ended within a window before a date, saturating at
    /// <see cref="DateOnly.MinValue"/>.</summary>
    private static DateOnly EarliestEnd(DateOnly asOf, TimeSpan endedWithin)
    {
        var days = endedWithin <= TimeSpan.Zero ? 0 : Math.Ceiling(endedWithin.TotalDays);
        return days >= asOf.DayNumber ? DateOnly.MinValue : DateOnly.FromDayNumber(asOf.DayNumber - (int)days);
    }
}

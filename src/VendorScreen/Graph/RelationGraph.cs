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
        var results = new List<GraphPath>();
        var earliestEnd = EarliestEnd(asOf, endedWithin);
        var visited = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var steps = new List<Relation>();

        void Walk(Entity current)
        {
            if (isTarget(current))
            {
                results.Add(new GraphPath(current, steps.ToArray()));
            }

            if (steps.Count >= maxDepth)
            {
                return;
            }

            foreach (var relation in Outgoing(current.Id))
            {
                var holds = relation.IsValidAt(asOf)
                    || (relation.EndedBefore(asOf) && relation.ValidTo!.Value.End >= earliestEnd && (relation.ValidFrom is not { } f || f.Start <= asOf));
                if (!holds || visited.Contains(relation.ToId) || _resolve(relation.ToId) is not { } next)
                {
                    continue;
                }

                visited.Add(next.Id);
                steps.Add(relation);
                Walk(next);
                steps.RemoveAt(steps.Count - 1);
                visited.Remove(next.Id);
            }
        }

        Walk(start);
        return results.OrderBy(p => p.Steps.Count).ToList();
    }

    /// <summary>Gets the earliest end date of a relation that ended within a window before a date, saturating at
    /// <see cref="DateOnly.MinValue"/>.</summary>
    private static DateOnly EarliestEnd(DateOnly asOf, TimeSpan endedWithin)
    {
        var days = endedWithin <= TimeSpan.Zero ? 0 : Math.Ceiling(endedWithin.TotalDays);
        return days >= asOf.DayNumber ? DateOnly.MinValue : DateOnly.FromDayNumber(asOf.DayNumber - (int)days);
    }
}

namespace VendorScreen.Sources.Ofac;

/// <summary>A relation read from a list entry whose target is still a name (remarks, vessel owner) or an OFAC uid.</summary>
/// <param name="FromId">The entity the entry describes.</param>
/// <param name="List">The list of that entity.</param>
/// <param name="TargetName">The target's name, when the entry names it.</param>
/// <param name="TargetId">The target's entity id, when the entry refers to it by uid.</param>
/// <param name="Kind">The relation kind.</param>
/// <param name="Label">The label in the list (<c>Linked To</c>, <c>Owned or Controlled By</c>).</param>
/// <param name="Reversed">Whether the relation points from the target to the entity.</param>
/// <param name="Position">The position of the entry, for rejected records.</param>
/// <param name="SourceUrl">The detail page of the entry.</param>
/// <param name="Former">Whether the list marks the relation as a former one.</param>
internal sealed record PendingLink(
    string FromId,
    OfacListKind List,
    string? TargetName,
    string? TargetId,
    RelationKind Kind,
    string Label,
    bool Reversed,
    string Position,
    string? SourceUrl,
    bool Former = false);

/// <summary>The entities of one list by the normalised compare key of their names, to resolve relation targets.</summary>
internal sealed class NameScope(OfacListKind kind)
{
    private readonly Dictionary<string, HashSet<string>> _primary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _weak = new(StringComparer.Ordinal);

    public OfacListKind Kind { get; } = kind;

    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds an entity with its names.</summary>
    public void Add(Entity entity)
    {
        Ids.Add(entity.Id);
        foreach (var name in entity.Names)
        {
            Index(name.Kind switch { NameKind.Primary => _primary, NameKind.WeakAlias => _weak, _ => _aliases }, name.Value, entity.Id);
        }
    }

    /// <summary>Finds the entities with a name of the key: tier 0 primary names, 1 other strong names, 2 weak aliases.</summary>
    public IReadOnlyCollection<string> Find(string key, int tier) =>
        (tier switch { 0 => _primary, 1 => _aliases, _ => _weak }).TryGetValue(key, out var ids) ? ids : [];

    private static void Index(Dictionary<string, HashSet<string>> index, string name, string id)
    {
        var key = OfacList.NameKey(name);
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(id);
    }
}

/// <summary>Resolves pending relations to entity ids.</summary>
/// <remarks>
/// A target named in an entry resolves by exact normalised name (<see cref="OfacList.NameKey"/>): first among the primary
/// names of the entry's own list, then among its other strong names, then its weak aliases (OFAC names vessel owners by
/// acronyms such as <c>NITC</c>), then the same in the other lists read with it. A name
/// that matches no entity, or several, becomes a rejected record; so does a target uid that is not in the file.
/// The type is stateless and safe for concurrent use.
/// </remarks>
internal static class OfacRelations
{
    public static List<Relation> Resolve(IReadOnlyList<PendingLink> pending, IReadOnlyList<NameScope> scopes, List<RejectedRecord> rejected)
    {
        var relations = new List<Relation>();
        var seen = new HashSet<(string, string, RelationKind)>();
        foreach (var link in pending)
        {
            string? target;
            string? problem;
            if (link.TargetId is not null)
            {
                target = scopes.Any(s => s.Ids.Contains(link.TargetId)) ? link.TargetId : null;
                problem = target is null ? $"{link.Label} target {link.TargetId} is not an entry of the file" : null;
            }
            else
            {
                (target, problem) = ResolveName(link, scopes);
            }

            if (target is null)
            {
                rejected.Add(new(link.Position, $"{link.FromId}: {problem}"));
                continue;
            }

            if (string.Equals(target, link.FromId, StringComparison.Ordinal))
            {
                rejected.Add(new(link.Position, $"{link.FromId}: {link.Label} \"{link.TargetName ?? link.TargetId}\" names the entry itself"));
                continue;
            }

            var (from, to) = link.Reversed ? (target, link.FromId) : (link.FromId, target);
            if (!seen.Add((from, to, link.Kind)))
            {
                continue;
            }

            relations.Add(new Relation(from, to, link.Kind)
            {
                SourceUrl = link.SourceUrl,
                Notes = link.Former ? link.Label + " (former)" : link.Label,
                Confidence = link.Former ? FactConfidence.Uncertain : FactConfidence.Official,
            });
        }

        return relations;
    }

    private static (string? Target, string? Problem) ResolveName(PendingLink link, IReadOnlyList<NameScope> scopes)
    {
        var name = link.TargetName!;
        var key = OfacList.NameKey(name);
        if (key.Length == 0)
        {
            return (null, $"{link.Label} \"{name}\" has no name to resolve");
        }

        var ordered = scopes.Where(s => s.Kind == link.List).Concat(scopes.Where(s => s.Kind != link.List));
        foreach (var scope in ordered)
        {
            for (var tier = 0; tier < 3; tier++)
            {
                var found = scope.Find(key, tier).Where(id => !string.Equals(id, link.FromId, StringComparison.Ordinal)).ToArray();
                if (found.Length == 1)
                {
                    return (found[0], null);
                }

                if (found.Length > 1)
                {
                    return (null, $"{link.Label} \"{name}\" matches {found.Length} entries ({string.Join(", ", found.Take(3))}); not linked");
                }
            }
        }

        return (null, $"{link.Label} \"{name}\" is not an entry of the list");
    }
}

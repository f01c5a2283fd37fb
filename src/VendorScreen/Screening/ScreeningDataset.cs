using System.Collections.Frozen;

namespace VendorScreen.Screening;

/// <summary>An immutable, versioned merge of list snapshots: the data one screening runs against.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed class ScreeningDataset
{
    private readonly Dictionary<string, int> _entityIndex;
    private readonly FrozenDictionary<string, ListDefinition> _lists;

    private ScreeningDataset(IReadOnlyList<ListSnapshot> snapshots, List<Entity> entities, List<Relation> relations, Dictionary<string, ListDefinition> lists, List<RejectedRecord> mergeRejected)
    {
        Snapshots = snapshots;
        Entities = entities;
        Relations = relations;
        MergeRejected = mergeRejected;
        // A plain dictionary: a frozen one looks up a little faster but takes several times as long to make, and an entity is
        // looked up only for the hits of a screening and the graph.
        _entityIndex = new Dictionary<string, int>(entities.Count, StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            _entityIndex.Add(entities[i].Id, i);
        }

        _lists = lists.ToFrozenDictionary(StringComparer.Ordinal);
        Version = snapshots.Count == 0 ? "empty" : string.Join("; ", snapshots.Select(s => $"{s.SourceName}@{s.Version}"));
    }

    /// <summary>Gets the snapshots merged, in order.</summary>
    public IReadOnlyList<ListSnapshot> Snapshots { get; }

    /// <summary>Gets all entities.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>Gets all relations.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Gets the list definitions by id.</summary>
    public IReadOnlyDictionary<string, ListDefinition> Lists => _lists;

    /// <summary>Gets records dropped while merging (an entity id seen in two snapshots keeps the first).</summary>
    public IReadOnlyList<RejectedRecord> MergeRejected { get; }

    /// <summary>Gets the dataset version: every source with its version.</summary>
    public string Version { get; }

    /// <summary>Merges snapshots into a dataset.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    public static ScreeningDataset Create(IEnumerable<ListSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var list = snapshots.ToList();
        var entities = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var relations = new List<Relation>();
        var lists = new Dictionary<string, ListDefinition>(StringComparer.Ordinal);
        var rejected = new List<RejectedRecord>();
        foreach (var snapshot in list)
        {
            foreach (var entity in snapshot.Entities)
            {
                if (seen.Add(entity.Id))
                {
                    entities.Add(entity);
                }
                else
                {
                    rejected.Add(new RejectedRecord($"{snapshot.SourceName}:{entity.Id}", "entity id already supplied by an earlier source"));
                }
            }

            relations.AddRange(snapshot.Relations);
            foreach (var definition in snapshot.Lists)
            {
                lists.TryAdd(definition.Id, definition);
            }
        }

        foreach (var listing in entities.SelectMany(e => e.Listings))
        {
            if (!lists.ContainsKey(listing.ListId))
            {
                lists[listing.ListId] = KnownLists.Get(listing.ListId);
            }
        }

        // A relation to an entity no source holds (a corporate tree naming another source's entity) leads nowhere: say so.
        foreach (var relation in relations.Where(r => !seen.Contains(r.FromId) || !seen.Contains(r.ToId)))
        {
            rejected.Add(new RejectedRecord(relation.SourceUrl ?? $"{relation.FromId} {relation.Kind.ToKebabCase()} {relation.ToId}",
                $"relation {relation.FromId} {relation.Kind.ToKebabCase()} {relation.ToId} names an entity that no loaded source holds"));
        }

        return new ScreeningDataset(list, entities, relations, lists, rejected);
    }

    /// <summary>Finds an entity by id.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The entity, or <see langword="null"/>.</returns>
    public Entity? FindEntity(string id) => _entityIndex.TryGetValue(id, out var i) ? Entities[i] : null;

    /// <summary>Gets the definition of a list, or a definition of category <see cref="ListCategory.Other"/> for an unknown id.</summary>
    /// <param name="listId">The list id.</param>
    /// <returns>The definition.</returns>
    public ListDefinition GetList(string listId) => _lists.TryGetValue(listId, out var d) ? d : KnownLists.Get(listId);
}

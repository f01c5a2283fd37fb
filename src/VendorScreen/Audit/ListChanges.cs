namespace VendorScreen.Audit;

/// <summary>Works out what changed on the lists between two screenings of one subject, from the entities each hit.</summary>
internal static class ListChanges
{
    /// <summary>The list changes between a previous record and a new one.</summary>
    /// <param name="before">The previous record, or <see langword="null"/>.</param>
    /// <param name="now">The new record.</param>
    /// <param name="dataset">The dataset screened now, to tell a delisted entity from one no longer hit.</param>
    /// <returns>The changes, ordered by kind and entity id.</returns>
    public static IReadOnlyList<ListChange> Between(ScreeningAuditRecord? before, ScreeningAuditRecord now, Screening.ScreeningDataset? dataset)
    {
        var previousHits = HitEntities(before?.Result);
        var currentHits = HitEntities(now.Result);
        var previousEntities = (before?.Entities ?? []).GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var currentEntities = now.Entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = new List<ListChange>();

        foreach (var (id, name) in currentHits.Where(h => !previousHits.ContainsKey(h.Key)))
        {
            changes.Add(new ListChange(ListChange.EntityAdded, id, name)
            {
                AddedNames = currentEntities.TryGetValue(id, out var entity) ? entity.Names : [],
            });
        }

        foreach (var (id, name) in previousHits.Where(h => !currentHits.ContainsKey(h.Key)))
        {
            var entity = dataset?.FindEntity(id);
            if (entity is null)
            {
                changes.Add(new ListChange(ListChange.EntityRemoved, id, name)
                {
                    RemovedNames = previousEntities.TryGetValue(id, out var old) ? old.Names : [],
                });
                continue;
            }

            changes.Add(Compare(id, name, previousEntities.GetValueOrDefault(id), AuditedEntity.Of(entity)) ?? new ListChange(ListChange.NoLongerMatches, id, name));
        }

        foreach (var (id, name) in currentHits.Where(h => previousHits.ContainsKey(h.Key)))
        {
            if (Compare(id, name, previousEntities.GetValueOrDefault(id), currentEntities.GetValueOrDefault(id)) is { } change)
            {
                changes.Add(change);
            }
        }

        return changes.OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.EntityId, StringComparer.Ordinal).ToArray();
    }

    private static ListChange? Compare(string id, string name, AuditedEntity? before, AuditedEntity? now)
    {
        if (before is null || now is null || string.Equals(before.Fingerprint, now.Fingerprint, StringComparison.Ordinal))
        {
            return null;
        }

        var added = now.Names.Except(before.Names, StringComparer.Ordinal).ToArray();
        var removed = before.Names.Except(now.Names, StringComparer.Ordinal).ToArray();
        return new ListChange(added.Length + removed.Length > 0 ? ListChange.NamesChanged : ListChange.EntryChanged, id, name)
        {
            AddedNames = added,
            RemovedNames = removed,
        };
    }

    /// <summary>The listed entities a result hit, with their names (suppressed hits count: the entity is still hit).</summary>
    private static Dictionary<string, string> HitEntities(ScreeningResult? result)
    {
        var hits = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result is null)
        {
            return hits;
        }

        foreach (var hit in result.Hits.Concat(result.Suppressed.Select(s => s.Hit)))
        {
            hits.TryAdd(hit.ListedEntityId, hit.ListedEntityName);
        }

        return hits;
    }
}

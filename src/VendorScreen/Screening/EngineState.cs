using System.Runtime.CompilerServices;
using VendorScreen.Matching;
using VendorScreen.Graph;
using VendorScreen.Indexing;

namespace VendorScreen.Screening;

/// <summary>One immutable generation of what the engine screens against: dataset, index, graph and source states.</summary>
internal sealed class EngineState
{
    /// <summary>Initializes a new instance of the <see cref="EngineState"/> class.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="sources">The state of every source.</param>
    /// <param name="index">The candidate index over the dataset's entities, read from an index snapshot; <see langword="null"/> to build it.</param>
    public EngineState(ScreeningDataset dataset, IReadOnlyList<SourceStatus> sources, CandidateIndex? index = null)
    {
        Dataset = dataset;
        Sources = sources;
        Index = index ?? new CandidateIndex(dataset.Entities, NameScoringRules.Default);
        Graph = new RelationGraph(dataset.Relations, dataset.FindEntity);
        Ownership = new OwnershipIndex(dataset.Relations, dataset.FindEntity, dataset.GetList, OwnershipLimits.Default);
    }

    public ScreeningDataset Dataset { get; }

    public CandidateIndex Index { get; }

    public RelationGraph Graph { get; }

    /// <summary>Gets the aggregate ownership of every entity by listed parties, computed once per span of as-of dates.</summary>
    public OwnershipIndex Ownership { get; }

    public IReadOnlyList<SourceStatus> Sources { get; }

    /// <summary>Gets the number of the generation this state belongs to.</summary>
    public long Generation { get; init; }

    /// <summary>Gets every listing of an entity, in its order, with the list of each (and the listings alone): written once per
    /// entity and generation, when first asked for, and shared by every hit on the entity whose listings all apply.</summary>
    /// <param name="entity">An entity of the dataset.</param>
    /// <returns>The listings.</returns>
    public EntityListings ListingsOf(Entity entity) =>
        _listings.TryGetValue(entity, out var listings) ? listings : _listings.GetValue(entity, _writeListings ??= WriteListings);

    private readonly ConditionalWeakTable<Entity, EntityListings> _listings = new();
    private ConditionalWeakTable<Entity, EntityListings>.CreateValueCallback? _writeListings;

    private EntityListings WriteListings(Entity entity)
    {
        var all = entity.Listings;
        var withLists = new (Listing, ListDefinition)[all.Count];
        var listings = new Listing[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            withLists[i] = (all[i], Dataset.GetList(all[i].ListId));
            listings[i] = all[i];
        }

        return new EntityListings(withLists, listings);
    }
}

/// <summary>Every listing of an entity, with the list of each, and the listings alone, in the entity's order.</summary>
/// <param name="WithLists">The listings with their lists.</param>
/// <param name="Listings">The listings.</param>
internal sealed record EntityListings((Listing Listing, ListDefinition List)[] WithLists, Listing[] Listings);

using VendorScreen.Matching;
using VendorScreen.Graph;
using VendorScreen.Indexing;

namespace VendorScreen.Screening;

/// <summary>One immutable generation of what the engine screens against: dataset, index, graph and source states.</summary>
internal sealed class EngineState
{
    /// <summary>Initializes a new instance of the <see cref="EngineState"/> class.</summary>
    /// <remarks>What the first screenings would otherwise make and keep is made here, with the state, so that no screening waits
    /// for it and the runtime does not move it while screenings run: the ownership table of the day the state is made, the
    /// listings of every listed entity, and the tables comparing names reads (once per process).</remarks>
    /// <param name="dataset">The dataset.</param>
    /// <param name="sources">The state of every source.</param>
    /// <param name="madeOn">The day the state is made, whose span of as-of dates the ownership table is worked out for.</param>
    /// <param name="index">The candidate index over the dataset's entities, read from an index snapshot; <see langword="null"/> to build it.</param>
    public EngineState(ScreeningDataset dataset, IReadOnlyList<SourceStatus> sources, DateOnly madeOn, CandidateIndex? index = null)
    {
        Dataset = dataset;
        Sources = sources;

        // With an index read from a snapshot, the tables comparing names reads are made on another core while this one makes the
        // graph, the ownership table and the listings, which read none of them (on the first state of a process the tables take as
        // long as the rest); a failure there is thrown here. An index built here reads them as it is built, so they are made first.
        var tables = index is null ? null : Task.Run(ScoringTables.Prepare);
        if (index is null)
        {
            ScoringTables.Prepare();
        }

        Index = index ?? new CandidateIndex(dataset.Entities, NameScoringRules.Default);
        Graph = new RelationGraph(dataset.Relations, dataset.FindEntity);
        Ownership = new OwnershipIndex(dataset.Relations, dataset.FindEntity, dataset.GetList, OwnershipLimits.Default);
        Ownership.At(madeOn);
        _listings = new Dictionary<Entity, EntityListings>(dataset.Entities.Count, ReferenceEqualityComparer.Instance);
        foreach (var entity in dataset.Entities)
        {
            if (entity.Listings.Count > 0)
            {
                _listings.TryAdd(entity, WriteListings(entity));
            }
        }

        tables?.GetAwaiter().GetResult();
    }

    public ScreeningDataset Dataset { get; }

    public CandidateIndex Index { get; }

    public RelationGraph Graph { get; }

    /// <summary>Gets the aggregate ownership of every entity by listed parties, computed once per span of as-of dates.</summary>
    public OwnershipIndex Ownership { get; }

    public IReadOnlyList<SourceStatus> Sources { get; }

    /// <summary>Gets the matches of the names batches and streams have screened against this state, each found again for the same
    /// name rather than looked up and scored again.</summary>
    public Screener.NameMatchMemo RepeatedNames { get; } = new();

    /// <summary>Gets the number of the generation this state belongs to.</summary>
    public long Generation { get; init; }

    /// <summary>Gets every listing of an entity, in its order, with the list of each (and the listings alone): written for every
    /// listed entity of the dataset when the state is made, and shared by every hit on the entity whose listings all apply (an
    /// entity from elsewhere has its listings written on each call).</summary>
    /// <param name="entity">An entity of the dataset.</param>
    /// <returns>The listings.</returns>
    public EntityListings ListingsOf(Entity entity) =>
        _listings.TryGetValue(entity, out var listings) ? listings : WriteListings(entity);

    // By reference, as the dataset holds its entities; read only once made, so safe for concurrent use. Written with the state
    // rather than on a hit's first need: a table that screenings fill keeps something new for each entity hit, which the
    // runtime's first collection after the start then has to move (0.7 MB over the first 7,000 screenings of the throughput
    // mix, a third of what that collection kept, and 2-3 ms of its pause), for 1.8 MB more in the state of the real lists.
    private readonly Dictionary<Entity, EntityListings> _listings;

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

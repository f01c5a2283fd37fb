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
}

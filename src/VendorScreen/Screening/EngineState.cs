using VendorScreen.Matching;
using VendorScreen.Graph;
using VendorScreen.Indexing;

namespace VendorScreen.Screening;

/// <summary>One immutable generation of what the engine screens against: dataset, index, graph and source states.</summary>
internal sealed class EngineState
{
    public EngineState(ScreeningDataset dataset, IReadOnlyList<SourceStatus> sources)
    {
        Dataset = dataset;
        Sources = sources;
        Index = new CandidateIndex(dataset.Entities, NameScoringRules.Default);
        Graph = new RelationGraph(dataset.Relations, dataset.FindEntity);
    }

    public ScreeningDataset Dataset { get; }

    public CandidateIndex Index { get; }

    public RelationGraph Graph { get; }

    public IReadOnlyList<SourceStatus> Sources { get; }

    /// <summary>Gets the number of the generation this state belongs to.</summary>
    public long Generation { get; init; }
}

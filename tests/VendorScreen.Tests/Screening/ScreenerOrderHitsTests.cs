using FluentAssertions;
using VendorScreen.Screening;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// The screening keeps the best hit of each field, matched entity and listed entity and orders them without LINQ's grouping and
/// sorting; the outcome must be the one the grouping and stable sorts give: the same hits, in the same order, ties included.
/// </summary>
public sealed class ScreenerOrderHitsTests
{
    [Fact]
    public void OrderHits_SeededHitsWithTies_SameAsGroupingAndStableSorts()
    {
        var random = new Random(11);
        for (var round = 0; round < 2_000; round++)
        {
            // One round in four has many hits over many entities: more than 16 hits are grouped through a table, and more than 32
            // groups are sorted by the runtime's sort rather than in place.
            var wide = round % 4 == 0;
            var hits = Enumerable.Range(0, random.Next(0, wide ? 90 : 14)).Select(_ => Hit(random, wide ? 40 : 3)).ToList();
            var maxHits = random.Next(0, 8);

            var expected = hits
                .GroupBy(h => (h.Field, h.EntityId, h.ListedEntityId))
                .Select(g => g.OrderByDescending(h => h.Decision).ThenBy(h => h.Evidence?.Confidence).ThenBy(h => h.Path.Count).First())
                .OrderByDescending(h => h.Decision).ThenByDescending(h => h.Score).ThenBy(h => h.Path.Count).ThenBy(h => h.EntityId, StringComparer.Ordinal)
                .Take(maxHits)
                .ToArray();

            Screener.OrderHits(hits, maxHits).Should().Equal(expected, (a, b) => ReferenceEquals(a, b), $"round {round}");
        }
    }

    // A hit from a small set of fields, entities (as many as given), decisions, scores, confidences and path lengths, so that groups and ties are common.
    private static ScreeningHit Hit(Random random, int entities)
    {
        var entity = "e" + random.Next(entities);
        var listed = random.Next(2) == 0 ? entity : "l" + random.Next(2);
        var steps = Enumerable.Range(0, random.Next(0, 3))
            .Select(i => new PathStep("x" + i, "x", RelationKind.OwnedBy, "y" + i, "y", new Relation("x" + i, "y" + i, RelationKind.OwnedBy)))
            .ToArray();
        return new ScreeningHit
        {
            Field = random.Next(4) == 0 ? "alias" : "name",
            Query = "q",
            EntityId = entity,
            EntityName = entity,
            MatchedName = entity,
            ListedEntityId = listed,
            ListedEntityName = listed,
            Score = random.Next(3) / 2.0,
            Decision = (ScreeningDecision)random.Next(3),
            Path = steps,
            Evidence = random.Next(3) == 0 ? null : new MatchEvidence("name", (FactConfidence)random.Next(3)),
        };
    }
}

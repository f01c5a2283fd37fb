using System.Globalization;
using System.Text;
using FluentAssertions;
using VendorScreen.Sources.VendorScreenJson;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Data;

/// <summary>The coverage table in docs/relabel.md is the embedded dataset's, counted here, so the page cannot drift from the data.</summary>
public sealed class DatasetCoverageDocTests
{
    private const string Start = "<!-- coverage:start (generated from the embedded dataset; checked by DatasetCoverageDocTests) -->";
    private const string End = "<!-- coverage:end -->";

    [Fact]
    public void RelabelDoc_CoverageTable_MatchesTheEmbeddedDataset()
    {
        var expected = DatasetCoverage.Table(DefaultDatasetSource.Load());
        var doc = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "relabel.md")).ReplaceLineEndings("\n");
        var from = doc.IndexOf(Start, StringComparison.Ordinal);
        var to = doc.IndexOf(End, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, "docs/relabel.md needs the line {0}", Start);
        to.Should().BeGreaterThan(from, "docs/relabel.md needs the line {0} after the start marker", End);

        var actual = doc[(from + Start.Length)..to].Trim('\n');

        actual.Should().Be(expected.Trim('\n'), "the table between the markers must be the dataset's; replace it with:\n{0}", expected);
    }

    [Fact]
    public void Table_CountsByConfidence()
    {
        var a = new Entity("t:a", EntityKind.Organization, "A")
        {
            Names = [new EntityName("A", NameKind.Primary), new EntityName("A Co", NameKind.Alias) { Confidence = FactConfidence.Reported }],
            Identifiers =
            [
                new EntityIdentifier(IdentifierSchemes.FccGranteeCode, "ZZZ"),
                new EntityIdentifier(IdentifierSchemes.ModelPrefix, "AB#") { Confidence = FactConfidence.Uncertain, Weak = true, ValidTo = FactDate.Parse("2020") },
            ],
        };
        var b = new Entity("t:b", EntityKind.Brand, "B");
        var snapshot = new ListSnapshot("t", "1")
        {
            Entities = [a, b],
            Relations = [new Relation("t:b", "t:a", RelationKind.RelabelOf) { Confidence = FactConfidence.Uncertain, Scope = [ProductCategories.VideoSurveillance] }],
        };

        var table = DatasetCoverage.Table(snapshot);

        table.Should().Contain("| entities | — | — | — | 2 |");
        table.Should().Contain("| names | 1 | 1 | 0 | 2 |");
        table.Should().Contain("| relabel, OEM and linked-to relations | 0 | 0 | 1 | 1 |");
        table.Should().Contain("| FCC grantee codes | 1 | 0 | 0 | 1 |");
        table.Should().Contain("| weak model prefixes | 0 | 0 | 1 | 1 |");
        table.Should().Contain("| dated model prefixes | 0 | 0 | 1 | 1 |");
        table.Should().Contain("1 organization, 1 brand");
    }
}

/// <summary>Counts a dataset's entities, names, relations, grantee codes and model prefixes by confidence, as docs/relabel.md shows them.</summary>
internal static class DatasetCoverage
{
    public static string Table(ListSnapshot snapshot)
    {
        var sb = new StringBuilder();
        sb.Append("| | official | reported | uncertain | total |\n");
        sb.Append("|---|---:|---:|---:|---:|\n");
        sb.Append(CultureInfo.InvariantCulture, $"| entities | — | — | — | {snapshot.Entities.Count} |\n");
        Row("names", snapshot.Entities.SelectMany(e => e.Names).Select(n => n.Confidence));
        Row("names scoped to a product category", snapshot.Entities.SelectMany(e => e.Names).Where(n => n.Scope.Count > 0).Select(n => n.Confidence));
        Row("relations", snapshot.Relations.Select(r => r.Confidence));
        Row("relabel, OEM and linked-to relations", snapshot.Relations.Where(r => r.Kind is RelationKind.RelabelOf or RelationKind.OemOf or RelationKind.LinkedTo).Select(r => r.Confidence));
        Row("relations scoped to a product category", snapshot.Relations.Where(r => r.Scope.Count > 0).Select(r => r.Confidence));
        Row("dated relations", snapshot.Relations.Where(r => r.ValidFrom is not null || r.ValidTo is not null).Select(r => r.Confidence));
        var identifiers = snapshot.Entities.SelectMany(e => e.Identifiers).ToList();
        Row("FCC grantee codes", identifiers.Where(i => i.Scheme == IdentifierSchemes.FccGranteeCode).Select(i => i.Confidence));
        var prefixes = identifiers.Where(i => i.Scheme == IdentifierSchemes.ModelPrefix).ToList();
        Row("model prefixes", prefixes.Select(i => i.Confidence));
        Row("weak model prefixes", prefixes.Where(i => i.Weak).Select(i => i.Confidence));
        Row("scoped model prefixes", prefixes.Where(i => i.Scope.Count > 0).Select(i => i.Confidence));
        Row("dated model prefixes", prefixes.Where(i => i.ValidFrom is not null || i.ValidTo is not null).Select(i => i.Confidence));
        sb.Append('\n');
        var kinds = snapshot.Entities.GroupBy(e => e.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        sb.Append(CultureInfo.InvariantCulture, $"Entities by kind: {string.Join(", ", kinds)}. ");
        sb.Append(CultureInfo.InvariantCulture, $"Entities with a listing: {snapshot.Entities.Count(e => e.Listings.Count > 0)}. ");
        sb.Append(CultureInfo.InvariantCulture, $"Dataset version {snapshot.Version}.\n");
        return sb.ToString();

        void Row(string label, IEnumerable<FactConfidence> values)
        {
            var list = values.ToList();
            sb.Append(CultureInfo.InvariantCulture,
                $"| {label} | {list.Count(c => c == FactConfidence.Official)} | {list.Count(c => c == FactConfidence.Reported)} | {list.Count(c => c == FactConfidence.Uncertain)} | {list.Count} |\n");
        }
    }
}

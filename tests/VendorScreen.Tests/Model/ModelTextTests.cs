using FluentAssertions;

namespace VendorScreen.Tests.Model;

public sealed class ModelTextTests
{
    public static TheoryData<RelationKind> RelationKinds() => [.. Enum.GetValues<RelationKind>()];

    [Theory]
    [MemberData(nameof(RelationKinds))]
    public void TryParseRelationKind_EachKindsSpelling_ReadsTheKindBack(RelationKind kind)
    {
        ModelText.TryParseRelationKind(kind.ToKebabCase(), StringComparison.Ordinal, out var read).Should().BeTrue();

        read.Should().Be(kind);
    }

    [Theory]
    [InlineData("Owned-By", StringComparison.OrdinalIgnoreCase, true)]
    [InlineData("Owned-By", StringComparison.Ordinal, false)]
    [InlineData("owned by", StringComparison.OrdinalIgnoreCase, false)]
    [InlineData("", StringComparison.Ordinal, false)]
    [InlineData(null, StringComparison.Ordinal, false)]
    public void TryParseRelationKind_OtherText_FollowsTheComparison(string? text, StringComparison comparison, bool expected)
    {
        ModelText.TryParseRelationKind(text, comparison, out var read).Should().Be(expected);

        if (expected)
        {
            read.Should().Be(RelationKind.OwnedBy);
        }
    }
}

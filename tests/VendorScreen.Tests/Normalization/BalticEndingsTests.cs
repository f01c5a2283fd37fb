using FluentAssertions;
using VendorScreen.Normalization;
using Xunit;

namespace VendorScreen.Tests.Normalization;

public sealed class BalticEndingsTests
{
    [Theory]
    [InlineData("lavrovs", "lavrov")]
    [InlineData("lavrovas", "lavrov")]
    [InlineData("sergejs", "sergey")]
    [InlineData("sergejs", "sergei")]
    [InlineData("sergejus", "sergey")]
    [InlineData("vladimirs", "vladimir")]
    [InlineData("vladimiras", "vladimir")]
    [InlineData("igoris", "igor")]
    [InlineData("dmitrijs", "dmitry")]
    [InlineData("putins", "putin")]
    public void IsWithEnding_NominativeEnding_IsTheNameWithoutIt(string withEnding, string other) =>
        BalticEndings.IsWithEnding(withEnding, other).Should().BeTrue();

    [Theory]
    [InlineData("harris", "harry")]
    [InlineData("lavrov", "lavrov")]
    [InlineData("lavrov", "lavrovs")]
    [InlineData("ross", "ro")]
    [InlineData("jonas", "jon")]
    [InlineData("lavrovs", "lavrovs")]
    [InlineData("lavrovs", "lavrof")]
    [InlineData("kostas", "kosta")]
    [InlineData("", "")]
    [InlineData("lavrov1s", "lavrov1")]
    public void IsWithEnding_OtherWords_AreNot(string withEnding, string other) =>
        BalticEndings.IsWithEnding(withEnding, other).Should().BeFalse();

    [Fact]
    public void IsWithEnding_Null_IsRefused()
    {
        var act = () => BalticEndings.IsWithEnding(null!, "lavrov");

        act.Should().Throw<ArgumentNullException>().WithParameterName("withEnding");
    }
}

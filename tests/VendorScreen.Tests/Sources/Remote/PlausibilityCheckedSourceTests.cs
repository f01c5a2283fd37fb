using FluentAssertions;
using VendorScreen.Sources.Remote;

namespace VendorScreen.Tests.Sources.Remote;

public sealed class PlausibilityCheckedSourceTests
{
    [Fact]
    public async Task LoadAsync_FirstVersion_Passes()
    {
        var sut = CreateSut(DelegateSource.Snapshot("list", "v1", 10));

        var snapshot = await sut.LoadAsync();

        snapshot.Version.Should().Be("v1");
        sut.LastGood.Should().BeSameAs(snapshot);
    }

    [Fact]
    public async Task LoadAsync_NoEntities_IsRefused()
    {
        var sut = CreateSut(DelegateSource.Snapshot("list", "v1", 0));

        var act = async () => await sut.LoadAsync();

        var error = (await act.Should().ThrowAsync<SanctionListSourceException>()).Which;
        error.SourceName.Should().Be("list");
        error.Message.Should().Contain("version v1 has 0 entities");
    }

    [Fact]
    public async Task LoadAsync_TooManyRejectedRecords_IsRefused()
    {
        var sut = CreateSut(DelegateSource.Snapshot("list", "v1", 90, rejected: 10));

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*rejected 10 of 100 records (10.0%; at most 5.0% allowed)*");
    }

    [Fact]
    public async Task LoadAsync_RejectedShareWithinLimit_Passes()
    {
        var sut = CreateSut(DelegateSource.Snapshot("list", "v1", 96, rejected: 4));

        var snapshot = await sut.LoadAsync();

        snapshot.RejectedRecords.Should().HaveCount(4);
    }

    [Fact]
    public async Task LoadAsync_ShrinksByMoreThanTheLimit_IsRefusedAndLastGoodKept()
    {
        var sut = CreateSut(DelegateSource.Snapshot("list", "v1", 100), DelegateSource.Snapshot("list", "v2", 79));
        var first = await sut.LoadAsync();

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*version v2 has 79 entities, 21.0% fewer than the 100 of the last good version*");
        sut.LastGood.Should().BeSameAs(first);
    }

    [Fact]
    public async Task LoadAsync_ShrinksWithinTheLimit_Passes()
    {
        var sut = CreateSut(DelegateSource.Snapshot("list", "v1", 100), DelegateSource.Snapshot("list", "v2", 80));
        await sut.LoadAsync();

        var snapshot = await sut.LoadAsync();

        snapshot.Version.Should().Be("v2");
    }

    [Fact]
    public async Task LoadAsync_ConfiguredShrink_IsApplied()
    {
        var sut = CreateSut(new PlausibilityOptions { MaxShrink = 0.05 }, DelegateSource.Snapshot("list", "v1", 100), DelegateSource.Snapshot("list", "v2", 94));
        await sut.LoadAsync();

        var act = async () => await sut.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*6.0% fewer*");
    }

    [Fact]
    public async Task RefreshAsync_ImplausibleVersion_EngineKeepsLastGoodAndReportsTheReason()
    {
        var sut = CreateSut(DelegateSource.Snapshot("list", "v1", 10), DelegateSource.Snapshot("list", "v2", 2));
        using var engine = new ScreeningEngineBuilder().AddSource(sut).Configure(o => o.UseDefaultDataset = false).Build();
        await engine.RefreshAsync();

        var statuses = await engine.RefreshAsync();

        engine.Dataset!.Version.Should().Be("list@v1");
        var status = statuses.Single();
        status.IsUsable.Should().BeTrue();
        status.Version.Should().Be("v1");
        status.Error.Should().Contain("refresh failed, serving version v1").And.Contain("implausible new version refused");
        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 7"));
        result.Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var act = () => new PlausibilityCheckedSource(new DelegateSource("x", () => DelegateSource.Snapshot("x", "1", 1)), new PlausibilityOptions { MaxShrink = 2, MaxRejectedShare = -1 });

        act.Should().Throw<ArgumentException>().WithMessage("*MaxShrink (2)*").WithMessage("*MaxRejectedShare (-1)*");
    }

    private static PlausibilityCheckedSource CreateSut(params ListSnapshot[] versions) => CreateSut(null, versions);

    private static PlausibilityCheckedSource CreateSut(PlausibilityOptions? options, params ListSnapshot[] versions)
    {
        var next = 0;
        var inner = new DelegateSource("list", () => versions[Math.Min(next++, versions.Length - 1)]);
        return new PlausibilityCheckedSource(inner, options);
    }
}

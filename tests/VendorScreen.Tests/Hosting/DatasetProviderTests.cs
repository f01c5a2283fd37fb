using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Hosting;

/// <summary>The dataset provider seam: generations, DatasetChanged, the injectable loader, an engine over a host's own provider.</summary>
public sealed class DatasetProviderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RefreshAsync_EachRefresh_PublishesANewGenerationThroughDatasetChanged()
    {
        var version = 1;
        var clock = new FakeTimeProvider(T0);
        using var engine = new ScreeningEngineBuilder { TimeProvider = clock }
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new DelegateSource("list", () => DelegateSource.Snapshot("list", "v" + version, 3, clock.GetUtcNow())))
            .Build();
        var changes = new List<DatasetChangedEventArgs>();
        engine.Datasets.DatasetChanged += (_, e) => changes.Add(e);

        await engine.RefreshAsync();
        await engine.RefreshAsync();
        version = 2;
        await engine.RefreshAsync();

        changes.Select(c => c.Current.Number).Should().Equal(1, 2, 3);
        changes[0].Previous.Should().BeNull();
        changes.Select(c => c.DatasetVersionChanged).Should().Equal(true, false, true);
        changes[2].Current.Dataset.Version.Should().Be("list@v2");
        engine.Datasets.Current.Should().BeSameAs(changes[2].Current);
        engine.Datasets.Current!.Sources.Single().Version.Should().Be("v2");
    }

    [Fact]
    public async Task DatasetChanged_HandlerThrows_GenerationStaysInUse()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        engine.Datasets.DatasetChanged += (_, _) => throw new InvalidOperationException("subscriber failure");

        var statuses = await engine.RefreshAsync();

        statuses.Should().OnlyContain(s => s.IsUsable);
        engine.Datasets.Current.Should().NotBeNull();
    }

    [Fact]
    public async Task ScreeningEngine_OverAHostsOwnProvider_ScreensItsGenerationAndCannotRefresh()
    {
        var clock = new FakeTimeProvider(T0);
        var snapshot = DelegateSource.Snapshot("own", "7", 2, clock.GetUtcNow());
        var provider = new FixedProvider(new ScreeningDatasetGeneration(1, VendorScreen.Screening.ScreeningDataset.Create([snapshot]),
            [new SourceStatus("own") { Version = "7", IsUsable = true, FetchedAt = snapshot.FetchedAt, Entities = 2 }], clock.GetUtcNow()));
        using var engine = new ScreeningEngine(provider, timeProvider: clock);

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 2"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.DatasetVersion.Should().Be("own@7");
        var refresh = async () => await engine.RefreshAsync();
        await refresh.Should().ThrowAsync<NotSupportedException>();
    }

    [Fact]
    public void ScreeningEngine_PolicyFileInOptions_IsReadAndUsed()
    {
        var file = Path.Combine(Path.GetTempPath(), "vendorscreen-engine-policy-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, """{"format":"vendorscreen-policy/1","name":"engine-file-policy","rules":[]}""");
        try
        {
            using var engine = new ScreeningEngine(new FixedProvider(null), new ScreeningOptions { Policy = file });

            engine.Policy.Name.Should().Be("engine-file-policy");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ScreeningEngine_InvalidOptions_ThrowsNamingTheSetting()
    {
        var provider = new FixedProvider(null);

        var create = () => new ScreeningEngine(provider, new ScreeningOptions { MatchThreshold = 2 });

        create.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*MatchThreshold*");
    }

    [Fact]
    public async Task AddVendorScreen_LoaderIsInjectable_AndIsTheEnginesProvider()
    {
        var services = new ServiceCollection();
        services.AddVendorScreen();
        services.AddVendorScreen("eu", o => o.UseDefaultDataset = true);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var loader = provider.GetRequiredService<IScreeningDatasetLoader>();
        var engines = provider.GetRequiredService<IScreeningEngineProvider>();
        var statuses = await loader.RefreshAsync();

        statuses.Should().ContainSingle(s => s.SourceName == "default" && s.IsUsable);
        loader.Status.Should().BeEquivalentTo(statuses);
        engines.GetEngine(string.Empty).Datasets.Should().BeSameAs(loader);
        provider.GetRequiredService<IScreeningDatasetProvider>().Should().BeSameAs(loader);
        provider.GetRequiredKeyedService<IScreeningDatasetLoader>("eu").Should().BeSameAs(engines.GetEngine("eu").Datasets).And.NotBeSameAs(loader);
    }

    [Fact]
    public async Task AddVendorScreen_SourceAcceptanceOptions_ReachTheLoader()
    {
        var services = new ServiceCollection();
        services.AddVendorScreen(o =>
        {
            o.UseDefaultDataset = false;
            o.SourcesAllowedEmpty.Add("empty");
        }).AddSource(new DelegateSource("empty", () => DelegateSource.Snapshot("empty", "1", 0)));
        using var provider = services.BuildServiceProvider();

        var statuses = await provider.GetRequiredService<IScreeningDatasetLoader>().RefreshAsync();

        statuses.Single().IsUsable.Should().BeTrue("a list named in SourcesAllowedEmpty may be empty, also when registered through DI");
    }

    private sealed class FixedProvider(ScreeningDatasetGeneration? generation) : IScreeningDatasetProvider
    {
        public ScreeningDatasetGeneration? Current => generation;

        public event EventHandler<DatasetChangedEventArgs>? DatasetChanged
        {
            add { }
            remove { }
        }

        public ValueTask<ScreeningDatasetGeneration> GetCurrentAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(generation ?? throw new InvalidOperationException("no generation"));
    }
}

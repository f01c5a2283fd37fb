using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VendorScreen.Tests.Audit;

/// <summary><c>AddMonitor</c> runs the monitor as a hosted service: a refresh that changes a list calls back per changed decision.</summary>
public sealed class MonitorHostingTests
{
    [Fact]
    public async Task AddMonitor_RefreshChangesAList_CallsBackWithTheChangedDecision()
    {
        var source = new SwitchableSource(AuditTestData.Blocklist("1"));
        var store = new InMemoryScreeningStore();
        var changes = new List<DecisionChange>();
        var services = new ServiceCollection();
        services.AddSingleton<IScreeningAuditStore>(store);
        services.AddSingleton<IDispositionStore>(store);
        services.AddVendorScreen(o => o.UseDefaultDataset = false)
            .AddSource(source)
            .AddMonitor(change => { lock (changes) { changes.Add(change); } }, user: "monitor");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var engine = provider.GetRequiredService<IScreeningEngine>();
        var loader = provider.GetRequiredService<IScreeningDatasetLoader>();
        await loader.RefreshAsync();
        await engine.WithAuditTrail(store, loader).ScreenBatchAsync([new PartyScreeningRequest("Umbrella Holdings") { Id = "SUP-2" }]);
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        source.Snapshot = AuditTestData.BlocklistWithoutUmbrella("2");
        await loader.RefreshAsync();
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        changes.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Subject = "id:SUP-2", Previous = (ScreeningDecision?)ScreeningDecision.Block });
        changes[0].Result.Decision.Should().Be(ScreeningDecision.Clear);
        changes[0].ListChanges.Should().ContainSingle().Which.Kind.Should().Be(ListChange.EntityRemoved);
    }
}

using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VendorScreen.Sources;

namespace VendorScreen.Tests.DependencyInjection;

public sealed class VendorScreenServiceCollectionExtensionsTests
{
    [Fact]
    public void AddVendorScreen_ArgValidation()
    {
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddVendorScreen())
            .Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => new ServiceCollection().AddVendorScreen((Action<ScreeningOptions>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("configure");
        FluentActions.Invoking(() => new ServiceCollection().AddVendorScreen(null!, _ => { }))
            .Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => new ServiceCollection().AddVendorScreen().AddSource((ISanctionListSource)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("source");
    }

    [Fact]
    public async Task AddVendorScreen_Default_ResolvesAThreadSafeSingletonThatScreens()
    {
        using var provider = Build(s => s.AddVendorScreen());

        var engine = provider.GetRequiredService<IScreeningEngine>();
        provider.GetRequiredService<IScreeningEngine>().Should().BeSameAs(engine);
        var result = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "HiLook" });

        result.Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task AddVendorScreen_Named_ResolvesKeyedEngineWithItsOwnOptions()
    {
        using var provider = Build(s =>
        {
            s.AddVendorScreen();
            s.AddVendorScreen("sanctions", o => o.Policy = "sanctions-only");
        });

        var named = provider.GetRequiredKeyedService<IScreeningEngine>("sanctions");
        var result = await named.ScreenAsync(ScreeningRequest.ForParty("Hikvision"));

        named.Should().NotBeSameAs(provider.GetRequiredService<IScreeningEngine>());
        result.Policy.Should().Be("sanctions-only");
        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public void AddVendorScreen_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        using var provider = Build(s => s.AddVendorScreen(o =>
        {
            o.MatchThreshold = 1.5;
            o.ReviewThreshold = 0.95;
            o.Policy = "unknown";
        }));

        var act = () => provider.GetRequiredService<IScreeningEngine>();

        act.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().HaveCount(2).And.Contain(f => f.Contains("MatchThreshold", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddVendorScreen_AddSource_IsScreened()
    {
        var snapshot = new ListSnapshot("erp", "1")
        {
            Entities = [new Entity("erp:1", EntityKind.Organization, "Contoso Optics") { Listings = [new Listing("erp-ban")] }],
            Lists = [new ListDefinition("erp-ban", "ERP bans", ListCategory.Custom)],
        };
        using var provider = Build(s => s.AddVendorScreen(o => o.UseDefaultDataset = false).AddSource(new InMemorySanctionListSource(snapshot)));

        var result = await provider.GetRequiredService<IScreeningEngine>().ScreenAsync(ScreeningRequest.ForParty("Contoso Optics"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.DatasetVersion.Should().Be("erp@1");
    }

    [Fact]
    public void AddVendorScreen_CalledTwice_RegistersOneProvider()
    {
        var services = new ServiceCollection();
        services.AddVendorScreen();
        services.AddVendorScreen();

        services.Count(d => d.ServiceType == typeof(IScreeningEngineProvider)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IScreeningEngine) && !d.IsKeyedService).Should().Be(1);
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

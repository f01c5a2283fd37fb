using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VendorScreen.Sources;

namespace VendorScreen.Tests.DependencyInjection;

/// <summary><c>AddVendorScreen(...).UseIndexSnapshot(path)</c> and the <c>IndexSnapshot</c> setting of the hosting package.</summary>
public sealed class UseIndexSnapshotTests : IDisposable
{
    private static readonly ListSnapshot Custom = new("acme-blocklist", "2026-01")
    {
        Entities = [new Entity("acme:1", EntityKind.Organization, "Zorblax Trading Company") { Listings = [new Listing("us-ofac-sdn")] }],
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("vendorscreen-di-vsidx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void UseIndexSnapshot_ArgValidation()
    {
        FluentActions.Invoking(() => ((IVendorScreenBuilder)null!).UseIndexSnapshot("x.vsidx"))
            .Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => new ServiceCollection().AddVendorScreen().UseIndexSnapshot(" "))
            .Should().Throw<ArgumentException>().WithParameterName("path");
    }

    [Fact]
    public async Task UseIndexSnapshot_ScreensTheStoredSourcesWithTheStoredIndex()
    {
        var path = WriteSnapshot();
        using var provider = Build(s => s.AddVendorScreen().UseIndexSnapshot(path));

        var engine = provider.GetRequiredService<IScreeningEngine>();
        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Zorblax Trading Co"));
        var loader = provider.GetRequiredService<IScreeningDatasetLoader>();

        result.Hits.Should().Contain(h => h.EntityId == "acme:1");
        loader.Status.Select(s => s.SourceName).Should().Equal("acme-blocklist");
        loader.Current!.State.Index.IsFromSnapshot.Should().BeTrue();
    }

    [Fact]
    public async Task UseIndexSnapshot_NamedEngine_OnlyThatEngineUsesTheFile()
    {
        var path = WriteSnapshot();
        using var provider = Build(s =>
        {
            s.AddVendorScreen();
            s.AddVendorScreen("stored", _ => { }).UseIndexSnapshot(path);
        });

        var stored = await provider.GetRequiredKeyedService<IScreeningDatasetLoader>("stored").GetCurrentAsync();
        var plain = await provider.GetRequiredService<IScreeningDatasetLoader>().GetCurrentAsync();

        stored.Sources.Select(s => s.SourceName).Should().Equal("acme-blocklist");
        plain.Sources.Select(s => s.SourceName).Should().Equal("default");
    }

    [Fact]
    public void UseIndexSnapshot_MissingFile_FailsNamingTheFileWhenTheEngineIsCreated()
    {
        var path = Path.Combine(_directory, "missing.vsidx");
        using var provider = Build(s => s.AddVendorScreen().UseIndexSnapshot(path));

        var resolve = () => provider.GetRequiredService<IScreeningEngine>();

        resolve.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain(path);
    }

    [Fact]
    public async Task AddVendorScreen_IndexSnapshotSetting_RelativeToTheContentRoot()
    {
        WriteSnapshot();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VendorScreen:IndexSnapshot"] = "lists.vsidx",
            ["VendorScreen:Refresh:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new ContentRoot(_directory));
        services.AddVendorScreen(configuration.GetSection("VendorScreen"));
        using var provider = services.BuildServiceProvider();

        var generation = await provider.GetRequiredService<IScreeningDatasetLoader>().GetCurrentAsync();

        provider.GetRequiredService<IOptionsMonitor<VendorScreenSourceOptions>>().Get(Options.DefaultName).IndexSnapshot
            .Should().Be(Path.Combine(_directory, "lists.vsidx"));
        generation.Sources.Select(s => s.SourceName).Should().Equal("acme-blocklist");
        generation.State.Index.IsFromSnapshot.Should().BeTrue();
    }

    [Fact]
    public void AddVendorScreen_EmptyIndexSnapshotSetting_NamesTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VendorScreen:IndexSnapshot"] = " ",
        }).Build();
        var services = new ServiceCollection();
        services.AddVendorScreen(configuration.GetSection("VendorScreen"));
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IOptionsMonitor<ScreeningOptions>>().Get(Options.DefaultName);

        resolve.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains("VendorScreen:IndexSnapshot: empty", StringComparison.Ordinal));
    }

    private string WriteSnapshot()
    {
        var path = Path.Combine(_directory, "lists.vsidx");
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(new InMemorySanctionListSource(Custom)).Build();
        engine.RefreshAsync().AsTask().GetAwaiter().GetResult();
        IndexSnapshotFile.Write(path, engine);
        return path;
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class ContentRoot(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "VendorScreen.Tests";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

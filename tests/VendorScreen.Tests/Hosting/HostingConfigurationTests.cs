using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VendorScreen.Tests.Hosting;

/// <summary>Binding of options and sources from configuration, with errors that name the setting.</summary>
public sealed class HostingConfigurationTests
{
    [Fact]
    public void AddVendorScreen_FromConfiguration_BindsOptionsAndRefresh()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["VendorScreen:Policy"] = "sanctions-only",
            ["VendorScreen:MatchThreshold"] = "0.95",
            ["VendorScreen:MaxSourceAge"] = "2.00:00:00",
            ["VendorScreen:SourcesAllowedEmpty:0"] = "optional",
            ["VendorScreen:Refresh:Interval"] = "01:30:00",
            ["VendorScreen:Refresh:WarmUpScreening"] = "false",
            ["VendorScreen:Health:DegradedAge"] = "12:00:00",
        });

        var options = provider.GetRequiredService<IOptionsMonitor<ScreeningOptions>>().Get(Options.DefaultName);
        var refresh = provider.GetRequiredService<IOptionsMonitor<VendorScreenRefreshOptions>>().Get(Options.DefaultName);

        options.Policy.Should().Be("sanctions-only");
        options.MatchThreshold.Should().Be(0.95);
        options.MaxSourceAge.Should().Be(TimeSpan.FromDays(2));
        options.SourcesAllowedEmpty.Should().Contain("optional");
        refresh.Interval.Should().Be(TimeSpan.FromMinutes(90));
        refresh.DegradedAge.Should().Be(TimeSpan.FromHours(12));
        refresh.WarmUpScreening.Should().BeFalse();
        new VendorScreenRefreshOptions().WarmUpScreening.Should().BeTrue();
    }

    [Theory]
    [InlineData("VendorScreen:CutNameLengths:0", "35", new[] { 35 })]
    [InlineData("VendorScreen:CutNameLengths", "none", new int[0])]
    [InlineData("VendorScreen:CutNameLengths", "", new int[0])]
    public void AddVendorScreen_CutNameLengthsConfigured_ReplaceTheDefaults(string key, string value, int[] expected)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });

        var options = provider.GetRequiredService<IOptionsMonitor<ScreeningOptions>>().Get(Options.DefaultName);

        options.CutNameLengths.Should().Equal(expected);
        new ScreeningOptions().CutNameLengths.Should().Equal(30, 35, 40, 50, 60);
    }

    [Theory]
    [InlineData("VendorScreen:CutNameLengths:0", "35 characters", "VendorScreen:CutNameLengths:0: \"35 characters\" is not a whole number of characters")]
    [InlineData("VendorScreen:CutNameLengths", "35", "VendorScreen:CutNameLengths: \"35\" is not a list of lengths")]
    [InlineData("VendorScreen:CutNameLengths:0", "1", "CutNameLengths (1) must hold lengths between 2 and 4096 characters")]
    public void AddVendorScreen_BadCutNameLengths_NamesTheSetting(string key, string value, string message)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });

        var resolve = () => provider.GetRequiredService<IOptionsMonitor<ScreeningOptions>>().Get(Options.DefaultName);

        resolve.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AddVendorScreen_BadConfiguration_NamesEveryProblemByPath()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["VendorScreen:MatchTreshold"] = "0.9",
            ["VendorScreen:MaxSourceAge"] = "two days",
            ["VendorScreen:Refresh:Jitter"] = "07:00:00",
            ["VendorScreen:Sources:0:Format"] = "no-such-format",
            ["VendorScreen:Sources:0:Path"] = "x.csv",
            ["VendorScreen:Sources:1:Format"] = "un-xml",
            ["VendorScreen:Sources:1:Url"] = "http://lists.example.org/un.xml",
            ["VendorScreen:Sources:2:Format"] = "custom-csv",
        });

        var resolve = () => provider.GetRequiredService<IOptionsMonitor<ScreeningOptions>>().Get(Options.DefaultName);

        var error = resolve.Should().Throw<OptionsValidationException>().Which;
        error.Failures.Should().Contain(f => f.Contains("VendorScreen:MatchTreshold: unknown setting", StringComparison.Ordinal));
        error.Failures.Should().Contain(f => f.Contains("VendorScreen:MaxSourceAge: \"two days\" is not a duration", StringComparison.Ordinal));
        error.Failures.Should().Contain(f => f.Contains("Refresh:Jitter", StringComparison.Ordinal));
        error.Failures.Should().Contain(f => f.Contains("VendorScreen:Sources:0:Format: unknown format \"no-such-format\"", StringComparison.Ordinal));
        error.Failures.Should().Contain(f => f.Contains("VendorScreen:Sources:1:Url", StringComparison.Ordinal) && f.Contains("https", StringComparison.Ordinal));
        error.Failures.Should().Contain(f => f.Contains("VendorScreen:Sources:2: set exactly one of Path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddVendorScreen_MissingListFile_IsUnusableNotFatal()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["VendorScreen:Sources:0:Name"] = "blocklist",
            ["VendorScreen:Sources:0:Format"] = "custom-csv",
            ["VendorScreen:Sources:0:Path"] = Path.Combine(Path.GetTempPath(), "vendorscreen-tests", Guid.NewGuid().ToString("N"), "missing.csv"),
        });

        var statuses = await provider.GetRequiredService<IScreeningDatasetLoader>().RefreshAsync();
        var result = await provider.GetRequiredService<IScreeningEngine>().ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        statuses.Single(s => s.SourceName == "blocklist").Should().Match<SourceStatus>(s => !s.IsUsable && s.Error!.Contains("no such file", StringComparison.Ordinal));
        result.Decision.Should().Be(ScreeningDecision.Incomplete);
    }

    [Fact]
    public void AddVendorScreen_UrlSource_UsesTheResilientClientAndNoOwnRetries()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["VendorScreen:CacheDirectory"] = Path.Combine(Path.GetTempPath(), "vendorscreen-tests", Guid.NewGuid().ToString("N")),
            ["VendorScreen:Sources:0:Name"] = "un",
            ["VendorScreen:Sources:0:Format"] = "un-xml",
            ["VendorScreen:Sources:0:Url"] = "https://lists.example.org/consolidated.xml",
        });

        var sources = provider.GetRequiredService<IOptionsMonitor<VendorScreenSourceOptions>>().Get(Options.DefaultName).Factories
            .Select(f => f(provider)).ToList();

        var remote = sources.OfType<VendorScreen.Sources.Remote.HttpSanctionListSource>().Single();
        remote.Name.Should().Be("un");
        remote.Options.MaxRetries.Should().Be(0, "the standard resilience handler of the host's client retries");
        remote.Options.Format.Should().Be("un-xml");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddVendorScreen(configuration.GetSection("VendorScreen"));
        return services.BuildServiceProvider();
    }
}

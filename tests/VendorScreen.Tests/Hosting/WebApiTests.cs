extern alias WebApiSample;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Tests.Sources.Remote;
using WebApiProgram = WebApiSample::Program;

namespace VendorScreen.Tests.Hosting;

/// <summary>The sample web API in process: warm-up at start, <c>POST /screen</c>, <c>/health</c> through a failed refresh and a stale list.</summary>
public sealed class WebApiTests
{
    private const string Blocklist = """
        id,name,kind,list
        B-1,Northwind Surveillance Trading Ltd,organization,own-blocklist
        B-2,Contoso Relabel Electronics,organization,own-blocklist

        """;

    [Fact]
    public async Task Start_WarmsUpServesScreenAndReportsHealthy()
    {
        using var folder = new TempFolder();
        await using var app = CreateApp(folder, new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        using var client = app.CreateClient();

        // The lists were loaded while the host started, before any request.
        var loader = app.Services.GetRequiredService<IScreeningDatasetLoader>();
        loader.Current.Should().NotBeNull();
        loader.Status.Select(s => s.SourceName).Should().BeEquivalentTo("default", "blocklist");

        var blocked = await ScreenAsync(client, new { name = "Hangzhou Hikvision Digital Technology Co., Ltd." });
        var listed = await ScreenAsync(client, new { name = "Northwind Surveillance Trading Ltd" });
        var clear = await ScreenAsync(client, new { name = "Unrelated Bakery Supplies" });
        var (status, health) = await HealthAsync(client);

        blocked.GetProperty("decision").GetString().Should().Be("block");
        listed.GetProperty("hits").EnumerateArray().Should().Contain(h => h.GetProperty("entityName").GetString() == "Northwind Surveillance Trading Ltd");
        clear.GetProperty("decision").GetString().Should().Be("clear");
        status.Should().Be(HttpStatusCode.OK);
        health.GetProperty("status").GetString().Should().Be("Healthy");
        loader.Current!.Number.Should().Be(1, "the warm-up loaded once and no screening loaded again");
    }

    [Fact]
    public async Task Screen_WithoutANameOrListing_IsABadRequest()
    {
        using var folder = new TempFolder();
        await using var app = CreateApp(folder, new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/screen", new { country = "CN" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FailedRefresh_IsDegraded_AndTheLastGoodListIsServed()
    {
        using var folder = new TempFolder();
        await using var app = CreateApp(folder, new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        using var client = app.CreateClient();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "blocklist.csv"), "this is not the list you are looking for\n");

        var statuses = await app.Services.GetRequiredService<IScreeningDatasetLoader>().RefreshAsync();
        var (status, health) = await HealthAsync(client);
        var listed = await ScreenAsync(client, new { name = "Northwind Surveillance Trading Ltd" });

        statuses.Single(s => s.SourceName == "blocklist").Should().Match<SourceStatus>(s => s.IsUsable && s.Error!.StartsWith("refresh failed", StringComparison.Ordinal));
        status.Should().Be(HttpStatusCode.OK);
        health.GetProperty("status").GetString().Should().Be("Degraded");
        health.GetProperty("checks").GetProperty("vendorscreen").GetProperty("description").GetString().Should().Contain("blocklist");
        listed.GetProperty("hits").EnumerateArray().Should().Contain(h => h.GetProperty("entityName").GetString() == "Northwind Surveillance Trading Ltd");
        listed.GetProperty("decision").GetString().Should().NotBe("incomplete");
    }

    [Fact]
    public async Task StaleSource_IsUnhealthy_AndResultsAreIncomplete()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = CreateApp(folder, clock);
        using var client = app.CreateClient();

        clock.Advance(TimeSpan.FromDays(2));
        var (status, health) = await HealthAsync(client);
        var result = await ScreenAsync(client, new { name = "Unrelated Bakery Supplies" });

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.GetProperty("status").GetString().Should().Be("Unhealthy");
        health.GetProperty("checks").GetProperty("vendorscreen").GetProperty("description").GetString().Should().Contain("blocklist: stale");
        result.GetProperty("decision").GetString().Should().Be("incomplete");
    }

    [Fact]
    public async Task BackgroundRefresh_RunsWhenTheIntervalPasses()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = CreateApp(folder, clock, interval: "01:00:00", jitter: "00:00:00");
        using var client = app.CreateClient();
        var loader = app.Services.GetRequiredService<IScreeningDatasetLoader>();
        var refreshed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        loader.DatasetChanged += (_, e) => refreshed.TrySetResult(e.Current.Number);

        // The refresh loop waits on the fake clock; advance it until the loop's timer has fired (it may not be armed yet).
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!refreshed.Task.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMinutes(61));
            await Task.WhenAny(refreshed.Task, Task.Delay(50, cancel.Token));
        }

        (await refreshed.Task).Should().Be(2);
    }

    private static WebApplicationFactory<WebApiProgram> CreateApp(TempFolder folder, FakeTimeProvider clock, string interval = "30.00:00:00", string jitter = "00:01:00")
    {
        File.WriteAllText(Path.Combine(folder.Path, "blocklist.csv"), Blocklist);
        File.SetLastWriteTimeUtc(Path.Combine(folder.Path, "blocklist.csv"), clock.GetUtcNow().UtcDateTime);
        return new WebApplicationFactory<WebApiProgram>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["VendorScreen:Sources:0:Name"] = "blocklist",
                ["VendorScreen:Sources:0:Format"] = "custom-csv",
                ["VendorScreen:Sources:0:Path"] = Path.Combine(folder.Path, "blocklist.csv"),
                ["VendorScreen:MaxSourceAge"] = "1.00:00:00",
                ["VendorScreen:SourceStateDirectory"] = folder.Path,
                ["VendorScreen:Refresh:Interval"] = interval,
                ["VendorScreen:Refresh:Jitter"] = jitter,
            }));
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
    }

    private static async Task<JsonElement> ScreenAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/screen", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}

using FluentAssertions;
using System.Text.Json;

namespace VendorScreen.Tests.Infrastructure;

/// <summary>Results as JSON without what differs between two screenings of the same request (when it ran, the sources' ages):
/// for tests that compare two ways of screening, explanations included.</summary>
internal static class ResultJson
{
    /// <summary>Writes a result without its screening time and sources.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON.</returns>
    public static string Of(ScreeningResult result) =>
        JsonSerializer.Serialize(result with { ScreenedAt = default, Sources = [] }, VendorScreenJsonContext.Default.ScreeningResult);

    /// <summary>Screens each request on its own, in turn.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests.</param>
    /// <returns>Each result as JSON (<see cref="Of"/>), in order.</returns>
    public static async Task<List<string>> ScreenEachAsync(ScreeningEngine engine, IReadOnlyList<ScreeningRequest> requests)
    {
        var results = new List<string>(requests.Count);
        foreach (var request in requests)
        {
            results.Add(Of(await engine.ScreenAsync(request)));
        }

        return results;
    }

    /// <summary>Screens the requests as one batch.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests.</param>
    /// <returns>Each result as JSON (<see cref="Of"/>), in order.</returns>
    public static async Task<List<string>> ScreenBatchAsync(ScreeningEngine engine, IReadOnlyList<ScreeningRequest> requests) =>
        (await engine.ScreenBatchAsync(requests)).Results.Select(Of).ToList();

    /// <summary>Screens the requests as a stream.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests.</param>
    /// <returns>Each result as JSON (<see cref="Of"/>), in order.</returns>
    public static async Task<List<string>> ScreenStreamAsync(ScreeningEngine engine, IReadOnlyList<ScreeningRequest> requests)
    {
        var results = new List<string>(requests.Count);
        await foreach (var result in engine.ScreenStreamAsync(requests))
        {
            results.Add(Of(result));
        }

        return results;
    }

    /// <summary>Screens every request at once, each on its own task of the thread pool, so that the pool is busy.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests.</param>
    /// <returns>Each result as JSON (<see cref="Of"/>), in the order of the requests.</returns>
    public static Task<string[]> ScreenAllAtOnceAsync(ScreeningEngine engine, IReadOnlyList<ScreeningRequest> requests) =>
        Task.WhenAll(requests.Select(r => Task.Run(async () => Of(await engine.ScreenAsync(r)))));

    /// <summary>Checks that screening the requests one at a time, as a batch and as a stream gives the results expected (those of
    /// another way of screening, which must block some of them).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests.</param>
    /// <param name="expected">The results expected, as JSON, in order.</param>
    /// <returns>The results screened one at a time, as JSON.</returns>
    public static async Task<List<string>> ShouldGiveEveryWayAsync(ScreeningEngine engine, IReadOnlyList<ScreeningRequest> requests, IReadOnlyList<string> expected)
    {
        var each = await ScreenEachAsync(engine, requests);
        var batch = await ScreenBatchAsync(engine, requests);
        var stream = await ScreenStreamAsync(engine, requests);

        each.Should().Equal(expected);
        batch.Should().Equal(expected);
        stream.Should().Equal(expected);
        expected.Should().Contain(r => r.Contains("\"decision\":\"Block\"", StringComparison.Ordinal), "some of the names are listed");
        return each;
    }
}

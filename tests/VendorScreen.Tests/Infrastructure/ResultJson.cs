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
}

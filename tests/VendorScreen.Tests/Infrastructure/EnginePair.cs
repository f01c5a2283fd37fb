using FluentAssertions;

namespace VendorScreen.Tests.Infrastructure;

/// <summary>Two engines on the embedded dataset, refreshed: one with the default options, and one with a way of sharing a
/// screening between threads switched off, for tests that compare the two ways of screening.</summary>
internal sealed class EnginePair : IDisposable
{
    private EnginePair(ScreeningEngine shared, ScreeningEngine oneThread) => (Shared, OneThread) = (shared, oneThread);

    /// <summary>Gets the engine with the default options.</summary>
    public ScreeningEngine Shared { get; }

    /// <summary>Gets the engine with the sharing switched off.</summary>
    public ScreeningEngine OneThread { get; }

    /// <summary>Builds and refreshes the two engines.</summary>
    /// <param name="oneThread">Switches the sharing off in the second engine's options.</param>
    /// <returns>The engines.</returns>
    public static async Task<EnginePair> StartAsync(Action<ScreeningOptions> oneThread)
    {
        var shared = new ScreeningEngineBuilder().Build();
        var alone = new ScreeningEngineBuilder().Configure(oneThread).Build();
        await shared.RefreshAsync();
        await alone.RefreshAsync();
        return new EnginePair(shared, alone);
    }

    /// <summary>Checks that the names, each screened several times and all at once (each on its own task of the thread pool, so
    /// that the pool is busy and helpers start late or not at all), give the results of the engine without sharing.</summary>
    /// <param name="names">The names screened.</param>
    /// <param name="times">How many times each name is screened.</param>
    /// <returns>A task.</returns>
    public async Task ShouldMatchWhenThePoolIsBusyAsync(IEnumerable<string> names, int times)
    {
        var requests = Enumerable.Range(0, times).SelectMany(_ => names).Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n)).ToList();
        var expected = await ResultJson.ScreenEachAsync(OneThread, requests);

        var results = await ResultJson.ScreenAllAtOnceAsync(Shared, requests);

        results.Should().Equal(expected);
    }

    public void Dispose()
    {
        Shared.Dispose();
        OneThread.Dispose();
    }
}

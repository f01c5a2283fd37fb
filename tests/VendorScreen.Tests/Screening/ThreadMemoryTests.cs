using System.Runtime.CompilerServices;
using FluentAssertions;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// Screening keeps work tables on each thread between screenings (memos of the bound, buffers of the look-up). They must not
/// keep the index they last served: a service's threads outlive its datasets, and an index left reachable from an idle thread
/// after a refresh or after its engine is disposed would stay in memory for as long as that thread did nothing.
/// </summary>
public sealed class ThreadMemoryTests
{
    [Fact]
    public void Screen_EngineDisposedAfterwards_ItsIndexIsNotKeptByTheThread()
    {
        // On a thread of its own, which then stays alive (as a thread-pool thread would) while the index is looked for.
        WeakReference? index = null;
        using var screened = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            index = ScreenAndDispose(["Hangzhou Hikvision Digital Technology", "Hikvison Digitl", "김정은", "Dahua Technolgy USA"]);
            screened.Set();
            release.Wait();
        });
        thread.Start();
        screened.Wait();

        for (var i = 0; i < 3 && index!.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var alive = index!.IsAlive;
        release.Set();
        thread.Join();
        alive.Should().BeFalse("the thread's work tables must not keep the index of an engine it no longer screens with");
    }

    /// <summary>Screens the names with an engine on the embedded dataset (its name forms on one thread), disposes it, and gives a
    /// weak reference to its index.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static WeakReference ScreenAndDispose(string[] names)
    {
        using var engine = new ScreeningEngineBuilder().Configure(o => o.ParallelNameForms = false).Build();
        engine.RefreshAsync().AsTask().GetAwaiter().GetResult();
        foreach (var name in names)
        {
            engine.ScreenAsync(ScreeningRequest.ForParty(name)).AsTask().GetAwaiter().GetResult();
        }

        return new WeakReference(engine.Datasets.Current!.State.Index);
    }
}

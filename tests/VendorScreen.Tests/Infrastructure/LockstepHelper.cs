namespace VendorScreen.Tests.Infrastructure;

/// <summary>A helper thread that works on each item in step with the test's thread: the two start together on an item (so
/// which of them takes what is theirs to race for), and the test goes on once both are done.</summary>
/// <typeparam name="T">What the helper works on.</typeparam>
internal sealed class LockstepHelper<T> : IDisposable
    where T : class
{
    private readonly Barrier _start = new(2);
    private readonly Thread _thread;
    private T? _next;

    /// <summary>Starts the helper's thread.</summary>
    /// <param name="work">What the helper does with each item.</param>
    public LockstepHelper(Action<T> work)
    {
        _thread = new Thread(() =>
        {
            while (true)
            {
                _start.SignalAndWait();
                if (Volatile.Read(ref _next) is not { } next)
                {
                    return;
                }

                work(next);
                _start.SignalAndWait();
            }
        })
        { IsBackground = true };
        _thread.Start();
    }

    /// <summary>Runs the helper's work on an item and the test's on this thread at the same time, and waits for both.</summary>
    /// <typeparam name="TResult">What the test's work gives.</typeparam>
    /// <param name="item">The item.</param>
    /// <param name="test">The test's work.</param>
    /// <returns>What the test's work gave.</returns>
    public TResult Race<TResult>(T item, Func<TResult> test)
    {
        Volatile.Write(ref _next, item);
        _start.SignalAndWait();
        var result = test();
        _start.SignalAndWait();
        return result;
    }

    public void Dispose()
    {
        // A test's work that threw leaves the helper one wait behind: it is a background thread, not waited for long, and the
        // barrier it may still wait on is then left to the collector.
        Volatile.Write(ref _next, null);
        if (_start.SignalAndWait(TimeSpan.FromSeconds(5)) && _thread.Join(TimeSpan.FromSeconds(5)))
        {
            _start.Dispose();
        }
    }
}

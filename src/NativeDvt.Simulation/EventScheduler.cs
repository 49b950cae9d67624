namespace NativeDvt.Simulation;

/// <summary>
/// Virtual time: actions run in order of their due time, and actions due at the same instant in
/// the order they were scheduled, so a run depends only on its inputs and seed.
/// </summary>
public sealed class EventScheduler
{
    private readonly PriorityQueue<Action, (TimeSpan Due, long Sequence)> _queue = new();
    private long _sequence;

    /// <summary>The current virtual time.</summary>
    public TimeSpan Now { get; private set; }

    /// <summary>How many actions have run.</summary>
    public long Executed { get; private set; }

    /// <summary>How many actions wait.</summary>
    public int Pending => _queue.Count;

    /// <summary>Runs <paramref name="action"/> at <paramref name="due"/> (now, if that is past).</summary>
    public void At(TimeSpan due, Action action) =>
        _queue.Enqueue(action, (due < Now ? Now : due, _sequence++));

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/>.</summary>
    public void After(TimeSpan delay, Action action) => At(Now + delay, action);

    /// <summary>Runs every action due up to and including <paramref name="end"/>, then sets the clock to it.</summary>
    public void RunUntil(TimeSpan end)
    {
        while (_queue.TryPeek(out var action, out var key) && key.Due <= end)
        {
            _queue.Dequeue();
            Now = key.Due;
            Executed++;
            action();
        }

        if (end > Now)
        {
            Now = end;
        }
    }
}

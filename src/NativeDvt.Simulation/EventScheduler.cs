namespace NativeDvt.Simulation;

/// <summary>
/// Virtual time: actions run in order of their due time, and actions due at the same instant in
/// the order they were scheduled, so a run depends only on its inputs and seed.
/// </summary>
/// <remarks>
/// Node work (<see cref="AtNodes"/>: delivery batches, node ticks) due at one instant and scheduled one after another
/// is handed together to <see cref="NodeWorkRunner"/>, which may run the work of different nodes at once; it must
/// leave shared state as running it entry by entry would.
/// </remarks>
public sealed class EventScheduler
{
    private readonly PriorityQueue<object, (TimeSpan Due, long Sequence)> _queue = new();
    private readonly List<object> _instant = [];
    private long _sequence;

    /// <summary>The current virtual time.</summary>
    public TimeSpan Now { get; private set; }

    /// <summary>How many actions have run.</summary>
    public long Executed { get; private set; }

    /// <summary>How many actions wait.</summary>
    public int Pending => _queue.Count;

    /// <summary>Runs consecutive node work entries of one instant; set by the network that schedules them.</summary>
    internal Action<List<object>>? NodeWorkRunner { get; set; }

    /// <summary>Runs <paramref name="action"/> at <paramref name="due"/> (now, if that is past).</summary>
    public void At(TimeSpan due, Action action) => Enqueue(due, action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/>.</summary>
    public void After(TimeSpan delay, Action action) => At(Now + delay, action);

    /// <summary>Runs <paramref name="work"/> (a <see cref="DeliveryBatch"/> or a <see cref="NodeTask"/>) at <paramref name="due"/> through <see cref="NodeWorkRunner"/>.</summary>
    internal void AtNodes(TimeSpan due, object work) => Enqueue(due, work);

    /// <summary>Runs every action due up to and including <paramref name="end"/>, then sets the clock to it.</summary>
    public void RunUntil(TimeSpan end)
    {
        while (_queue.TryPeek(out var entry, out var key) && key.Due <= end)
        {
            _queue.Dequeue();
            Now = key.Due;
            if (entry is Action action)
            {
                Executed++;
                action();
                continue;
            }

            // Entries scheduled meanwhile at this instant come after every entry already queued for it, so taking the
            // whole run of node work now and the rest later keeps the sequential order.
            _instant.Add(entry);
            while (_queue.TryPeek(out var next, out var nextKey) && nextKey.Due == key.Due && next is not Action)
            {
                _queue.Dequeue();
                _instant.Add(next);
            }

            Executed += _instant.Count;
            NodeWorkRunner!(_instant);
            _instant.Clear();
        }

        if (end > Now)
        {
            Now = end;
        }
    }

    private void Enqueue(TimeSpan due, object entry) => _queue.Enqueue(entry, (due < Now ? Now : due, _sequence++));
}

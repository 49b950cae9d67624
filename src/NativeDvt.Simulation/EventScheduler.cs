namespace NativeDvt.Simulation;

/// <summary>
/// Virtual time: actions run in order of their due time, and actions due at the same instant in
/// the order they were scheduled, so a run depends only on its inputs and seed.
/// </summary>
/// <remarks>
/// Delivery batches (<see cref="AtBatch"/>) due at one instant and scheduled one after another are handed together
/// to <see cref="BatchRunner"/>, which may run the work of different nodes at once; it must leave shared state as
/// running them one by one would.
/// </remarks>
public sealed class EventScheduler
{
    private readonly PriorityQueue<object, (TimeSpan Due, long Sequence)> _queue = new();
    private readonly List<DeliveryBatch> _instant = [];
    private long _sequence;

    /// <summary>The current virtual time.</summary>
    public TimeSpan Now { get; private set; }

    /// <summary>How many actions have run.</summary>
    public long Executed { get; private set; }

    /// <summary>How many actions wait.</summary>
    public int Pending => _queue.Count;

    /// <summary>Runs consecutive delivery batches of one instant; set by the network that schedules them.</summary>
    internal Action<List<DeliveryBatch>>? BatchRunner { get; set; }

    /// <summary>Runs <paramref name="action"/> at <paramref name="due"/> (now, if that is past).</summary>
    public void At(TimeSpan due, Action action) => Enqueue(due, action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/>.</summary>
    public void After(TimeSpan delay, Action action) => At(Now + delay, action);

    /// <summary>Delivers <paramref name="batch"/> at <paramref name="due"/> through <see cref="BatchRunner"/>.</summary>
    internal void AtBatch(TimeSpan due, DeliveryBatch batch) => Enqueue(due, batch);

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

            // Batches scheduled meanwhile at this instant come after every entry already queued for it, so taking the
            // whole run of batches now and the rest later keeps the sequential order.
            _instant.Add((DeliveryBatch)entry);
            while (_queue.TryPeek(out var next, out var nextKey) && nextKey.Due == key.Due && next is DeliveryBatch batch)
            {
                _queue.Dequeue();
                _instant.Add(batch);
            }

            Executed += _instant.Count;
            BatchRunner!(_instant);
            _instant.Clear();
        }

        if (end > Now)
        {
            Now = end;
        }
    }

    private void Enqueue(TimeSpan due, object entry) => _queue.Enqueue(entry, (due < Now ? Now : due, _sequence++));
}

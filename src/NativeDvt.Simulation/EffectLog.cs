namespace NativeDvt.Simulation;

/// <summary>
/// The side effects one node's handlers have on state shared by every node (publications, which draw from the
/// network's random stream and schedule deliveries; events; counters). Applied at once, except while the node's
/// deliveries run beside other nodes': then they are kept and replayed afterwards, one delivery after another in
/// the order a sequential run would have produced them.
/// </summary>
public sealed class EffectLog
{
    private readonly List<Action> _kept = [];

    /// <summary>True while effects are kept for replay.</summary>
    internal bool Deferring { get; set; }

    /// <summary>Effects kept so far.</summary>
    internal int Count => _kept.Count;

    /// <summary>Applies <paramref name="effect"/> now, or keeps it while deferring.</summary>
    public void Apply(Action effect)
    {
        if (Deferring)
        {
            _kept.Add(effect);
        }
        else
        {
            effect();
        }
    }

    /// <summary>Applies the kept effects [<paramref name="from"/>, <paramref name="to"/>).</summary>
    internal void Replay(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            _kept[i]();
        }
    }

    /// <summary>Forgets the kept effects once replayed.</summary>
    internal void Clear() => _kept.Clear();
}

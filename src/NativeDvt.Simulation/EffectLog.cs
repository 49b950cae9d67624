namespace NativeDvt.Simulation;

/// <summary>
/// The side effects one node's handlers have on state shared by every node (publications, which draw from the
/// network's random stream and schedule deliveries; events; counters). Applied at once, except while the node's
/// deliveries run beside other nodes': then they are kept, tagged with the delivery that made them, and replayed
/// afterwards, one delivery after another in the order a sequential run would have produced them.
/// </summary>
public sealed class EffectLog
{
    private readonly List<(int Step, Action Effect)> _kept = [];

    /// <summary>True while effects are kept for replay.</summary>
    internal bool Deferring { get; set; }

    /// <summary>The delivery (its place in the instant) whose effects are being kept.</summary>
    internal int Step { get; set; }

    /// <summary>Applies <paramref name="effect"/> now, or keeps it while deferring.</summary>
    public void Apply(Action effect)
    {
        if (Deferring)
        {
            _kept.Add((Step, effect));
        }
        else
        {
            effect();
        }
    }

    /// <summary>Moves the kept effects to <paramref name="into"/>, each with its step and its place in this log.</summary>
    internal void MoveKept(List<(int Step, int Order, Action Effect)> into)
    {
        for (var i = 0; i < _kept.Count; i++)
        {
            into.Add((_kept[i].Step, i, _kept[i].Effect));
        }

        _kept.Clear();
    }
}

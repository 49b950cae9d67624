namespace NativeDvt.Simulation;

/// <summary>Work of one node alone (its tick): one scheduler entry that may run beside other nodes' work of the same instant.</summary>
/// <param name="Node">The node's network id.</param>
/// <param name="Run">The work; its effects on shared state go through the node's <see cref="EffectLog"/>.</param>
internal sealed record NodeTask(int Node, Action Run);

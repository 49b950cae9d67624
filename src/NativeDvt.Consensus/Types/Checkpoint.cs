using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>Checkpoint { epoch, root }.</summary>
[SszContainer]
public sealed partial record Checkpoint(Epoch Epoch, Root Root)
{
    /// <summary>The zero checkpoint of genesis.</summary>
    public static Checkpoint Zero { get; } = new(Epoch.Zero, Root.Zero);
}

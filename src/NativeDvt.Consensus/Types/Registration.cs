using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>A new group's deposit: its member keys, threshold and amount (at least n x MIN_ACTIVATION_BALANCE).</summary>
public sealed partial record Registration(IReadOnlyList<Bytes> Pubkeys, ulong Threshold, Gwei Amount);

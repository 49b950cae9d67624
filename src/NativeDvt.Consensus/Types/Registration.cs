using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>A new group's deposit: its member keys, threshold and amount (at least n x MIN_ACTIVATION_BALANCE).</summary>
[SszContainer]
public sealed partial record Registration([SszField(Codec = nameof(ConsensusCodecs.PublicKeys))] IReadOnlyList<Bytes> Pubkeys, ulong Threshold, Gwei Amount);

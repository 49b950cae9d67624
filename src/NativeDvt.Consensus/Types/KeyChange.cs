using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A member key replaced from <see cref="Epoch"/> on. Kept in the group until
/// Epoch + ROTATION_SLASHABILITY_EPOCHS so that evidence signed with the old key still verifies.
/// </summary>
[SszContainer]
public sealed partial record KeyChange(ulong MemberIndex, [SszField(Codec = nameof(ConsensusCodecs.PublicKey))] Bytes OldPubkey, [SszField(Codec = nameof(ConsensusCodecs.PublicKey))] Bytes NewPubkey, Epoch Epoch);

using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A member key replaced from <see cref="Epoch"/> on. Kept in the group until
/// Epoch + ROTATION_SLASHABILITY_EPOCHS so that evidence signed with the old key still verifies.
/// </summary>
public sealed partial record KeyChange(ulong MemberIndex, Bytes OldPubkey, Bytes NewPubkey, Epoch Epoch);

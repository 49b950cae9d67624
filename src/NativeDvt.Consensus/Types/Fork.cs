using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>Fork { previous_version, current_version, epoch }.</summary>
[SszContainer]
public sealed partial record Fork(ForkVersion PreviousVersion, ForkVersion CurrentVersion, Epoch Epoch);

using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>Fork { previous_version, current_version, epoch }.</summary>
public sealed partial record Fork(ForkVersion PreviousVersion, ForkVersion CurrentVersion, Epoch Epoch);

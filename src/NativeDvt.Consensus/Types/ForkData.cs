using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>ForkData { current_version, genesis_validators_root }: hashed into every signing domain.</summary>
[SszContainer]
public sealed partial record ForkData(ForkVersion CurrentVersion, Root GenesisValidatorsRoot);

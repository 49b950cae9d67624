using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Types;

/// <summary>ForkData { current_version, genesis_validators_root }: hashed into every signing domain.</summary>
public sealed partial record ForkData(ForkVersion CurrentVersion, Root GenesisValidatorsRoot);

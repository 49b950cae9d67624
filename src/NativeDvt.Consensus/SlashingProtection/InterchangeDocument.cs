using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>An EIP-3076 interchange (format version 5). A key may appear in several entries.</summary>
public sealed record InterchangeDocument(Root GenesisValidatorsRoot, IReadOnlyList<InterchangeValidator> Validators);

using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>A block proposal signed (or imported as signed) by one key; the signing root may be unknown.</summary>
public sealed record SignedBlockRecord(Slot Slot, Root? SigningRoot);

using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>An attestation signed (or imported as signed) by one key; the signing root may be unknown.</summary>
public sealed record SignedAttestationRecord(Epoch SourceEpoch, Epoch TargetEpoch, Root? SigningRoot);

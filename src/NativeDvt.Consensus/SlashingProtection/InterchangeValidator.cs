namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>One <c>data</c> entry of an interchange: a key and what it signed.</summary>
public sealed record InterchangeValidator(
    byte[] Pubkey,
    IReadOnlyList<SignedBlockRecord> Blocks,
    IReadOnlyList<SignedAttestationRecord> Attestations);

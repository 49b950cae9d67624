namespace NativeDvt.Consensus.Ssz;

/// <summary>SSZ limits shared by every preset: the scheme-agnostic encodings of keys and signatures, and group sizes.</summary>
public static class SszLimits
{
    /// <summary>MAX_GROUP_SIZE: the limit of every per-member list and bitlist.</summary>
    public const int MaxGroupSize = 16;

    /// <summary>Public keys are ByteList[128]: BLS 48, Ed25519 32, XMSS (RFC 8391: OID, root, seed) 68.</summary>
    public const int MaxPublicKeyBytes = 128;

    /// <summary>Signatures are ByteList[4096]: BLS 96, Ed25519 64, a hash-based (XMSS-style) signature a few KiB.</summary>
    public const int MaxSignatureBytes = 4096;

    /// <summary>Key changes a group may hold at once.</summary>
    public const int MaxKeyChanges = 16;

    /// <summary>MAX_BYTES_PER_TRANSACTION: an opaque transaction is ByteList[2^20] (Bellatrix has 2^30; no devnet transaction comes near).</summary>
    public const int MaxBytesPerTransaction = 1 << 20;

    /// <summary>MAX_TRANSACTIONS_PER_PAYLOAD: the SSZ limit of a block's and an inclusion list's transaction list (Bellatrix has 2^20).</summary>
    public const int MaxTransactionsPerPayload = 1 << 14;
}

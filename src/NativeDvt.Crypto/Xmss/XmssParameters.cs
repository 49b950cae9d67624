namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// An XMSS parameter set over SHA-256 with n = 32 and w = 16 (RFC 8391 section 5.3): only the tree
/// height varies. The default is XMSS-SHA2_10_256 (2^10 = 1024 signatures per key).
/// </summary>
public sealed class XmssParameters
{
    /// <summary>Hash output and seed length n, in bytes.</summary>
    public const int N = 32;

    /// <summary>Winternitz parameter w.</summary>
    public const int W = 16;

    /// <summary>len_1 = ceil(8n / lg(w)): message digits of a WOTS+ signature.</summary>
    public const int Len1 = 64;

    /// <summary>len_2 = floor(lg(len_1 (w - 1)) / lg(w)) + 1: checksum digits.</summary>
    public const int Len2 = 3;

    /// <summary>len = len_1 + len_2: chains per WOTS+ key.</summary>
    public const int Len = Len1 + Len2;

    private XmssParameters(int height, uint oid, string name)
    {
        Height = height;
        Oid = oid;
        Name = name;
    }

    /// <summary>RFC 8391 XMSS-SHA2_10_256 (OID 0x00000001).</summary>
    public static XmssParameters Sha2_10_256 { get; } = new(10, 0x00000001, "XMSS-SHA2_10_256");

    /// <summary>RFC 8391 XMSS-SHA2_16_256 (OID 0x00000002); key generation is 64 times slower than at h = 10.</summary>
    public static XmssParameters Sha2_16_256 { get; } = new(16, 0x00000002, "XMSS-SHA2_16_256");

    /// <summary>Tree height h: a key signs at most 2^h messages.</summary>
    public int Height { get; }

    /// <summary>The RFC 8391 algorithm OID carried in the first 4 bytes of a public key.</summary>
    public uint Oid { get; }

    /// <summary>The RFC 8391 name of the parameter set.</summary>
    public string Name { get; }

    /// <summary>Number of one-time keys, 2^h.</summary>
    public int MaxSignatures => 1 << Height;

    /// <summary>Secret key: SK_SEED || SK_PRF || PUB_SEED (the one-time-key index lives in the state store).</summary>
    public static int SecretKeyLength => 3 * N;

    /// <summary>Public key: OID (4 bytes, big-endian) || root || PUB_SEED (RFC 8391 section 4.1.7).</summary>
    public static int PublicKeyLength => 4 + (2 * N);

    /// <summary>Signature: idx_sig (4 bytes) || r || WOTS+ signature (len n-byte values) || auth path (h values).</summary>
    public int SignatureLength => 4 + N + (Len * N) + (Height * N);

    /// <summary>
    /// A small tree for tests only (OID 0, which RFC 8391 reserves and no real key carries),
    /// so exhaustion and restart tests need not build 1024 leaves.
    /// </summary>
    internal static XmssParameters ForTests(int height) =>
        height is >= 1 and <= 8 ? new(height, 0, $"XMSS-SHA2_{height}_256-test") : throw new ArgumentOutOfRangeException(nameof(height));
}

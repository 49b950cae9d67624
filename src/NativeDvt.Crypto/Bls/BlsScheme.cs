using System.Security.Cryptography;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.HashToCurve;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls;

/// <summary>
/// Ethereum's BLS signatures: the IETF ciphersuite BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_ with
/// 32-byte big-endian secret keys, 48-byte compressed G1 public keys and 96-byte compressed G2
/// signatures, plus the consensus-spec rules (KeyValidate rejects infinity; eth_aggregate_pubkeys;
/// eth_fast_aggregate_verify accepts an empty key set with the infinity signature).
/// </summary>
public sealed partial class BlsScheme : IAggregatableScheme
{
    public const int SecretKeySize = SecretKey.Size;
    public const int PublicKeySize = G1.CompressedSize;
    public const int SignatureSize = G2.CompressedSize;

    /// <summary>The proof-of-possession ciphersuite's domain separation tag for signatures.</summary>
    public static ReadOnlySpan<byte> Dst => "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;

    private readonly BlsPublicKeyCache? _keys;

    /// <summary>The scheme; every public key is decoded and checked on each use.</summary>
    public BlsScheme()
    {
    }

    /// <summary>
    /// The scheme keeping the keys it has checked in <paramref name="keys"/> (a node's registry keys), so each is
    /// decompressed and subgroup-checked once.
    /// </summary>
    public BlsScheme(BlsPublicKeyCache keys) => _keys = keys;

    public string Name => "bls";

    /// <summary>SkToPk: [sk]G1, in constant time.</summary>
    public byte[] DerivePublicKey(ReadOnlySpan<byte> secretKey)
    {
        SecretKey.Validate(secretKey);
        var pk = ProjectivePoint<Fp>.MulConstantTime(G1.Generator, secretKey);
        return G1.Compress(pk.ToAffineBlinded(RandomNonZeroFp()));
    }

    /// <summary>Sign: [sk]·hash_to_G2(message), in constant time in the secret key (GLS with ψ).</summary>
    public byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message)
    {
        SecretKey.Validate(secretKey);
        var h = HashToG2.Hash(message, Dst).ToAffine();
        var signature = G2.MulConstantTime(h, secretKey);
        return G2.Compress(signature.ToAffineBlinded(new Fp2(RandomNonZeroFp(), RandomNonZeroFp())));
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!TryDecodePublicKey(publicKey, _keys, out var pk) || !TryDecodeSignature(signature, out var sig))
        {
            return false;
        }

        return VerifyPoints(pk, message, sig);
    }

    /// <summary>Aggregate: the sum of the signatures; every input must decode and lie in G2. Empty input throws.</summary>
    public byte[] Aggregate(IReadOnlyList<byte[]> signatures)
    {
        if (signatures.Count == 0)
        {
            throw new BlsException("aggregate: no signatures to aggregate");
        }

        // Decode up to the first undecodable signature, then check the decoded ones' subgroup together:
        // the first invalid signature is reported, as if each were checked in turn.
        var points = new AffinePoint<Fp2>[signatures.Count];
        var decoded = 0;
        while (decoded < signatures.Count && G2.TryDecompress(signatures[decoded], out points[decoded]))
        {
            decoded++;
        }

        var outside = G2.FirstOutsideSubgroup(points.AsSpan(0, decoded));
        if (outside >= 0 || decoded < signatures.Count)
        {
            throw new BlsException($"aggregate: signature {(outside >= 0 ? outside : decoded)} is not a valid compressed G2 point");
        }

        var sum = JacobianPoint<Fp2>.Infinity;
        foreach (var sig in points)
        {
            sum = JacobianPoint<Fp2>.AddMixed(sum, sig);
        }

        return G2.Compress(sum.ToAffine());
    }

    public bool FastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKeys.Count == 0 || !TryAggregatePublicKeys(publicKeys, _keys, out var aggregate) || !TryDecodeSignature(signature, out var sig))
        {
            return false;
        }

        return VerifyPoints(aggregate, message, sig);
    }

    public bool AggregateVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, ReadOnlySpan<byte> signature)
    {
        if (publicKeys.Count == 0 || publicKeys.Count != messages.Count || !TryDecodeSignature(signature, out var sig))
        {
            return false;
        }

        var ps = new AffinePoint<Fp>[publicKeys.Count + 1];
        var qs = new AffinePoint<Fp2>[publicKeys.Count + 1];
        for (var i = 0; i < publicKeys.Count; i++)
        {
            if (!TryDecodePublicKey(publicKeys[i], _keys, out ps[i]))
            {
                return false;
            }

            qs[i] = HashToG2.Hash(messages[i], Dst).ToAffine();
        }

        ps[^1] = AffinePoint<Fp>.Neg(G1.Generator);
        qs[^1] = sig;
        return Pairing.IsProductOne(ps, qs);
    }

    /// <summary>KeyValidate: the bytes decode to a G1 point in the subgroup that is not infinity.</summary>
    public static bool KeyValidate(ReadOnlySpan<byte> publicKey) => TryDecodePublicKey(publicKey, null, out _);

    /// <summary>True iff the bytes are a valid compressed G1 encoding of a subgroup point (infinity allowed).</summary>
    public static bool IsValidG1Encoding(ReadOnlySpan<byte> bytes) => G1.TryDecompress(bytes, out var p) && G1.IsInSubgroup(p);

    /// <summary>True iff the bytes are a valid compressed G2 encoding of a subgroup point (infinity allowed).</summary>
    public static bool IsValidG2Encoding(ReadOnlySpan<byte> bytes) => TryDecodeSignature(bytes, out _);

    /// <summary>eth_aggregate_pubkeys: the sum of the keys, each of which must pass KeyValidate. Empty input throws.</summary>
    public static byte[] EthAggregatePublicKeys(IReadOnlyList<byte[]> publicKeys)
    {
        if (publicKeys.Count == 0)
        {
            throw new BlsException("eth_aggregate_pubkeys: no public keys to aggregate");
        }

        if (!TryAggregatePublicKeys(publicKeys, null, out var aggregate))
        {
            throw new BlsException("eth_aggregate_pubkeys: a public key fails KeyValidate");
        }

        return G1.Compress(aggregate);
    }

    /// <summary>eth_fast_aggregate_verify: FastAggregateVerify, except that no keys with the infinity signature is valid.</summary>
    public static bool EthFastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKeys.Count == 0)
        {
            return signature.Length == SignatureSize && SerializationFlags.IsCanonicalInfinity(signature);
        }

        return new BlsScheme().FastAggregateVerify(publicKeys, message, signature);
    }

    private static bool VerifyPoints(in AffinePoint<Fp> pk, ReadOnlySpan<byte> message, in AffinePoint<Fp2> sig)
    {
        var h = HashToG2.Hash(message, Dst).ToAffine();
        return Pairing.IsProductOne([pk, AffinePoint<Fp>.Neg(G1.Generator)], [h, sig]);
    }

    private static bool TryDecodePublicKey(ReadOnlySpan<byte> bytes, BlsPublicKeyCache? keys, out AffinePoint<Fp> point)
    {
        if (keys is not null && keys.TryGet(bytes, out point))
        {
            return true;
        }

        if (!TryDecompressPublicKey(bytes, out point) || !G1.IsInSubgroup(point))
        {
            return false;
        }

        keys?.Add(bytes, point);
        return true;
    }

    /// <summary>A public key's decoding without its subgroup check: the infinity key is rejected.</summary>
    private static bool TryDecompressPublicKey(ReadOnlySpan<byte> bytes, out AffinePoint<Fp> point) =>
        G1.TryDecompress(bytes, out point) && !point.IsInfinity;

    private static bool TryDecodeSignature(ReadOnlySpan<byte> bytes, out AffinePoint<Fp2> point) =>
        G2.TryDecompress(bytes, out point) && G2.IsInSubgroup(point);

    private static bool TryAggregatePublicKeys(IReadOnlyList<byte[]> publicKeys, BlsPublicKeyCache? keys, out AffinePoint<Fp> aggregate)
    {
        aggregate = AffinePoint<Fp>.Infinity;
        var points = new AffinePoint<Fp>[publicKeys.Count];
        var uncheckedKeys = new List<int>(publicKeys.Count);
        for (var i = 0; i < points.Length; i++)
        {
            if (keys is not null && keys.TryGet(publicKeys[i], out points[i]))
            {
                continue;
            }

            if (!TryDecompressPublicKey(publicKeys[i], out points[i]))
            {
                return false;
            }

            uncheckedKeys.Add(i);
        }

        // The subgroup checks of the keys not yet checked, together (eight at a time in AVX-512 lanes when available).
        var fresh = uncheckedKeys.Count == points.Length ? points : [.. uncheckedKeys.Select(i => points[i])];
        if (G1.FirstOutsideSubgroup(fresh) >= 0)
        {
            return false;
        }

        foreach (var i in uncheckedKeys)
        {
            keys?.Add(publicKeys[i], points[i]);
        }

        var sum = JacobianPoint<Fp>.Infinity;
        foreach (var pk in points)
        {
            sum = JacobianPoint<Fp>.AddMixed(sum, pk);
        }

        aggregate = sum.ToAffine();
        return true;
    }

    /// <summary>A uniformly random non-zero field element (64 random bytes reduced mod p), used as a blind.</summary>
    private static Fp RandomNonZeroFp()
    {
        Span<byte> bytes = stackalloc byte[64];
        Fp value;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            value = Fp.FromWideBytes(bytes);
        }
        while (value.IsZero);
        return value;
    }

    /// <summary>A random non-zero 64-bit scalar for a random linear combination.</summary>
    private static ulong RandomScalar()
    {
        Span<byte> bytes = stackalloc byte[8];
        ulong value;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            value = BitConverter.ToUInt64(bytes);
        }
        while (value == 0);
        return value;
    }
}

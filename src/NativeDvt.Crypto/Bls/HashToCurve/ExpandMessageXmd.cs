using System.Security.Cryptography;

namespace NativeDvt.Crypto.Bls.HashToCurve;

/// <summary>RFC 9380 section 5.3.1 expand_message_xmd with SHA-256.</summary>
internal static class ExpandMessageXmd
{
    private const int HashSize = 32;

    /// <summary>SHA-256's input block size (r_in_bytes): the length of Z_pad.</summary>
    private const int BlockSize = 64;

    /// <summary>Prefix for hashing a DST longer than 255 bytes (section 5.3.3).</summary>
    private static readonly byte[] OversizePrefix = "H2C-OVERSIZE-DST-"u8.ToArray();

    /// <summary>The DST as used: hashed when longer than 255 bytes.</summary>
    public static byte[] EffectiveDst(ReadOnlySpan<byte> dst)
    {
        if (dst.Length <= 255)
        {
            return dst.ToArray();
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(OversizePrefix);
        sha.AppendData(dst);
        return sha.GetHashAndReset();
    }

    /// <summary>Fills <paramref name="output"/> (at most 255·32 bytes) with uniform bytes derived from msg and DST.</summary>
    public static void Expand(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, Span<byte> output)
    {
        var ell = (output.Length + HashSize - 1) / HashSize;
        if (ell > 255 || output.Length > ushort.MaxValue)
        {
            throw new ArgumentException("expand_message_xmd: requested length too large", nameof(output));
        }

        var dstPrime = DstPrime(dst);
        Span<byte> lengthBytes = [(byte)(output.Length >> 8), (byte)output.Length];

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(new byte[BlockSize]);
        sha.AppendData(message);
        sha.AppendData(lengthBytes);
        sha.AppendData([0]);
        sha.AppendData(dstPrime);
        Span<byte> b0 = stackalloc byte[HashSize];
        sha.GetHashAndReset(b0);

        Span<byte> bi = stackalloc byte[HashSize];
        Span<byte> mixed = stackalloc byte[HashSize];
        b0.CopyTo(mixed);
        for (var i = 1; i <= ell; i++)
        {
            if (i > 1)
            {
                for (var k = 0; k < HashSize; k++)
                {
                    mixed[k] = (byte)(b0[k] ^ bi[k]);
                }
            }

            sha.AppendData(mixed);
            sha.AppendData([(byte)i]);
            sha.AppendData(dstPrime);
            sha.GetHashAndReset(bi);
            var offset = (i - 1) * HashSize;
            bi[..Math.Min(HashSize, output.Length - offset)].CopyTo(output[offset..]);
        }
    }

    /// <summary>DST_prime = DST || I2OSP(len(DST), 1), after the oversize rule.</summary>
    public static byte[] DstPrime(ReadOnlySpan<byte> dst)
    {
        var effective = EffectiveDst(dst);
        var prime = new byte[effective.Length + 1];
        effective.CopyTo(prime, 0);
        prime[^1] = (byte)effective.Length;
        return prime;
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// The SHA-256 instantiation of RFC 8391 section 5.1 (n = 32): each function hashes
/// toByte(domain, 32) || KEY || M, the 32-byte domain prefix keeping F (0), H (1), H_msg (2) and
/// PRF (3) apart. F and PRF_keygen (4, NIST SP 800-208's WOTS+ secret-key derivation, which the RFC
/// leaves open) run eight chains at a time in <see cref="WotsChainsX8"/>.
/// </summary>
internal static class XmssHash
{
    private const int N = XmssParameters.N;

    // toByte(domain, 32) prefixes: the domain number sits in the last byte.
    private const byte HDomain = 1;
    private const byte HMsgDomain = 2;
    private const byte PrfDomain = 3;

    /// <summary>PRF(KEY, M) with a 32-byte M (an address or toByte(idx_sig, 32)).</summary>
    public static void Prf(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message32, Span<byte> output)
    {
        Span<byte> input = stackalloc byte[3 * N];
        WriteDomain(input, PrfDomain);
        key.CopyTo(input[N..]);
        message32.CopyTo(input[(2 * N)..]);
        SHA256.HashData(input, output);
    }

    /// <summary>H_msg(r || root || toByte(idx, 32), M): the digest a WOTS+ key signs.</summary>
    public static void HMsg(ReadOnlySpan<byte> r, ReadOnlySpan<byte> root, uint index, ReadOnlySpan<byte> message, Span<byte> output)
    {
        Span<byte> prefix = stackalloc byte[4 * N];
        WriteDomain(prefix, HMsgDomain);
        r.CopyTo(prefix[N..]);
        root.CopyTo(prefix[(2 * N)..]);
        WriteIndex(prefix[(3 * N)..], index);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        hash.AppendData(message);
        hash.GetHashAndReset(output);
    }

    /// <summary>RAND_HASH(LEFT, RIGHT, SEED, ADRS) of RFC 8391 section 4.1.4.</summary>
    public static void RandHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, ReadOnlySpan<byte> pubSeed, XmssAddress address, Span<byte> output)
    {
        Span<byte> prfInput = stackalloc byte[3 * N];
        WriteDomain(prfInput, PrfDomain);
        pubSeed.CopyTo(prfInput[N..]);
        var addressBytes = prfInput[(2 * N)..];

        // H input: toByte(1, 32) || KEY || (LEFT xor BM_0) || (RIGHT xor BM_1)
        Span<byte> hInput = stackalloc byte[4 * N];
        WriteDomain(hInput, HDomain);
        for (uint keyAndMask = 0; keyAndMask < 3; keyAndMask++)
        {
            address.KeyAndMask = keyAndMask;
            address.WriteTo(addressBytes);
            SHA256.HashData(prfInput, hInput.Slice((int)(keyAndMask + 1) * N, N));
        }

        Xor(hInput.Slice(2 * N, N), left);
        Xor(hInput.Slice(3 * N, N), right);
        SHA256.HashData(hInput, output);
    }

    /// <summary>toByte(index, 32).</summary>
    public static void WriteIndex(Span<byte> destination, uint index)
    {
        destination[..(N - 4)].Clear();
        BinaryPrimitives.WriteUInt32BigEndian(destination[(N - 4)..], index);
    }

    private static void WriteDomain(Span<byte> destination, byte domain)
    {
        destination[..(N - 1)].Clear();
        destination[N - 1] = domain;
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] ^= other[i];
        }
    }
}

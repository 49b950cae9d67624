using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace NativeDvt.Ssz;

/// <summary>
/// SHA-256 of many independent 64-byte inputs (sibling pairs of a tree level), eight at a time in the
/// lanes of 256-bit vectors. A one-shot library call per pair is dominated by call overhead; hashing
/// a level in lanes amortizes it. Falls back to <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
/// <remarks>FIPS 180-4 section 6.2. A 64-byte message is one data block plus one constant padding block.</remarks>
internal static class Sha256Pairs
{
    private const int Lanes = 8;

    // FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    // FIPS 180-4 5.3.3: the initial hash value.
    private static readonly uint[] InitialHash =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    // K[t] + W[t] for the padding block of a 64-byte message (0x80, zeros, bit length 512): constant.
    private static readonly uint[] PaddingScheduleWithK = ComputePaddingSchedule();

    /// <summary>True when the lane path is used.</summary>
    public static bool IsVectorized => Vector256.IsHardwareAccelerated;

    /// <summary>Hashes each 64-byte block of <paramref name="pairs"/> into the matching 32 bytes of <paramref name="roots"/>; they may overlap as a tree level reduced in place.</summary>
    public static void Hash(ReadOnlySpan<byte> pairs, Span<byte> roots)
    {
        var count = pairs.Length / 64;
        var done = 0;
        if (IsVectorized)
        {
            for (; done + Lanes <= count; done += Lanes)
            {
                HashEight(pairs.Slice(done * 64, Lanes * 64), roots.Slice(done * 32, Lanes * 32));
            }
        }

        Span<byte> digest = stackalloc byte[32];
        for (; done < count; done++)
        {
            SHA256.HashData(pairs.Slice(done * 64, 64), digest);
            digest.CopyTo(roots.Slice(done * 32, 32));
        }
    }

    /// <summary>Reads all 512 input bytes before writing any output, so in-place reduction is safe.</summary>
    private static void HashEight(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[16];
        Span<uint> lane = stackalloc uint[Lanes];
        for (var j = 0; j < 16; j++)
        {
            for (var l = 0; l < Lanes; l++)
            {
                lane[l] = BinaryPrimitives.ReadUInt32BigEndian(input.Slice((l * 64) + (j * 4), 4));
            }

            w[j] = Vector256.Create<uint>(lane);
        }

        Span<Vector256<uint>> h = stackalloc Vector256<uint>[8];
        for (var i = 0; i < 8; i++)
        {
            h[i] = Vector256.Create(InitialHash[i]);
        }

        CompressDataBlock(h, w);
        CompressPaddingBlock(h);

        for (var i = 0; i < 8; i++)
        {
            h[i].CopyTo(lane);
            for (var l = 0; l < Lanes; l++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(output.Slice((l * 32) + (i * 4), 4), lane[l]);
            }
        }
    }

    private static void CompressDataBlock(Span<Vector256<uint>> h, Span<Vector256<uint>> w)
    {
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
        for (var t = 0; t < 64; t++)
        {
            Vector256<uint> wt;
            if (t < 16)
            {
                wt = w[t];
            }
            else
            {
                var w2 = w[(t - 2) & 15];
                var w15 = w[(t - 15) & 15];
                wt = (Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10))
                    + w[(t - 7) & 15]
                    + (Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3))
                    + w[t & 15];
                w[t & 15] = wt;
            }

            Round(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref hh, wt + Vector256.Create(K[t]));
        }

        Add(h, a, b, c, d, e, f, g, hh);
    }

    private static void CompressPaddingBlock(Span<Vector256<uint>> h)
    {
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
        for (var t = 0; t < 64; t++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref hh, Vector256.Create(PaddingScheduleWithK[t]));
        }

        Add(h, a, b, c, d, e, f, g, hh);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(
        ref Vector256<uint> a, ref Vector256<uint> b, ref Vector256<uint> c, ref Vector256<uint> d,
        ref Vector256<uint> e, ref Vector256<uint> f, ref Vector256<uint> g, ref Vector256<uint> h,
        Vector256<uint> kw)
    {
        var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ Vector256.AndNot(g, e)) + kw;
        var t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }

    private static void Add(
        Span<Vector256<uint>> h,
        Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d,
        Vector256<uint> e, Vector256<uint> f, Vector256<uint> g, Vector256<uint> hh)
    {
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, int n) =>
        Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

    private static uint[] ComputePaddingSchedule()
    {
        var w = new uint[64];
        w[0] = 0x80000000;
        w[15] = 512;
        for (var t = 16; t < 64; t++)
        {
            var s0 = uint.RotateRight(w[t - 15], 7) ^ uint.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = uint.RotateRight(w[t - 2], 17) ^ uint.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = unchecked(w[t - 16] + s0 + w[t - 7] + s1);
        }

        for (var t = 0; t < 64; t++)
        {
            w[t] = unchecked(w[t] + K[t]);
        }

        return w;
    }
}

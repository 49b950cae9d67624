using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using NativeDvt.Sha2;

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
    private static readonly Vector256<uint>[] PaddingScheduleWithK = ComputePaddingSchedule();

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

        Span<Vector256<uint>> h = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Sha256x8.Initialize(h);
        Sha256x8.Compress(h, w);
        Sha256x8.CompressScheduled(h, PaddingScheduleWithK);

        for (var i = 0; i < 8; i++)
        {
            h[i].CopyTo(lane);
            for (var l = 0; l < Lanes; l++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(output.Slice((l * 32) + (i * 4), 4), lane[l]);
            }
        }
    }

    private static Vector256<uint>[] ComputePaddingSchedule()
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

        var schedule = new Vector256<uint>[64];
        for (var t = 0; t < 64; t++)
        {
            schedule[t] = Vector256.Create(unchecked(w[t] + Sha256x8.RoundConstants[t]));
        }

        return schedule;
    }
}

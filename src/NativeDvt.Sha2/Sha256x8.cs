using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NativeDvt.Sha2;

/// <summary>
/// The SHA-256 compression function (FIPS 180-4 section 6.2.2) on eight independent messages at
/// once, word-sliced: vector j holds word j of all eight lanes. WOTS+ chains are independent, so
/// eight run side by side in one AVX2 register set, and so do the pairs of a Merkle tree level; .NET exposes no SHA instructions to use instead.
/// </summary>
public static class Sha256x8
{
    /// <summary>Words in a SHA-256 state.</summary>
    public const int StateWords = 8;

    /// <summary>Words in a SHA-256 message block.</summary>
    public const int BlockWords = 16;

    // The initial hash value H(0): first 32 bits of the fractional parts of the square roots of the first 8 primes.
    private static readonly uint[] InitialState =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    // The round constants K: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    /// <summary>The 64 round constants K of FIPS 180-4, section 4.2.2.</summary>
    public static ReadOnlySpan<uint> RoundConstants => RoundConstantValues;

    private static readonly uint[] RoundConstantValues =
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

    /// <summary>Sets <paramref name="state"/> to H(0) in every lane.</summary>
    public static void Initialize(Span<Vector256<uint>> state)
    {
        for (var i = 0; i < StateWords; i++)
        {
            state[i] = Vector256.Create(InitialState[i]);
        }
    }

    /// <summary>Absorbs one 16-word block per lane into <paramref name="state"/>.</summary>
    [SkipLocalsInit]
    public static void Compress(Span<Vector256<uint>> state, ReadOnlySpan<Vector256<uint>> block)
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[64];
        block[..BlockWords].CopyTo(w);
        for (var t = BlockWords; t < 64; t++)
        {
            var w15 = w[t - 15];
            var w2 = w[t - 2];
            var sigma0 = Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3);
            var sigma1 = Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10);
            w[t] = w[t - 16] + sigma0 + w[t - 7] + sigma1;
        }

        // The constants are added only once every later word has been derived from the plain schedule.
        for (var t = 0; t < 64; t++)
        {
            w[t] += Vector256.Create(RoundConstantValues[t]);
        }

        Rounds(state, w);
    }

    /// <summary>
    /// Absorbs a block whose whole message schedule is already known, round constants added
    /// (W[t] + K[t], one vector per round): the padding block of a fixed-length input costs no schedule.
    /// </summary>
    public static void CompressScheduled(Span<Vector256<uint>> state, ReadOnlySpan<Vector256<uint>> scheduleWithConstants) =>
        Rounds(state, scheduleWithConstants);

    /// <summary>The 64 rounds and the final addition, given W[t] + K[t] for every round.</summary>
    private static void Rounds(Span<Vector256<uint>> state, ReadOnlySpan<Vector256<uint>> scheduleWithConstants)
    {
        var a = state[0];
        var b = state[1];
        var c = state[2];
        var d = state[3];
        var e = state[4];
        var f = state[5];
        var g = state[6];
        var h = state[7];
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + (g ^ (e & (f ^ g))) + scheduleWithConstants[t];
            var t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) | (c & (a | b)));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] int n) =>
        Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);
}

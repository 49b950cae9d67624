using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NativeDvt.Consensus.Shuffling;

/// <summary>
/// The spec's swap-or-not shuffle: <see cref="ComputeShuffledIndex"/> for one index and
/// <see cref="ShuffleList"/> for a whole list with identical results.
/// </summary>
/// <remarks>Spec: phase0 beacon-chain, compute_shuffled_index.</remarks>
public static class SwapOrNot
{
    private const int SeedLength = 32;

    /// <summary>compute_shuffled_index(index, index_count, seed) with <paramref name="rounds"/> rounds.</summary>
    public static ulong ComputeShuffledIndex(ulong index, ulong indexCount, ReadOnlySpan<byte> seed, int rounds)
    {
        if (index >= indexCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "index must be below index_count");
        }

        Span<byte> pivotInput = stackalloc byte[SeedLength + 1];
        Span<byte> sourceInput = stackalloc byte[SeedLength + 1 + 4];
        Span<byte> digest = stackalloc byte[32];
        seed[..SeedLength].CopyTo(pivotInput);
        seed[..SeedLength].CopyTo(sourceInput);
        for (var round = 0; round < rounds; round++)
        {
            pivotInput[SeedLength] = (byte)round;
            SHA256.HashData(pivotInput, digest);
            var pivot = BinaryPrimitives.ReadUInt64LittleEndian(digest) % indexCount;
            var flip = (pivot + (indexCount - index)) % indexCount;
            var position = Math.Max(index, flip);
            sourceInput[SeedLength] = (byte)round;
            BinaryPrimitives.WriteUInt32LittleEndian(sourceInput[(SeedLength + 1)..], (uint)(position / 256));
            SHA256.HashData(sourceInput, digest);
            var bit = (digest[(int)(position % 256 / 8)] >> (int)(position % 8)) & 1;
            if (bit == 1)
            {
                index = flip;
            }
        }

        return index;
    }

    /// <summary>
    /// Permutes <paramref name="values"/> in place so that afterwards
    /// values[i] = original[compute_shuffled_index(i, count, seed)]: O(count x rounds), one hash per 256 positions.
    /// </summary>
    /// <remarks>
    /// Each round is an involution pairing i with pivot - i (mod count), swapped when the bit of the larger
    /// position is set; applying the rounds to the array in reverse order composes them as the index form does.
    /// </remarks>
    public static void ShuffleList<T>(Span<T> values, ReadOnlySpan<byte> seed, int rounds)
    {
        var count = values.Length;
        if (count <= 1)
        {
            return;
        }

        Span<byte> pivotInput = stackalloc byte[SeedLength + 1];
        Span<byte> sourceInput = stackalloc byte[SeedLength + 1 + 4];
        Span<byte> pivotDigest = stackalloc byte[32];
        Span<byte> source = stackalloc byte[32];
        seed[..SeedLength].CopyTo(pivotInput);
        seed[..SeedLength].CopyTo(sourceInput);
        for (var round = rounds - 1; round >= 0; round--)
        {
            pivotInput[SeedLength] = (byte)round;
            sourceInput[SeedLength] = (byte)round;
            SHA256.HashData(pivotInput, pivotDigest);
            var pivot = (int)(BinaryPrimitives.ReadUInt64LittleEndian(pivotDigest) % (ulong)count);
            var block = -1;

            // Pairs (i, pivot - i) for i below the mirror point; the larger position is pivot - i.
            for (int i = 0, j = pivot; i < j; i++, j--)
            {
                SwapIfBitSet(values, i, j, ref block, sourceInput, source);
            }

            // Pairs (i, pivot + count - i) above the pivot; the larger position is pivot + count - i.
            for (int i = pivot + 1, j = count - 1; i < j; i++, j--)
            {
                SwapIfBitSet(values, i, j, ref block, sourceInput, source);
            }
        }
    }

    private static void SwapIfBitSet<T>(Span<T> values, int i, int j, ref int block, Span<byte> sourceInput, Span<byte> source)
    {
        var wanted = j >> 8;
        if (wanted != block)
        {
            block = wanted;
            BinaryPrimitives.WriteUInt32LittleEndian(sourceInput[(SeedLength + 1)..], (uint)wanted);
            SHA256.HashData(sourceInput, source);
        }

        if (((source[(j & 0xff) >> 3] >> (j & 7)) & 1) == 1)
        {
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}

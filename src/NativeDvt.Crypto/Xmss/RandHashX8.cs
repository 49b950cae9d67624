using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NativeDvt.Sha2;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// RAND_HASH (RFC 8391 section 4.1.4) on up to eight sibling pairs of one tree level at once:
/// KEY and both bitmasks from PRF(SEED, ADRS[km = 0, 1, 2]), then
/// H = SHA-256(toByte(1, 32) || KEY || (LEFT xor BM_0) || (RIGHT xor BM_1)).
/// </summary>
internal static class RandHashX8
{
    /// <summary>Pairs hashed at once.</summary>
    public const int Lanes = SlicedBlocks.Lanes;

    private const int Words = SlicedBlocks.Words;
    private const int N = XmssParameters.N;
    private const uint HDomain = 1;
    private const uint PrfDomain = 3;

    /// <summary>
    /// Hashes pair i (for i &lt; <paramref name="lanes"/>), LEFT = pairs[64 i ..] and RIGHT =
    /// pairs[64 i + 32 ..], under the address (type, word4, treeHeight, firstIndex + i), into
    /// outputs[32 i ..]. Outputs may overlap the pairs: all inputs are read first.
    /// </summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> pubSeed, uint type, uint word4, uint treeHeight, uint firstIndex, int lanes, ReadOnlySpan<byte> pairs, Span<byte> outputs)
    {
        Span<Vector256<uint>> left = stackalloc Vector256<uint>[Words];
        Span<Vector256<uint>> right = stackalloc Vector256<uint>[Words];
        SlicedBlocks.Load(pairs, lanes, 2 * N, 0, left);
        SlicedBlocks.Load(pairs, lanes, 2 * N, N, right);

        Span<Vector256<uint>> block = stackalloc Vector256<uint>[Sha256x8.BlockWords];
        Span<Vector256<uint>> prfMidstate = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Sha256x8.Initialize(prfMidstate);
        SlicedBlocks.DomainAndKey(block, PrfDomain, pubSeed);
        Sha256x8.Compress(prfMidstate, block);

        var word4Vector = Vector256.Create(word4);
        var heightVector = Vector256.Create(treeHeight);
        var indexVector = SlicedBlocks.Consecutive(firstIndex);
        Span<Vector256<uint>> key = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> mask0 = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> mask1 = stackalloc Vector256<uint>[Sha256x8.StateWords];
        SlicedBlocks.Padding(block[Words..], SlicedBlocks.ThreeValuesInBits);
        Prf(prfMidstate, block, type, word4Vector, heightVector, indexVector, 0, key);
        Prf(prfMidstate, block, type, word4Vector, heightVector, indexVector, 1, mask0);
        Prf(prfMidstate, block, type, word4Vector, heightVector, indexVector, 2, mask1);

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Sha256x8.Initialize(state);
        block[..Words].Clear();
        block[Words - 1] = Vector256.Create(HDomain);
        key.CopyTo(block[Words..]);
        Sha256x8.Compress(state, block);
        for (var j = 0; j < Words; j++)
        {
            block[j] = left[j] ^ mask0[j];
            block[Words + j] = right[j] ^ mask1[j];
        }

        Sha256x8.Compress(state, block);
        SlicedBlocks.PaddingBlock(block, SlicedBlocks.FourValuesInBits);
        Sha256x8.Compress(state, block);

        SlicedBlocks.Store(state, lanes, outputs);
    }

    // PRF(SEED, ADRS) from the midstate of toByte(3, 32) || SEED; block's second half already holds the padding.
    private static void Prf(ReadOnlySpan<Vector256<uint>> midstate, Span<Vector256<uint>> block, uint type, Vector256<uint> word4, Vector256<uint> height, Vector256<uint> index, uint keyAndMask, Span<Vector256<uint>> output)
    {
        midstate.CopyTo(output);
        SlicedBlocks.Address(block, type, word4, height, index, keyAndMask);
        Sha256x8.Compress(output, block);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NativeDvt.Sha2;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// RFC 8391 chain() for up to eight WOTS+ chains side by side on <see cref="Sha256x8"/>: each step
/// is F(PRF(SEED, ADRS[km=0]), X xor PRF(SEED, ADRS[km=1])), with the fixed first block of every
/// PRF (toByte(3, 32) || PUB_SEED) hashed once.
/// </summary>
internal static class WotsChainsX8
{
    /// <summary>Chains run at once.</summary>
    public const int Lanes = SlicedBlocks.Lanes;

    private const int Words = SlicedBlocks.Words;
    private const uint OtsType = 0;

    // toByte(domain, 32) domain numbers (see XmssHash).
    private const uint PrfDomain = 3;
    private const uint PrfKeygenDomain = 4;

    /// <summary>
    /// Runs lane i (for i &lt; <paramref name="lanes"/>) on the OTS address (leaf, chains[i]) from
    /// step starts[i] for steps[i] steps, in place on values[32 i .. 32 i + 32]. With a non-empty
    /// <paramref name="skSeed"/>, each lane first sets its value to the chain's secret start,
    /// PRF_keygen(SK_SEED, PUB_SEED || ADRS).
    /// </summary>
    [SkipLocalsInit]
    public static void Run(
        ReadOnlySpan<byte> skSeed,
        ReadOnlySpan<byte> pubSeed,
        uint leaf,
        int lanes,
        ReadOnlySpan<uint> chains,
        ReadOnlySpan<int> starts,
        ReadOnlySpan<int> steps,
        Span<byte> values)
    {
        var leafWord = Vector256.Create(leaf);
        var chainWord = SlicedBlocks.PerLane(chains, lanes);

        Span<Vector256<uint>> value = stackalloc Vector256<uint>[Words];
        if (skSeed.IsEmpty)
        {
            SlicedBlocks.Load(values, lanes, XmssParameters.N, 0, value);
        }
        else
        {
            DeriveSecrets(skSeed, pubSeed, leafWord, chainWord, value);
        }

        Span<Vector256<uint>> prfMidstate = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> block = stackalloc Vector256<uint>[Sha256x8.BlockWords];
        Sha256x8.Initialize(prfMidstate);
        SlicedBlocks.DomainAndKey(block, PrfDomain, pubSeed);
        Sha256x8.Compress(prfMidstate, block);

        var first = int.MaxValue;
        var last = 0;
        for (var i = 0; i < lanes; i++)
        {
            first = Math.Min(first, starts[i]);
            last = Math.Max(last, starts[i] + steps[i]);
        }

        Span<uint> activeLanes = stackalloc uint[Lanes];
        Span<Vector256<uint>> key = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> mask = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[Sha256x8.StateWords];
        for (var step = first; step < last; step++)
        {
            for (var i = 0; i < Lanes; i++)
            {
                activeLanes[i] = i < lanes && step >= starts[i] && step < starts[i] + steps[i] ? uint.MaxValue : 0;
            }

            var active = Vector256.Create<uint>(activeLanes);
            var hashAddress = Vector256.Create((uint)step);

            // KEY = PRF(SEED, ADRS with keyAndMask 0), BM = PRF(SEED, ADRS with keyAndMask 1).
            prfMidstate.CopyTo(key);
            SlicedBlocks.Address(block, OtsType, leafWord, chainWord, hashAddress, 0);
            SlicedBlocks.Padding(block[Words..], SlicedBlocks.ThreeValuesInBits);
            Sha256x8.Compress(key, block);
            prfMidstate.CopyTo(mask);
            SlicedBlocks.Address(block, OtsType, leafWord, chainWord, hashAddress, 1);
            Sha256x8.Compress(mask, block);

            // F(KEY, X xor BM) = SHA-256(toByte(0, 32) || KEY || (X xor BM)): two blocks.
            Sha256x8.Initialize(state);
            block[..Words].Clear();
            key.CopyTo(block[Words..]);
            Sha256x8.Compress(state, block);
            for (var j = 0; j < Words; j++)
            {
                block[j] = value[j] ^ mask[j];
            }

            SlicedBlocks.Padding(block[Words..], SlicedBlocks.ThreeValuesInBits);
            Sha256x8.Compress(state, block);

            for (var j = 0; j < Words; j++)
            {
                value[j] = Vector256.ConditionalSelect(active, state[j], value[j]);
            }
        }

        SlicedBlocks.Store(value, lanes, values);
    }

    // PRF_keygen(SK_SEED, PUB_SEED || ADRS) = SHA-256(toByte(4, 32) || SK_SEED || PUB_SEED || ADRS): three blocks.
    private static void DeriveSecrets(ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, Vector256<uint> leafWord, Vector256<uint> chainWord, Span<Vector256<uint>> value)
    {
        Span<Vector256<uint>> block = stackalloc Vector256<uint>[Sha256x8.BlockWords];
        Sha256x8.Initialize(value);
        SlicedBlocks.DomainAndKey(block, PrfKeygenDomain, skSeed);
        Sha256x8.Compress(value, block);

        SlicedBlocks.Broadcast(pubSeed, block);
        SlicedBlocks.Address(block[Words..], OtsType, leafWord, chainWord, Vector256<uint>.Zero, 0);
        Sha256x8.Compress(value, block);

        SlicedBlocks.PaddingBlock(block, SlicedBlocks.FourValuesInBits);
        Sha256x8.Compress(value, block);
    }
}

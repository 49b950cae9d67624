using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// RFC 8391 chain() for up to eight WOTS+ chains side by side on <see cref="Sha256x8"/>: each step
/// is F(PRF(SEED, ADRS[km=0]), X xor PRF(SEED, ADRS[km=1])) with the SHA-256 padding laid out by
/// hand, and the fixed first block of every PRF (toByte(3, 32) || PUB_SEED) hashed once.
/// </summary>
internal static class WotsChainsX8
{
    /// <summary>Chains run at once.</summary>
    public const int Lanes = 8;

    private const int N = XmssParameters.N;
    private const int Words = N / 4;

    // SHA-256 padding: the 1 bit after the message, and message lengths in bits.
    private const uint EndMarker = 0x80000000;
    private const uint ThreeBlocksOfN = 3 * N * 8;
    private const uint FourBlocksOfN = 4 * N * 8;

    // toByte(domain, 32) domain numbers (see XmssHash).
    private const uint PrfDomain = 3;
    private const uint PrfKeygenDomain = 4;

    /// <summary>
    /// Runs lane i (for i &lt; <paramref name="lanes"/>) on the OTS address (leaves[i], chains[i]) from
    /// step starts[i] for steps[i] steps, in place on values[32 i .. 32 i + 32]. With a non-empty
    /// <paramref name="skSeed"/>, each lane first sets its value to the chain's secret start,
    /// PRF_keygen(SK_SEED, PUB_SEED || ADRS).
    /// </summary>
    [SkipLocalsInit]
    public static void Run(
        ReadOnlySpan<byte> skSeed,
        ReadOnlySpan<byte> pubSeed,
        int lanes,
        ReadOnlySpan<uint> leaves,
        ReadOnlySpan<uint> chains,
        ReadOnlySpan<int> starts,
        ReadOnlySpan<int> steps,
        Span<byte> values)
    {
        Span<uint> scratch = stackalloc uint[Lanes];
        var leafWord = LaneVector(leaves, lanes, scratch);
        var chainWord = LaneVector(chains, lanes, scratch);

        Span<Vector256<uint>> value = stackalloc Vector256<uint>[Words];
        if (skSeed.IsEmpty)
        {
            Load(values, lanes, value);
        }
        else
        {
            DeriveSecrets(skSeed, pubSeed, leafWord, chainWord, value);
        }

        Span<Vector256<uint>> prfMidstate = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> block = stackalloc Vector256<uint>[Sha256x8.BlockWords];
        Sha256x8.Initialize(prfMidstate);
        DomainAndSeed(block, PrfDomain, pubSeed);
        Sha256x8.Compress(prfMidstate, block);

        var first = int.MaxValue;
        var last = 0;
        for (var i = 0; i < lanes; i++)
        {
            first = Math.Min(first, starts[i]);
            last = Math.Max(last, starts[i] + steps[i]);
        }

        Span<Vector256<uint>> key = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> mask = stackalloc Vector256<uint>[Sha256x8.StateWords];
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[Sha256x8.StateWords];
        for (var step = first; step < last; step++)
        {
            for (var i = 0; i < Lanes; i++)
            {
                scratch[i] = i < lanes && step >= starts[i] && step < starts[i] + steps[i] ? uint.MaxValue : 0;
            }

            var active = Vector256.Create<uint>(scratch);
            var hashAddress = Vector256.Create((uint)step);

            // KEY = PRF(SEED, ADRS with keyAndMask 0), BM = PRF(SEED, ADRS with keyAndMask 1).
            prfMidstate.CopyTo(key);
            AddressBlock(block, leafWord, chainWord, hashAddress, 0);
            Sha256x8.Compress(key, block);
            prfMidstate.CopyTo(mask);
            AddressBlock(block, leafWord, chainWord, hashAddress, 1);
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

            Padding(block[Words..], ThreeBlocksOfN);
            Sha256x8.Compress(state, block);

            for (var j = 0; j < Words; j++)
            {
                value[j] = Vector256.ConditionalSelect(active, state[j], value[j]);
            }
        }

        Store(value, lanes, values);
    }

    // PRF_keygen(SK_SEED, PUB_SEED || ADRS) = SHA-256(toByte(4, 32) || SK_SEED || PUB_SEED || ADRS): three blocks.
    private static void DeriveSecrets(ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, Vector256<uint> leafWord, Vector256<uint> chainWord, Span<Vector256<uint>> value)
    {
        Span<Vector256<uint>> block = stackalloc Vector256<uint>[Sha256x8.BlockWords];
        Sha256x8.Initialize(value);
        DomainAndSeed(block, PrfKeygenDomain, skSeed);
        Sha256x8.Compress(value, block);

        for (var j = 0; j < Words; j++)
        {
            block[j] = Vector256.Create(BinaryPrimitives.ReadUInt32BigEndian(pubSeed[(4 * j)..]));
        }

        Address(block[Words..], leafWord, chainWord, Vector256<uint>.Zero, 0);
        Sha256x8.Compress(value, block);

        block.Clear();
        block[0] = Vector256.Create(EndMarker);
        block[Sha256x8.BlockWords - 1] = Vector256.Create(FourBlocksOfN);
        Sha256x8.Compress(value, block);
    }

    // toByte(domain, 32) || a 32-byte key, the same in every lane.
    private static void DomainAndSeed(Span<Vector256<uint>> block, uint domain, ReadOnlySpan<byte> seed)
    {
        block[..Words].Clear();
        block[Words - 1] = Vector256.Create(domain);
        for (var j = 0; j < Words; j++)
        {
            block[Words + j] = Vector256.Create(BinaryPrimitives.ReadUInt32BigEndian(seed[(4 * j)..]));
        }
    }

    // The second PRF block: ADRS then the padding of a 96-byte message.
    private static void AddressBlock(Span<Vector256<uint>> block, Vector256<uint> leafWord, Vector256<uint> chainWord, Vector256<uint> hashAddress, uint keyAndMask)
    {
        Address(block[..Words], leafWord, chainWord, hashAddress, keyAndMask);
        Padding(block[Words..], ThreeBlocksOfN);
    }

    // An OTS address (RFC 8391 section 2.5): layer, tree (two words) and type are 0.
    private static void Address(Span<Vector256<uint>> words, Vector256<uint> leafWord, Vector256<uint> chainWord, Vector256<uint> hashAddress, uint keyAndMask)
    {
        words[..4].Clear();
        words[4] = leafWord;
        words[5] = chainWord;
        words[6] = hashAddress;
        words[7] = Vector256.Create(keyAndMask);
    }

    // The last 32 bytes of a final block: end marker, zeros, 64-bit message length in bits.
    private static void Padding(Span<Vector256<uint>> words, uint lengthInBits)
    {
        words.Clear();
        words[0] = Vector256.Create(EndMarker);
        words[Words - 1] = Vector256.Create(lengthInBits);
    }

    private static Vector256<uint> LaneVector(ReadOnlySpan<uint> perLane, int lanes, Span<uint> scratch)
    {
        scratch.Clear();
        perLane[..lanes].CopyTo(scratch);
        return Vector256.Create<uint>(scratch);
    }

    private static void Load(ReadOnlySpan<byte> values, int lanes, Span<Vector256<uint>> value)
    {
        Span<uint> lane = stackalloc uint[Lanes];
        for (var j = 0; j < Words; j++)
        {
            lane.Clear();
            for (var i = 0; i < lanes; i++)
            {
                lane[i] = BinaryPrimitives.ReadUInt32BigEndian(values[((i * N) + (4 * j))..]);
            }

            value[j] = Vector256.Create<uint>(lane);
        }
    }

    private static void Store(ReadOnlySpan<Vector256<uint>> value, int lanes, Span<byte> values)
    {
        for (var j = 0; j < Words; j++)
        {
            for (var i = 0; i < lanes; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(values[((i * N) + (4 * j))..], value[j].GetElement(i));
            }
        }
    }
}

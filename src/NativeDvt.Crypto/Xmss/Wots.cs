namespace NativeDvt.Crypto.Xmss;

/// <summary>WOTS+ (RFC 8391 section 3.1) with n = 32, w = 16: 67 hash chains of 15 steps.</summary>
internal static class Wots
{
    private const int N = XmssParameters.N;
    private const int Len = XmssParameters.Len;

    /// <summary>Bytes of a WOTS+ public key or signature: len n-byte values.</summary>
    public const int Size = Len * N;

    /// <summary>
    /// The chain lengths a digest selects: base_w(M, len_1) followed by the base-w digits of the
    /// checksum sum(w - 1 - digit), shifted left by 4 bits and written as toByte(csum, 2) (section 3.1.5).
    /// </summary>
    public static void ChainLengths(ReadOnlySpan<byte> digest, Span<int> lengths)
    {
        var checksum = 0;
        for (var i = 0; i < XmssParameters.Len1 / 2; i++)
        {
            lengths[2 * i] = digest[i] >> 4;
            lengths[(2 * i) + 1] = digest[i] & 0x0f;
            checksum += (XmssParameters.W - 1 - lengths[2 * i]) + (XmssParameters.W - 1 - lengths[(2 * i) + 1]);
        }

        // csum << 4 as a 16-bit value has the nibbles (csum >> 8, csum >> 4, csum, 0); len_2 = 3 keeps the first three.
        lengths[XmssParameters.Len1] = (checksum >> 8) & 0x0f;
        lengths[XmssParameters.Len1 + 1] = (checksum >> 4) & 0x0f;
        lengths[XmssParameters.Len1 + 2] = checksum & 0x0f;
    }

    /// <summary>The public key of leaf <paramref name="leaf"/>: every chain run from its secret start to its end.</summary>
    public static void PublicKey(ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, uint leaf, Span<byte> publicKey)
    {
        Span<int> starts = stackalloc int[Len];
        Span<int> steps = stackalloc int[Len];
        steps.Fill(XmssParameters.W - 1);
        RunChains(skSeed, pubSeed, leaf, starts, steps, publicKey);
    }

    /// <summary>Signs a 32-byte digest with the one-time key of leaf <paramref name="leaf"/>.</summary>
    public static void Sign(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, uint leaf, Span<byte> signature)
    {
        Span<int> starts = stackalloc int[Len];
        Span<int> lengths = stackalloc int[Len];
        ChainLengths(digest, lengths);
        RunChains(skSeed, pubSeed, leaf, starts, lengths, signature);
    }

    /// <summary>The public key a signature implies: each chain completed from where the signer stopped.</summary>
    public static void PublicKeyFromSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> pubSeed, uint leaf, Span<byte> publicKey)
    {
        Span<int> lengths = stackalloc int[Len];
        Span<int> remaining = stackalloc int[Len];
        ChainLengths(digest, lengths);
        for (var chain = 0; chain < Len; chain++)
        {
            remaining[chain] = XmssParameters.W - 1 - lengths[chain];
        }

        signature[..Size].CopyTo(publicKey);
        RunChains([], pubSeed, leaf, lengths, remaining, publicKey);
    }

    // Runs the 67 chains eight at a time. Lanes of a group step in lockstep until the last one is done,
    // so chains are grouped by similar start and end (sorted by both) rather than by position: when
    // signing (all start at 0) or verifying (all end at w - 1) this roughly halves the steps.
    // An empty skSeed means the values already hold the chain inputs.
    private static void RunChains(ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, uint leaf, ReadOnlySpan<int> starts, ReadOnlySpan<int> steps, Span<byte> values)
    {
        Span<int> order = stackalloc int[Len];
        for (var chain = 0; chain < Len; chain++)
        {
            order[chain] = chain;
        }

        Span<int> sortKeys = stackalloc int[Len];
        for (var chain = 0; chain < Len; chain++)
        {
            sortKeys[chain] = (starts[chain] * XmssParameters.W) + starts[chain] + steps[chain];
        }

        sortKeys.Sort(order);

        const int Lanes = WotsChainsX8.Lanes;
        Span<uint> chains = stackalloc uint[Lanes];
        Span<int> laneStarts = stackalloc int[Lanes];
        Span<int> laneSteps = stackalloc int[Lanes];
        Span<byte> laneValues = stackalloc byte[Lanes * N];
        for (var first = 0; first < Len; first += Lanes)
        {
            var lanes = Math.Min(Lanes, Len - first);
            for (var i = 0; i < lanes; i++)
            {
                var chain = order[first + i];
                chains[i] = (uint)chain;
                laneStarts[i] = starts[chain];
                laneSteps[i] = steps[chain];
                values.Slice(chain * N, N).CopyTo(laneValues.Slice(i * N, N));
            }

            WotsChainsX8.Run(skSeed, pubSeed, leaf, lanes, chains, laneStarts, laneSteps, laneValues);
            for (var i = 0; i < lanes; i++)
            {
                laneValues.Slice(i * N, N).CopyTo(values.Slice(order[first + i] * N, N));
            }
        }
    }
}

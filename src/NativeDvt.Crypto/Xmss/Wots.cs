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

    // Runs the 67 chains eight at a time; an empty skSeed means the values already hold the chain inputs.
    private static void RunChains(ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, uint leaf, ReadOnlySpan<int> starts, ReadOnlySpan<int> steps, Span<byte> values)
    {
        Span<uint> chains = stackalloc uint[WotsChainsX8.Lanes];
        for (var first = 0; first < Len; first += WotsChainsX8.Lanes)
        {
            var lanes = Math.Min(WotsChainsX8.Lanes, Len - first);
            for (var i = 0; i < lanes; i++)
            {
                chains[i] = (uint)(first + i);
            }

            WotsChainsX8.Run(skSeed, pubSeed, leaf, lanes, chains, starts.Slice(first, lanes), steps.Slice(first, lanes), values.Slice(first * N, lanes * N));
        }
    }
}

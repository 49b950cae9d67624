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

    /// <summary>The public key of leaf <paramref name="leaf"/>: every chain run to its end.</summary>
    public static void PublicKey(ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, uint leaf, Span<byte> publicKey)
    {
        var address = XmssAddress.Ots(leaf);
        for (var chain = 0; chain < Len; chain++)
        {
            address.ChainAddress = (uint)chain;
            var value = publicKey.Slice(chain * N, N);
            SecretElement(skSeed, pubSeed, address, value);
            XmssHash.Chain(value, 0, XmssParameters.W - 1, pubSeed, address);
        }
    }

    /// <summary>Signs a 32-byte digest with the one-time key of leaf <paramref name="leaf"/>.</summary>
    public static void Sign(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, uint leaf, Span<byte> signature)
    {
        Span<int> lengths = stackalloc int[Len];
        ChainLengths(digest, lengths);
        var address = XmssAddress.Ots(leaf);
        for (var chain = 0; chain < Len; chain++)
        {
            address.ChainAddress = (uint)chain;
            var value = signature.Slice(chain * N, N);
            SecretElement(skSeed, pubSeed, address, value);
            XmssHash.Chain(value, 0, lengths[chain], pubSeed, address);
        }
    }

    /// <summary>The public key a signature implies: each chain completed from where the signer stopped.</summary>
    public static void PublicKeyFromSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> pubSeed, uint leaf, Span<byte> publicKey)
    {
        Span<int> lengths = stackalloc int[Len];
        ChainLengths(digest, lengths);
        var address = XmssAddress.Ots(leaf);
        signature[..Size].CopyTo(publicKey);
        for (var chain = 0; chain < Len; chain++)
        {
            address.ChainAddress = (uint)chain;
            XmssHash.Chain(publicKey.Slice(chain * N, N), lengths[chain], XmssParameters.W - 1 - lengths[chain], pubSeed, address);
        }
    }

    private static void SecretElement(ReadOnlySpan<byte> skSeed, ReadOnlySpan<byte> pubSeed, XmssAddress chainAddress, Span<byte> output)
    {
        chainAddress.HashAddress = 0;
        chainAddress.KeyAndMask = 0;
        XmssHash.PrfKeygen(skSeed, pubSeed, chainAddress, output);
    }
}

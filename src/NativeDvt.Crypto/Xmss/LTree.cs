namespace NativeDvt.Crypto.Xmss;

/// <summary>The L-tree of RFC 8391 section 4.1.5: compresses a WOTS+ public key into one leaf.</summary>
internal static class LTree
{
    private const int N = XmssParameters.N;

    /// <summary>Compresses <paramref name="publicKey"/> (len values, overwritten as scratch) into <paramref name="leaf"/>.</summary>
    public static void Compress(Span<byte> publicKey, ReadOnlySpan<byte> pubSeed, uint leafIndex, Span<byte> leaf)
    {
        var count = XmssParameters.Len;
        for (uint height = 0; count > 1; height++)
        {
            // Pairs of a level are independent: eight at a time, written over the front of the array.
            var pairs = count / 2;
            for (var first = 0; first < pairs; first += RandHashX8.Lanes)
            {
                var lanes = Math.Min(RandHashX8.Lanes, pairs - first);
                RandHashX8.Hash(pubSeed, XmssAddress.LTreeType, leafIndex, height, (uint)first, lanes, publicKey.Slice(2 * first * N, 2 * lanes * N), publicKey.Slice(first * N, lanes * N));
            }

            if (count % 2 == 1)
            {
                publicKey.Slice((count - 1) * N, N).CopyTo(publicKey.Slice(pairs * N, N));
            }

            count = (count + 1) / 2;
        }

        publicKey[..N].CopyTo(leaf);
    }
}

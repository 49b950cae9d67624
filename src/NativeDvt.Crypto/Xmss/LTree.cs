namespace NativeDvt.Crypto.Xmss;

/// <summary>The L-tree of RFC 8391 section 4.1.5: compresses a WOTS+ public key into one leaf.</summary>
internal static class LTree
{
    private const int N = XmssParameters.N;

    /// <summary>Compresses <paramref name="publicKey"/> (len values, overwritten as scratch) into <paramref name="leaf"/>.</summary>
    public static void Compress(Span<byte> publicKey, ReadOnlySpan<byte> pubSeed, uint leafIndex, Span<byte> leaf)
    {
        var address = XmssAddress.LTree(leafIndex);
        var count = XmssParameters.Len;
        address.TreeHeight = 0;
        while (count > 1)
        {
            for (var i = 0; i < count / 2; i++)
            {
                address.TreeIndex = (uint)i;
                XmssHash.RandHash(publicKey.Slice(2 * i * N, N), publicKey.Slice(((2 * i) + 1) * N, N), pubSeed, address, publicKey.Slice(i * N, N));
            }

            if (count % 2 == 1)
            {
                publicKey.Slice((count - 1) * N, N).CopyTo(publicKey.Slice(count / 2 * N, N));
            }

            count = (count + 1) / 2;
            address.TreeHeight++;
        }

        publicKey[..N].CopyTo(leaf);
    }
}

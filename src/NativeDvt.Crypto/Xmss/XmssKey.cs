using System.Buffers.Binary;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// One expanded secret key: the three seeds, its tree and public key. Pure: the one-time-key index
/// is not here but in the scheme's state store.
/// </summary>
internal sealed class XmssKey
{
    private const int N = XmssParameters.N;

    private readonly byte[] _skSeed;
    private readonly byte[] _skPrf;
    private readonly byte[] _pubSeed;
    private readonly XmssTree _tree;

    private XmssKey(XmssParameters parameters, byte[] skSeed, byte[] skPrf, byte[] pubSeed)
    {
        Parameters = parameters;
        _skSeed = skSeed;
        _skPrf = skPrf;
        _pubSeed = pubSeed;
        _tree = XmssTree.Build(parameters.Height, skSeed, pubSeed);
        PublicKey = new byte[XmssParameters.PublicKeyLength];
        BinaryPrimitives.WriteUInt32BigEndian(PublicKey, parameters.Oid);
        _tree.Root.CopyTo(PublicKey.AsSpan(4));
        pubSeed.CopyTo(PublicKey.AsSpan(4 + N));
        KeyId = XmssScheme.KeyIdOf(PublicKey);
    }

    /// <summary>The parameter set.</summary>
    public XmssParameters Parameters { get; }

    /// <summary>OID || root || PUB_SEED.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The name the state store files this key under.</summary>
    public string KeyId { get; }

    /// <summary>Expands SK_SEED || SK_PRF || PUB_SEED and builds the tree.</summary>
    public static XmssKey Expand(XmssParameters parameters, ReadOnlySpan<byte> secretKey) =>
        new(parameters, secretKey[..N].ToArray(), secretKey.Slice(N, N).ToArray(), secretKey.Slice(2 * N, N).ToArray());

    /// <summary>Signs with one-time key <paramref name="index"/> (RFC 8391 section 4.1.9); the caller guarantees it is fresh.</summary>
    public byte[] Sign(uint index, ReadOnlySpan<byte> message)
    {
        var signature = new byte[Parameters.SignatureLength];
        var span = signature.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, index);
        var r = span.Slice(4, N);
        Span<byte> indexBytes = stackalloc byte[N];
        XmssHash.WriteIndex(indexBytes, index);
        XmssHash.Prf(_skPrf, indexBytes, r);

        Span<byte> digest = stackalloc byte[N];
        XmssHash.HMsg(r, _tree.Root, index, message, digest);
        Wots.Sign(digest, _skSeed, _pubSeed, index, span.Slice(4 + N, Wots.Size));
        _tree.WriteAuthPath(index, span[(4 + N + Wots.Size)..]);
        return signature;
    }
}

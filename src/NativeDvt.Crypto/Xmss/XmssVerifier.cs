using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NativeDvt.Crypto.Xmss;

/// <summary>XMSS_verify of RFC 8391 section 4.1.10.</summary>
internal static class XmssVerifier
{
    private const int N = XmssParameters.N;

    /// <summary>True iff the signature is valid; any malformed input gives false.</summary>
    public static bool Verify(XmssParameters parameters, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != XmssParameters.PublicKeyLength
            || signature.Length != parameters.SignatureLength
            || BinaryPrimitives.ReadUInt32BigEndian(publicKey) != parameters.Oid)
        {
            return false;
        }

        var index = BinaryPrimitives.ReadUInt32BigEndian(signature);
        if (index >= (uint)parameters.MaxSignatures)
        {
            return false;
        }

        var root = publicKey.Slice(4, N);
        var pubSeed = publicKey.Slice(4 + N, N);
        var r = signature.Slice(4, N);
        var wotsSignature = signature.Slice(4 + N, Wots.Size);
        var authPath = signature[(4 + N + Wots.Size)..];

        Span<byte> digest = stackalloc byte[N];
        XmssHash.HMsg(r, root, index, message, digest);

        Span<byte> wotsPublicKey = stackalloc byte[Wots.Size];
        Wots.PublicKeyFromSignature(wotsSignature, digest, pubSeed, index, wotsPublicKey);
        Span<byte> node = stackalloc byte[N];
        LTree.Compress(wotsPublicKey, pubSeed, index, node);

        var address = XmssAddress.HashTree();
        for (var k = 0; k < parameters.Height; k++)
        {
            address.TreeHeight = (uint)k;
            address.TreeIndex = index >> (k + 1);
            var sibling = authPath.Slice(k * N, N);
            if (((index >> k) & 1) == 0)
            {
                XmssHash.RandHash(node, sibling, pubSeed, address, node);
            }
            else
            {
                XmssHash.RandHash(sibling, node, pubSeed, address, node);
            }
        }

        return CryptographicOperations.FixedTimeEquals(node, root);
    }
}

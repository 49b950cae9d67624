using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>
/// A deliberately plain, one-hash-at-a-time WOTS+ key generation written from RFC 8391 sections 2.5,
/// 3.1.2, 5.1 and the SP 800-208 PRF_keygen, to check the eight-lane production code against.
/// </summary>
internal static class ReferenceWots
{
    public static byte[] PublicKey(byte[] skSeed, byte[] pubSeed, uint leaf)
    {
        var publicKey = new byte[67 * 32];
        for (uint chain = 0; chain < 67; chain++)
        {
            var value = Sha256(ToByte(4), skSeed, pubSeed, OtsAddress(leaf, chain, 0, 0));
            for (uint step = 0; step < 15; step++)
            {
                var key = Sha256(ToByte(3), pubSeed, OtsAddress(leaf, chain, step, 0));
                var mask = Sha256(ToByte(3), pubSeed, OtsAddress(leaf, chain, step, 1));
                value = Sha256(ToByte(0), key, Xor(value, mask));
            }

            value.CopyTo(publicKey, (int)chain * 32);
        }

        return publicKey;
    }

    private static byte[] ToByte(byte domain)
    {
        var bytes = new byte[32];
        bytes[31] = domain;
        return bytes;
    }

    private static byte[] OtsAddress(uint leaf, uint chain, uint hash, uint keyAndMask)
    {
        var address = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(address.AsSpan(16), leaf);
        BinaryPrimitives.WriteUInt32BigEndian(address.AsSpan(20), chain);
        BinaryPrimitives.WriteUInt32BigEndian(address.AsSpan(24), hash);
        BinaryPrimitives.WriteUInt32BigEndian(address.AsSpan(28), keyAndMask);
        return address;
    }

    private static byte[] Xor(byte[] a, byte[] b) => a.Zip(b, (x, y) => (byte)(x ^ y)).ToArray();

    private static byte[] Sha256(params byte[][] parts) => SHA256.HashData(parts.SelectMany(part => part).ToArray());
}

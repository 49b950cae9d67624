using System.Security.Cryptography;
using NativeDvt.Libp2p.Core.Multiformats;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace NativeDvt.Libp2p.Core.Identity;

/// <summary>
/// A libp2p private key. Ed25519 and secp256k1 keys sign (host keys); RSA and ECDSA keys are
/// decoded only to derive their public key and peer id.
/// </summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#keys</remarks>
public sealed class PrivateKey
{
    private readonly byte[] _data;

    private PrivateKey(KeyType type, byte[] data, PublicKey publicKey)
    {
        Type = type;
        _data = data;
        PublicKey = publicKey;
    }

    /// <summary>The key algorithm.</summary>
    public KeyType Type { get; }

    /// <summary>The matching public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The peer id of <see cref="PublicKey"/>.</summary>
    public PeerId PeerId => PublicKey.ToPeerId();

    /// <summary>A fresh random Ed25519 key.</summary>
    public static PrivateKey GenerateEd25519() => FromEd25519Seed(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh random secp256k1 key.</summary>
    public static PrivateKey GenerateSecp256k1() => Create(KeyType.Secp256k1, Secp256k1Curve.NewScalar());

    /// <summary>An Ed25519 key from its 32-byte seed (deterministic, for tests and stored node keys).</summary>
    public static PrivateKey FromEd25519Seed(ReadOnlySpan<byte> seed) => Create(KeyType.Ed25519, seed);

    /// <summary>Decodes the PrivateKey protobuf.</summary>
    public static PrivateKey FromProtobuf(ReadOnlySpan<byte> encoded)
    {
        var (type, data) = KeyProtobuf.Decode(encoded, "PrivateKey");
        return Create(type, data);
    }

    /// <summary>
    /// Builds a key from its Data bytes: Ed25519 takes the 32-byte seed or the 64-byte
    /// seed||public form; secp256k1 a 32-byte scalar; ECDSA SEC1 DER; RSA PKCS#1 DER.
    /// </summary>
    public static PrivateKey Create(KeyType type, ReadOnlySpan<byte> data)
    {
        switch (type)
        {
            case KeyType.Ed25519:
                if (data.Length is not (32 or 64))
                {
                    throw new MultiformatException($"Ed25519 private key: {data.Length} bytes, expected 32 or 64");
                }

                var seed = data[..32].ToArray();
                var publicBytes = new Ed25519PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded();
                if (data.Length == 64 && !data[32..].SequenceEqual(publicBytes))
                {
                    throw new MultiformatException("Ed25519 private key: the public half does not match the seed");
                }

                return new PrivateKey(type, [.. seed, .. publicBytes], PublicKey.Create(type, publicBytes));
            case KeyType.Secp256k1:
                var scalar = Secp256k1Curve.DecodeScalar(data);
                return new PrivateKey(type, data.ToArray(), PublicKey.Create(type, Secp256k1Curve.PublicFromScalar(scalar)));
            case KeyType.Ecdsa:
                using (var ecdsa = ECDsa.Create())
                {
                    try
                    {
                        ecdsa.ImportECPrivateKey(data, out _);
                    }
                    catch (CryptographicException e)
                    {
                        throw new MultiformatException("ECDSA private key: not a valid SEC1 ECPrivateKey", e);
                    }

                    return new PrivateKey(type, data.ToArray(), PublicKey.Create(type, ecdsa.ExportSubjectPublicKeyInfo()));
                }

            case KeyType.Rsa:
                using (var rsa = RSA.Create())
                {
                    try
                    {
                        rsa.ImportRSAPrivateKey(data, out _);
                    }
                    catch (CryptographicException e)
                    {
                        throw new MultiformatException("RSA private key: not a valid PKCS#1 RSAPrivateKey", e);
                    }

                    return new PrivateKey(type, data.ToArray(), PublicKey.Create(type, rsa.ExportSubjectPublicKeyInfo()));
                }

            default:
                throw new MultiformatException($"PrivateKey.Type: unknown key type {(int)type}");
        }
    }

    /// <summary>The PrivateKey protobuf (Ed25519 in the 64-byte seed||public form).</summary>
    public byte[] ToProtobuf() => KeyProtobuf.Encode(Type, _data);

    /// <summary>Signs <paramref name="message"/>: Ed25519, or DER ECDSA over SHA-256 for secp256k1.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        switch (Type)
        {
            case KeyType.Ed25519:
                var signer = new Ed25519Signer();
                signer.Init(true, new Ed25519PrivateKeyParameters(_data, 0));
                signer.BlockUpdate(message);
                return signer.GenerateSignature();
            case KeyType.Secp256k1:
                return Secp256k1Curve.Sign(Secp256k1Curve.DecodeScalar(_data), message);
            default:
                throw new NotSupportedException($"{Type} keys are decoded for peer ids only; host keys are Ed25519 or secp256k1");
        }
    }
}

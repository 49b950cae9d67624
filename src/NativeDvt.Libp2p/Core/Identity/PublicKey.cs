using System.Security.Cryptography;
using NativeDvt.Libp2p.Core.Multiformats;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace NativeDvt.Libp2p.Core.Identity;

/// <summary>
/// A libp2p public key: Ed25519 (32 raw bytes), secp256k1 (33-byte compressed point), and for
/// remote peers only ECDSA P-256 and RSA (PKIX SubjectPublicKeyInfo DER).
/// </summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#keys</remarks>
public sealed class PublicKey : IEquatable<PublicKey>
{
    private readonly byte[] _data;
    private readonly ECPoint? _secp256k1;

    private PublicKey(KeyType type, byte[] data)
    {
        Type = type;
        _data = data;
        switch (type)
        {
            case KeyType.Ed25519 when data.Length != 32:
                throw new MultiformatException($"Ed25519 public key: {data.Length} bytes, expected 32");
            case KeyType.Secp256k1:
                _secp256k1 = Secp256k1Curve.DecodePoint(data);
                break;
            case KeyType.Ecdsa:
                using (ImportEcdsa(data))
                {
                }

                break;
            case KeyType.Rsa:
                using (ImportRsa(data))
                {
                }

                break;
        }
    }

    /// <summary>The key algorithm.</summary>
    public KeyType Type { get; }

    /// <summary>The key bytes as carried in the protobuf Data field.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>Builds a key from its type and Data bytes, validating them.</summary>
    public static PublicKey Create(KeyType type, ReadOnlySpan<byte> data) => new(type, data.ToArray());

    /// <summary>Decodes the PublicKey protobuf.</summary>
    public static PublicKey FromProtobuf(ReadOnlySpan<byte> encoded)
    {
        var (type, data) = KeyProtobuf.Decode(encoded, "PublicKey");
        return new PublicKey(type, data);
    }

    /// <summary>The PublicKey protobuf (deterministic: Type then Data).</summary>
    public byte[] ToProtobuf() => KeyProtobuf.Encode(Type, _data);

    /// <summary>The peer id this key defines.</summary>
    public PeerId ToPeerId() => PeerId.FromPublicKey(this);

    /// <summary>Checks <paramref name="signature"/> over <paramref name="message"/>; false for any malformed signature.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        switch (Type)
        {
            case KeyType.Ed25519:
                return signature.Length == 64 && Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(signature.ToArray(), 0, _data, 0, message.ToArray(), 0, message.Length);
            case KeyType.Secp256k1:
                return Secp256k1Curve.Verify(_secp256k1!, message, signature);
            case KeyType.Ecdsa:
                using (var ecdsa = ImportEcdsa(_data))
                {
                    return ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
                }

            default:
                using (var rsa = ImportRsa(_data))
                {
                    return rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }
        }
    }

    public bool Equals(PublicKey? other) => other is not null && other.Type == Type && other._data.AsSpan().SequenceEqual(_data);

    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Type);
        hash.AddBytes(_data);
        return hash.ToHashCode();
    }

    private static ECDsa ImportEcdsa(byte[] spki)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(spki, out var read);
            return read == spki.Length ? ecdsa : throw new MultiformatException("ECDSA public key: trailing bytes after SubjectPublicKeyInfo");
        }
        catch (CryptographicException e)
        {
            ecdsa.Dispose();
            throw new MultiformatException("ECDSA public key: not a valid SubjectPublicKeyInfo", e);
        }
    }

    private static RSA ImportRsa(byte[] spki)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(spki, out var read);
            return read == spki.Length ? rsa : throw new MultiformatException("RSA public key: trailing bytes after SubjectPublicKeyInfo");
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new MultiformatException("RSA public key: not a valid SubjectPublicKeyInfo", e);
        }
    }
}

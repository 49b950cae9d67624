namespace NativeDvt.Libp2p.Core.Identity;

/// <summary>The libp2p key type enum of the key protobuf (peer-ids spec).</summary>
public enum KeyType
{
    Rsa = 0,
    Ed25519 = 1,
    Secp256k1 = 2,
    Ecdsa = 3,
}

namespace NativeDvt.Crypto;

/// <summary>One (public key, message, signature) triple of a batch verification.</summary>
public sealed record SignatureSet(byte[] PublicKey, byte[] Message, byte[] Signature);

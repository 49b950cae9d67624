using System.Security.Cryptography;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;

namespace NativeDvt.Consensus.Tests.Support;

/// <summary>
/// INSECURE, for tests and benchmarks only: anyone who knows a public key can sign for it.
/// A signature is SHA-256(pubkey || message); an aggregate is SHA-256 of the signers' signatures in member order.
/// It lets state-transition tests exercise every signature rule without real cryptography.
/// </summary>
public sealed class InsecureTestScheme(bool aggregates = true) : ISignatureVerifier
{
    /// <summary>The scheme's name in configs: says what it is.</summary>
    public const string Name = "insecure-test";

    /// <inheritdoc />
    public string SchemeName => Name;

    /// <inheritdoc />
    public bool Aggregates { get; } = aggregates;

    /// <summary>A deterministic public key for a seed (there is no secret key).</summary>
    public static Bytes PublicKey(ulong seed)
    {
        Span<byte> input = stackalloc byte[16];
        "insecure"u8.CopyTo(input);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(input[8..], seed);
        return Bytes.Wrap(SHA256.HashData(input)[..24]);
    }

    /// <summary>The signature of <paramref name="publicKey"/> over <paramref name="message"/>.</summary>
    public static Bytes Sign(Bytes publicKey, Root message)
    {
        var input = new byte[publicKey.Length + 32];
        publicKey.Span.CopyTo(input);
        message.CopyTo(input.AsSpan(publicKey.Length));
        return Bytes.Wrap(SHA256.HashData(input));
    }

    /// <summary>The aggregate of signatures listed in member order.</summary>
    public static Bytes Aggregate(IReadOnlyList<Bytes> signatures)
    {
        var input = new byte[signatures.Sum(s => s.Length)];
        var offset = 0;
        foreach (var signature in signatures)
        {
            signature.Span.CopyTo(input.AsSpan(offset));
            offset += signature.Length;
        }

        return Bytes.Wrap(SHA256.HashData(input));
    }

    /// <inheritdoc />
    public bool Verify(Bytes publicKey, Root message, Bytes signature) => Sign(publicKey, message) == signature;

    /// <inheritdoc />
    public bool FastAggregateVerify(IReadOnlyList<Bytes> publicKeys, Root message, Bytes aggregate) =>
        publicKeys.Count > 0 && Aggregate([.. publicKeys.Select(key => Sign(key, message))]) == aggregate;
}

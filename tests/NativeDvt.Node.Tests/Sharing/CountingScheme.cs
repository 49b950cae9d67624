using System.Security.Cryptography;
using NativeDvt.Crypto;

namespace NativeDvt.Node.Tests.Sharing;

/// <summary>
/// An insecure test scheme that counts its work: signature = SHA-256(publicKey || message),
/// aggregate = XOR of signatures. Only for checking who verifies what, how often.
/// </summary>
internal sealed class CountingScheme : IAggregatableScheme
{
    private int _verifies;
    private int _fastAggregateVerifies;
    private int _batchVerifies;

    public string Name => "counting-insecure";

    public int Verifies => _verifies;

    public int FastAggregateVerifies => _fastAggregateVerifies;

    public int BatchVerifies => _batchVerifies;

    /// <summary>Called at the start of every <see cref="Verify"/>, on the verifying thread (to hold one there).</summary>
    public Action? OnVerify { get; set; }

    public byte[] DerivePublicKey(ReadOnlySpan<byte> secretKey) => SHA256.HashData(secretKey);

    public byte[] Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message) => Expected(DerivePublicKey(secretKey), message);

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Interlocked.Increment(ref _verifies);
        OnVerify?.Invoke();
        Thread.Sleep(1);
        return signature.SequenceEqual(Expected(publicKey, message));
    }

    public byte[] Aggregate(IReadOnlyList<byte[]> signatures)
    {
        var result = new byte[32];
        foreach (var signature in signatures)
        {
            for (var i = 0; i < 32; i++)
            {
                result[i] ^= signature[i];
            }
        }

        return result;
    }

    public bool FastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Interlocked.Increment(ref _fastAggregateVerifies);
        var copy = message.ToArray();
        return signature.SequenceEqual(Aggregate(publicKeys.Select(k => Expected(k, copy)).ToList()));
    }

    public bool AggregateVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, ReadOnlySpan<byte> signature) =>
        signature.SequenceEqual(Aggregate(publicKeys.Select((k, i) => Expected(k, messages[i])).ToList()));

    public bool BatchVerify(IReadOnlyList<SignatureSet> sets)
    {
        Interlocked.Increment(ref _batchVerifies);
        return sets.All(s => s.Signature.AsSpan().SequenceEqual(Expected(s.PublicKey, s.Message)));
    }

    private static byte[] Expected(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message) =>
        SHA256.HashData([.. publicKey, .. message]);
}

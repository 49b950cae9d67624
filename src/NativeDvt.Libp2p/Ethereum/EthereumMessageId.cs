using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Ethereum;

/// <summary>
/// The Ethereum gossip message id, Altair form (consensus-specs altair/p2p-interface.md): the first 20
/// bytes of SHA-256(MESSAGE_DOMAIN_VALID_SNAPPY || uint64_le(len(topic)) || topic || snappy_decompress(data)),
/// or, when the data does not decompress within the limit, of
/// SHA-256(MESSAGE_DOMAIN_INVALID_SNAPPY || uint64_le(len(topic)) || topic || data).
/// </summary>
public static class EthereumMessageId
{
    public const int Length = 20;

    /// <summary>MESSAGE_DOMAIN_VALID_SNAPPY = 0x01000000.</summary>
    public static ReadOnlySpan<byte> MessageDomainValidSnappy => [0x01, 0x00, 0x00, 0x00];

    /// <summary>MESSAGE_DOMAIN_INVALID_SNAPPY = 0x00000000.</summary>
    public static ReadOnlySpan<byte> MessageDomainInvalidSnappy => [0x00, 0x00, 0x00, 0x00];

    /// <summary>A gossipsub message-id function.</summary>
    public static byte[] Compute(PubsubMessage message)
    {
        byte[] payload;
        ReadOnlySpan<byte> domain;
        try
        {
            payload = SszSnappy.Decompress(message.Data);
            domain = MessageDomainValidSnappy;
        }
        catch (SszSnappyException)
        {
            payload = message.Data;
            domain = MessageDomainInvalidSnappy;
        }

        return Compute(domain, message.Topic, payload);
    }

    private static byte[] Compute(ReadOnlySpan<byte> domain, string topic, ReadOnlySpan<byte> payload)
    {
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(domain);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)topicBytes.Length);
        hash.AppendData(length);
        hash.AppendData(topicBytes);
        hash.AppendData(payload);
        return hash.GetHashAndReset()[..Length];
    }
}

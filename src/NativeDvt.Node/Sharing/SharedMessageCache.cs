using System.Runtime.CompilerServices;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Ssz;

namespace NativeDvt.Node.Sharing;

/// <summary>
/// Decodes each gossip payload once per process. Transports that hand every receiver the same byte array
/// (the simulator does; one publication reaches thousands of nodes) get the decoded message, its root and its
/// signature verdict from the first receiver. Keyed by array identity, so distinct copies (libp2p) just miss.
/// A signature verdict is shared only with nodes whose group record holds the same key lists (see
/// <see cref="SharedMessage{T}.VerifiedWith"/>), so views that differ on a key rotation each check for themselves.
/// Thread-safe: receivers decoding one payload at once agree on one shared message.
/// </summary>
public sealed class SharedMessageCache
{
    private readonly ConditionalWeakTable<byte[], object> _decoded = [];

    /// <summary>
    /// Records that <paramref name="data"/> is the encoding of <paramref name="value"/> with root <paramref name="root"/>:
    /// the publisher knows both, so its receivers need not decode or hash.
    /// </summary>
    public void Remember<T>(byte[] data, T value, Root root) => _decoded.TryAdd(data, new SharedMessage<T>(value, root));

    /// <summary>The decoded message for <paramref name="data"/>; throws <see cref="SszException"/> on bad bytes.</summary>
    public SharedMessage<T> Decode<T>(byte[] data, ISszCodec<T> codec, Func<T, Root> root)
    {
        if (_decoded.TryGetValue(data, out var known) && known is SharedMessage<T> message)
        {
            return message;
        }

        var value = codec.Decode(data);
        message = new SharedMessage<T>(value, root(value));
        if (_decoded.TryAdd(data, message))
        {
            return message;
        }

        // Another receiver added it meanwhile (keep its flags), or the bytes were decoded as another type (replace).
        if (_decoded.TryGetValue(data, out known) && known is SharedMessage<T> first)
        {
            return first;
        }

        _decoded.AddOrUpdate(data, message);
        return message;
    }
}

using System.Buffers;
using NativeDvt.Libp2p.Core.Protobuf;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Protobuf encoding of pubsub RPCs (libp2p pubsub rpc.proto, proto2). Unknown fields (such as v1.2's
/// IDONTWANT) are skipped; malformed input raises <see cref="RpcDecodeException"/> naming the message and field.
/// </summary>
public static class RpcCodec
{
    public static byte[] Encode(Rpc rpc)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ProtoWriter(buffer);
        foreach (var subscription in rpc.Subscriptions)
        {
            writer.WriteBytes(1, Nested(w =>
            {
                w.WriteBool(1, subscription.Subscribe);
                w.WriteString(2, subscription.TopicId);
            }));
        }

        foreach (var message in rpc.Messages)
        {
            writer.WriteBytes(2, EncodeMessage(message));
        }

        if (rpc.Control is { IsEmpty: false } control)
        {
            writer.WriteBytes(3, EncodeControl(control));
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Rpc Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var subscriptions = new List<SubOpts>();
            var messages = new List<PubsubMessage>();
            ControlMessage? control = null;
            var reader = new ProtoReader(bytes);
            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case 1:
                        subscriptions.Add(DecodeSubOpts(reader.ReadBytes()));
                        break;
                    case 2:
                        messages.Add(DecodeMessage(reader.ReadBytes()));
                        break;
                    case 3:
                        control = DecodeControl(reader.ReadBytes());
                        break;
                    default:
                        reader.Skip(wireType);
                        break;
                }
            }

            return new Rpc { Subscriptions = subscriptions, Messages = messages, Control = control };
        }
        catch (ProtobufException e)
        {
            throw new RpcDecodeException($"pubsub RPC: {e.Message}", e);
        }
    }

    private static byte[] Nested(Action<ProtoWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new ProtoWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] EncodeMessage(PubsubMessage message) => Nested(w =>
    {
        if (message.From is { } from)
        {
            w.WriteBytes(1, from);
        }

        w.WriteBytes(2, message.Data);
        if (message.Seqno is { } seqno)
        {
            w.WriteBytes(3, seqno);
        }

        w.WriteString(4, message.Topic);
        if (message.Signature is { } signature)
        {
            w.WriteBytes(5, signature);
        }

        if (message.Key is { } key)
        {
            w.WriteBytes(6, key);
        }
    });

    private static byte[] EncodeControl(ControlMessage control) => Nested(w =>
    {
        foreach (var ihave in control.IHave)
        {
            w.WriteBytes(1, Nested(n =>
            {
                n.WriteString(1, ihave.TopicId);
                foreach (var id in ihave.MessageIds)
                {
                    n.WriteBytes(2, id);
                }
            }));
        }

        foreach (var iwant in control.IWant)
        {
            w.WriteBytes(2, Nested(n =>
            {
                foreach (var id in iwant.MessageIds)
                {
                    n.WriteBytes(1, id);
                }
            }));
        }

        foreach (var graft in control.Graft)
        {
            w.WriteBytes(3, Nested(n => n.WriteString(1, graft.TopicId)));
        }

        foreach (var prune in control.Prune)
        {
            w.WriteBytes(4, Nested(n =>
            {
                n.WriteString(1, prune.TopicId);
                foreach (var peer in prune.Peers)
                {
                    n.WriteBytes(2, Nested(p =>
                    {
                        if (peer.PeerId is { } id)
                        {
                            p.WriteBytes(1, id);
                        }

                        if (peer.SignedPeerRecord is { } record)
                        {
                            p.WriteBytes(2, record);
                        }
                    }));
                }

                if (prune.BackoffSeconds is { } backoff)
                {
                    n.WriteVarint(3, backoff);
                }
            }));
        }
    });

    private static SubOpts DecodeSubOpts(ReadOnlySpan<byte> bytes)
    {
        var subscribe = false;
        string? topic = null;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    subscribe = reader.ReadBool();
                    break;
                case 2:
                    topic = reader.ReadString();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new SubOpts(subscribe, topic ?? throw new RpcDecodeException("pubsub RPC: SubOpts.topicid is missing"));
    }

    private static PubsubMessage DecodeMessage(ReadOnlySpan<byte> bytes)
    {
        byte[]? from = null, data = null, seqno = null, signature = null, key = null;
        string? topic = null;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    from = reader.ReadBytes().ToArray();
                    break;
                case 2:
                    data = reader.ReadBytes().ToArray();
                    break;
                case 3:
                    seqno = reader.ReadBytes().ToArray();
                    break;
                case 4:
                    topic = reader.ReadString();
                    break;
                case 5:
                    signature = reader.ReadBytes().ToArray();
                    break;
                case 6:
                    key = reader.ReadBytes().ToArray();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new PubsubMessage
        {
            From = from,
            Data = data ?? [],
            Seqno = seqno,
            Topic = topic ?? throw new RpcDecodeException("pubsub RPC: Message.topic (required) is missing"),
            Signature = signature,
            Key = key,
        };
    }

    private static ControlMessage DecodeControl(ReadOnlySpan<byte> bytes)
    {
        var ihave = new List<ControlIHave>();
        var iwant = new List<ControlIWant>();
        var graft = new List<ControlGraft>();
        var prune = new List<ControlPrune>();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    ihave.Add(DecodeIHave(reader.ReadBytes()));
                    break;
                case 2:
                    iwant.Add(new ControlIWant(DecodeIds(reader.ReadBytes(), 1)));
                    break;
                case 3:
                    graft.Add(new ControlGraft(DecodeTopicOnly(reader.ReadBytes(), "ControlGraft")));
                    break;
                case 4:
                    prune.Add(DecodePrune(reader.ReadBytes()));
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ControlMessage { IHave = ihave, IWant = iwant, Graft = graft, Prune = prune };
    }

    private static ControlIHave DecodeIHave(ReadOnlySpan<byte> bytes)
    {
        string? topic = null;
        var ids = new List<byte[]>();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    topic = reader.ReadString();
                    break;
                case 2:
                    ids.Add(reader.ReadBytes().ToArray());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ControlIHave(topic ?? throw new RpcDecodeException("pubsub RPC: ControlIHave.topicID is missing"), ids);
    }

    private static List<byte[]> DecodeIds(ReadOnlySpan<byte> bytes, int idField)
    {
        var ids = new List<byte[]>();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == idField)
            {
                ids.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return ids;
    }

    private static string DecodeTopicOnly(ReadOnlySpan<byte> bytes, string message)
    {
        string? topic = null;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1)
            {
                topic = reader.ReadString();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return topic ?? throw new RpcDecodeException($"pubsub RPC: {message}.topicID is missing");
    }

    private static ControlPrune DecodePrune(ReadOnlySpan<byte> bytes)
    {
        string? topic = null;
        var peers = new List<PeerInfo>();
        ulong? backoff = null;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    topic = reader.ReadString();
                    break;
                case 2:
                    peers.Add(DecodePeerInfo(reader.ReadBytes()));
                    break;
                case 3:
                    backoff = reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ControlPrune(topic ?? throw new RpcDecodeException("pubsub RPC: ControlPrune.topicID is missing"), peers, backoff);
    }

    private static PeerInfo DecodePeerInfo(ReadOnlySpan<byte> bytes)
    {
        byte[]? peerId = null, record = null;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    peerId = reader.ReadBytes().ToArray();
                    break;
                case 2:
                    record = reader.ReadBytes().ToArray();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new PeerInfo(peerId, record);
    }
}

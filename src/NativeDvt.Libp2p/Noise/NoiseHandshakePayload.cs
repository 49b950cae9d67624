using System.Buffers;
using NativeDvt.Libp2p.Core.Protobuf;

namespace NativeDvt.Libp2p.Noise;

/// <summary>
/// The libp2p NoiseHandshakePayload: {1: identity_key, 2: identity_sig, 4: extensions
/// {1: webtransport_certhashes, 2: stream_muxers}}. Field 3 (data) is obsolete and skipped.
/// </summary>
internal sealed record NoiseHandshakePayload(byte[] IdentityKey, byte[] IdentitySignature, IReadOnlyList<string> StreamMuxers)
{
    public byte[] Encode()
    {
        var extensionsSize = StreamMuxers.Sum(m => ProtoWriter.StringFieldSize(2, m));
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ProtoWriter(buffer);
        writer.WriteBytes(1, IdentityKey);
        writer.WriteBytes(2, IdentitySignature);
        if (StreamMuxers.Count > 0)
        {
            writer.WriteLengthPrefix(4, extensionsSize);
            foreach (var muxer in StreamMuxers)
            {
                writer.WriteString(2, muxer);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static NoiseHandshakePayload Decode(ReadOnlySpan<byte> bytes)
    {
        byte[]? key = null;
        byte[]? signature = null;
        var muxers = new List<string>();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == WireType.LengthDelimited:
                    key = reader.ReadBytes().ToArray();
                    break;
                case 2 when wireType == WireType.LengthDelimited:
                    signature = reader.ReadBytes().ToArray();
                    break;
                case 4 when wireType == WireType.LengthDelimited:
                    var extensions = new ProtoReader(reader.ReadBytes());
                    while (extensions.TryReadTag(out var extensionField, out var extensionType))
                    {
                        if (extensionField == 2 && extensionType == WireType.LengthDelimited)
                        {
                            muxers.Add(extensions.ReadString());
                        }
                        else
                        {
                            extensions.Skip(extensionType);
                        }
                    }

                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new NoiseHandshakePayload(
            key ?? throw new ProtobufException("NoiseHandshakePayload.identity_key missing"),
            signature ?? throw new ProtobufException("NoiseHandshakePayload.identity_sig missing"),
            muxers);
    }
}

using System.Buffers;
using NativeDvt.Libp2p.Core.Multiformats;
using NativeDvt.Libp2p.Core.Protobuf;

namespace NativeDvt.Libp2p.Core.Identity;

/// <summary>The two-field key message shared by PublicKey and PrivateKey: {1: KeyType, 2: bytes Data}.</summary>
internal static class KeyProtobuf
{
    /// <summary>Bounds what a remote peer can make us parse (an RSA-4096 PKCS#1 key is ~2.4 KB).</summary>
    public const int MaxDataLength = 8192;

    public static byte[] Encode(KeyType type, ReadOnlySpan<byte> data)
    {
        var buffer = new ArrayBufferWriter<byte>(ProtoWriter.VarintFieldSize(1, (ulong)type) + ProtoWriter.BytesFieldSize(2, data.Length));
        var writer = new ProtoWriter(buffer);
        writer.WriteVarint(1, (ulong)type);
        writer.WriteBytes(2, data);
        return buffer.WrittenSpan.ToArray();
    }

    public static (KeyType Type, byte[] Data) Decode(ReadOnlySpan<byte> encoded, string what)
    {
        KeyType? type = null;
        byte[]? data = null;
        try
        {
            var reader = new ProtoReader(encoded);
            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case 1:
                        var value = reader.ReadVarint();
                        if (value > (ulong)KeyType.Ecdsa)
                        {
                            throw new MultiformatException($"{what}.Type: unknown key type {value}");
                        }

                        type = (KeyType)value;
                        break;
                    case 2:
                        var bytes = reader.ReadBytes();
                        if (bytes.Length > MaxDataLength)
                        {
                            throw new MultiformatException($"{what}.Data: {bytes.Length} bytes exceeds {MaxDataLength}");
                        }

                        data = bytes.ToArray();
                        break;
                    default:
                        reader.Skip(wireType);
                        break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw new MultiformatException($"{what}: {e.Message}", e);
        }

        if (type is null)
        {
            throw new MultiformatException($"{what}.Type: required field missing");
        }

        return data is null ? throw new MultiformatException($"{what}.Data: required field missing") : (type.Value, data);
    }
}

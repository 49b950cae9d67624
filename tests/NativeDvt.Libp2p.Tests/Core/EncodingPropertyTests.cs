using System.Buffers;
using System.Net;
using CsCheck;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Core.Multiformats;
using NativeDvt.Libp2p.Core.Protobuf;

namespace NativeDvt.Libp2p.Tests.Core;

[Trait("Category", "Property")]
public sealed class EncodingPropertyTests
{
    [Fact]
    public void Varint_AnyValue_RoundTripsMinimally()
    {
        Gen.ULong[0, Varint.MaxValue].Sample(value =>
        {
            var bytes = Varint.Encode(value);
            return Varint.Read(bytes, out var consumed) == value && consumed == bytes.Length && bytes.Length == Varint.Size(value);
        });
    }

    [Fact]
    public void Base58_AnyBytes_RoundTrip()
    {
        Gen.Byte.Array[0, 64].Sample(bytes => Base58.Decode(Base58.Encode(bytes)).AsSpan().SequenceEqual(bytes));
    }

    [Fact]
    public void Protobuf_AnyFields_ReadBackInOrder()
    {
        var field = Gen.Select(Gen.Int[1, 1000], Gen.Int[0, 3], Gen.ULong, Gen.Byte.Array[0, 40]);
        field.Array[0, 12].Sample(fields =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            var writer = new ProtoWriter(buffer);
            foreach (var (number, kind, value, bytes) in fields)
            {
                switch (kind)
                {
                    case 0: writer.WriteVarint(number, value); break;
                    case 1: writer.WriteFixed64(number, value); break;
                    case 2: writer.WriteFixed32(number, (uint)value); break;
                    default: writer.WriteBytes(number, bytes); break;
                }
            }

            var reader = new ProtoReader(buffer.WrittenSpan);
            foreach (var (number, kind, value, bytes) in fields)
            {
                if (!reader.TryReadTag(out var readNumber, out _) || readNumber != number)
                {
                    return false;
                }

                var ok = kind switch
                {
                    0 => reader.ReadVarint() == value,
                    1 => reader.ReadFixed64() == value,
                    2 => reader.ReadFixed32() == (uint)value,
                    _ => reader.ReadBytes().SequenceEqual(bytes),
                };
                if (!ok)
                {
                    return false;
                }
            }

            return reader.IsAtEnd;
        });
    }

    [Fact]
    public void Multiaddr_IpTransportCombinations_TextAndBinaryRoundTrip()
    {
        var ip = Gen.OneOf(
            Gen.Byte.Array[4].Select(b => "/ip4/" + new IPAddress(b)),
            Gen.Byte.Array[16].Select(b => "/ip6/" + new IPAddress(b)),
            Gen.String["abcdefghijklmnopqrstuvwxyz0123456789.-"].Where(s => s.Length > 0).Select(s => "/dns4/" + s));
        var transport = Gen.OneOf(
            Gen.UShort.Select(p => $"/tcp/{p}"),
            Gen.UShort.Select(p => $"/udp/{p}/quic-v1"),
            Gen.UShort.Select(p => $"/tcp/{p}/ws"),
            Gen.UShort.Select(p => $"/tcp/{p}/tls/sni/example.com/wss"));
        Gen.Select(ip, transport).Sample((host, rest) =>
        {
            var address = Multiaddr.Parse(host + rest);
            return Multiaddr.FromBytes(address.ToBytes()).Equals(address) && Multiaddr.Parse(address.ToString()).Equals(address);
        });
    }
}

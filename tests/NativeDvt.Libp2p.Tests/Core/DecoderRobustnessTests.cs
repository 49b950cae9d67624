using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiformats;
using NativeDvt.Libp2p.Core.Protobuf;
using NativeDvt.Libp2p.Identify;
using NativeDvt.Libp2p.Noise;

namespace NativeDvt.Libp2p.Tests.Core;

/// <summary>Decoders that read peer input throw only their own exception type on mutated input.</summary>
[Trait("Category", "Fuzz")]
public sealed class DecoderRobustnessTests
{
    private const int Iterations = 1000;

    private static void Mutations(byte[] valid, Action<byte[]> decode, Func<Exception, bool> expected)
    {
        // A decoder that threw its own exception on everything would pass the mutations: the unmutated input must decode.
        decode(valid);
        var random = new Random(5);
        for (var i = 0; i < Iterations; i++)
        {
            var input = NativeDvt.Libp2p.Tests.Fuzz.Mutator.Mutate(random, valid);
            try
            {
                decode(input);
            }
            catch (Exception e) when (expected(e))
            {
            }
        }
    }

    [Fact]
    public void PublicKeyFromProtobuf_Mutated_OnlyMultiformatException()
    {
        foreach (var key in new[] { PrivateKey.GenerateEd25519(), PrivateKey.GenerateSecp256k1() })
        {
            Mutations(key.PublicKey.ToProtobuf(), b => PublicKey.FromProtobuf(b), e => e is MultiformatException);
        }
    }

    [Fact]
    public void PrivateKeyFromProtobuf_Mutated_OnlyMultiformatException()
    {
        Mutations(PrivateKey.GenerateSecp256k1().ToProtobuf(), b => PrivateKey.FromProtobuf(b), e => e is MultiformatException);
    }

    [Fact]
    public void PeerIdFromBytes_Mutated_OnlyMultiformatException()
    {
        Mutations(PrivateKey.GenerateEd25519().PeerId.ToBytes(), b => PeerId.FromBytes(b), e => e is MultiformatException);
    }

    [Fact]
    public void IdentifyMessageDecode_Mutated_OnlyProtobufException()
    {
        var valid = new IdentifyMessage
        {
            ProtocolVersion = "ipfs/0.1.0",
            AgentVersion = "x",
            PublicKey = PrivateKey.GenerateEd25519().PublicKey.ToProtobuf(),
            ListenAddresses = [NativeDvt.Libp2p.Core.Multiaddress.Multiaddr.Parse("/ip4/127.0.0.1/tcp/1")],
            ObservedAddress = NativeDvt.Libp2p.Core.Multiaddress.Multiaddr.Parse("/ip6/::1/tcp/2"),
            Protocols = ["/ipfs/ping/1.0.0"],
        }.Encode();
        Assert.Equal("x", IdentifyMessage.Decode(valid).AgentVersion);
        Mutations(valid, b => IdentifyMessage.Decode(b), e => e is ProtobufException);
    }

    [Fact]
    public void NoiseHandshakePayloadDecode_Mutated_OnlyProtobufException()
    {
        var valid = new NoiseHandshakePayload(new byte[36], new byte[64], ["/yamux/1.0.0"]).Encode();
        Mutations(valid, b => NoiseHandshakePayload.Decode(b), e => e is ProtobufException);
    }
}

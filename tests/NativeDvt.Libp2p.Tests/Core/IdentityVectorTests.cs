using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Tests;

namespace NativeDvt.Libp2p.Tests.Core;

[Trait("Category", "Vectors")]
public sealed class IdentityVectorTests
{
    [Fact]
    public void PeerIdVectors_AllCases_DeriveUpstreamPeerIds()
    {
        using var document = Vectors.Load("libp2p/peer_id.json");
        var failures = new List<string>();
        foreach (var testCase in Vectors.Cases(document))
        {
            var name = testCase.GetProperty("name").GetString();
            try
            {
                var key = PrivateKey.FromProtobuf(Vectors.Hex(testCase.GetProperty("input").GetProperty("private_key_protobuf").GetString()!));
                var output = testCase.GetProperty("output");
                var expectedPublic = Convert.ToHexStringLower(Vectors.Hex(output.GetProperty("public_key_protobuf_derived").GetString()!));
                var expectedId = output.GetProperty("peer_id").GetString()!;
                var publicHex = Convert.ToHexStringLower(key.PublicKey.ToProtobuf());
                var peerId = key.PeerId;
                if (publicHex != expectedPublic)
                {
                    failures.Add($"{name}: public key {publicHex}");
                }

                if (peerId.ToString() != expectedId || PeerId.Parse(expectedId) != peerId)
                {
                    failures.Add($"{name}: peer id {peerId}");
                }

                if (!peerId.Matches(PublicKey.FromProtobuf(key.PublicKey.ToProtobuf())))
                {
                    failures.Add($"{name}: peer id does not match its decoded public key");
                }
            }
            catch (Exception e) when (e is FormatException or NotSupportedException)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void KeyEncodingSpecVectors_AllCases_ProducePublicKeyProtobuf()
    {
        using var document = Vectors.Load("libp2p/key_encoding_spec.json");
        var failures = new List<string>();
        foreach (var testCase in Vectors.Cases(document))
        {
            var name = testCase.GetProperty("name").GetString();
            try
            {
                var key = PrivateKey.FromProtobuf(Vectors.Hex(testCase.GetProperty("input").GetProperty("private_key_protobuf").GetString()!));
                var output = testCase.GetProperty("output");
                var expected = Convert.ToHexStringLower(Vectors.Hex(output.GetProperty("public_key_protobuf").GetString()!));
                if (Convert.ToHexStringLower(key.PublicKey.ToProtobuf()) != expected)
                {
                    failures.Add($"{name}: public key protobuf differs");
                }

                if (key.PeerId.ToString() != output.GetProperty("peer_id_derived").GetString())
                {
                    failures.Add($"{name}: peer id {key.PeerId}");
                }
            }
            catch (Exception e) when (e is FormatException or NotSupportedException)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}

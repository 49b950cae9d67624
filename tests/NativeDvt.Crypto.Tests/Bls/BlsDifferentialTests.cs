using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NativeDvt.Crypto.Bls;

namespace NativeDvt.Crypto.Tests.Bls;

/// <summary>Differential test against @chainsafe/blst 2.2.0 (supranational blst) on random keys and messages.</summary>
[Trait("Category", "Interop")]
public sealed class BlsDifferentialTests(BlstPeer peer) : IClassFixture<BlstPeer>
{
    /// <summary>Keys per run: each gives a public-key and a signature comparison and three verifications in each direction (1,600 checks).</summary>
    private const int KeyCount = 200;

    private readonly BlsScheme _scheme = new();

    [Fact]
    public async Task SignAndVerify_RandomKeys_AgreeWithBlstBothWays()
    {
        var sks = Enumerable.Range(0, KeyCount).Select(_ => RandomSecretKey()).ToList();
        var msgs = Enumerable.Range(0, KeyCount).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        var reply = await peer.CallAsync("sign", new JsonObject { ["sks"] = BlstPeer.HexArray(sks), ["msgs"] = BlstPeer.HexArray(msgs) });
        var blstPks = BlstPeer.FromHexArray(reply["pks"]);
        var blstSigs = BlstPeer.FromHexArray(reply["sigs"]);

        // Our side runs on all cores: the scheme is stateless and thread-safe.
        var ourPks = new byte[KeyCount][];
        var ourSigs = new byte[KeyCount][];
        var ourVerdicts = new bool[KeyCount, 3];
        Parallel.For(0, KeyCount, i =>
        {
            ourPks[i] = _scheme.DerivePublicKey(sks[i]);
            ourSigs[i] = _scheme.Sign(sks[i], msgs[i]);
            ourVerdicts[i, 0] = _scheme.Verify(blstPks[i], msgs[i], blstSigs[i]);
            ourVerdicts[i, 1] = _scheme.Verify(blstPks[i], msgs[(i + 1) % KeyCount], blstSigs[i]);
            ourVerdicts[i, 2] = _scheme.Verify(blstPks[(i + 1) % KeyCount], msgs[i], blstSigs[i]);
        });
        for (var i = 0; i < KeyCount; i++)
        {
            Assert.Equal(Convert.ToHexString(blstPks[i]), Convert.ToHexString(ourPks[i]));
            Assert.Equal(Convert.ToHexString(blstSigs[i]), Convert.ToHexString(ourSigs[i]));
            Assert.True(ourVerdicts[i, 0], $"we reject blst's signature {i}");
            Assert.False(ourVerdicts[i, 1], $"we accept blst's signature {i} on a wrong message");
            Assert.False(ourVerdicts[i, 2], $"we accept blst's signature {i} under a wrong key");
        }

        var cases = new JsonArray();
        for (var i = 0; i < KeyCount; i++)
        {
            cases.Add(Case(ourPks[i], msgs[i], ourSigs[i]));
            cases.Add(Case(ourPks[i], msgs[(i + 1) % KeyCount], ourSigs[i]));
            cases.Add(Case(ourPks[(i + 1) % KeyCount], msgs[i], ourSigs[i]));
        }

        var results = BlstPeer.FromBoolArray((await peer.CallAsync("verify", new JsonObject { ["cases"] = cases }))["results"]);
        for (var i = 0; i < KeyCount; i++)
        {
            Assert.True(results[3 * i], $"blst rejects our signature {i}");
            Assert.False(results[(3 * i) + 1], $"blst accepts our signature {i} on a wrong message");
            Assert.False(results[(3 * i) + 2], $"blst accepts our signature {i} under a wrong key");
        }
    }

    [Fact]
    public async Task AggregateAndFastAggregateVerify_GroupsOfSeven_AgreeWithBlst()
    {
        const int Groups = 8;
        const int GroupSize = 7;
        var message = RandomNumberGenerator.GetBytes(32);
        var sks = Enumerable.Range(0, Groups * GroupSize).Select(_ => RandomSecretKey()).ToList();
        var pks = sks.Select(sk => _scheme.DerivePublicKey(sk)).ToList();
        var sigs = sks.Select(sk => _scheme.Sign(sk, message)).ToList();
        var groups = Enumerable.Range(0, Groups).Select(g => Enumerable.Range(g * GroupSize, GroupSize).ToList()).ToList();

        var groupArray = new JsonArray([.. groups.Select(g => (JsonNode)BlstPeer.HexArray(g.Select(i => sigs[i])))]);
        var blstAggregates = BlstPeer.FromHexArray((await peer.CallAsync("aggregate", new JsonObject { ["groups"] = groupArray }))["sigs"]);
        var ourAggregates = groups.Select(g => _scheme.Aggregate(g.Select(i => sigs[i]).ToList())).ToList();

        var cases = new JsonArray();
        for (var g = 0; g < Groups; g++)
        {
            Assert.Equal(Convert.ToHexString(blstAggregates[g]), Convert.ToHexString(ourAggregates[g]));
            var groupPks = groups[g].Select(i => pks[i]).ToList();
            var otherPks = groups[(g + 1) % Groups].Select(i => pks[i]).ToList();
            Assert.True(_scheme.FastAggregateVerify(groupPks, message, blstAggregates[g]));
            Assert.False(_scheme.FastAggregateVerify(otherPks, message, blstAggregates[g]));
            Assert.False(_scheme.FastAggregateVerify(groupPks, RandomNumberGenerator.GetBytes(32), blstAggregates[g]));
            cases.Add(new JsonObject { ["pks"] = BlstPeer.HexArray(groupPks), ["msg"] = Convert.ToHexStringLower(message), ["sig"] = Convert.ToHexStringLower(ourAggregates[g]) });
            cases.Add(new JsonObject { ["pks"] = BlstPeer.HexArray(otherPks), ["msg"] = Convert.ToHexStringLower(message), ["sig"] = Convert.ToHexStringLower(ourAggregates[g]) });
        }

        var results = BlstPeer.FromBoolArray((await peer.CallAsync("fastAggregateVerify", new JsonObject { ["cases"] = cases }))["results"]);
        for (var g = 0; g < Groups; g++)
        {
            Assert.True(results[2 * g], $"blst rejects our aggregate {g}");
            Assert.False(results[(2 * g) + 1], $"blst accepts our aggregate {g} under other keys");
        }
    }

    [Fact]
    public async Task InvalidEncodings_MutatedSignatures_BothRejectAlike()
    {
        var sk = RandomSecretKey();
        var pk = _scheme.DerivePublicKey(sk);
        var message = RandomNumberGenerator.GetBytes(32);
        var signature = _scheme.Sign(sk, message);
        var cases = new JsonArray();
        var ours = new List<bool>();
        for (var i = 0; i < 64; i++)
        {
            var mutated = (byte[])signature.Clone();
            mutated[i % mutated.Length] ^= (byte)(1 << (i % 8));
            cases.Add(Case(pk, message, mutated));
            ours.Add(_scheme.Verify(pk, message, mutated));
        }

        var results = BlstPeer.FromBoolArray((await peer.CallAsync("verify", new JsonObject { ["cases"] = cases }))["results"]);
        Assert.Equal(results, ours);
        Assert.DoesNotContain(true, ours);
    }

    private static JsonObject Case(byte[] pk, byte[] msg, byte[] sig) => new()
    {
        ["pk"] = Convert.ToHexStringLower(pk),
        ["msg"] = Convert.ToHexStringLower(msg),
        ["sig"] = Convert.ToHexStringLower(sig),
    };

    /// <summary>A uniformly random 32-byte key below 2^254 &lt; r, never zero.</summary>
    internal static byte[] RandomSecretKey()
    {
        var sk = RandomNumberGenerator.GetBytes(32);
        sk[0] &= 0x3F;
        sk[31] |= 1;
        return sk;
    }
}

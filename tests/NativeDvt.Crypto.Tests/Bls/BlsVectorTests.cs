using System.Text;
using System.Text.Json;
using NativeDvt.Crypto.Bls;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.HashToCurve;
using NativeDvt.Tests;

namespace NativeDvt.Crypto.Tests.Bls;

/// <summary>Every case of every file in the shared bls vectors, read in place; failures are reported by case name.</summary>
[Trait("Category", "Vectors")]
public sealed class BlsVectorTests
{
    /// <summary>The files this class runs; <see cref="VectorFolder_EveryFile_IsCovered"/> checks that none is left out.</summary>
    private static readonly string[] Files =
    [
        "sign.json", "verify.json", "aggregate.json", "fast_aggregate_verify.json", "aggregate_verify.json",
        "batch_verify.json", "eth_aggregate_pubkeys.json", "eth_fast_aggregate_verify.json",
        "deserialization_G1.json", "deserialization_G2.json", "hash_to_G2.json", "ietf_hash_to_G2_RO.json",
        "ietf_expand_message_xmd_sha256.json",
    ];

    private readonly BlsScheme _scheme = new();

    [Fact]
    public void VectorFolder_EveryFile_IsCovered()
    {
        var folder = Vectors.PathOf("bls");
        var present = Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Files.Order().ToArray(), present);
    }

    [Fact]
    public void Sign_AllCases_MatchExpected() => RunSuite("sign.json", (input, output) =>
    {
        var sk = Hex(input.GetProperty("privkey"));
        var message = Hex(input.GetProperty("message"));
        if (output.ValueKind == JsonValueKind.Null)
        {
            Assert.Throws<BlsException>(() => _scheme.Sign(sk, message));
            return;
        }

        var signature = _scheme.Sign(sk, message);
        Assert.Equal(Convert.ToHexStringLower(Hex(output)), Convert.ToHexStringLower(signature));
        Assert.True(_scheme.Verify(_scheme.DerivePublicKey(sk), message, signature));
    });

    [Fact]
    public void Verify_AllCases_MatchExpected() => RunSuite("verify.json", (input, output) =>
        Assert.Equal(output.GetBoolean(), _scheme.Verify(Hex(input.GetProperty("pubkey")), Hex(input.GetProperty("message")), Hex(input.GetProperty("signature")))));

    [Fact]
    public void Aggregate_AllCases_MatchExpected() => RunSuite("aggregate.json", (input, output) =>
    {
        var signatures = HexList(input);
        if (output.ValueKind == JsonValueKind.Null)
        {
            Assert.Throws<BlsException>(() => _scheme.Aggregate(signatures));
            return;
        }

        Assert.Equal(Convert.ToHexStringLower(Hex(output)), Convert.ToHexStringLower(_scheme.Aggregate(signatures)));
    });

    [Fact]
    public void FastAggregateVerify_AllCases_MatchExpected() => RunSuite("fast_aggregate_verify.json", (input, output) =>
        Assert.Equal(output.GetBoolean(), _scheme.FastAggregateVerify(HexList(input.GetProperty("pubkeys")), Hex(input.GetProperty("message")), Hex(input.GetProperty("signature")))));

    [Fact]
    public void AggregateVerify_AllCases_MatchExpected() => RunSuite("aggregate_verify.json", (input, output) =>
        Assert.Equal(output.GetBoolean(), _scheme.AggregateVerify(HexList(input.GetProperty("pubkeys")), HexList(input.GetProperty("messages")), Hex(input.GetProperty("signature")))));

    [Fact]
    public void BatchVerify_AllCases_MatchExpected() => RunSuite("batch_verify.json", (input, output) =>
    {
        var pks = HexList(input.GetProperty("pubkeys"));
        var messages = HexList(input.GetProperty("messages"));
        var signatures = HexList(input.GetProperty("signatures"));
        var sets = pks.Select((pk, i) => new SignatureSet(pk, messages[i], signatures[i])).ToList();
        Assert.Equal(output.GetBoolean(), _scheme.BatchVerify(sets));
    });

    [Fact]
    public void VerifyFamily_ThroughOnePublicKeyCache_SameVerdictsColdAndWarm()
    {
        // One cache across every suite, each case twice: keys checked by one case answer the next from the cache, and an
        // invalid key never enters it.
        var keys = new BlsPublicKeyCache();
        var cached = new BlsScheme(keys);
        for (var round = 0; round < 2; round++)
        {
            RunSuite("verify.json", (input, output) =>
                Assert.Equal(output.GetBoolean(), cached.Verify(Hex(input.GetProperty("pubkey")), Hex(input.GetProperty("message")), Hex(input.GetProperty("signature")))));
            RunSuite("fast_aggregate_verify.json", (input, output) =>
                Assert.Equal(output.GetBoolean(), cached.FastAggregateVerify(HexList(input.GetProperty("pubkeys")), Hex(input.GetProperty("message")), Hex(input.GetProperty("signature")))));
            RunSuite("aggregate_verify.json", (input, output) =>
                Assert.Equal(output.GetBoolean(), cached.AggregateVerify(HexList(input.GetProperty("pubkeys")), HexList(input.GetProperty("messages")), Hex(input.GetProperty("signature")))));
            RunSuite("batch_verify.json", (input, output) =>
            {
                var pks = HexList(input.GetProperty("pubkeys"));
                var messages = HexList(input.GetProperty("messages"));
                var signatures = HexList(input.GetProperty("signatures"));
                Assert.Equal(output.GetBoolean(), cached.BatchVerify([.. pks.Select((pk, i) => new SignatureSet(pk, messages[i], signatures[i]))]));
            });
        }

        Assert.InRange(keys.Count, 1, keys.Capacity);
        RunSuite("deserialization_G1.json", (input, output) =>
        {
            var key = Hex(input.GetProperty("pubkey"));
            if (!output.GetBoolean())
            {
                // A key that fails to decode was never cached: a signature over it still fails.
                Assert.False(cached.Verify(key, [1], new byte[BlsScheme.SignatureSize]));
            }
        });
    }

    [Fact]
    public void EthAggregatePubkeys_AllCases_MatchExpected() => RunSuite("eth_aggregate_pubkeys.json", (input, output) =>
    {
        var pks = HexList(input);
        if (output.ValueKind == JsonValueKind.Null)
        {
            Assert.Throws<BlsException>(() => BlsScheme.EthAggregatePublicKeys(pks));
            return;
        }

        Assert.Equal(Convert.ToHexStringLower(Hex(output)), Convert.ToHexStringLower(BlsScheme.EthAggregatePublicKeys(pks)));
    });

    [Fact]
    public void EthFastAggregateVerify_AllCases_MatchExpected() => RunSuite("eth_fast_aggregate_verify.json", (input, output) =>
        Assert.Equal(output.GetBoolean(), BlsScheme.EthFastAggregateVerify(HexList(input.GetProperty("pubkeys")), Hex(input.GetProperty("message")), Hex(input.GetProperty("signature")))));

    [Fact]
    public void DeserializationG1_AllCases_MatchExpected() => RunSuite("deserialization_G1.json", (input, output) =>
        Assert.Equal(output.GetBoolean(), BlsScheme.IsValidG1Encoding(Hex(input.GetProperty("pubkey")))));

    [Fact]
    public void DeserializationG2_AllCases_MatchExpected() => RunSuite("deserialization_G2.json", (input, output) =>
        Assert.Equal(output.GetBoolean(), BlsScheme.IsValidG2Encoding(Hex(input.GetProperty("signature")))));

    [Fact]
    public void HashToG2_AllCases_MatchExpected() => RunSuite("hash_to_G2.json", (input, output) =>
    {
        var p = HashToG2.Hash(Encoding.UTF8.GetBytes(input.GetProperty("msg").GetString()!), Encoding.UTF8.GetBytes(input.GetProperty("dst").GetString()!)).ToAffine();
        AssertPoint(output, p);
    });

    [Fact]
    public void IetfHashToG2Ro_AllCases_MatchExpectedWithIntermediates() => RunSuite("ietf_hash_to_G2_RO.json", (input, output) =>
    {
        var message = Encoding.ASCII.GetBytes(input.GetProperty("msg").GetString()!);
        var dst = Encoding.ASCII.GetBytes(input.GetProperty("dst").GetString()!);
        var (u0, u1) = HashToG2.HashToField(message, dst);
        var us = output.GetProperty("u").EnumerateArray().ToArray();
        AssertFp2(us[0], u0);
        AssertFp2(us[1], u1);
        AssertPoint(output.GetProperty("Q0"), MapToG2.MapToCurve(u0).ToAffine());
        AssertPoint(output.GetProperty("Q1"), MapToG2.MapToCurve(u1).ToAffine());
        AssertPoint(output.GetProperty("P"), HashToG2.Hash(message, dst).ToAffine());
    });

    [Fact]
    public void ExpandMessageXmd_AllCases_MatchExpected() => RunSuite("ietf_expand_message_xmd_sha256.json", (input, output) =>
    {
        var message = Encoding.ASCII.GetBytes(input.GetProperty("msg").GetString()!);
        var dst = Encoding.ASCII.GetBytes(input.GetProperty("dst").GetString()!);
        var uniform = new byte[input.GetProperty("len_in_bytes").GetInt32()];
        ExpandMessageXmd.Expand(message, dst, uniform);
        Assert.Equal(Convert.ToHexStringLower(Hex(output.GetProperty("uniform_bytes"))), Convert.ToHexStringLower(uniform));
        Assert.Equal(Convert.ToHexStringLower(Hex(output.GetProperty("DST_prime"))), Convert.ToHexStringLower(ExpandMessageXmd.DstPrime(dst)));
    });

    private static void RunSuite(string file, Action<JsonElement, JsonElement> check)
    {
        using var document = Vectors.Load(Path.Combine("bls", file));
        var cases = Vectors.Cases(document);
        Assert.NotEmpty(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var name = testCase.GetProperty("name").GetString();
            try
            {
                check(testCase.GetProperty("input"), testCase.GetProperty("output"));
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.Message.Split('\n')[0]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count}/{cases.Count} cases of {file} failed:\n" + string.Join("\n", failures));
    }

    private static byte[] Hex(JsonElement element) => Vectors.Hex(element.GetString()!);

    private static List<byte[]> HexList(JsonElement element) => element.EnumerateArray().Select(Hex).ToList();

    private static void AssertFp2(JsonElement pair, Fp2 value)
    {
        var parts = pair.EnumerateArray().ToArray();
        Assert.Equal(Convert.ToHexStringLower(Hex(parts[0])), Convert.ToHexStringLower(value.C0.ToBytes()));
        Assert.Equal(Convert.ToHexStringLower(Hex(parts[1])), Convert.ToHexStringLower(value.C1.ToBytes()));
    }

    private static void AssertPoint(JsonElement expected, AffinePoint<Fp2> point)
    {
        AssertFp2(expected.GetProperty("x"), point.X);
        AssertFp2(expected.GetProperty("y"), point.Y);
    }
}

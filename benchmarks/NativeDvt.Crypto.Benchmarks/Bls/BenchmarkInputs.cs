using System.Text.Json.Nodes;
using NativeDvt.Crypto.Bls;

namespace NativeDvt.Crypto.Benchmarks.Bls;

/// <summary>Deterministic keys, messages and signatures shared by our timing and blst's.</summary>
internal sealed class BenchmarkInputs
{
    public required byte[] SecretKey { get; init; }
    public required byte[] Message { get; init; }
    public required byte[] PublicKey { get; init; }
    public required byte[] Signature { get; init; }
    public required List<byte[]> Signatures7 { get; init; }
    public required List<byte[]> PublicKeys7 { get; init; }
    public required byte[] Aggregate7 { get; init; }
    public required List<SignatureSet> Batch { get; init; }

    public static BenchmarkInputs Create(BlsScheme scheme)
    {
        var random = new Random(20261124);
        byte[] Key()
        {
            var sk = new byte[32];
            random.NextBytes(sk);
            sk[0] &= 0x3F;
            sk[31] |= 1;
            return sk;
        }

        byte[] Bytes32()
        {
            var m = new byte[32];
            random.NextBytes(m);
            return m;
        }

        var sk = Key();
        var message = Bytes32();
        var sks7 = Enumerable.Range(0, 7).Select(_ => Key()).ToList();
        var sigs7 = sks7.Select(k => scheme.Sign(k, message)).ToList();
        var batch = Enumerable.Range(0, 64).Select(_ =>
        {
            var k = Key();
            var m = Bytes32();
            return new SignatureSet(scheme.DerivePublicKey(k), m, scheme.Sign(k, m));
        }).ToList();
        return new BenchmarkInputs
        {
            SecretKey = sk,
            Message = message,
            PublicKey = scheme.DerivePublicKey(sk),
            Signature = scheme.Sign(sk, message),
            Signatures7 = sigs7,
            PublicKeys7 = sks7.Select(k => scheme.DerivePublicKey(k)).ToList(),
            Aggregate7 = scheme.Aggregate(sigs7),
            Batch = batch,
        };
    }

    public string ToJson()
    {
        static string H(byte[] b) => Convert.ToHexStringLower(b);
        static JsonArray A(IEnumerable<byte[]> items) => new([.. items.Select(b => (JsonNode)JsonValue.Create(H(b)))]);
        return new JsonObject
        {
            ["sk"] = H(SecretKey),
            ["msg"] = H(Message),
            ["pk"] = H(PublicKey),
            ["sig"] = H(Signature),
            ["sigs7"] = A(Signatures7),
            ["pks7"] = A(PublicKeys7),
            ["agg7"] = H(Aggregate7),
            ["batch"] = new JsonObject
            {
                ["pks"] = A(Batch.Select(s => s.PublicKey)),
                ["msgs"] = A(Batch.Select(s => s.Message)),
                ["sigs"] = A(Batch.Select(s => s.Signature)),
            },
        }.ToJsonString();
    }
}

using NativeDvt.Crypto.Registry;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Registry;

/// <summary>Random keys, messages and signatures of every length near the right one: Verify answers false and never throws.</summary>
[Trait("Category", "Fuzz")]
public sealed class RandomInputVerifyTests
{
    public static TheoryData<string, int, int> Schemes => new()
    {
        { "ed25519", 32, 64 },
        { "xmss", 68, 2500 },
        { "insecure-fast", 32, 32 },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Verify_RandomInputs_ReturnsFalseWithoutThrowing(string name, int publicKeyLength, int signatureLength)
    {
        var scheme = SignatureSchemes.Create(name, new InMemoryXmssStateStore());
        var random = new Random(name.Length);
        for (var trial = 0; trial < 60; trial++)
        {
            var publicKey = RandomBytes(random, publicKeyLength + random.Next(-1, 2));
            var signature = RandomBytes(random, signatureLength + random.Next(-1, 2));
            if (name == "xmss" && publicKey.Length == publicKeyLength)
            {
                // A valid OID and an in-range index reach the hashing instead of stopping at the header checks.
                publicKey[0] = publicKey[1] = publicKey[2] = 0;
                publicKey[3] = 1;
                signature[0] = signature[1] = 0;
                signature[2] &= 0x03;
            }

            Assert.False(scheme.Verify(publicKey, RandomBytes(random, random.Next(0, 64)), signature), $"trial {trial}");
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

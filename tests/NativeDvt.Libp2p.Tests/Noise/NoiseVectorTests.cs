using System.Text.Json;
using NativeDvt.Libp2p.Noise;
using NativeDvt.Tests;

namespace NativeDvt.Libp2p.Tests.Noise;

[Trait("Category", "Vectors")]
public sealed class NoiseVectorTests
{
    private const string Suffix = "_25519_ChaChaPoly_SHA256";

    [Fact]
    public void NoiseVectors_AllCases_ReproduceCiphertextsAndHandshakeHash()
    {
        using var document = Vectors.Load("noise/noise_25519_ChaChaPoly_SHA256.json");
        var failures = new List<string>();
        var visited = 0;
        foreach (var testCase in Vectors.Cases(document))
        {
            var name = testCase.GetProperty("name").GetString()!;
            visited++;
            try
            {
                var failure = Run(name, testCase);
                if (failure is not null)
                {
                    failures.Add($"{name} ({testCase.GetProperty("source").GetString()}): {failure}");
                }
            }
            catch (Exception e) when (e is NoiseException or InvalidOperationException)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        Assert.Equal(60, visited);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string? Run(string name, JsonElement testCase)
    {
        if (!name.StartsWith("Noise_", StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return "not a 25519/ChaChaPoly/SHA256 protocol name";
        }

        var pattern = NoisePattern.FromName(name["Noise_".Length..^Suffix.Length]);
        if (pattern is null)
        {
            return "pattern not in the table";
        }

        var input = testCase.GetProperty("input");
        var output = testCase.GetProperty("output");
        using var initiator = Side(pattern, input, "init", initiator: true);
        using var responder = Side(pattern, input, "resp", initiator: false);
        var payloads = input.GetProperty("payloads").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToArray();
        var ciphertexts = output.GetProperty("ciphertexts").EnumerateArray().Select(c => c.GetString()!).ToArray();
        if (payloads.Length != ciphertexts.Length)
        {
            return "payload and ciphertext counts differ";
        }

        (NoiseCipherState Send, NoiseCipherState Receive)? initiatorCiphers = null;
        (NoiseCipherState Send, NoiseCipherState Receive)? responderCiphers = null;
        for (var i = 0; i < payloads.Length; i++)
        {
            var fromInitiator = pattern.IsOneWay || i % 2 == 0;
            byte[] ciphertext;
            byte[] received;
            if (!initiator.IsComplete)
            {
                var (sender, receiver) = fromInitiator ? (initiator, responder) : (responder, initiator);
                ciphertext = sender.WriteMessage(payloads[i]);
                received = receiver.ReadMessage(ciphertext);
                if (initiator.IsComplete)
                {
                    if (!initiator.HandshakeHash.AsSpan().SequenceEqual(responder.HandshakeHash))
                    {
                        return "handshake hashes of the two sides differ";
                    }

                    if (output.TryGetProperty("handshake_hash", out var hash) && Convert.ToHexStringLower(initiator.HandshakeHash) != hash.GetString())
                    {
                        return $"handshake hash {Convert.ToHexStringLower(initiator.HandshakeHash)}";
                    }

                    initiatorCiphers = initiator.Split();
                    responderCiphers = responder.Split();
                }
            }
            else
            {
                var send = fromInitiator ? initiatorCiphers!.Value.Send : responderCiphers!.Value.Send;
                var receive = fromInitiator ? responderCiphers!.Value.Receive : initiatorCiphers!.Value.Receive;
                ciphertext = new byte[payloads[i].Length + NoiseCipherState.TagLength];
                send.EncryptWithAd([], payloads[i], ciphertext);
                received = new byte[payloads[i].Length];
                receive.DecryptWithAd([], ciphertext, received);
            }

            if (Convert.ToHexStringLower(ciphertext) != ciphertexts[i])
            {
                return $"message {i}: ciphertext {Convert.ToHexStringLower(ciphertext)}";
            }

            if (!received.AsSpan().SequenceEqual(payloads[i]))
            {
                return $"message {i}: decrypted payload differs";
            }
        }

        return null;
    }

    private static NoiseHandshakeState Side(NoisePattern pattern, JsonElement input, string prefix, bool initiator)
    {
        byte[]? Bytes(string field) => input.TryGetProperty($"{prefix}_{field}", out var value) ? Convert.FromHexString(value.GetString()!) : null;
        X25519KeyPair? Pair(string field) => Bytes(field) is { } key ? X25519KeyPair.FromPrivateKey(key) : null;
        var psks = input.TryGetProperty($"{prefix}_psks", out var list)
            ? list.EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList()
            : [];
        return new NoiseHandshakeState(pattern, initiator, Bytes("prologue") ?? [], Pair("static"), Pair("ephemeral"), Bytes("remote_static"), psks);
    }
}

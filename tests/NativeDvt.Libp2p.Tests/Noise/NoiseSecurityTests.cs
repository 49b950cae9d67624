using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Noise;

namespace NativeDvt.Libp2p.Tests.Noise;

[Trait("Category", "Loopback")]
public sealed class NoiseSecurityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static async Task<(NetworkStream A, NetworkStream B)> SocketPairAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accept = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        return (client.GetStream(), (await accept).GetStream());
    }

    [Fact]
    public async Task Secure_Ed25519AndSecp256k1_AuthenticateEachOtherAndCarryLargeWrites()
    {
        var (a, b) = await SocketPairAsync();
        var initiatorKey = PrivateKey.GenerateEd25519();
        var responderKey = PrivateKey.GenerateSecp256k1();
        var responding = NoiseSecurity.SecureAsync(b, responderKey, initiator: false, null, ["/yamux/1.0.0"], default);
        var initiator = await NoiseSecurity.SecureAsync(a, initiatorKey, initiator: true, responderKey.PeerId, [], default).WaitAsync(Timeout);
        var responder = await responding.WaitAsync(Timeout);
        Assert.Equal(responderKey.PeerId, initiator.RemotePeer);
        Assert.Equal(initiatorKey.PeerId, responder.RemotePeer);
        Assert.Equal(["/yamux/1.0.0"], initiator.RemoteStreamMuxers);
        Assert.Empty(responder.RemoteStreamMuxers);

        var payload = RandomNumberGenerator.GetBytes(200_000);
        var writing = initiator.Stream.WriteAsync(payload).AsTask();
        var received = new byte[payload.Length];
        await responder.Stream.ReadExactlyAsync(received).AsTask().WaitAsync(Timeout);
        await writing;
        Assert.True(payload.AsSpan().SequenceEqual(received));
    }

    [Fact]
    public async Task Secure_RemoteIsNotTheExpectedPeer_Throws()
    {
        var (a, b) = await SocketPairAsync();
        var responding = NoiseSecurity.SecureAsync(b, PrivateKey.GenerateEd25519(), initiator: false, null, [], default);
        await Assert.ThrowsAsync<NoiseException>(() =>
            NoiseSecurity.SecureAsync(a, PrivateKey.GenerateEd25519(), initiator: true, PrivateKey.GenerateEd25519().PeerId, [], default).WaitAsync(Timeout));
        a.Dispose();
        await Assert.ThrowsAnyAsync<IOException>(() => responding.WaitAsync(Timeout));
    }

    [Fact]
    public void HandshakePayload_EncodeDecode_RoundTrip()
    {
        var payload = new NoiseHandshakePayload([1, 2], [3], ["/yamux/1.0.0", "/mplex/6.7.0"]);
        var decoded = NoiseHandshakePayload.Decode(payload.Encode());
        Assert.Equal(payload.IdentityKey, decoded.IdentityKey);
        Assert.Equal(payload.IdentitySignature, decoded.IdentitySignature);
        Assert.Equal(payload.StreamMuxers, decoded.StreamMuxers);
    }

    [Fact]
    public void CipherState_TamperedCiphertext_FailsAuthentication()
    {
        using var send = new NoiseCipherState();
        using var receive = new NoiseCipherState();
        var key = RandomNumberGenerator.GetBytes(32);
        send.InitializeKey(key);
        receive.InitializeKey(key);
        var ciphertext = new byte[5 + NoiseCipherState.TagLength];
        send.EncryptWithAd([], "hello"u8, ciphertext);
        ciphertext[0] ^= 1;
        Assert.Throws<NoiseException>(() => receive.DecryptWithAd([], ciphertext, new byte[5]));
    }
}

using System.Net;
using System.Net.Sockets;
using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

/// <summary>
/// A stand-in libp2p host for <see cref="GossipsubService"/> tests: every stream is a fresh loopback TCP
/// socket pair (no security or multiplexing), handed to the remote host's handler.
/// </summary>
internal sealed class SocketPairHost(string name, Dictionary<string, SocketPairHost> registry) : IGossipsubHost
{
    private IReadOnlyList<string> _protocols = [];
    private Func<string, string, Stream, Task>? _handler;

    public string Name { get; } = name;

    /// <summary>Peers this host was asked to disconnect.</summary>
    public List<string> Disconnected { get; } = [];

    public void SetStreamHandler(IReadOnlyList<string> protocols, Func<string, string, Stream, Task> handler)
    {
        _protocols = protocols;
        _handler = handler;
    }

    public async Task<(Stream Stream, string Protocol)> OpenStreamAsync(string peer, IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        var remote = registry[peer];
        var protocol = protocols.FirstOrDefault(remote._protocols.Contains) ?? throw new IOException($"{peer} speaks none of {string.Join(", ", protocols)}");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cancellationToken);
        var server = await listener.AcceptTcpClientAsync(cancellationToken);
        _ = Task.Run(() => remote._handler!(Name, protocol, server.GetStream()), CancellationToken.None);
        return (client.GetStream(), protocol);
    }

    public Task DisconnectAsync(string peer)
    {
        lock (Disconnected)
        {
            Disconnected.Add(peer);
        }

        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Core.Streams;
using NativeDvt.Libp2p.Identify;
using NativeDvt.Libp2p.Ping;
using NativeDvt.Libp2p.Yamux;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>
/// A libp2p node over TCP + Noise + yamux: listens, dials, runs identify on every new
/// connection, answers ping, and dispatches inbound streams to protocol handlers.
/// </summary>
public sealed partial class Libp2pHost : IAsyncDisposable
{
    private readonly Libp2pHostOptions _options;
    private readonly PrivateKey _identity;
    private readonly YamuxOptions _yamuxOptions;
    private readonly ConcurrentDictionary<string, Func<IncomingStreamContext, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Multiaddr> _listenAddresses = [];
    private readonly ILogger _logger;
    private int _disposed;

    public Libp2pHost(Libp2pHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _identity = options.Identity ?? PrivateKey.GenerateEd25519();
        PeerId = _identity.PeerId;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<Libp2pHost>();
        _yamuxOptions = new YamuxOptions { MaxInboundStreams = options.MaxStreamsPerConnection, KeepAliveInterval = options.KeepAliveInterval };
        SetHandler(IdentifyProtocol.ProtocolId, context => IdentifyProtocol.RespondAsync(context, LocalIdentify()));
        SetHandler(PingProtocol.ProtocolId, PingProtocol.RespondAsync);
    }

    /// <summary>Raised when a peer gets its first connection.</summary>
    public event EventHandler<PeerEventArgs>? PeerConnected;

    /// <summary>Raised when a peer loses its last connection.</summary>
    public event EventHandler<PeerEventArgs>? PeerDisconnected;

    public PeerId PeerId { get; }

    public PublicKey PublicKey => _identity.PublicKey;

    /// <summary>The host key, for protocols in this assembly that sign as the host (gossipsub messages).</summary>
    internal PrivateKey Identity => _identity;

    /// <summary>The bound listen addresses (ports resolved), without /p2p/.</summary>
    public IReadOnlyList<Multiaddr> ListenAddresses
    {
        get
        {
            lock (_listenAddresses)
            {
                return [.. _listenAddresses];
            }
        }
    }

    /// <summary>The protocols with a handler.</summary>
    public IReadOnlyCollection<string> Protocols => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers (or replaces) the handler of <paramref name="protocolId"/>; the host disposes the stream after it returns.</summary>
    public void SetHandler(string protocolId, Func<IncomingStreamContext, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocolId);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[protocolId] = handler;
    }

    public void RemoveHandler(string protocolId) => _handlers.TryRemove(protocolId, out _);

    /// <summary>Opens a stream to a connected peer, negotiating the first supported of <paramref name="protocols"/>.</summary>
    public Task<MuxedStream> OpenStreamAsync(PeerId peer, params string[] protocols) => OpenStreamAsync(peer, protocols, CancellationToken.None);

    /// <summary>Opens a stream to a connected peer, negotiating the first supported of <paramref name="protocols"/>.</summary>
    public Task<MuxedStream> OpenStreamAsync(PeerId peer, IReadOnlyList<string> protocols, CancellationToken cancellationToken) =>
        RequireConnection(peer).OpenStreamAsync(protocols, cancellationToken);

    /// <summary>Round trip of /ipfs/ping/1.0.0 to a connected peer.</summary>
    public Task<TimeSpan> PingAsync(PeerId peer, CancellationToken cancellationToken = default) =>
        PingProtocol.PingAsync(RequireConnection(peer), cancellationToken);

    /// <summary>What a connected peer reported through identify on its oldest connection.</summary>
    public Task<IdentifyMessage> IdentifyAsync(PeerId peer, CancellationToken cancellationToken = default) =>
        RequireConnection(peer).Identify.WaitAsync(cancellationToken);

    /// <summary>Closes every connection to <paramref name="peer"/>.</summary>
    public async Task DisconnectAsync(PeerId peer)
    {
        foreach (var connection in GetConnections(peer))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        StopListeners();
        foreach (var connection in AllConnections())
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        // _shutdown stays undisposed: connection tasks still winding down read its token.
        await WhenListenersStoppedAsync().ConfigureAwait(false);
    }

    private IdentifyMessage LocalIdentify() => new()
    {
        ProtocolVersion = _options.ProtocolVersion,
        AgentVersion = _options.AgentVersion,
        PublicKey = _identity.PublicKey.ToProtobuf(),
        ListenAddresses = ListenAddresses,
        Protocols = [.. Protocols],
    };

    private Libp2pConnection RequireConnection(PeerId peer) =>
        FirstConnection(peer) ?? throw new InvalidOperationException($"not connected to {peer}");

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed != 0, this);

    private static bool IsShutdownError(Exception e) => e is OperationCanceledException or ObjectDisposedException or SocketException or IOException;
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NativeDvt.Libp2p.Gossipsub;

/// <summary>
/// Runs a <see cref="GossipsubRouter"/> over libp2p streams the way js-libp2p and go-libp2p do: one
/// long-lived outbound stream per peer carries everything we send, and each inbound stream is read for the
/// peer's RPCs. A peer joins the router once our outbound stream to it is negotiated; a malformed frame
/// removes that peer from the router and closes its connections.
/// </summary>
public sealed class GossipsubService : IGossipsubTransport, IAsyncDisposable
{
    private readonly IGossipsubHost _host;
    private readonly ConcurrentDictionary<string, Lazy<Task<OutboundStream?>>> _outbound = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OutboundStream> _senders = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;

    public GossipsubService(IGossipsubHost host, GossipsubOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        _host = host;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("NativeDvt.Libp2p.Gossipsub");
        Router = new GossipsubRouter(options, this, timeProvider, _logger);
        host.SetStreamHandler(GossipsubProtocolIds.All, HandleInboundAsync);
    }

    public GossipsubRouter Router { get; }

    /// <summary>Raised when a peer is dropped because of a malformed frame (the exception says why).</summary>
    public event EventHandler<RpcDecodeException>? PeerMisbehaved;

    /// <summary>Starts the router's heartbeat.</summary>
    public void Start() => Router.Start();

    /// <summary>A connection to <paramref name="peer"/> is up: open our outbound gossipsub stream to it.</summary>
    /// <param name="peer">The remote peer id.</param>
    /// <param name="outbound">We dialled the connection (v1.1 keeps D_out such peers in each mesh).</param>
    /// <returns>False when the peer does not speak gossipsub or the stream could not be opened.</returns>
    public async Task<bool> AddPeerAsync(string peer, bool outbound) =>
        await EnsureOutboundAsync(peer, outbound).ConfigureAwait(false) is not null;

    /// <summary>The connection to <paramref name="peer"/> is gone.</summary>
    public void RemovePeer(string peer)
    {
        Router.RemovePeer(peer);
        _outbound.TryRemove(peer, out _);
        if (_senders.TryRemove(peer, out var sender))
        {
            sender.Close();
        }
    }

    void IGossipsubTransport.Send(string peer, Rpc rpc)
    {
        if (_senders.TryGetValue(peer, out var sender) && !sender.TryEnqueue(rpc))
        {
            GossipsubLog.OutboundQueueFull(_logger, peer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Router.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var peer in _outbound.Keys)
        {
            RemovePeer(peer);
        }

        _stopping.Dispose();
    }

    private Task<OutboundStream?> EnsureOutboundAsync(string peer, bool outbound) =>
        _outbound.GetOrAdd(peer, p => new Lazy<Task<OutboundStream?>>(() => OpenOutboundAsync(p, outbound))).Value;

    private async Task<OutboundStream?> OpenOutboundAsync(string peer, bool outbound)
    {
        Stream stream;
        string protocol;
        try
        {
            (stream, protocol) = await _host.OpenStreamAsync(peer, GossipsubProtocolIds.All, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            GossipsubLog.OutboundStreamRefused(_logger, peer, e);
            _outbound.TryRemove(peer, out _);
            return null;
        }

        var version = GossipsubProtocolIds.Parse(protocol);
        if (version is null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            _outbound.TryRemove(peer, out _);
            return null;
        }

        var sender = new OutboundStream(stream, Router.Options, e =>
        {
            GossipsubLog.OutboundStreamFailed(_logger, peer, e);
            RemovePeer(peer);
        });
        sender.Start(_stopping.Token);

        // The router greets the peer with our subscriptions on AddPeer, so the sender must be in place first.
        _senders[peer] = sender;
        Router.AddPeer(peer, version.Value, outbound);
        return sender;
    }

    private async Task HandleInboundAsync(string peer, string protocol, Stream stream)
    {
        await using (stream.ConfigureAwait(false))
        {
            // Subscriptions in the peer's first frame must find the peer known to the router.
            if (await EnsureOutboundAsync(peer, outbound: false).ConfigureAwait(false) is null)
            {
                return;
            }

            try
            {
                while (!_stopping.IsCancellationRequested)
                {
                    var rpc = await RpcFraming.ReadAsync(stream, Router.Options.MaxRpcSize, _stopping.Token).ConfigureAwait(false);
                    if (rpc is null)
                    {
                        break;
                    }

                    await Router.HandleRpcAsync(peer, rpc, _stopping.Token).ConfigureAwait(false);
                }
            }
            catch (RpcDecodeException e)
            {
                GossipsubLog.MalformedFrame(_logger, peer, e);
                RemovePeer(peer);
                PeerMisbehaved?.Invoke(this, e);
                await _host.DisconnectAsync(peer).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The stream or the service went away; the connection's own close removes the peer.
            }
        }
    }

    /// <summary>Our side of one peer's outbound gossipsub stream: a queue drained by a writer loop.</summary>
    private sealed class OutboundStream(Stream stream, GossipsubOptions options, Action<Exception> onFailure)
    {
        private readonly Channel<Rpc> _queue = Channel.CreateBounded<Rpc>(new BoundedChannelOptions(options.OutboundQueueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });

        /// <summary>Queues an RPC; false when the queue is full and the RPC was dropped.</summary>
        public bool TryEnqueue(Rpc rpc) => _queue.Writer.TryWrite(rpc);

        public void Close() => _queue.Writer.TryComplete();

        public void Start(CancellationToken cancellationToken) => _ = Task.Run(() => WriteLoopAsync(cancellationToken), CancellationToken.None);

        private async Task WriteLoopAsync(CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var rpc in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    byte[] frame;
                    try
                    {
                        frame = RpcFraming.Frame(rpc, options.MaxRpcSize);
                    }
                    catch (GossipsubException)
                    {
                        // An RPC over the size limit would be refused by the peer; it is dropped, not sent.
                        continue;
                    }

                    await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                onFailure(e);
            }
            finally
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

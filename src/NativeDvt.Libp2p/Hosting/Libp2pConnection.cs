using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Core.Streams;
using NativeDvt.Libp2p.Identify;
using NativeDvt.Libp2p.MultistreamSelect;
using NativeDvt.Libp2p.Yamux;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>A secured, multiplexed connection to one peer.</summary>
public sealed class Libp2pConnection : IAsyncDisposable
{
    private readonly YamuxSession _session;
    private readonly TimeSpan _negotiationTimeout;
    private readonly TaskCompletionSource<IdentifyMessage> _identify = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Libp2pConnection(
        YamuxSession session,
        PublicKey remotePublicKey,
        Multiaddr localAddress,
        Multiaddr remoteAddress,
        ConnectionDirection direction,
        TimeSpan negotiationTimeout)
    {
        _session = session;
        RemotePublicKey = remotePublicKey;
        RemotePeer = remotePublicKey.ToPeerId();
        LocalAddress = localAddress;
        RemoteAddress = remoteAddress;
        Direction = direction;
        _negotiationTimeout = negotiationTimeout;
        _ = _identify.Task.ContinueWith(t => t.Exception, TaskScheduler.Default);
    }

    public PeerId RemotePeer { get; }

    public PublicKey RemotePublicKey { get; }

    /// <summary>Our end of the connection.</summary>
    public Multiaddr LocalAddress { get; }

    /// <summary>The remote end (without /p2p/).</summary>
    public Multiaddr RemoteAddress { get; }

    public ConnectionDirection Direction { get; }

    /// <summary>Completes when the connection has closed.</summary>
    public Task Completion => _session.Completion;

    /// <summary>The identify message the remote sent on this connection; faults when identify failed.</summary>
    public Task<IdentifyMessage> Identify => _identify.Task;

    internal YamuxSession Session => _session;

    /// <summary>Opens a stream and negotiates the first of <paramref name="protocols"/> the remote supports.</summary>
    public async Task<MuxedStream> OpenStreamAsync(IReadOnlyList<string> protocols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        var stream = await _session.OpenStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_negotiationTimeout);
            stream.Protocol = await Multistream.SelectAsync(stream, protocols, timeout.Token).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            stream.Reset();
            throw;
        }
    }

    /// <summary>Round trip of a yamux-level ping on this connection.</summary>
    public Task<TimeSpan> PingMuxerAsync(CancellationToken cancellationToken = default) => _session.PingAsync(cancellationToken);

    /// <summary>Closes the connection (yamux GoAway, then the socket).</summary>
    public ValueTask DisposeAsync() => _session.DisposeAsync();

    public override string ToString() => $"{Direction} {RemoteAddress}/p2p/{RemotePeer}";

    internal void SetIdentify(IdentifyMessage message) => _identify.TrySetResult(message);

    internal void FailIdentify(Exception reason) => _identify.TrySetException(reason);
}

using System.Threading.Channels;
using NativeDvt.Libp2p.MultistreamSelect;
using NativeDvt.Libp2p.Yamux;

namespace NativeDvt.Libp2p.Hosting;

/// <summary>Inbound streams: protocol negotiation and handler dispatch.</summary>
public sealed partial class Libp2pHost
{
    private async Task AcceptStreamsAsync(Libp2pConnection connection)
    {
        while (true)
        {
            YamuxStream stream;
            try
            {
                stream = await connection.Session.AcceptStreamAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ChannelClosedException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            _ = HandleStreamAsync(connection, stream);
        }
    }

    private async Task HandleStreamAsync(Libp2pConnection connection, YamuxStream stream)
    {
        try
        {
            Func<IncomingStreamContext, Task>? handler;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token))
            {
                timeout.CancelAfter(_options.StreamNegotiationTimeout);
                stream.Protocol = await Multistream.ListenAsync(stream, _handlers.ContainsKey, timeout.Token).ConfigureAwait(false);
            }

            if (!_handlers.TryGetValue(stream.Protocol, out handler))
            {
                stream.Reset();
                return;
            }

            await handler(new IncomingStreamContext(stream, connection, _shutdown.Token)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Negotiation failures and handler faults end only this stream.
            HostLog.StreamFailed(_logger, connection.RemotePeer, stream.Protocol, e);
            stream.Reset();
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace NativeDvt.Libp2p.Yamux;

/// <summary>
/// A yamux session over a secured connection. The dialer uses odd stream ids, the listener even.
/// One read loop dispatches frames; writes are serialised so each frame reaches the transport
/// whole. A protocol violation sends GoAway(protocol error) and closes the session.
/// </summary>
/// <remarks>Spec: https://github.com/hashicorp/yamux/blob/master/spec.md (libp2p/specs yamux).</remarks>
internal sealed class YamuxSession : IAsyncDisposable
{
    public const string ProtocolId = "/yamux/1.0.0";

    private readonly Stream _transport;
    private readonly bool _isDialer;
    private readonly ConcurrentDictionary<uint, YamuxStream> _streams = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<bool>> _pings = new();
    private readonly Channel<YamuxStream> _accepted = Channel.CreateUnbounded<YamuxStream>();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextStreamId;
    private uint _lastInboundId;
    private int _inboundCount;
    private int _pingId;
    private int _closed;
    private volatile bool _remoteGoingAway;

    public YamuxSession(Stream transport, bool isDialer, YamuxOptions options)
    {
        _transport = transport;
        _isDialer = isDialer;
        Options = options;
        _nextStreamId = isDialer ? 1 : 2;
    }

    public YamuxOptions Options { get; }

    /// <summary>Completes when the session has closed, for whatever reason.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Why the session closed, when it was not a local close.</summary>
    public Exception? CloseReason { get; private set; }

    /// <summary>Starts the read loop and keep-alive pings.</summary>
    public void Start()
    {
        _ = Task.Run(ReadLoopAsync);
        if (Options.KeepAliveInterval > TimeSpan.Zero)
        {
            _ = Task.Run(KeepAliveLoopAsync);
        }
    }

    /// <summary>Opens an outbound stream (SYN on a window update).</summary>
    public async Task<YamuxStream> OpenStreamAsync(CancellationToken cancellationToken)
    {
        if (_closed != 0 || _remoteGoingAway)
        {
            throw new YamuxException("session is closed or going away");
        }

        var id = (uint)(Interlocked.Add(ref _nextStreamId, 2) - 2);
        var stream = new YamuxStream(this, id, YamuxOptions.InitialWindow);
        _streams[id] = stream;
        await SendAsync(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, id, 0), default, cancellationToken).ConfigureAwait(false);
        return stream;
    }

    /// <summary>Waits for the next inbound stream; throws <see cref="ChannelClosedException"/> once the session has closed.</summary>
    public ValueTask<YamuxStream> AcceptStreamAsync(CancellationToken cancellationToken) => _accepted.Reader.ReadAsync(cancellationToken);

    /// <summary>Round trip of a yamux ping.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var id = (uint)Interlocked.Increment(ref _pingId);
        var pong = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = pong;
        try
        {
            var started = Stopwatch.GetTimestamp();
            await SendAsync(new YamuxHeader(YamuxFrameType.Ping, YamuxFlags.Syn, 0, id), default, cancellationToken).ConfigureAwait(false);
            return await pong.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
                ? Stopwatch.GetElapsedTime(started)
                : throw new YamuxException("session closed before the ping was answered");
        }
        finally
        {
            _pings.TryRemove(id, out _);
        }
    }

    /// <summary>Sends GoAway(normal) and closes the transport.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closed == 0)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await SendQuietlyAsync(new YamuxHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, (uint)YamuxGoAwayCode.Normal), timeout.Token).ConfigureAwait(false);
        }

        Shutdown(null);
        await _completion.Task.ConfigureAwait(false);
    }

    /// <summary>Writes one frame (header and payload in a single transport write).</summary>
    internal async Task SendAsync(YamuxHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var length = YamuxHeader.Size + payload.Length;
        var frame = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            header.Write(frame);
            payload.Span.CopyTo(frame.AsSpan(YamuxHeader.Size));
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_closed != 0)
                {
                    throw new YamuxException("session is closed");
                }

                // A cancelled write must not leave half a frame on the wire, so only shutdown cancels it.
                await _transport.WriteAsync(frame.AsMemory(0, length), _shutdown.Token).ConfigureAwait(false);
                await _transport.FlushAsync(_shutdown.Token).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            throw new YamuxException("session is closed");
        }
        catch (Exception e) when (e is IOException and not YamuxException || e is ObjectDisposedException)
        {
            Shutdown(e);
            throw new YamuxException("session transport failed", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Sends a control frame whose failure only matters to the session itself.</summary>
    internal async Task SendQuietlyAsync(YamuxHeader header, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAsync(header, default, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Fire-and-forget control frames: a failed send already shut the session down.
        }
    }

    internal void Remove(YamuxStream stream)
    {
        if (_streams.TryRemove(new KeyValuePair<uint, YamuxStream>(stream.Id, stream)) && IsInbound(stream.Id))
        {
            Interlocked.Decrement(ref _inboundCount);
        }
    }

    private bool IsInbound(uint id) => (id % 2 == 1) != _isDialer;

    private async Task ReadLoopAsync()
    {
        var header = new byte[YamuxHeader.Size];
        var payload = new byte[YamuxOptions.InitialWindow];
        try
        {
            while (true)
            {
                var read = await _transport.ReadAtLeastAsync(header, YamuxHeader.Size, throwOnEndOfStream: false, _shutdown.Token).ConfigureAwait(false);
                if (read < YamuxHeader.Size)
                {
                    throw read == 0 ? new EndOfStreamException("connection closed") : new YamuxException("connection closed inside a frame header");
                }

                await HandleFrameAsync(YamuxHeader.Read(header), payload).ConfigureAwait(false);
            }
        }
        catch (YamuxException e) when (_closed == 0)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await SendQuietlyAsync(new YamuxHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, (uint)YamuxGoAwayCode.ProtocolError), timeout.Token).ConfigureAwait(false);
            Shutdown(e);
        }
        catch (Exception e)
        {
            Shutdown(e);
        }
    }

    private async Task HandleFrameAsync(YamuxHeader header, byte[] payload)
    {
        switch (header.Type)
        {
            case YamuxFrameType.Ping:
                if (header.Flags.HasFlag(YamuxFlags.Syn))
                {
                    // Not awaited: the read loop must keep draining even while our writes are congested.
                    _ = SendQuietlyAsync(new YamuxHeader(YamuxFrameType.Ping, YamuxFlags.Ack, 0, header.Length));
                }
                else if (_pings.TryGetValue(header.Length, out var pong))
                {
                    pong.TrySetResult(true);
                }

                return;
            case YamuxFrameType.GoAway:
                _remoteGoingAway = true;
                if (header.Length != (uint)YamuxGoAwayCode.Normal)
                {
                    throw new EndOfStreamException($"remote sent GoAway with error code {header.Length}");
                }

                return;
        }

        if (header.StreamId == 0)
        {
            throw new YamuxException($"{header.Type} frame on stream 0");
        }

        var stream = await ResolveStreamAsync(header).ConfigureAwait(false);
        if (header.Type == YamuxFrameType.Data)
        {
            if (header.Length > YamuxOptions.InitialWindow)
            {
                throw new YamuxException($"data frame of {header.Length} bytes exceeds the receive window");
            }

            var length = (int)header.Length;
            if (await _transport.ReadAtLeastAsync(payload.AsMemory(0, length), length, throwOnEndOfStream: false, _shutdown.Token).ConfigureAwait(false) < length)
            {
                throw new YamuxException("connection closed inside a data frame");
            }

            if (stream is not null && !stream.OnData(payload.AsSpan(0, length)))
            {
                throw new YamuxException($"stream {header.StreamId} overran its receive window");
            }
        }
        else if (stream is not null)
        {
            stream.OnWindowUpdate(header.Length);
        }

        if (stream is null)
        {
            return;
        }

        if (header.Flags.HasFlag(YamuxFlags.Rst))
        {
            stream.Fail(new IOException("stream reset by the remote"));
            Remove(stream);
        }
        else if (header.Flags.HasFlag(YamuxFlags.Fin))
        {
            stream.OnRemoteClose();
        }
    }

    /// <summary>The stream a frame belongs to: a new inbound one on SYN, null for a stream we already forgot or refused.</summary>
    private async Task<YamuxStream?> ResolveStreamAsync(YamuxHeader header)
    {
        var id = header.StreamId;
        if (!header.Flags.HasFlag(YamuxFlags.Syn))
        {
            return _streams.GetValueOrDefault(id);
        }

        if (!IsInbound(id) || id <= _lastInboundId)
        {
            throw new YamuxException($"SYN for stream {id} that the remote may not open");
        }

        _lastInboundId = id;
        if (Interlocked.Increment(ref _inboundCount) > Options.MaxInboundStreams || _closed != 0)
        {
            Interlocked.Decrement(ref _inboundCount);
            await SendAsync(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, id, 0), default, _shutdown.Token).ConfigureAwait(false);
            return null;
        }

        var stream = new YamuxStream(this, id, YamuxOptions.InitialWindow);
        _streams[id] = stream;
        await SendAsync(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Ack, id, 0), default, _shutdown.Token).ConfigureAwait(false);
        _accepted.Writer.TryWrite(stream);
        return stream;
    }

    private async Task KeepAliveLoopAsync()
    {
        try
        {
            while (!_shutdown.IsCancellationRequested)
            {
                await Task.Delay(Options.KeepAliveInterval, _shutdown.Token).ConfigureAwait(false);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
                timeout.CancelAfter(Options.KeepAliveInterval);
                await PingAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Shutdown(new YamuxException("keep-alive ping unanswered", e));
        }
    }

    private void Shutdown(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        CloseReason = reason;
        _shutdown.Cancel();
        _accepted.Writer.TryComplete();
        var failure = new IOException("yamux session closed", reason);
        foreach (var stream in _streams.Values)
        {
            stream.Fail(failure);
        }

        _streams.Clear();
        // A result rather than an exception: a ping whose caller gave up must not leave a faulted task behind.
        foreach (var pong in _pings.Values)
        {
            pong.TrySetResult(false);
        }

        _ = DisposeTransportAsync();
    }

    private async Task DisposeTransportAsync()
    {
        try
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _completion.TrySetResult();
        }
    }
}

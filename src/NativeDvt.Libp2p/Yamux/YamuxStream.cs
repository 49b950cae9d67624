using NativeDvt.Libp2p.Core.Streams;

namespace NativeDvt.Libp2p.Yamux;

/// <summary>
/// One yamux stream. Received data is buffered up to the receive window; reading sends a window
/// update once half the window has been consumed. Writing waits for send window.
/// </summary>
internal sealed class YamuxStream : MuxedStream
{
    private readonly YamuxSession _session;
    private readonly object _gate = new();
    private readonly Queue<byte[]> _segments = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _segmentOffset;
    private int _disposed;
    private long _receiveWindow = YamuxOptions.InitialWindow;
    private long _consumedSinceUpdate;
    private long _sendWindow;
    private bool _remoteClosed;
    private bool _localClosed;
    private bool _detached;
    private Exception? _failure;
    private TaskCompletionSource? _readWaiter;
    private TaskCompletionSource? _sendWaiter;

    public YamuxStream(YamuxSession session, uint id, long initialSendWindow)
    {
        _session = session;
        Id = id;
        _sendWindow = initialSendWindow;
    }

    public uint Id { get; }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            TaskCompletionSource waiter;
            lock (_gate)
            {
                if (_segments.Count > 0)
                {
                    var count = CopyOut(buffer.Span);
                    var update = TakeWindowUpdate(count);
                    if (update > 0)
                    {
                        _ = SendWindowUpdateQuietlyAsync((uint)update);
                    }

                    return count;
                }

                if (_failure is not null)
                {
                    throw new IOException("yamux stream reset", _failure);
                }

                if (_remoteClosed)
                {
                    return 0;
                }

                waiter = _readWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!buffer.IsEmpty)
            {
                int chunk;
                TaskCompletionSource? waiter = null;
                lock (_gate)
                {
                    ThrowIfUnwritable();
                    if (_sendWindow > 0)
                    {
                        chunk = (int)Math.Min(Math.Min(buffer.Length, _sendWindow), _session.Options.MaxFrameSize);
                        _sendWindow -= chunk;
                    }
                    else
                    {
                        chunk = 0;
                        waiter = _sendWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }

                if (waiter is not null)
                {
                    await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await _session.SendAsync(new YamuxHeader(YamuxFrameType.Data, YamuxFlags.None, Id, (uint)chunk), buffer[..chunk], cancellationToken).ConfigureAwait(false);
                buffer = buffer[chunk..];
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override async Task CloseWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            bool detach;
            lock (_gate)
            {
                if (_localClosed || _failure is not null)
                {
                    return;
                }

                _localClosed = true;
                detach = _remoteClosed;
            }

            await _session.SendAsync(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Fin, Id, 0), default, cancellationToken).ConfigureAwait(false);
            if (detach)
            {
                Detach();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override void Reset()
    {
        if (Fail(new IOException("yamux stream reset locally")))
        {
            _ = _session.SendQuietlyAsync(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, Id, 0));
        }

        Detach();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await CloseQuietlyAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Data frame payload from the read loop; false when it overruns the receive window.</summary>
    internal bool OnData(ReadOnlySpan<byte> payload)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (payload.Length > _receiveWindow)
            {
                return false;
            }

            _receiveWindow -= payload.Length;
            if (_detached || _remoteClosed || _failure is not null || payload.IsEmpty)
            {
                return true;
            }

            _segments.Enqueue(payload.ToArray());
            waiter = _readWaiter;
            _readWaiter = null;
        }

        waiter?.TrySetResult();
        return true;
    }

    internal void OnWindowUpdate(uint delta)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _sendWindow += delta;
            waiter = _sendWaiter;
            _sendWaiter = null;
        }

        waiter?.TrySetResult();
    }

    internal void OnRemoteClose()
    {
        TaskCompletionSource? waiter;
        bool detach;
        lock (_gate)
        {
            _remoteClosed = true;
            detach = _localClosed;
            waiter = _readWaiter;
            _readWaiter = null;
        }

        waiter?.TrySetResult();
        if (detach)
        {
            Detach();
        }
    }

    /// <summary>Fails pending and future reads and writes; true the first time.</summary>
    internal bool Fail(Exception reason)
    {
        TaskCompletionSource? readWaiter;
        TaskCompletionSource? sendWaiter;
        lock (_gate)
        {
            if (_failure is not null)
            {
                return false;
            }

            _failure = reason;
            readWaiter = _readWaiter;
            sendWaiter = _sendWaiter;
            _readWaiter = null;
            _sendWaiter = null;
        }

        readWaiter?.TrySetResult();
        sendWaiter?.TrySetResult();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = CloseQuietlyAsync();
        }

        base.Dispose(disposing);
    }

    /// <summary>Disposal: FIN our side unless done, then forget the stream; frames still in flight are dropped.</summary>
    private async Task CloseQuietlyAsync()
    {
        try
        {
            await CloseWriteAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Disposal is best effort: a dead session has already failed the stream.
        }

        Detach();
    }

    private void Detach()
    {
        lock (_gate)
        {
            _detached = true;
        }

        _session.Remove(this);
    }

    private int CopyOut(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length && _segments.Count > 0)
        {
            var segment = _segments.Peek();
            var count = Math.Min(destination.Length - total, segment.Length - _segmentOffset);
            segment.AsSpan(_segmentOffset, count).CopyTo(destination[total..]);
            total += count;
            _segmentOffset += count;
            if (_segmentOffset == segment.Length)
            {
                _segments.Dequeue();
                _segmentOffset = 0;
            }
        }

        return total;
    }

    /// <summary>Credits consumed bytes back to the sender once half the window is used up.</summary>
    private long TakeWindowUpdate(int consumed)
    {
        _consumedSinceUpdate += consumed;
        if (_consumedSinceUpdate < YamuxOptions.InitialWindow / 2 || _remoteClosed)
        {
            return 0;
        }

        var delta = _consumedSinceUpdate;
        _consumedSinceUpdate = 0;
        _receiveWindow += delta;
        return delta;
    }

    private Task SendWindowUpdateQuietlyAsync(uint delta) =>
        _session.SendQuietlyAsync(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.None, Id, delta));

    private void ThrowIfUnwritable()
    {
        if (_failure is not null)
        {
            throw new IOException("yamux stream reset", _failure);
        }

        if (_localClosed)
        {
            throw new InvalidOperationException("the stream's writing side is closed");
        }
    }
}

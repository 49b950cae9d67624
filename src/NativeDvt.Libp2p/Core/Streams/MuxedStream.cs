namespace NativeDvt.Libp2p.Core.Streams;

/// <summary>
/// One multiplexed stream of a connection: a duplex <see cref="Stream"/> with half-close.
/// Reading returns 0 once the remote has closed its side; writing after <see cref="CloseWriteAsync"/>
/// fails. Disposing closes both directions.
/// </summary>
public abstract class MuxedStream : Stream
{
    /// <summary>The protocol negotiated for this stream (empty until negotiation finishes).</summary>
    public string Protocol { get; internal set; } = string.Empty;

    /// <summary>Closes our writing side (the remote reads end of stream); we can still read.</summary>
    public abstract Task CloseWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Aborts the stream in both directions; pending reads and writes fail.</summary>
    public abstract void Reset();

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public abstract override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default);

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}

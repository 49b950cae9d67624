using System.Buffers.Binary;

namespace NativeDvt.Libp2p.Noise;

/// <summary>
/// The secured channel after the handshake: each frame is a 2-byte big-endian length and a
/// ChaChaPoly ciphertext of at most 65535 bytes. One reader and one writer at a time (the muxer
/// above serialises its writes).
/// </summary>
internal sealed class NoiseStream : Stream
{
    public const int MaxFrameLength = 65535;
    public const int MaxPlaintextLength = MaxFrameLength - NoiseCipherState.TagLength;

    private readonly Stream _inner;
    private readonly NoiseCipherState _send;
    private readonly NoiseCipherState _receive;
    private readonly byte[] _readFrame = new byte[MaxFrameLength];
    private readonly byte[] _plaintext = new byte[MaxPlaintextLength];
    private readonly byte[] _writeFrame = new byte[2 + MaxFrameLength];
    private int _plaintextOffset;
    private int _plaintextLength;

    public NoiseStream(Stream inner, NoiseCipherState send, NoiseCipherState receive)
    {
        _inner = inner;
        _send = send;
        _receive = receive;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_plaintextOffset == _plaintextLength)
        {
            var length = await NoiseFraming.ReadFrameAsync(_inner, _readFrame, cancellationToken).ConfigureAwait(false);
            if (length < 0)
            {
                return 0;
            }

            _plaintextLength = _receive.DecryptWithAd([], _readFrame.AsSpan(0, length), _plaintext);
            _plaintextOffset = 0;
        }

        var count = Math.Min(buffer.Length, _plaintextLength - _plaintextOffset);
        _plaintext.AsMemory(_plaintextOffset, count).CopyTo(buffer);
        _plaintextOffset += count;
        return count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var chunk = buffer[..Math.Min(buffer.Length, MaxPlaintextLength)];
            var length = _send.EncryptWithAd([], chunk.Span, _writeFrame.AsSpan(2));
            BinaryPrimitives.WriteUInt16BigEndian(_writeFrame, (ushort)length);
            await _inner.WriteAsync(_writeFrame.AsMemory(0, 2 + length), cancellationToken).ConfigureAwait(false);
            buffer = buffer[chunk.Length..];
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => _inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _send.Dispose();
            _receive.Dispose();
        }

        base.Dispose(disposing);
    }
}

using System.IO.Pipes;
using NativeDvt.Libp2p.MultistreamSelect;

namespace NativeDvt.Libp2p.Tests.MultistreamSelect;

[Trait("Category", "Unit")]
public sealed class MultistreamTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static (Stream A, Stream B) Pipe()
    {
        var server = new AnonymousPipeServerStream(PipeDirection.Out);
        var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var back = new AnonymousPipeServerStream(PipeDirection.Out);
        var backClient = new AnonymousPipeClientStream(PipeDirection.In, back.ClientSafePipeHandle);
        return (new Duplex(backClient, server), new Duplex(client, back));
    }

    [Fact]
    public void Encode_Header_MatchesSpecBytes()
    {
        Assert.Equal("132f6d756c746973747265616d2f312e302e300a", Convert.ToHexStringLower(Multistream.Encode([Multistream.Header])));
        Assert.Equal("036e610a", Convert.ToHexStringLower(Multistream.Encode([Multistream.NotAvailable])));
    }

    [Fact]
    public async Task Select_SecondProposalSupported_NegotiatesItAfterNa()
    {
        var (dialer, listener) = Pipe();
        var listening = Multistream.ListenAsync(listener, p => p == "/b", default);
        var selected = await Multistream.SelectAsync(dialer, ["/a", "/b"], default).WaitAsync(Timeout);
        Assert.Equal("/b", selected);
        Assert.Equal("/b", await listening.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Select_NothingSupported_Throws()
    {
        var (dialer, listener) = Pipe();
        var listening = Multistream.ListenAsync(listener, _ => false, default);
        await Assert.ThrowsAsync<MultistreamException>(() => Multistream.SelectAsync(dialer, ["/a"], default).WaitAsync(Timeout));
        dialer.Dispose();
        await Assert.ThrowsAnyAsync<IOException>(() => listening.WaitAsync(Timeout));
    }

    [Theory]
    [InlineData("132f6d756c746973747265616d2f322e302e300a")]
    [InlineData("00")]
    [InlineData("02ff0a")]
    [InlineData("026161")]
    [InlineData("ffff7f")]
    [InlineData("808080808001")]
    public async Task Listen_MalformedHeader_Throws(string hex)
    {
        var (dialer, listener) = Pipe();
        await dialer.WriteAsync(Convert.FromHexString(hex));
        await Assert.ThrowsAsync<MultistreamException>(() => Multistream.ListenAsync(listener, _ => true, default).WaitAsync(Timeout));
    }

    /// <summary>Two one-way pipes as one duplex stream.</summary>
    private sealed class Duplex(Stream read, Stream write) : Stream
    {
        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => read.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => read.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => write.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => write.WriteAsync(buffer, cancellationToken);

        public override void Flush() => write.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                read.Dispose();
                write.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

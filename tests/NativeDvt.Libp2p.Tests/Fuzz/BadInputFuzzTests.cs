using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.MultistreamSelect;
using NativeDvt.Libp2p.Noise;
using NativeDvt.Libp2p.Tests.Hosting;
using NativeDvt.Libp2p.Yamux;

namespace NativeDvt.Libp2p.Tests.Fuzz;

/// <summary>
/// Drives 10,000 garbage and mutated inputs at the multistream, Noise and yamux layers of one
/// host, each on its own connection, and checks that the host closes each bad connection, keeps
/// an unrelated good connection working, accepts new peers afterwards, and leaves no task
/// exception unobserved.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class BadInputFuzzTests
{
    private const int MultistreamInputs = 6000;
    private const int NoiseInputs = 2500;
    private const int YamuxInputs = 1500;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MutatedInputs_AtEveryLayer_CloseOnlyTheirConnection()
    {
        var unobserved = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception.ToString());
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await using var server = await HostTests.StartHostAsync(o => o with { HandshakeTimeout = TimeSpan.FromSeconds(5) });
            await using var good = await HostTests.StartHostAsync();
            var goodConnection = await good.DialAsync(HostTests.AddressOf(server));
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            var stopwatch = Stopwatch.StartNew();

            var inputs = Enumerable.Range(0, MultistreamInputs + NoiseInputs + YamuxInputs);
            await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var random = new Random(i);
                var layer = i < MultistreamInputs ? "multistream" : i < MultistreamInputs + NoiseInputs ? "noise" : "yamux";
                try
                {
                    await using var peer = await RawPeer.ConnectAsync(server.ListenAddresses[0]);
                    using var setup = new CancellationTokenSource(CloseTimeout);
                    var closed = layer switch
                    {
                        "multistream" => await peer.SendAndAwaitCloseAsync(Mutator.Mutate(random, ValidMultistream), CloseTimeout),
                        "noise" => await FuzzNoiseAsync(peer, random, i % 2 == 0, setup.Token),
                        _ => await FuzzYamuxAsync(peer, random, server.PeerId, setup.Token),
                    };
                    if (!closed)
                    {
                        failures.Add($"{layer} input {i}: the host kept the connection open");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{layer} input {i}: {e.GetType().Name}: {e.Message}");
                }
            });
            var fuzzTime = stopwatch.Elapsed;

            Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
            Assert.True(await good.PingAsync(server.PeerId) > TimeSpan.Zero);
            Assert.Same(goodConnection, good.GetConnections(server.PeerId)[0]);
            await using var late = await HostTests.StartHostAsync();
            await late.DialAsync(HostTests.AddressOf(server));
            Assert.True(await late.PingAsync(server.PeerId) > TimeSpan.Zero);
            await WaitUntilAsync(() => server.ConnectedPeers.Count == 2);
            Assert.Equal(new[] { good.PeerId, late.PeerId }.Order(), server.ConnectedPeers.Order());
            TestContext.Current.SendDiagnosticMessage($"{MultistreamInputs + NoiseInputs + YamuxInputs} bad inputs in {fuzzTime.TotalSeconds:F1} s");
        }
        finally
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.True(unobserved.IsEmpty, string.Join(Environment.NewLine, unobserved));
    }

    private static byte[] ValidMultistream => Multistream.Encode([Multistream.Header, NoiseSecurity.ProtocolId]);

    /// <summary>Mutates the first handshake message, or a real third one after a good exchange.</summary>
    private static async Task<bool> FuzzNoiseAsync(RawPeer peer, Random random, bool mutateFirst, CancellationToken cancellationToken)
    {
        await peer.SelectNoiseAsync(cancellationToken);
        using var handshake = new NoiseHandshakeState(NoisePattern.XX, initiator: true, [], X25519KeyPair.Generate());
        var first = Frame(handshake.WriteMessage([]));
        if (mutateFirst)
        {
            return await peer.SendAndAwaitCloseAsync(Mutator.Mutate(random, first), CloseTimeout);
        }

        await peer.Stream.WriteAsync(first, cancellationToken);
        var second = new byte[NoiseStream.MaxFrameLength];
        var length = await NoiseFraming.ReadFrameAsync(peer.Stream, second, cancellationToken);
        handshake.ReadMessage(second.AsSpan(0, length));
        var identity = PrivateKey.GenerateEd25519();
        var payload = new NoiseHandshakePayload(identity.PublicKey.ToProtobuf(), identity.Sign(Encoding.ASCII.GetBytes("noise-libp2p-static-key:")), []).Encode();
        return await peer.SendAndAwaitCloseAsync(Mutator.Mutate(random, Frame(handshake.WriteMessage(payload))), CloseTimeout);
    }

    /// <summary>Mutates a batch of yamux frames sent over a good Noise channel.</summary>
    private static async Task<bool> FuzzYamuxAsync(RawPeer peer, Random random, PeerId server, CancellationToken cancellationToken)
    {
        await peer.SecureAndSelectYamuxAsync(PrivateKey.GenerateEd25519(), server, cancellationToken);
        return await peer.SendAndAwaitCloseAsync(Mutator.Mutate(random, ValidYamuxFrames), CloseTimeout);
    }

    private static byte[] ValidYamuxFrames
    {
        get
        {
            var streamData = Multistream.Encode([Multistream.Header, "/ipfs/ping/1.0.0"]).Concat(new byte[32]).ToArray();
            var frames = new List<byte>();
            void Add(YamuxFrameType type, YamuxFlags flags, uint stream, uint length, byte[]? data = null)
            {
                var header = new byte[YamuxHeader.Size];
                new YamuxHeader(type, flags, stream, length).Write(header);
                frames.AddRange(header);
                frames.AddRange(data ?? []);
            }

            Add(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0);
            Add(YamuxFrameType.Data, YamuxFlags.None, 1, (uint)streamData.Length, streamData);
            Add(YamuxFrameType.Ping, YamuxFlags.Syn, 0, 7);
            Add(YamuxFrameType.WindowUpdate, YamuxFlags.None, 1, 1000);
            Add(YamuxFrameType.Data, YamuxFlags.Fin, 1, 0);
            Add(YamuxFrameType.GoAway, YamuxFlags.None, 0, 0);
            return [.. frames];
        }
    }

    private static byte[] Frame(byte[] message)
    {
        var frame = new byte[2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
        message.CopyTo(frame, 2);
        return frame;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}

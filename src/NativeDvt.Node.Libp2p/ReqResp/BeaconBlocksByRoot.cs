using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Ethereum;
using NativeDvt.Libp2p.Hosting;

namespace NativeDvt.Node.Libp2p.ReqResp;

/// <summary>
/// BeaconBlocksByRoot (consensus-specs phase0 p2p-interface), under this devnet's protocol id: the request is
/// List[Root, MAX_REQUEST_BLOCKS], the response one success chunk per requested block the responder has (a
/// SignedBeaconBlock, in request order; unknown roots are skipped), then the responder closes the stream. Version 1
/// carries no fork-digest context bytes (the devnet has one fork).
/// </summary>
public static class BeaconBlocksByRoot
{
    /// <summary>The libp2p protocol id.</summary>
    public const string ProtocolId = "/ndvt/req/beacon_blocks_by_root/1/ssz_snappy";

    /// <summary>MAX_REQUEST_BLOCKS (phase0).</summary>
    public const int MaxRequestBlocks = 1024;

    /// <summary>RESP_TIMEOUT: the whole exchange, request to last chunk.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Answers requests on <paramref name="host"/> from <paramref name="lookup"/> (the SSZ of a block, or null).</summary>
    public static void Serve(Libp2pHost host, Func<Root, CancellationToken, Task<byte[]?>> lookup, ILogger? logger = null)
    {
        var log = logger ?? NullLogger.Instance;
        host.SetHandler(ProtocolId, async context =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            timeout.CancelAfter(ResponseTimeout);
            await RespondAsync(context.Stream, lookup, context.RemotePeer, log, timeout.Token).ConfigureAwait(false);
            await context.Stream.CloseWriteAsync(timeout.Token).ConfigureAwait(false);
        });
    }

    /// <summary>Asks <paramref name="peer"/> for the blocks of <paramref name="roots"/>; the SSZ of those it has.</summary>
    /// <exception cref="ReqRespException">The peer broke the encoding, sent too many chunks, or answered with an error.</exception>
    public static async Task<IReadOnlyList<byte[]>> RequestAsync(Libp2pHost host, PeerId peer, IReadOnlyList<Root> roots, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(roots.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(roots.Count, MaxRequestBlocks);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResponseTimeout);
        var stream = await host.OpenStreamAsync(peer, [ProtocolId], timeout.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(ReqRespCodec.EncodePayload(EncodeRequest(roots)), timeout.Token).ConfigureAwait(false);
            await stream.CloseWriteAsync(timeout.Token).ConfigureAwait(false);
            var blocks = new List<byte[]>();
            while (await ReqRespCodec.ReadChunkAsync(stream, EthereumGossipLimits.GossipMaxSize, timeout.Token).ConfigureAwait(false) is { } chunk)
            {
                if (chunk.Code != ResponseCode.Success)
                {
                    throw new ReqRespException($"BeaconBlocksByRoot: {chunk.Code}: {System.Text.Encoding.UTF8.GetString(chunk.Payload)}");
                }

                if (blocks.Count == roots.Count)
                {
                    throw new ReqRespException($"BeaconBlocksByRoot: more than the {roots.Count} blocks asked for");
                }

                blocks.Add(chunk.Payload);
            }

            return blocks;
        }
    }

    /// <summary>The SSZ of List[Root, MAX_REQUEST_BLOCKS]: the roots back to back.</summary>
    public static byte[] EncodeRequest(IReadOnlyList<Root> roots)
    {
        var bytes = new byte[roots.Count * Root.Length];
        for (var i = 0; i < roots.Count; i++)
        {
            roots[i].CopyTo(bytes.AsSpan(i * Root.Length));
        }

        return bytes;
    }

    /// <summary>Decodes a request; throws <see cref="ReqRespException"/> naming what is wrong.</summary>
    public static IReadOnlyList<Root> DecodeRequest(byte[] ssz)
    {
        if (ssz.Length == 0 || ssz.Length % Root.Length != 0 || ssz.Length / Root.Length > MaxRequestBlocks)
        {
            throw new ReqRespException($"BeaconBlocksByRoot: a request of {ssz.Length} bytes is not 1 to {MaxRequestBlocks} roots");
        }

        var roots = new Root[ssz.Length / Root.Length];
        for (var i = 0; i < roots.Length; i++)
        {
            roots[i] = new Root(ssz.AsSpan(i * Root.Length, Root.Length));
        }

        return roots;
    }

    private static async Task RespondAsync(Stream stream, Func<Root, CancellationToken, Task<byte[]?>> lookup, PeerId peer, ILogger logger, CancellationToken cancellationToken)
    {
        IReadOnlyList<Root> roots;
        try
        {
            var request = await ReqRespCodec.ReadPayloadAsync(stream, MaxRequestBlocks * Root.Length, cancellationToken).ConfigureAwait(false)
                ?? throw new ReqRespException("BeaconBlocksByRoot: the stream ended before the request");
            roots = DecodeRequest(request);
        }
        catch (ReqRespException e)
        {
            NodeLibp2pLog.BlockRequestRefused(logger, peer, e);
            await ReqRespCodec.WriteErrorAsync(stream, ResponseCode.InvalidRequest, e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var root in roots)
        {
            byte[]? block;
            try
            {
                block = await lookup(root, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                await ReqRespCodec.WriteErrorAsync(stream, ResponseCode.ServerError, "shutting down", cancellationToken).ConfigureAwait(false);
                return;
            }

            if (block is not null)
            {
                await ReqRespCodec.WriteChunkAsync(stream, ResponseCode.Success, block, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

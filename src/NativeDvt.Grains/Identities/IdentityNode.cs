using Microsoft.Extensions.Logging;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto.Xmss;
using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Node;
using NativeDvt.Node.Events;
using NativeDvt.Node.Libp2p;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Signing;
using NativeDvt.Shared;
using NativeDvt.Ssz;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// An identity's running node: a <see cref="Libp2pDvtNode"/> with the identity's member key and host key, signing
/// records through a journal over the silo's record store (loaded before the first duty), and node events forwarded to
/// the devnet's log. Not a grain: the grain owns one while it is active.
/// </summary>
internal sealed partial class IdentityNode : IAsyncDisposable
{
    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(5);

    private readonly Libp2pDvtNode _node;
    private readonly DevnetEventForwarder _events;
    private readonly DevnetContext _context;
    private readonly ActivityRecorder _activity;
    private readonly KeyGenerations _keys;

    private IdentityNode(Libp2pDvtNode node, DevnetEventForwarder events, DevnetContext context, ActivityRecorder activity, KeyGenerations keys, string profile)
    {
        _node = node;
        _events = events;
        _context = context;
        _activity = activity;
        _keys = keys;
        Profile = profile;
    }

    /// <summary>The client profile it runs, as the devnet file spells it.</summary>
    public string Profile { get; }

    /// <summary>The multiaddr it listens on, with its peer id.</summary>
    public string Address => _node.Address.ToString();

    /// <summary>
    /// Starts identity <paramref name="key"/>'s node: reads its signing records, listens on a free port of the silo's identity address, registers
    /// its address with the devnet and dials every registered peer. It runs <paramref name="profile"/>, or the devnet file's profile when null.
    /// </summary>
    public static async Task<IdentityNode> StartAsync(
        string key, DevnetContext context, PrivateKey hostKey, ISigningRecordStore records, IDevnetGrain devnet, BeaconState? anchor, IdentityNetwork network, MemberProfile? profile, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (group, member) = IdentityKeys.Parse(key);
        var journal = new SigningJournal(records);
        // A stateful scheme's one-time-key index is a signing record of this identity: its own instance over its journal.
        var scheme = context.Scheme is XmssScheme ? new XmssScheme(new JournalXmssStateStore(journal)) : context.Scheme;
        var keys = await KeyGenerations.LoadAsync(key, scheme, context.Seed, group, member, journal, cancellationToken).ConfigureAwait(false);
        var logger = loggers.CreateLogger<IdentityNode>();
        var events = new DevnetEventForwarder(devnet, context.Genesis.Preset.SlotsPerEpoch, TimeProvider.System, logger);
        var activity = new ActivityRecorder($"g{group}/m{member}", context.SlotDuration);
        var runs = profile ?? context.ProfileOf(group, member);
        var node = Libp2pDvtNode.Create(new Libp2pDvtNodeOptions
        {
            GenesisTime = context.GenesisTime,
            HostKey = hostKey,
            ListenAddress = network.ListenAddress,
            LoggerFactory = loggers,
            Node = new NodeOptions
            {
                Identity = new MemberId(new GroupIndex(group), member),
                Genesis = context.Genesis,
                Anchor = anchor,
                SlotDuration = context.SlotDuration,
                Scheme = scheme,
                SecretKey = keys.Current,
                HeldKeys = keys.Held,
                NextStatefulKey = keys.Next,
                States = context.States,
                Events = new EventSinks(events, activity),
                Profile = runs.ToClientProfile(),
                Journal = journal,
                WaitForSync = true,
            },
        });

        try
        {
            await node.Node.LoadSigningRecordsAsync(cancellationToken).ConfigureAwait(false);
            await journal.PreloadAsync(keys.OneTimeKeyRecords(scheme), cancellationToken).ConfigureAwait(false);

            await node.StartAsync(cancellationToken).ConfigureAwait(false);
            var self = node.Address.ToString();
            await devnet.RegisterBootstrapPeerAsync(self).ConfigureAwait(false);
            foreach (var peer in await devnet.GetBootstrapPeersAsync().ConfigureAwait(false))
            {
                if (!peer.EndsWith(node.Host.PeerId.ToString(), StringComparison.Ordinal))
                {
                    await DialAsync(node, peer, logger, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            await events.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var started = new IdentityNode(node, events, context, activity, keys, runs.ToString());
        context.Nodes.Add(started);
        return started;
    }

    /// <summary>The post-state of the newest finalized block the node holds (genesis, its anchor, or later).</summary>
    public Task<BeaconState?> FinalizedStateAsync() => _node.InvokeAsync(node => node.FindBlock(node.Finalized.Root)?.PostState);

    /// <summary>The node's status, read on its own loop.</summary>
    public Task<IdentityStatus> StatusAsync(string key, string silo) => _node.InvokeAsync(node =>
    {
        var head = node.HeadBlock;
        var state = head.PostState;
        return new IdentityStatus(
            key,
            true,
            _node.Host.PeerId.ToString(),
            Address,
            head.Slot.Value,
            head.Root.ToString(),
            Summary(state.PreviousJustifiedCheckpoint),
            Summary(state.CurrentJustifiedCheckpoint),
            Summary(state.FinalizedCheckpoint),
            node.Journal.HaltReason,
            silo);
    });

    /// <summary>The header of <paramref name="blockId"/> in the node's view, or null.</summary>
    public Task<HeaderSummary?> HeaderAsync(string blockId) => _node.InvokeAsync(node =>
        Find(node, blockId) is { } block ? Header(node, block)
        // Genesis is every chain's first block even after the node pruned it below finality.
        : blockId == "genesis" ? GenesisHeader(DvtNode.GenesisRoot(_context.Genesis), canonical: true)
        : null);

    /// <summary>Stops the node (its loop first, then gossip and the host) and flushes its events to the log.</summary>
    public async ValueTask DisposeAsync()
    {
        _context.Nodes.Remove(this);
        await _node.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task DialAsync(Libp2pDvtNode node, string peer, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DialTimeout);
        try
        {
            await node.DialAsync(Multiaddr.Parse(peer), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            // A peer that moved or stopped: it dials us when it comes back.
            LogDialFailed(logger, peer, error.Message);
        }
    }

    private static CheckpointSummary Summary(Checkpoint checkpoint) => new(checkpoint.Epoch.Value, checkpoint.Root.ToString());

    private StoredBlock? Find(DvtNode node, string blockId)
    {
        switch (blockId)
        {
            case "head":
                return node.HeadBlock;
            case "genesis":
                return node.FindBlock(DvtNode.GenesisRoot(_context.Genesis));
            case "finalized":
                return node.FindBlock(node.Finalized.Root);
            case "justified":
                return node.FindBlock(node.Justified.Root);
        }

        if (blockId.StartsWith("0x", StringComparison.Ordinal) && blockId.Length == 66)
        {
            return node.FindBlock(Root.FromHex(blockId));
        }

        if (!ulong.TryParse(blockId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var slot))
        {
            throw new ArgumentException($"block id '{blockId}' is none of head, genesis, finalized, justified, a slot or a 0x root", nameof(blockId));
        }

        return Canonical(node).FirstOrDefault(b => b.Slot.Value == slot);
    }

    private static IEnumerable<StoredBlock> Canonical(DvtNode node)
    {
        for (var block = node.HeadBlock; block is not null; block = block.Block is { } signed ? node.FindBlock(signed.Message.ParentRoot) : null)
        {
            yield return block;
        }
    }

    private HeaderSummary Header(DvtNode node, StoredBlock block)
    {
        var canonical = Canonical(node).TakeWhile(b => b.Slot >= block.Slot).Any(b => b.Root == block.Root);
        if (block.Block is not { } signed)
        {
            return GenesisHeader(block.Root, canonical);
        }

        var message = signed.Message;
        var signature = "0x" + Convert.ToHexStringLower(GroupSignature.Codec.Encode(signed.Signature));
        return new HeaderSummary(
            block.Root.ToString(), canonical, message.Slot.Value, message.ProposerIndex.Value, message.ParentRoot.ToString(), message.StateRoot.ToString(),
            SszRoots.Of(message.Body, _context.Genesis.Preset).ToString(), signature, signed.Signature.Signatures[0].ToString());
    }

    private static readonly string UnsignedSignature = "0x" + new string('0', 192);

    /// <summary>The genesis anchor: the genesis state's header with its state root, unsigned.</summary>
    private HeaderSummary GenesisHeader(Root root, bool canonical)
    {
        var header = _context.Genesis.LatestBlockHeader with { StateRoot = _context.Genesis.HashTreeRoot() };
        return new HeaderSummary(root.ToString(), canonical, header.Slot.Value, header.ProposerIndex.Value, header.ParentRoot.ToString(), header.StateRoot.ToString(), header.BodyRoot.ToString(), "0x", UnsignedSignature);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Could not dial {Peer}: {Reason}")]
    private static partial void LogDialFailed(ILogger logger, string peer, string reason);
}

using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Duties;
using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Crypto;
using NativeDvt.Node.Aggregation;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Network;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Signing;
using NativeDvt.Node.Timing;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

/// <summary>
/// A node: one view of the chain (block store, fork choice, pools, gossip validation, evidence) serving one or more
/// member identities, like a beacon node serving several validator keys. A deterministic state machine driven by its
/// host: time comes in through <see cref="OnTick"/> (at the instants the node asks for) and messages through
/// <see cref="OnGossip"/>; messages leave through <see cref="IGossipNetwork"/>. No clock, no thread, no I/O of its own.
/// </summary>
/// <remarks>
/// Duties of each member key (protocol.md sections 4 and 5): leader/follow block production with fallback
/// ranks, attestation at 1/3 of the slot (or on the slot's block), aggregation at 2/3 by n - m + 1 members of the
/// group, evidence of group equivocation. Every signature passes that member's slashing protection first. At most
/// one identity per group: a group's members keep independent views.
/// <para>
/// The partial files follow a slot's data path, one folder per stage: <c>Proposals/</c> (leader/follow and race),
/// <c>FollowSignatures/</c> (co-signing and assembling the block), <c>Blocks/</c> (import, orphans, the state-root bug),
/// <c>Attestations/</c> (the attester duty and members' votes), <c>Aggregation/</c> (group attestations and their pool),
/// <c>ForkChoice/</c> (the node's <see cref="ForkChoiceStore"/>, fed by those stages), with <c>InclusionLists/</c> beside them and
/// <c>Evidence/</c> and <c>KeyRotations/</c> off the path. Slot phases are <see cref="SlotPhase"/>'s, gossip reaches its
/// stage through <see cref="GossipRoutes"/>.
/// </para>
/// </remarks>
public sealed partial class DvtNode
{
    private readonly NodeOptions _options;
    private readonly IGossipNetwork _network;
    private readonly ChainConfig _config;
    private readonly Preset _preset;
    private readonly SharedStateCache _states;
    private readonly ISignatureVerifier _verifier;
    private readonly List<LocalIdentity> _identities = [];
    private readonly Dictionary<GroupIndex, LocalIdentity> _byGroup = [];
    private readonly INodeEventSink _events;
    private readonly Dictionary<Root, StoredBlock> _blocks = [];
    private readonly Dictionary<(DomainType Type, Epoch Epoch), Root> _domains = [];
    private readonly SlotTiming _timing;
    private readonly GossipRoutes _routes;
    private readonly Root _genesisValidatorsRoot;
    private readonly Fork _fork;
    private GroupRegistry _registry;
    private BeaconState _slotState;
    private TimeSpan _now;
    private Slot _slot;
    private bool _slotStarted;

    /// <summary>A node over <paramref name="network"/>; it does nothing until <see cref="Start"/>.</summary>
    public DvtNode(NodeOptions options, IGossipNetwork network)
    {
        _options = options;
        _network = network;
        var genesis = options.Genesis;
        _config = genesis.Config;
        _preset = genesis.Preset;
        _states = options.States;
        _verifier = options.States.Verifier;
        _events = options.Events;
        _timing = new SlotTiming(options.SlotDuration);
        _groupAttestations = new GroupAttestationPool(_preset, _config.Accounting);
        _genesisValidatorsRoot = genesis.GenesisValidatorsRoot;
        _fork = genesis.Fork;
        var start = AnchorOf(options);
        _registry = start.Groups;
        _slotState = start;
        Topics = new GossipTopics(genesis.Fork.CurrentVersion, genesis.GenesisValidatorsRoot);
        _routes = new GossipRoutes()
            .Topic(Topics.BeaconBlock, OnBlockGossip)
            .Topic(Topics.GroupProposal, OnGroupProposal)
            .Topic(Topics.FollowSignature, OnFollowSignature)
            .Topic(Topics.GroupAttestation, OnGroupAttestation)
            .Topic(Topics.InclusionList, OnInclusionList)
            .Topic(Topics.ProposerSlashing, OnProposerSlashingGossip)
            .Topic(Topics.AttesterSlashing, OnAttesterSlashingGossip)
            .Topic(Topics.KeyRotation, OnKeyRotationGossip)
            .Subnets(Topics.IsMemberAttestation, OnMemberAttestation)
            .Subnets(Topics.IsInclusionListProposal, OnInclusionListProposal)
            .Subnets(Topics.IsInclusionListFollow, OnInclusionListFollow);
        var own = new IdentityOptions
        {
            Identity = options.Identity,
            SecretKey = options.SecretKey,
            HeldKeys = options.HeldKeys,
            Profile = options.Profile,
            Graffiti = options.Graffiti,
        };
        foreach (var identity in options.MoreIdentities.Prepend(own))
        {
            var local = new LocalIdentity(identity, options.Scheme, options.Journal, genesis.GenesisValidatorsRoot);
            if (!_byGroup.TryAdd(local.Group, local))
            {
                throw new ArgumentException($"identities {_byGroup[local.Group].Id} and {local.Id} are of one group: its members need independent views", nameof(options));
            }

            _identities.Add(local);
        }

        options.Journal.Halted += reason => _events.Receive(new SigningHalted(Identity, reason, _now));
        var anchor = _states.AddAnchor(AnchorRoot(start), start);
        _blocks[anchor.Root] = anchor;
        _forkChoice = ForkChoiceOf(anchor, start, options.SlotDuration);
        _reportedFinalized = _forkChoice.Finalized.Epoch;
    }

    /// <summary>The node's signing records and the messages waiting for them to be durable.</summary>
    public SigningJournal Journal => _options.Journal;

    /// <summary>The identity this node runs (the first, when it serves several).</summary>
    public MemberId Identity => _options.Identity;

    /// <summary>Every identity the node serves, <see cref="Identity"/> first.</summary>
    public IReadOnlyList<MemberId> Identities => [.. _identities.Select(i => i.Id)];

    /// <summary>The topic names of this chain.</summary>
    public GossipTopics Topics { get; }

    /// <summary>The node's time.</summary>
    public TimeSpan Now => _now;

    /// <summary>A block the node holds, with its post-state.</summary>
    public StoredBlock? FindBlock(Root root) => _blocks.GetValueOrDefault(root);

    /// <summary>The root of the genesis block: the genesis state's latest header with its state root filled in.</summary>
    public static Root GenesisRoot(BeaconState genesis) => AnchorRoot(genesis);

    /// <summary>
    /// The root of the block whose post-state is <paramref name="state"/> (not advanced past the block's slot): its
    /// latest header with the state root filled in, as process_slot would fill it.
    /// </summary>
    public static Root AnchorRoot(BeaconState state) =>
        Consensus.Ssz.SszRoots.Of(state.LatestBlockHeader with { StateRoot = state.HashTreeRoot() });

    /// <summary>
    /// Reads every identity's signing records from the journal's store, so the first duties need not wait for them.
    /// A host with a durable store calls it before <see cref="Start"/>.
    /// </summary>
    public ValueTask LoadSigningRecordsAsync(CancellationToken cancellationToken = default) =>
        _options.Journal.PreloadAsync(_identities.SelectMany(i => i.Signer.RecordKeysToLoad), cancellationToken);

    /// <summary>
    /// Waits until the records of every signature made so far are durable and hands the messages held behind them to
    /// the network. A host whose store answers later calls it after each call into the node while
    /// <see cref="SigningJournal.HasPending"/>; never concurrently with another call into the node.
    /// </summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => _options.Journal.FlushAsync(cancellationToken);

    /// <summary>Subscribes to the topics; returns the first instant the node wants a tick.</summary>
    public TimeSpan Start(TimeSpan now)
    {
        _startedAt = now;
        foreach (var topic in Topics.All)
        {
            _network.Subscribe(topic);
        }

        var subnets = _identities.SelectMany(i => new[] { Topics.MemberAttestation(i.Group.Value), Topics.InclusionListProposal(i.Group.Value), Topics.InclusionListFollow(i.Group.Value) });
        foreach (var subnet in subnets.Distinct(StringComparer.Ordinal))
        {
            _network.Subscribe(subnet);
        }

        AdvanceTo(now);
        return now;
    }

    /// <summary>Runs the duties due at <paramref name="now"/>; returns the next instant the node wants a tick.</summary>
    public TimeSpan OnTick(TimeSpan now)
    {
        AdvanceTo(now);
        var slot = _timing.SlotAt(now);
        PauseWhileSyncing(slot);
        if (!_slotStarted || slot != _slot)
        {
            _slot = slot;
            _slotStarted = true;
            OnSlotStart(slot);
        }

        var twelfths = _timing.TwelfthsInto(slot, now);
        RunProposalDuty(slot, twelfths);
        RunInclusionListDuty(slot, twelfths);
        foreach (var me in _identities)
        {
            if (twelfths >= SlotPhase.Attestation)
            {
                RunAttesterDuty(me, slot);
            }

            if (twelfths >= SlotPhase.Aggregation)
            {
                RunAggregatorDuty(me, slot);
            }
        }

        return NextTick(slot, twelfths);
    }

    /// <summary>Validates and takes one gossip message (the transport's validator hook).</summary>
    public GossipVerdict OnGossip(TimeSpan now, string topic, byte[] data)
    {
        AdvanceTo(now);
        if (_routes.Find(topic) is not { } handler)
        {
            return GossipVerdict.Ignore;
        }

        try
        {
            return handler(data);
        }
        catch (SszException)
        {
            return GossipVerdict.Reject;
        }
    }

    private Epoch EpochOf(Slot slot) => ChainTime.EpochAtSlot(_preset, slot);

    private Slot CurrentSlot => _timing.SlotAt(_now);

    /// <summary>
    /// A gossip message of <paramref name="slot"/> the node ignores: from a slot that has not begun, or more than
    /// <paramref name="slotsBack"/> slots behind the current one (the p2p spec's propagation range).
    /// </summary>
    private bool OutsideGossipRange(Slot slot, ulong slotsBack) => slot > CurrentSlot || slot.Value + slotsBack < CurrentSlot.Value;

    private Group? GroupOf(GroupIndex index) => _registry.Contains(index) ? _registry[index] : null;

    /// <summary>
    /// A group signature from members' signatures (by member index) of one message, for a group of <paramref name="n"/>:
    /// the participation bits and, for an aggregatable scheme, their aggregate, else each signature in member order.
    /// </summary>
    private GroupSignature CombineSignatures(int n, SortedDictionary<int, Bytes> signatures)
    {
        var bits = MemberBits.Of(n, signatures.Keys);
        IReadOnlyList<Bytes> parts = _options.Scheme is IAggregatableScheme aggregatable
            ? [Bytes.Wrap(aggregatable.Aggregate([.. signatures.Values.Select(s => s.ToArray())]))]
            : [.. signatures.Values];
        return new GroupSignature(bits, parts);
    }

    // Every message leaves through the journal, which holds it until the records of the signatures before it are durable.
    private void Publish(string topic, byte[] data) => _options.Journal.Publish(_network, topic, data);

    private TimeSpan NextTick(Slot slot, int twelfths)
    {
        var next = NextDutyTick(slot, twelfths);
        return NextInclusionListTick(slot, twelfths) is { } il && il < next ? il : next;
    }

    private TimeSpan NextDutyTick(Slot slot, int twelfths)
    {
        // Every twelfth while one of the node's groups proposes (fallback ranks act at r x LEADER_TIMEOUT = r
        // twelfths), else only at 1/3 and 2/3 of the slot and at the next slot's start.
        if (_rounds.TryGetValue(slot, out var round) && _byGroup.ContainsKey(round.Group) && twelfths < SlotPhase.LastTwelfth)
        {
            return _timing.At(slot, twelfths + 1);
        }

        return twelfths < SlotPhase.Attestation ? _timing.At(slot, SlotPhase.Attestation)
            : twelfths < SlotPhase.Aggregation ? _timing.At(slot, SlotPhase.Aggregation)
            : _timing.StartOf(slot) + _timing.SlotDuration;
    }

    private void AdvanceTo(TimeSpan now)
    {
        if (now > _now)
        {
            _now = now;
        }

        TickForkChoice();
    }

    private void OnSlotStart(Slot slot)
    {
        var head = HeadBlock;
        var state = _states.Advanced(head, slot);
        _registry = state.Groups;
        _slotState = state;
        var epoch = EpochOf(slot);
        UseKeysInForce(state, epoch);
        RotateKeysRunningLow(epoch);
        // Recomputed every slot: after a reorg to another fork the committees may differ (other RANDAO).
        foreach (var me in _identities)
        {
            me.AttesterDuty = GroupDuties.AttesterDuty(state, epoch, me.Group);
        }

        var proposer = _states.Proposer(head, slot);
        _events.Receive(new SlotStarted(Identity, slot, proposer, _now));
        var round = RoundFor(slot, proposer);
        if (_byGroup.TryGetValue(proposer, out var local) && round.Ranking is null)
        {
            round.Ranking = GroupDuties.RankMembers(state, slot, proposer);
            round.MyRank = Array.IndexOf(round.Ranking, local.Member);
        }

        OnInclusionListSlotStart(slot, state);
        PruneRounds(slot);
        PrunePools(slot);
    }

    private Root Domain(DomainType type, Epoch epoch)
    {
        if (!_domains.TryGetValue((type, epoch), out var domain))
        {
            domain = Domains.GetDomain(_fork, _genesisValidatorsRoot, type, epoch);
            _domains[(type, epoch)] = domain;
        }

        return domain;
    }

    private static BeaconState AnchorOf(NodeOptions options)
    {
        if (options.Anchor is not { } anchor)
        {
            return options.Genesis;
        }

        if (anchor.GenesisValidatorsRoot != options.Genesis.GenesisValidatorsRoot || anchor.GenesisTime != options.Genesis.GenesisTime)
        {
            throw new ArgumentException($"the anchor state (slot {anchor.Slot.Value}) is of another chain: its genesis differs from the node's", nameof(options));
        }

        if (anchor.LatestBlockHeader.StateRoot != Root.Zero)
        {
            throw new ArgumentException($"the anchor state was advanced past its block (slot {anchor.Slot.Value}): give the block's own post-state", nameof(options));
        }

        return anchor;
    }

    private static T Decode<T>(ISszCodec<T> codec, byte[] data) => codec.Decode(data);
}

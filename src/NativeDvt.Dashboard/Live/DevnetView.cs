using NativeDvt.Dashboard.Api;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>
/// Everything the dashboard's pages show, as one JSON document pushed to them on every refresh (<c>/api/live</c>) and
/// served once at <c>/api/view</c>. Built by <see cref="DevnetViewBuilder"/> from the cluster's readings.
/// </summary>
/// <param name="At">When it was read.</param>
/// <param name="Devnet">The devnet file's name.</param>
/// <param name="Scheme">The member keys' signature scheme.</param>
/// <param name="SecondsPerSlot">Slot length.</param>
/// <param name="SlotsPerEpoch">Slots per epoch.</param>
/// <param name="WallSlot">The slot the wall clock is in.</param>
/// <param name="HeadSlot">The newest head slot among running nodes.</param>
/// <param name="JustifiedEpoch">The current justified epoch of that head.</param>
/// <param name="FinalizedEpoch">Its finalized epoch.</param>
/// <param name="Running">Identities whose nodes run.</param>
/// <param name="Identities">Every identity's status and activity.</param>
/// <param name="Participation">Per settled epoch, the stake that earned each flag.</param>
/// <param name="Slots">The recent slots: block or miss, latencies, reason.</param>
/// <param name="Groups">Every group.</param>
/// <param name="Events">The newest entries of the event log.</param>
/// <param name="Ledger">Every injected fault and what followed it.</param>
/// <param name="Network">Gossip per topic per slot, summed over identities.</param>
/// <param name="Stake">How concentrated the stake's control is.</param>
/// <param name="GossipTotals">Gossip per topic since the dashboard started reading, summed over identities (monotonic).</param>
/// <param name="Slashings">Every group slashing of the log with both sides' evidence, once a node has it.</param>
public sealed record DevnetView(
    DateTimeOffset At,
    string Devnet,
    string Scheme,
    double SecondsPerSlot,
    ulong SlotsPerEpoch,
    ulong WallSlot,
    ulong HeadSlot,
    ulong JustifiedEpoch,
    ulong FinalizedEpoch,
    int Running,
    IdentityView[] Identities,
    EpochParticipation[] Participation,
    SlotView[] Slots,
    GroupView[] Groups,
    EventEntry[] Events,
    LedgerEntry[] Ledger,
    TopicRate[] Network,
    StakeConcentration Stake,
    TopicTraffic[] GossipTotals,
    SlashingView[] Slashings);

/// <summary>A group slashing of the event log and what the block that included it carried.</summary>
/// <param name="Event">The log's entry.</param>
/// <param name="Evidence">Each slashing of the group in that block, both messages and their signers; empty until read.</param>
/// <param name="Lost">
/// The including block left the nodes' stores (pruned at finality, or reorged out) before the dashboard read it: the
/// event stands, its two messages cannot be shown.
/// </param>
public sealed record SlashingView(EventEntry Event, SlashingEvidence[] Evidence, bool Lost);

/// <summary>An identity: its node's status, what it did lately, and the faults applied to it.</summary>
/// <param name="Status">As its grain reports it.</param>
/// <param name="Peers">Connected libp2p peers.</param>
/// <param name="Profile">Its client profile.</param>
/// <param name="BlockDelayMilliseconds">Its block hold-back (a delay fault).</param>
/// <param name="LastDuties">Its newest observations of its own duties (attested, proposed, follow-signed, assembled).</param>
/// <param name="LastDutySlot">The slot of its newest duty, or null.</param>
/// <param name="Topics">Its gossip per topic since its node started.</param>
public sealed record IdentityView(
    IdentityStatus Status,
    int Peers,
    string Profile,
    int BlockDelayMilliseconds,
    SlotObservation[] LastDuties,
    ulong? LastDutySlot,
    TopicTraffic[] Topics);

/// <summary>The stake-weighted share of groups that earned each flag for one settled epoch.</summary>
/// <param name="Epoch">The epoch attested in.</param>
/// <param name="Source">Share of active stake with timely source.</param>
/// <param name="Target">With timely target (what justification counts).</param>
/// <param name="Head">With timely head.</param>
/// <param name="Groups">Groups the share is over.</param>
public sealed record EpochParticipation(ulong Epoch, double Source, double Target, double Head, int Groups);

/// <summary>One slot as the identities saw it.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Outcome"><c>block</c>, <c>late</c> (imported after a third of the slot), <c>missed</c>, or <c>pending</c> (the wall clock is still in it).</param>
/// <param name="Group">The proposing group, when any of its members said.</param>
/// <param name="ProposedAt">Seconds into the slot of the leader's proposal.</param>
/// <param name="ThresholdAt">Seconds into the slot of the m-th follow signature.</param>
/// <param name="ImportedAt">Median seconds into the slot at which nodes imported the block.</param>
/// <param name="ImportedBy">Nodes that imported a block of the slot.</param>
/// <param name="SplitVotes">Groups whose aggregators found their members split in this slot.</param>
/// <param name="Reason">Why the slot has no block, or empty.</param>
/// <param name="InclusionListMisses">Groups whose inclusion list for the slot was missed, with the reason (<c>g2: ...</c>).</param>
public sealed record SlotView(
    ulong Slot, string Outcome, ulong? Group, double? ProposedAt, double? ThresholdAt, double? ImportedAt, int ImportedBy, ulong[] SplitVotes, string Reason, string[] InclusionListMisses);

/// <summary>A group with what the dashboard derives of it.</summary>
/// <param name="Summary">As its grain reports it.</param>
/// <param name="SplitVoteSlots">Recent slots in which its members' votes split.</param>
/// <param name="RewardGwei">Sum of the rewards of its settled epochs the dashboard has seen.</param>
/// <param name="MaxRewardGwei">What they would have paid had it earned every flag.</param>
/// <param name="Epochs">Every settled epoch of it the dashboard has read since it started, oldest first.</param>
public sealed record GroupView(GroupSummary Summary, ulong[] SplitVoteSlots, long RewardGwei, long MaxRewardGwei, GroupEpochSummary[] Epochs);

/// <summary>Gossip on one topic, per slot, over the monitor's recent window and summed over identities.</summary>
/// <param name="Topic">The topic's short name.</param>
/// <param name="MessagesPerSlot">Messages published.</param>
/// <param name="BytesPerSlot">Their SSZ bytes.</param>
/// <param name="DeliveriesPerSlot">Deliveries accepted.</param>
/// <param name="RejectedPerSlot">Deliveries rejected.</param>
public sealed record TopicRate(string Topic, double MessagesPerSlot, double BytesPerSlot, double DeliveriesPerSlot, double RejectedPerSlot);

/// <summary>
/// How concentrated the control of stake is. A group is one validator, so its stake is one share in the
/// Herfindahl-Hirschman index; taking it over needs m of its operators (one per identity), which the Nakamoto
/// coefficient counts.
/// </summary>
/// <param name="Herfindahl">Sum of squared stake shares of the groups, 0..1 (1: one group holds everything).</param>
/// <param name="Nakamoto">The fewest identities whose groups (m members each) control more than a third of the stake: enough to stop finality.</param>
/// <param name="NakamotoHalf">The same for more than half.</param>
public sealed record StakeConcentration(double Herfindahl, int Nakamoto, int NakamotoHalf);

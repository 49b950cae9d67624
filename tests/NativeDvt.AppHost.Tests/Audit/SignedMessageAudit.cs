using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.AppHost.Tests.Audit;

/// <summary>
/// Every member signature seen on the devnet's gossip, checked for the conflicts protocol.md forbids a member: two
/// different attestation data for one target epoch, a surrounding pair of votes, two different blocks or inclusion lists
/// for one slot. Members sign in member attestations, group attestations (by their participation bits, also inside
/// blocks), leader proposals, follow signatures, blocks, and inclusion-list proposals, follows and lists. Independent of
/// the nodes' own evidence code: it reads the messages, not the event log.
/// </summary>
internal sealed class SignedMessageAudit(Preset preset, GossipTopics topics)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ulong Group, ulong Member, ulong Target), (Root Root, AttestationData Data)> _votes = [];
    private readonly Dictionary<(ulong Group, ulong Member), List<AttestationData>> _votesOf = [];
    private readonly Dictionary<(ulong Group, ulong Member, ulong Slot), Root> _blocks = [];
    private readonly Dictionary<(ulong Group, ulong Member, ulong Slot), Root> _lists = [];
    private readonly Dictionary<(ulong Group, ulong Member), ulong> _lastSlot = [];
    private readonly List<string> _conflicts = [];

    /// <summary>Messages read.</summary>
    public int Messages { get; private set; }

    /// <summary>Every conflict found, one line each.</summary>
    public IReadOnlyList<string> Conflicts
    {
        get
        {
            lock (_gate)
            {
                return [.. _conflicts];
            }
        }
    }

    /// <summary>The newest slot in which each member (g, m) was seen signing.</summary>
    public IReadOnlyDictionary<(ulong Group, ulong Member), ulong> LastSigned
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<(ulong, ulong), ulong>(_lastSlot);
            }
        }
    }

    /// <summary>Reads one gossip payload (SSZ, decompressed); throws <see cref="SszException"/> on bytes that do not decode.</summary>
    public void Record(string topic, byte[] ssz)
    {
        lock (_gate)
        {
            Messages++;
            if (topic == topics.BeaconBlock)
            {
                var signed = SignedBeaconBlock.CodecFor(preset).Decode(ssz);
                var block = signed.Message;
                Signed(_blocks, "block", block.ProposerIndex.Value, signed.Signature.ParticipationBits.Indices(), block.Slot.Value, SszRoots.Of(block, preset));
                foreach (var attestation in block.Body.Attestations)
                {
                    Votes(attestation.GroupIndex.Value, attestation.Signature.ParticipationBits.Indices(), attestation.Data);
                }
            }
            else if (topic == topics.GroupProposal)
            {
                var proposal = GroupProposal.CodecFor(preset).Decode(ssz);
                Signed(_blocks, "block", proposal.Block.ProposerIndex.Value, [(int)proposal.LeaderIndex], proposal.Block.Slot.Value, SszRoots.Of(proposal.Block, preset));
            }
            else if (topic == topics.FollowSignature)
            {
                var follow = FollowSignature.Codec.Decode(ssz);
                Signed(_blocks, "block", follow.GroupIndex.Value, [(int)follow.MemberIndex], follow.Slot.Value, follow.BlockRoot);
            }
            else if (topics.IsMemberAttestation(topic))
            {
                var attestation = MemberAttestation.Codec.Decode(ssz);
                Votes(attestation.GroupIndex.Value, [(int)attestation.MemberIndex], attestation.Data);
            }
            else if (topic == topics.GroupAttestation)
            {
                var attestation = GroupAttestation.Codec.Decode(ssz);
                Votes(attestation.GroupIndex.Value, attestation.Signature.ParticipationBits.Indices(), attestation.Data);
            }
            else if (topics.IsInclusionListProposal(topic))
            {
                var proposal = InclusionListProposal.Codec.Decode(ssz);
                var list = proposal.Message;
                Signed(_lists, "inclusion list", list.GroupIndex.Value, [(int)proposal.LeaderIndex], list.Slot.Value, InclusionList.Codec.HashTreeRoot(list).ToRoot());
            }
            else if (topics.IsInclusionListFollow(topic))
            {
                var follow = InclusionListFollow.Codec.Decode(ssz);
                Signed(_lists, "inclusion list", follow.GroupIndex.Value, [(int)follow.MemberIndex], follow.Slot.Value, follow.InclusionListRoot);
            }
            else if (topic == topics.InclusionList)
            {
                var signed = SignedInclusionList.Codec.Decode(ssz);
                var list = signed.Message;
                Signed(_lists, "inclusion list", list.GroupIndex.Value, signed.Signature.ParticipationBits.Indices(), list.Slot.Value, InclusionList.Codec.HashTreeRoot(list).ToRoot());
            }
        }
    }

    private void Signed(Dictionary<(ulong, ulong, ulong), Root> seen, string what, ulong group, IEnumerable<int> members, ulong slot, Root root)
    {
        foreach (var member in members.Select(m => (ulong)m))
        {
            Saw(group, member, slot);
            if (!seen.TryAdd((group, member, slot), root) && seen[(group, member, slot)] != root)
            {
                _conflicts.Add($"g{group}/m{member} signed two {what}s for slot {slot}: {seen[(group, member, slot)]} and {root}");
            }
        }
    }

    private void Votes(ulong group, IEnumerable<int> members, AttestationData data)
    {
        var root = SszRoots.Of(data);
        foreach (var member in members.Select(m => (ulong)m))
        {
            Saw(group, member, data.Slot.Value);
            if (_votes.TryGetValue((group, member, data.Target.Epoch.Value), out var known))
            {
                if (known.Root != root)
                {
                    _conflicts.Add($"g{group}/m{member} double vote for target epoch {data.Target.Epoch.Value}: {known.Data} and {data}");
                }

                continue;
            }

            _votes[(group, member, data.Target.Epoch.Value)] = (root, data);
            if (!_votesOf.TryGetValue((group, member), out var mine))
            {
                _votesOf[(group, member)] = mine = [];
            }

            foreach (var other in mine.Where(o => Surrounds(o, data) || Surrounds(data, o)))
            {
                _conflicts.Add($"g{group}/m{member} surround vote: {other} and {data}");
            }

            mine.Add(data);
        }
    }

    private void Saw(ulong group, ulong member, ulong slot)
    {
        if (!_lastSlot.TryGetValue((group, member), out var last) || slot > last)
        {
            _lastSlot[(group, member)] = slot;
        }
    }

    private static bool Surrounds(AttestationData outer, AttestationData inner) =>
        outer.Source.Epoch < inner.Source.Epoch && inner.Target.Epoch < outer.Target.Epoch;
}

using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Proposals;
using NativeDvt.Node.Timing;

namespace NativeDvt.Node;

/// <summary>
/// The `race` proposal policy as this devnet runs it (docs/protocol.md, section "Race"): every member proposes at
/// t = 0, but a proposal is not a vote; at RACE_DEADLINE each member co-signs the best-ranked valid proposal it has
/// seen, its own included, and the first block to gather m signatures is assembled.
/// </summary>
public sealed partial class DvtNode
{
    /// <summary>Mixed into the root a race proposal's signature covers, so that it can never be a share of the block's signature.</summary>
    private const ulong RaceProposalTag = 0x7261_6365;

    private bool IsRace => _config.Proposal == ProposalPolicy.Race;

    /// <summary>
    /// What a proposal's leader signature covers. Leader/follow: the block's signing root (the leader's share of the
    /// group signature). Race: hash(block root, tag) under the proposer domain, which authenticates the proposer
    /// without signing the block, so proposing does not spend the member's one block signature of the slot.
    /// </summary>
    private Root ProposalSigningRoot(Root blockRoot, Slot slot)
    {
        var domain = Domain(Domains.BeaconProposer, EpochOf(slot));
        return Domains.ComputeSigningRoot(IsRace ? Hashing.Hash(blockRoot, RaceProposalTag) : blockRoot, domain);
    }

    private void RunRaceDuty(LocalIdentity me, ProposalRound round, int twelfths)
    {
        if (twelfths >= SlotPhase.Attestation)
        {
            return;
        }

        if (!round.ProposedByMe)
        {
            Propose(me, round);
        }

        // A solo has nobody to wait for; a group waits for the others' proposals until the deadline.
        var deadline = GroupOf(round.Group) is { Size: 1 } ? 0 : SlotPhase.RaceDeadline;
        if (twelfths < deadline || round.Signed is not null || round.Ranking is not { } ranking)
        {
            return;
        }

        foreach (var (root, proposal) in round.Proposals.OrderBy(p => Array.IndexOf(ranking, MemberIndex.FromChecked(p.Value.LeaderIndex))).ToList())
        {
            if (round.Invalid.Contains(root))
            {
                continue;
            }

            Follow(me, round, proposal, root);
            if (round.Signed is not null)
            {
                return;
            }
        }
    }
}

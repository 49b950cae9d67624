using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

public static partial class PerBlockProcessing
{
    /// <summary>process_block_header.</summary>
    internal static void ProcessBlockHeader(BeaconState state, BeaconBlock block, Root bodyRoot)
    {
        const BlockRule rule = BlockRule.ProcessBlockHeader;
        InvalidBlockException.Require(block.Slot == state.Slot, rule, $"block slot {block.Slot} is not the state slot {state.Slot}");
        InvalidBlockException.Require(block.Slot > state.LatestBlockHeader.Slot, rule, "block is not newer than the latest header");
        var proposer = state.GetBeaconProposerIndex();
        InvalidBlockException.Require(block.ProposerIndex == proposer, rule, $"proposer {block.ProposerIndex} is not the expected {proposer}");
        InvalidBlockException.Require(block.ParentRoot == SszRoots.Of(state.LatestBlockHeader), rule, "parent root does not match the latest header");
        state.LatestBlockHeader = new BeaconBlockHeader(block.Slot, block.ProposerIndex, block.ParentRoot, Root.Zero, bodyRoot);
        InvalidBlockException.Require(!state.Groups[proposer].Slashed, rule, "proposer group is slashed");
    }

    /// <summary>
    /// process_randao: the reveal is one member's signature over the epoch, checked against that member's key.
    /// A group thus has up to n possible reveals per proposal (see docs/protocol.md on grinding).
    /// </summary>
    internal static void ProcessRandao(BlockContext context, BeaconBlockBody body)
    {
        const BlockRule rule = BlockRule.ProcessRandao;
        var state = context.State;
        var epoch = state.CurrentEpoch;
        var group = state.Groups[context.Proposer];
        InvalidBlockException.Require(body.RandaoMemberIndex < (ulong)group.Size, rule,
            $"member {body.RandaoMemberIndex} is not in a group of {group.Size}");
        if (context.VerifySignatures)
        {
            var signingRoot = Domains.ComputeSigningRoot(Hashing.Chunk(epoch.Value), context.Domain(Domains.Randao, epoch));
            var key = group.MemberPubkeyAt((int)body.RandaoMemberIndex, epoch);
            InvalidBlockException.Require(context.Verifier.Verify(key, signingRoot, body.RandaoReveal), rule, "invalid RANDAO reveal");
        }

        Span<byte> mix = stackalloc byte[32];
        Span<byte> revealHash = stackalloc byte[32];
        state.GetRandaoMix(epoch).CopyTo(mix);
        Hashing.Hash(body.RandaoReveal.Span).CopyTo(revealHash);
        for (var i = 0; i < 32; i++)
        {
            mix[i] ^= revealHash[i];
        }

        state.RandaoMixes[(int)(epoch.Value % state.Preset.EpochsPerHistoricalVector)] = new Root(mix);
    }
}

using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.Support;

/// <summary>A small chain of groups with insecure keys: builds genesis, signs for any members, produces blocks and attestations.</summary>
internal sealed class TestChain
{
    private TestChain(ChainConfig config, InsecureTestScheme scheme, BeaconState genesis)
    {
        Config = config;
        Scheme = scheme;
        Genesis = genesis;
    }

    public ChainConfig Config { get; }

    public InsecureTestScheme Scheme { get; }

    public BeaconState Genesis { get; }

    public Preset Preset => Config.Preset;

    public static ChainConfig MinimalConfig(AccountingPolicy accounting = AccountingPolicy.Whole, bool allowUnsafe = false) =>
        new() { Preset = Preset.Minimal, Accounting = accounting, AllowUnsafeThreshold = allowUnsafe, SchemeName = InsecureTestScheme.Name };

    public static Bytes MemberKey(int group, int member) => InsecureTestScheme.PublicKey((ulong)(group * 100 + member));

    public static TestChain Create(IReadOnlyList<(int N, int M)> groups, ChainConfig? config = null, bool aggregates = true)
    {
        config = (config ?? MinimalConfig()) with { SchemeAggregates = aggregates };
        var entries = groups.Select((g, i) => new GenesisGroup(
            [.. Enumerable.Range(0, g.N).Select(member => MemberKey(i, member))],
            (ulong)g.M,
            new Gwei((ulong)g.N * config.Preset.MinActivationBalance))).ToList();
        var (state, error) = GenesisBuilder.Build(config, entries, 0, Root.FromHex(new string('0', 62) + "42"));
        Assert.Null(error);
        return new TestChain(config, new InsecureTestScheme(aggregates), state!);
    }

    /// <summary>A group signature by <paramref name="members"/> with the keys in force at <paramref name="keyEpoch"/>.</summary>
    public GroupSignature Sign(Group group, Epoch keyEpoch, Root signingRoot, IEnumerable<int> members)
    {
        var ordered = members.Distinct().Order().ToArray();
        var signatures = ordered.Select(i => InsecureTestScheme.Sign(group.MemberPubkeyAt(i, keyEpoch), signingRoot)).ToArray();
        var bits = MemberBits.Of(group.Size, ordered);
        return new GroupSignature(bits, Scheme.Aggregates ? [InsecureTestScheme.Aggregate(signatures)] : signatures);
    }

    public static IEnumerable<int> FirstMembers(Group group, int count) => Enumerable.Range(0, Math.Min(count, group.Size));

    public Root SigningRoot(BeaconState state, Root objectRoot, DomainType type, Epoch epoch) =>
        Domains.ComputeSigningRoot(objectRoot, Domains.GetDomain(state.Fork, state.GenesisValidatorsRoot, type, epoch));

    /// <summary>A valid signed block at <paramref name="slot"/> on <paramref name="pre"/>, signed by the proposer's first m members.</summary>
    public SignedBeaconBlock ProduceBlock(BeaconState pre, Slot slot, Func<BeaconBlockBody, BeaconBlockBody>? customize = null, int? signers = null)
    {
        var state = pre.Copy();
        if (slot > state.Slot)
        {
            PerSlotProcessing.ProcessSlots(state, slot);
        }

        var proposer = state.GetBeaconProposerIndex();
        var group = state.Groups[proposer];
        var epoch = state.CurrentEpoch;
        var reveal = InsecureTestScheme.Sign(group.MemberPubkeyAt(0, epoch), SigningRoot(state, Hashing.Chunk(epoch.Value), Domains.Randao, epoch));
        var body = new BeaconBlockBody { RandaoReveal = reveal };
        body = customize?.Invoke(body) ?? body;
        var block = new BeaconBlock(slot, proposer, SszRoots.Of(state.LatestBlockHeader), Root.Zero, body);
        var error = PerBlockProcessing.ProcessBlock(state, block, Scheme, SignatureChecks.Skip);
        if (error is null)
        {
            block = block with { StateRoot = state.HashTreeRoot() };
        }

        var signingRoot = SigningRoot(state, SszRoots.Of(block, Preset), Domains.BeaconProposer, epoch);
        return new SignedBeaconBlock(block, Sign(group, epoch, signingRoot, FirstMembers(group, signers ?? (int)group.Threshold)));
    }

    /// <summary>Applies a block that must be valid.</summary>
    public BeaconState Apply(BeaconState pre, SignedBeaconBlock block)
    {
        var (post, error) = StateTransitionFunction.TryApply(pre, block, Scheme);
        Assert.True(error is null, error?.ToString());
        return post!;
    }

    /// <summary>
    /// Every committee's attestations for <paramref name="slot"/> on <paramref name="state"/> (at that slot, after its block),
    /// voting for <paramref name="head"/>; <paramref name="signers"/> picks the members of each group (default: first m).
    /// </summary>
    public List<GroupAttestation> Attest(BeaconState state, Slot slot, Root head, Func<Group, IEnumerable<int>>? signers = null)
    {
        var epoch = ChainTime.EpochAtSlot(Preset, slot);
        var start = ChainTime.StartSlot(Preset, epoch);
        var target = new Checkpoint(epoch, start == slot ? head : state.GetBlockRootAtSlot(start));
        var result = new List<GroupAttestation>();
        var committees = state.GetCommitteeCountPerSlot(epoch);
        for (ulong c = 0; c < committees; c++)
        {
            var data = new AttestationData(slot, new CommitteeIndex(c), head, state.CurrentJustifiedCheckpoint, target);
            var signingRoot = SigningRoot(state, SszRoots.Of(data), Domains.BeaconAttester, epoch);
            foreach (var index in state.GetBeaconCommittee(slot, new CommitteeIndex(c)).ToArray())
            {
                var group = state.Groups[index];
                var members = (signers?.Invoke(group) ?? FirstMembers(group, (int)group.Threshold)).ToArray();
                if (members.Length == 0)
                {
                    continue;
                }

                result.Add(new GroupAttestation(new GroupIndex((ulong)index), data, Sign(group, epoch, signingRoot, members)));
            }
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="slots"/> slots from <paramref name="state"/>, one block per slot carrying the previous slot's
    /// attestations (made by <paramref name="signers"/>, default first m), and returns the final state.
    /// </summary>
    public BeaconState Run(BeaconState state, int slots, Func<Group, IEnumerable<int>>? signers = null, bool attest = true)
    {
        List<GroupAttestation> pending = [];
        for (var k = 0; k < slots; k++)
        {
            var slot = state.Slot + 1;
            var included = pending;
            var block = ProduceBlock(state, slot, body => body with { Attestations = included });
            state = Apply(state, block);
            pending = attest ? Attest(state, slot, SszRoots.Of(block.Message, Preset), signers) : [];
        }

        return state;
    }
}

using System.Collections.Concurrent;
using CsCheck;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Consensus.Tests.StateTransition;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.Properties;

[Trait("Category", "Property")]
public sealed class GroupThresholdProperties
{
    private static readonly ConcurrentDictionary<(int, int, AccountingPolicy), (TestChain, BeaconState)> Chains = new();

    private static readonly Gen<(int N, int M)> AnyGroup =
        Gen.Int[1, 16].SelectMany(n => Gen.Int[1, n].Select(m => (n, m)));

    [Fact]
    public void FewerThanMSigners_NeverEarnAnyReward()
    {
        var gen = AnyGroup.SelectMany(g => Gen.Int[0, g.M - 1].SelectMany(k =>
            Gen.Shuffle(Enumerable.Range(0, g.N).ToArray()).SelectMany(order =>
                Gen.Bool.Select(component => (g.N, g.M, Signers: order[..k], Component: component)))));
        gen.Sample(sample =>
        {
            var policy = sample.Component ? AccountingPolicy.Component : AccountingPolicy.Whole;
            var (chain, state) = ChainFor(sample.N, sample.M, policy);
            var attested = new GroupIndex((ulong)state.GetBeaconCommittee(state.Slot, CommitteeIndex.Zero)[0]);
            var index = (int)attested.Value;

            // Under `component` split the signers over two partial attestations, one of them with a wrong head.
            var half = sample.Signers.Length / 2;
            var parts = new[] { sample.Signers[..half], sample.Signers[half..] }.Where(p => p.Length > 0).ToArray();
            var attestations = parts.Select((p, i) => AttestationTests.Make(chain, state, attested, p, correctHead: i == 0)).ToArray();
            var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { Attestations = attestations });
            var (post, error) = StateTransitionFunction.TryApply(state, block, chain.Scheme);
            if (post is null)
            {
                return error is not null;
            }

            if (post.CurrentEpochParticipation[index] != 0)
            {
                return false;
            }

            var before = post.Balances[index];
            PerSlotProcessing.ProcessSlots(post, ChainTime.StartSlot(chain.Preset, post.CurrentEpoch + 2));
            return post.Balances[index] <= before;
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void GroupSlashing_ValidIffBothSidesHaveAtLeastM()
    {
        var gen = AnyGroup.SelectMany(g => Gen.Int[1, g.N].SelectMany(k1 => Gen.Int[1, g.N].Select(k2 => (g.N, g.M, K1: k1, K2: k2))));
        gen.Sample(sample =>
        {
            var (chain, state) = ChainFor(sample.N, sample.M, AccountingPolicy.Whole);
            var valid = Slash(chain, state, [.. Enumerable.Range(0, sample.K1)], [.. Enumerable.Range(sample.N - sample.K2, sample.K2)]);
            return valid == (sample.K1 >= sample.M && sample.K2 >= sample.M);
        }, iter: 80, threads: 1);
    }

    [Fact]
    public void HonestMembers_MajorityThreshold_NeverSlashable_MinorityThresholdPartitionIs()
    {
        // Honest: each member signs at most one of the two conflicting votes (0 = neither, 1 = A, 2 = B).
        var majority = Gen.Int[1, 16].SelectMany(n => Gen.Int[(n / 2) + 1, n].SelectMany(m =>
            Gen.Int[0, 2].Array[n].Select(choices => (N: n, M: m, Choices: choices))));
        majority.Sample(sample =>
        {
            var (chain, state) = ChainFor(sample.N, sample.M, AccountingPolicy.Whole);
            var a = Enumerable.Range(0, sample.N).Where(i => sample.Choices[i] == 1).ToArray();
            var b = Enumerable.Range(0, sample.N).Where(i => sample.Choices[i] == 2).ToArray();
            return a.Length == 0 || b.Length == 0 || !Slash(chain, state, a, b);
        }, iter: 80, threads: 1);

        var minority = Gen.Int[2, 16].SelectMany(n => Gen.Int[1, n / 2].Select(m => (N: n, M: m)));
        minority.Sample(sample =>
        {
            var (chain, state) = ChainFor(sample.N, sample.M, AccountingPolicy.Whole);
            int[] a = [.. Enumerable.Range(0, sample.M)];
            int[] b = [.. Enumerable.Range(sample.M, sample.M)];
            return Slash(chain, state, a, b);
        }, iter: 40, threads: 1);
    }

    private static bool Slash(TestChain chain, BeaconState state, int[] signersA, int[] signersB)
    {
        var slashing = new GroupAttesterSlashing(
            SlashingTests.Signed(chain, state, 1, SlashingTests.Vote(1, 0, 1, 0xaa), signersA),
            SlashingTests.Signed(chain, state, 1, SlashingTests.Vote(1, 0, 1, 0xbb), signersB));
        var block = chain.ProduceBlock(state, state.Slot + 1, b => b with { AttesterSlashings = [slashing] });
        var (post, _) = StateTransitionFunction.TryApply(state, block, chain.Scheme);
        return post is not null && post.Groups[1].Slashed;
    }

    private static (TestChain Chain, BeaconState State) ChainFor(int n, int m, AccountingPolicy policy) =>
        Chains.GetOrAdd((n, m, policy), key =>
        {
            var chain = TestChain.Create([.. Enumerable.Repeat((key.Item1, key.Item2), 16)], TestChain.MinimalConfig(key.Item3, allowUnsafe: true));
            return (chain, chain.Run(chain.Genesis, 9, attest: false));
        });
}

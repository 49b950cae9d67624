using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class RegistrationTests
{
    private static readonly (int N, int M)[] Groups = [.. Enumerable.Repeat((3, 2), 16)];

    [Fact]
    public void Registration_Valid_AddsInactiveGroupThatActivatesAfterFinality()
    {
        var chain = TestChain.Create(Groups);
        var state = chain.Genesis;
        var registration = Signed(chain, state, Keys(5), 3, 5 * 32_000_000_000UL);
        state = chain.Apply(state, chain.ProduceBlock(state, new Slot(1), b => b with { Registrations = [registration] }));
        Assert.Equal(17, state.Groups.Count);
        var group = state.Groups[16];
        Assert.False(group.IsActive(state.CurrentEpoch));
        Assert.Equal(new Gwei(5 * 32_000_000_000UL), group.EffectiveBalance);
        state = chain.Run(state, 6 * 8);
        Assert.True(state.Groups[16].ActivationEpoch != Group.FarFuture, "activated once its eligibility epoch was finalized");
    }

    [Theory]
    [InlineData(4, 2, 4 * 32_000_000_000UL, "unsafe")]
    [InlineData(4, 3, (4 * 32_000_000_000UL) - 1, "MIN_ACTIVATION_BALANCE")]
    [InlineData(4, 5, 4 * 32_000_000_000UL, "threshold")]
    [InlineData(0, 1, 32_000_000_000UL, "group size")]
    public void Registration_BreakingARule_IsInvalid(int n, ulong m, ulong amount, string reason)
    {
        var chain = TestChain.Create(Groups);
        var registration = Signed(chain, chain.Genesis, Keys(n), m, amount);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1), b => b with { Registrations = [registration] });
        var error = StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error;
        Assert.Equal(BlockRule.ProcessRegistration, error?.Rule);
        Assert.Contains(reason, error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_UnsafeThresholdAllowed_IsAccepted()
    {
        var chain = TestChain.Create(Groups, TestChain.MinimalConfig(allowUnsafe: true));
        var registration = Signed(chain, chain.Genesis, Keys(4), 2, 4 * 32_000_000_000UL);
        var post = chain.Apply(chain.Genesis, chain.ProduceBlock(chain.Genesis, new Slot(1), b => b with { Registrations = [registration] }));
        Assert.Equal(2UL, post.Groups[16].Threshold);
    }

    [Fact]
    public void Registration_KeyAlreadyRegistered_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        Bytes[] keys = [TestChain.MemberKey(0, 0), .. Keys(2)];
        var registration = Signed(chain, chain.Genesis, keys, 2, 3 * 32_000_000_000UL);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1), b => b with { Registrations = [registration] });
        Assert.Equal(BlockRule.ProcessRegistration, StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void Registration_MissingOneMembersSignature_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var registration = Signed(chain, chain.Genesis, Keys(3), 2, 3 * 32_000_000_000UL, signers: 2);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1), b => b with { Registrations = [registration] });
        Assert.Equal(BlockRule.ProcessRegistration, StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error?.Rule);
    }

    private static Bytes[] Keys(int n) => [.. Enumerable.Range(0, n).Select(i => InsecureTestScheme.PublicKey((ulong)(500_000 + i)))];

    private static SignedRegistration Signed(TestChain chain, BeaconState state, Bytes[] keys, ulong m, ulong amount, int? signers = null)
    {
        var registration = new Registration(keys, m, new Gwei(amount));
        var domain = Domains.ComputeDomain(Domains.Registration, chain.Config.GenesisForkVersion, Root.Zero);
        var root = Domains.ComputeSigningRoot(SszRoots.Of(registration), domain);
        var group = new Group { Pubkeys = keys, Threshold = m, EffectiveBalance = Gwei.Zero };
        return new SignedRegistration(registration, chain.Sign(group, state.CurrentEpoch, root, Enumerable.Range(0, signers ?? keys.Length)));
    }
}

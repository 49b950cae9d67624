using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class EpochProcessingTests
{
    private const ulong Eth = 1_000_000_000;

    [Fact]
    public void Rewards_ParticipantGainsNonParticipantLoses_ProportionalToN()
    {
        var state = StateAtEpochEnd(3, finalized: 2, groups: [(4, 3), (1, 1), (4, 3), (1, 1)]);
        state.PreviousEpochParticipation[0] = 0b111;
        state.PreviousEpochParticipation[1] = 0b111;
        var before = state.Balances.ToArray();
        PerEpochProcessing.ProcessEpoch(state);
        var gain4 = state.Balances[0] - before[0];
        var gain1 = state.Balances[1] - before[1];
        Assert.True(gain4 > 0 && gain1 > 0);
        Assert.InRange(gain4, (4 * gain1) - 16, (4 * gain1) + 16);
        Assert.True(state.Balances[2] < before[2]);
        Assert.True(state.Balances[3] < before[3]);
    }

    [Fact]
    public void InactivityLeak_ScoresRiseForNonTargetAndParticipantsEarnNoFlagReward()
    {
        var state = StateAtEpochEnd(10, finalized: 0, groups: [(3, 2), (3, 2), (3, 2)]);
        state.PreviousEpochParticipation[0] = 0b111;
        state.InactivityScores[0] = 10;
        state.InactivityScores[1] = 10;
        var before = state.Balances.ToArray();
        PerEpochProcessing.ProcessEpoch(state);
        Assert.True(state.IsInInactivityLeak());
        Assert.Equal(9UL, state.InactivityScores[0]);
        Assert.Equal(14UL, state.InactivityScores[1]);
        Assert.Equal(before[0], state.Balances[0]);
        Assert.True(state.Balances[1] < before[1]);
    }

    [Fact]
    public void EffectiveBalance_Hysteresis_MovesOnlyPastThresholds()
    {
        var state = StateAtEpochEnd(3, finalized: 2, groups: [(2, 2), (2, 2)]);
        state.Balances[0] = (64 * Eth) - (Eth / 5);
        state.Balances[1] = (64 * Eth) - (3 * Eth / 10);
        PerEpochProcessing.ProcessEffectiveBalanceUpdates(state);
        Assert.Equal(new Gwei(64 * Eth), state.Groups[0].EffectiveBalance);
        Assert.Equal(new Gwei(63 * Eth), state.Groups[1].EffectiveBalance);
        state.Balances[0] = 100 * Eth;
        PerEpochProcessing.ProcessEffectiveBalanceUpdates(state);
        Assert.Equal(new Gwei(64 * Eth), state.Groups[0].EffectiveBalance);
    }

    [Fact]
    public void RegistryUpdates_GroupAtNTimesEjectionBalance_IsEjected()
    {
        var state = StateAtEpochEnd(3, finalized: 2, groups: [(2, 2), (2, 2)]);
        state.Groups.Set(0, state.Groups[0] with { EffectiveBalance = new Gwei(32 * Eth) });
        state.Groups.Set(1, state.Groups[1] with { EffectiveBalance = new Gwei(33 * Eth) });
        PerEpochProcessing.ProcessRegistryUpdates(state);
        Assert.Equal(ChainTime.ActivationExitEpoch(state.Preset, state.CurrentEpoch), state.Groups[0].ExitEpoch);
        Assert.Equal(Group.FarFuture, state.Groups[1].ExitEpoch);
    }

    [Fact]
    public void RegistryUpdates_ActivationQueue_IsChurnLimitedInGroups()
    {
        var state = StateAtEpochEnd(3, finalized: 2, groups: [.. Enumerable.Repeat((1, 1), 8)]);
        for (var i = 0; i < 5; i++)
        {
            state.AddGroup(new Group { Pubkeys = [TestChain.MemberKey(100 + i, 0)], Threshold = 1, EffectiveBalance = new Gwei(32 * Eth), ActivationEligibilityEpoch = new Epoch(1) }, 32 * Eth);
        }

        PerEpochProcessing.ProcessRegistryUpdates(state);
        var activated = Enumerable.Range(8, 5).Count(i => state.Groups[i].ActivationEpoch != Group.FarFuture);
        Assert.Equal((int)state.Preset.MinPerEpochChurnLimit, activated);
    }

    [Fact]
    public void Justification_TwoThirdsOfTargetBalance_JustifiesAndThenFinalizes()
    {
        var state = StateAtEpochEnd(3, finalized: 0, groups: [(3, 2), (3, 2), (3, 2)]);
        state.CurrentJustifiedCheckpoint = new Checkpoint(new Epoch(2), Root.Zero);
        state.JustificationBits = 0b0001;
        PerEpochProcessing.WeighJustificationAndFinalization(state, 900, 599, 600);
        Assert.Equal(new Epoch(3), state.CurrentJustifiedCheckpoint.Epoch);
        Assert.Equal(new Epoch(2), state.FinalizedCheckpoint.Epoch);
        Assert.Equal(0b0011, state.JustificationBits);
    }

    /// <summary>A genesis state moved to the last slot of <paramref name="epoch"/> without processing (per-rule tests).</summary>
    private static BeaconState StateAtEpochEnd(ulong epoch, ulong finalized, (int N, int M)[] groups)
    {
        var state = TestChain.Create(groups).Genesis.Copy();
        state.Slot = new Slot(((epoch + 1) * state.Preset.SlotsPerEpoch) - 1);
        state.FinalizedCheckpoint = new Checkpoint(new Epoch(finalized), Root.Zero);
        return state;
    }
}

using System.Numerics;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerEpoch;

namespace NativeDvt.Consensus.Duties;

/// <summary>
/// What the chain credited one group with in an epoch (protocol.md section 8): whether it acted for source, target
/// and head, and under `component` how many members carried each part (zero under `whole`, which keeps no member record).
/// </summary>
public sealed record GroupParticipation(bool Source, bool Target, bool Head, int SourceMembers, int TargetMembers, int HeadMembers)
{
    /// <summary>The group's record for the state's previous (<paramref name="previousEpoch"/> true) or current epoch.</summary>
    public static GroupParticipation Of(BeaconState state, GroupIndex group, bool previousEpoch)
    {
        var index = checked((int)group.Value);
        var flags = (previousEpoch ? state.PreviousEpochParticipation : state.CurrentEpochParticipation)[index];
        var members = (previousEpoch ? state.PreviousEpochMemberParticipation : state.CurrentEpochMemberParticipation)[index];
        return new GroupParticipation(
            ParticipationFlags.Has(flags, ParticipationFlags.TimelySource),
            ParticipationFlags.Has(flags, ParticipationFlags.TimelyTarget),
            ParticipationFlags.Has(flags, ParticipationFlags.TimelyHead),
            BitOperations.PopCount(ParticipationFlags.MemberMask(members, ParticipationFlags.TimelySource)),
            BitOperations.PopCount(ParticipationFlags.MemberMask(members, ParticipationFlags.TimelyTarget)),
            BitOperations.PopCount(ParticipationFlags.MemberMask(members, ParticipationFlags.TimelyHead)));
    }
}

using System.Runtime.CompilerServices;
using NativeDvt.Consensus.InclusionLists;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;

namespace NativeDvt.Node.Sharing;

/// <summary>
/// Inclusion-list committees computed once per process (IL_COMMITTEE_SIZE swap-or-not lookups per slot would
/// otherwise run in every node), keyed by slot and the committee seed, so forks with other RANDAO get their own.
/// One cache per <see cref="SharedStateCache"/>. Thread-safe.
/// </summary>
public sealed class InclusionListCommitteeCache
{
    private const int KeptSlots = 64;
    private static readonly ConditionalWeakTable<SharedStateCache, InclusionListCommitteeCache> PerProcess = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<(Slot Slot, Root Seed), InclusionListCommitteeView> _committees = [];

    /// <summary>The cache shared by the nodes that share <paramref name="states"/>.</summary>
    public static InclusionListCommitteeCache For(SharedStateCache states) => PerProcess.GetValue(states, _ => new InclusionListCommitteeCache());

    /// <summary>The committee of <paramref name="slot"/> as <paramref name="state"/> (at most one epoch earlier) computes it.</summary>
    public InclusionListCommitteeView Get(BeaconState state, Slot slot)
    {
        var key = (slot, state.GetSeed(ChainTime.EpochAtSlot(state.Preset, slot), Domains.InclusionList));
        lock (_gate)
        {
            if (_committees.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var committee = InclusionListCommittee.Get(state, slot);
        var view = new InclusionListCommitteeView(committee, InclusionListCommittee.Members(committee), InclusionListCommittee.RootOf(committee, state.Preset.InclusionListCommitteeSize));
        lock (_gate)
        {
            if (_committees.Count >= KeptSlots * 2)
            {
                foreach (var old in _committees.Keys.Where(k => k.Slot.Value + KeptSlots < slot.Value).ToList())
                {
                    _committees.Remove(old);
                }
            }

            _committees[key] = view;
        }

        return view;
    }
}

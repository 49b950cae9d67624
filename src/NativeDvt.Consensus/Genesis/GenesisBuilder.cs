using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Genesis;

/// <summary>
/// Builds the genesis state from a list of groups: every group that meets the registration rules is active
/// from epoch 0; genesis_validators_root is the registry's hash_tree_root; RANDAO mixes start at <c>seed</c>.
/// </summary>
/// <remarks>Spec: initialize_beacon_state_from_eth1, without eth1 (the mixes' seed replaces the eth1 block hash).</remarks>
public static class GenesisBuilder
{
    /// <summary>The genesis state, or an error naming the first group that breaks a rule (unsafe thresholds included unless allowed).</summary>
    public static (BeaconState? State, string? Error) Build(ChainConfig config, IReadOnlyList<GenesisGroup> groups, ulong genesisTime, Root seed)
    {
        if (config.Validate() is { } invalid)
        {
            return (null, invalid);
        }

        var state = new BeaconState(config) { GenesisTime = genesisTime };
        Array.Fill(state.RandaoMixes, seed);
        var seen = new HashSet<Bytes>();
        for (var i = 0; i < groups.Count; i++)
        {
            var entry = groups[i];
            var registration = new Registration(entry.Pubkeys, entry.Threshold, entry.Balance);
            var failure = RegistrationRules.Check(config, registration);
            if (failure is not null)
            {
                return (null, $"genesis group {i}: {failure}");
            }

            foreach (var key in entry.Pubkeys)
            {
                if (!seen.Add(key))
                {
                    return (null, $"genesis group {i}: key {key} is already used by another group");
                }
            }

            var group = RegistrationRules.NewGroup(config.Preset, registration) with
            {
                ActivationEligibilityEpoch = Epoch.Zero,
                ActivationEpoch = Epoch.Zero,
            };
            state.AddGroup(group, entry.Balance.Value);
        }

        if (groups.Count == 0)
        {
            return (null, "genesis needs at least one group");
        }

        var body = new BeaconBlockBody { RandaoReveal = Bytes.Empty };
        state.LatestBlockHeader = new BeaconBlockHeader(Slot.Zero, GroupIndex.Zero, Root.Zero, Root.Zero, SszRoots.Of(body, config.Preset));
        state.GenesisValidatorsRoot = state.GroupRegistryRoot();
        return (state, null);
    }
}

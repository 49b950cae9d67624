using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.State;

/// <summary>
/// The beacon state (Altair layout without eth1, sync committees or execution fields), with the validator
/// registry replaced by a group registry and per-member participation added for the `component` policy.
/// Lists are kept as structure-of-arrays so that epoch processing runs over flat spans.
/// </summary>
public sealed partial class BeaconState
{
    /// <summary>A fresh state with zeroed vectors sized by <paramref name="config"/>'s preset.</summary>
    public BeaconState(ChainConfig config)
    {
        Config = config;
        var preset = config.Preset;
        BlockRoots = new Root[preset.SlotsPerHistoricalRoot];
        StateRoots = new Root[preset.SlotsPerHistoricalRoot];
        RandaoMixes = new Root[preset.EpochsPerHistoricalVector];
        Slashings = new ulong[preset.EpochsPerSlashingsVector];
        Fork = new Fork(config.GenesisForkVersion, config.GenesisForkVersion, Epoch.Zero);
        LatestBlockHeader = new BeaconBlockHeader(Slot.Zero, GroupIndex.Zero, Root.Zero, Root.Zero, Root.Zero);
        Groups = new GroupRegistry();
    }

    private BeaconState(BeaconState other)
    {
        Config = other.Config;
        GenesisTime = other.GenesisTime;
        GenesisValidatorsRoot = other.GenesisValidatorsRoot;
        Slot = other.Slot;
        Fork = other.Fork;
        LatestBlockHeader = other.LatestBlockHeader;
        BlockRoots = (Root[])other.BlockRoots.Clone();
        StateRoots = (Root[])other.StateRoots.Clone();
        RandaoMixes = (Root[])other.RandaoMixes.Clone();
        Groups = other.Groups.Copy();
        Balances = [.. other.Balances];
        PreviousEpochParticipation = [.. other.PreviousEpochParticipation];
        CurrentEpochParticipation = [.. other.CurrentEpochParticipation];
        PreviousEpochMemberParticipation = [.. other.PreviousEpochMemberParticipation];
        CurrentEpochMemberParticipation = [.. other.CurrentEpochMemberParticipation];
        JustificationBits = other.JustificationBits;
        PreviousJustifiedCheckpoint = other.PreviousJustifiedCheckpoint;
        CurrentJustifiedCheckpoint = other.CurrentJustifiedCheckpoint;
        FinalizedCheckpoint = other.FinalizedCheckpoint;
        InactivityScores = [.. other.InactivityScores];
        Slashings = (ulong[])other.Slashings.Clone();
        _shufflings = other._shufflings;
        _totalActiveBalance = other._totalActiveBalance;
    }

    /// <summary>The chain config the state follows (not part of the SSZ encoding).</summary>
    public ChainConfig Config { get; }

    /// <summary>The preset.</summary>
    public Preset Preset => Config.Preset;

    /// <summary>genesis_time (seconds).</summary>
    public ulong GenesisTime { get; set; }

    /// <summary>genesis_validators_root: hash_tree_root of the genesis group registry.</summary>
    public Root GenesisValidatorsRoot { get; set; }

    /// <summary>slot.</summary>
    public Slot Slot { get; set; }

    /// <summary>fork.</summary>
    public Fork Fork { get; set; }

    /// <summary>latest_block_header.</summary>
    public BeaconBlockHeader LatestBlockHeader { get; set; }

    /// <summary>block_roots: Vector[Root, SLOTS_PER_HISTORICAL_ROOT].</summary>
    public Root[] BlockRoots { get; }

    /// <summary>state_roots: Vector[Root, SLOTS_PER_HISTORICAL_ROOT].</summary>
    public Root[] StateRoots { get; }

    /// <summary>randao_mixes: Vector[Bytes32, EPOCHS_PER_HISTORICAL_VECTOR].</summary>
    public Root[] RandaoMixes { get; }

    /// <summary>The group registry (the spec's validators).</summary>
    public GroupRegistry Groups { get; private set; }

    /// <summary>balances, in Gwei, one per group.</summary>
    public List<ulong> Balances { get; private set; } = [];

    /// <summary>previous_epoch_participation: the group's flags (bit 0 source, 1 target, 2 head).</summary>
    public List<byte> PreviousEpochParticipation { get; set; } = [];

    /// <summary>current_epoch_participation.</summary>
    public List<byte> CurrentEpochParticipation { get; set; } = [];

    /// <summary>
    /// Under `component` accounting, which members earned each part in the previous epoch:
    /// bits 0-15 source, 16-31 target, 32-47 head (one bit per member). Zero under `whole`.
    /// </summary>
    public List<ulong> PreviousEpochMemberParticipation { get; set; } = [];

    /// <summary>The same for the current epoch.</summary>
    public List<ulong> CurrentEpochMemberParticipation { get; set; } = [];

    /// <summary>justification_bits: Bitvector[4], bit 0 the current epoch.</summary>
    public byte JustificationBits { get; set; }

    /// <summary>previous_justified_checkpoint.</summary>
    public Checkpoint PreviousJustifiedCheckpoint { get; set; } = Checkpoint.Zero;

    /// <summary>current_justified_checkpoint.</summary>
    public Checkpoint CurrentJustifiedCheckpoint { get; set; } = Checkpoint.Zero;

    /// <summary>finalized_checkpoint.</summary>
    public Checkpoint FinalizedCheckpoint { get; set; } = Checkpoint.Zero;

    /// <summary>inactivity_scores, one per group.</summary>
    public List<ulong> InactivityScores { get; private set; } = [];

    /// <summary>slashings: Vector[Gwei, EPOCHS_PER_SLASHINGS_VECTOR], summed slashed effective balance per epoch.</summary>
    public ulong[] Slashings { get; }

    /// <summary>A deep copy sharing immutable entries and caches.</summary>
    public BeaconState Copy() => new(this);

    /// <summary>Appends a group with its balance and zeroed per-group lists (the spec's add_validator_to_registry).</summary>
    public GroupIndex AddGroup(Group group, ulong balance)
    {
        var index = Groups.Add(group);
        Balances.Add(balance);
        PreviousEpochParticipation.Add(0);
        CurrentEpochParticipation.Add(0);
        PreviousEpochMemberParticipation.Add(0);
        CurrentEpochMemberParticipation.Add(0);
        InactivityScores.Add(0);
        return index;
    }
}

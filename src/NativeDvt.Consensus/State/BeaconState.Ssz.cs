using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.State;

/// <remarks>
/// SSZ: BeaconState { genesis_time, genesis_validators_root, slot, fork, latest_block_header, block_roots,
/// state_roots, randao_mixes, groups, balances, previous_epoch_participation, current_epoch_participation,
/// previous_epoch_member_participation, current_epoch_member_participation, justification_bits,
/// previous_justified_checkpoint, current_justified_checkpoint, finalized_checkpoint, inactivity_scores, slashings }.
/// hash_tree_root reuses each group's cached root and hashes the flat per-group lists straight from their spans.
/// Hand-written rather than [SszContainer]: the state is a mutable class whose SSZ fields are not its properties (the
/// registry, the justification byte), and decoding checks that the per-group lists agree in length.
/// </remarks>
public sealed partial class BeaconState
{
    private static readonly ConditionalWeakTable<ChainConfig, ISszCodec<BeaconState>> CodecsByConfig = [];

    /// <summary>The SSZ codec of states following <paramref name="config"/> (decoded states carry it).</summary>
    public static ISszCodec<BeaconState> CodecFor(ChainConfig config) => CodecsByConfig.GetValue(config, c => new BeaconStateCodec(c));

    /// <summary>hash_tree_root(state).</summary>
    public Root HashTreeRoot() => CodecFor(Config).HashTreeRoot(this).ToRoot();

    /// <summary>hash_tree_root(state.groups): the genesis validators root at genesis.</summary>
    public Root GroupRegistryRoot() => GroupsRoot().ToRoot();

    private Bytes32 GroupsRoot() => Groups.ListRoot(Preset.GroupRegistryLimit);

    private Bytes32 UInt8ListRoot(List<byte> values) =>
        Merkle.MixInLength(Merkle.Merkleize(CollectionsMarshal.AsSpan(values), Merkle.ChunkCount(Preset.GroupRegistryLimit, 1)), (ulong)values.Count);

    private Bytes32 UInt64ListRoot(List<ulong> values) =>
        Merkle.HashTreeRootOfUInt64List(CollectionsMarshal.AsSpan(values), Preset.GroupRegistryLimit);

    private static Bytes32 RootVectorRoot(Root[] roots)
    {
        var chunks = new Bytes32[roots.Length];
        for (var i = 0; i < roots.Length; i++)
        {
            chunks[i] = roots[i].ToBytes32();
        }

        return Merkle.Merkleize(chunks, (ulong)chunks.Length);
    }

    private static bool[] JustificationBitsToBools(byte bits) => [(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0];

    private static byte JustificationBitsFromBools(bool[] bits)
    {
        byte result = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                result |= (byte)(1 << i);
            }
        }

        return result;
    }

    private sealed class BeaconStateCodec : SszContainerCodec<BeaconState>
    {
        private static readonly ISszCodec<bool[]> JustificationBitsCodec = SszCodecs.Bitvector(4);
        private readonly ChainConfig _config;
        private readonly ISszCodec<IReadOnlyList<Root>> _historicalRoots;
        private readonly ISszCodec<IReadOnlyList<Root>> _mixes;
        private readonly ISszCodec<IReadOnlyList<Group>> _groups;
        private readonly ISszCodec<IReadOnlyList<ulong>> _uint64s;
        private readonly ISszCodec<IReadOnlyList<byte>> _uint8s;
        private readonly ISszCodec<IReadOnlyList<ulong>> _slashings;

        public BeaconStateCodec(ChainConfig config)
            : this(config, Codecs(config.Preset))
        {
        }

        private BeaconStateCodec(ChainConfig config, (ISszCodec<IReadOnlyList<Root>> Historical, ISszCodec<IReadOnlyList<Root>> Mixes,
            ISszCodec<IReadOnlyList<Group>> Groups, ISszCodec<IReadOnlyList<ulong>> UInt64s, ISszCodec<IReadOnlyList<byte>> UInt8s,
            ISszCodec<IReadOnlyList<ulong>> Slashings) c)
            : base(new SszContainerLayout(nameof(BeaconState),
                ("genesis_time", ConsensusCodecs.UInt64),
                ("genesis_validators_root", ConsensusCodecs.Root),
                ("slot", ConsensusCodecs.Slot),
                ("fork", Fork.Codec),
                ("latest_block_header", BeaconBlockHeader.Codec),
                ("block_roots", c.Historical),
                ("state_roots", c.Historical),
                ("randao_mixes", c.Mixes),
                ("groups", c.Groups),
                ("balances", c.UInt64s),
                ("previous_epoch_participation", c.UInt8s),
                ("current_epoch_participation", c.UInt8s),
                ("previous_epoch_member_participation", c.UInt64s),
                ("current_epoch_member_participation", c.UInt64s),
                ("justification_bits", JustificationBitsCodec),
                ("previous_justified_checkpoint", Checkpoint.Codec),
                ("current_justified_checkpoint", Checkpoint.Codec),
                ("finalized_checkpoint", Checkpoint.Codec),
                ("inactivity_scores", c.UInt64s),
                ("slashings", c.Slashings)))
        {
            _config = config;
            (_historicalRoots, _mixes, _groups, _uint64s, _uint8s, _slashings) = c;
        }

        private static (ISszCodec<IReadOnlyList<Root>>, ISszCodec<IReadOnlyList<Root>>, ISszCodec<IReadOnlyList<Group>>,
            ISszCodec<IReadOnlyList<ulong>>, ISszCodec<IReadOnlyList<byte>>, ISszCodec<IReadOnlyList<ulong>>) Codecs(Preset preset)
        {
            var limit = checked((long)preset.GroupRegistryLimit);
            return (SszCodecs.Vector(ConsensusCodecs.Root, checked((int)preset.SlotsPerHistoricalRoot)),
                SszCodecs.Vector(ConsensusCodecs.Root, checked((int)preset.EpochsPerHistoricalVector)),
                SszCodecs.List(Group.Codec, limit),
                SszCodecs.List(SszCodecs.UInt64, limit),
                SszCodecs.List(SszCodecs.UInt8, limit),
                SszCodecs.Vector(SszCodecs.UInt64, checked((int)preset.EpochsPerSlashingsVector)));
        }

        protected override int GetVariableSize(BeaconState value) =>
            _groups.GetSize(value.Groups.Entries)
            + _uint64s.GetSize(value.Balances)
            + _uint8s.GetSize(value.PreviousEpochParticipation)
            + _uint8s.GetSize(value.CurrentEpochParticipation)
            + _uint64s.GetSize(value.PreviousEpochMemberParticipation)
            + _uint64s.GetSize(value.CurrentEpochMemberParticipation)
            + _uint64s.GetSize(value.InactivityScores);

        protected override void WriteFields(ref SszContainerWriter writer, BeaconState value)
        {
            writer.Write(ConsensusCodecs.UInt64, value.GenesisTime);
            writer.Write(ConsensusCodecs.Root, value.GenesisValidatorsRoot);
            writer.Write(ConsensusCodecs.Slot, value.Slot);
            writer.Write(Fork.Codec, value.Fork);
            writer.Write(BeaconBlockHeader.Codec, value.LatestBlockHeader);
            writer.Write(_historicalRoots, value.BlockRoots);
            writer.Write(_historicalRoots, value.StateRoots);
            writer.Write(_mixes, value.RandaoMixes);
            writer.Write(_groups, value.Groups.Entries);
            writer.Write(_uint64s, value.Balances);
            writer.Write(_uint8s, value.PreviousEpochParticipation);
            writer.Write(_uint8s, value.CurrentEpochParticipation);
            writer.Write(_uint64s, value.PreviousEpochMemberParticipation);
            writer.Write(_uint64s, value.CurrentEpochMemberParticipation);
            writer.Write(JustificationBitsCodec, JustificationBitsToBools(value.JustificationBits));
            writer.Write(Checkpoint.Codec, value.PreviousJustifiedCheckpoint);
            writer.Write(Checkpoint.Codec, value.CurrentJustifiedCheckpoint);
            writer.Write(Checkpoint.Codec, value.FinalizedCheckpoint);
            writer.Write(_uint64s, value.InactivityScores);
            writer.Write(_slashings, value.Slashings);
        }

        protected override BeaconState ReadFields(ref SszContainerReader reader)
        {
            var state = new BeaconState(_config)
            {
                GenesisTime = reader.Read(ConsensusCodecs.UInt64),
                GenesisValidatorsRoot = reader.Read(ConsensusCodecs.Root),
                Slot = reader.Read(ConsensusCodecs.Slot),
                Fork = reader.Read(Fork.Codec),
                LatestBlockHeader = reader.Read(BeaconBlockHeader.Codec),
            };
            CopyInto(reader.Read(_historicalRoots), state.BlockRoots);
            CopyInto(reader.Read(_historicalRoots), state.StateRoots);
            CopyInto(reader.Read(_mixes), state.RandaoMixes);
            var groups = reader.Read(_groups);
            var balances = reader.Read(_uint64s);
            var previousParticipation = reader.Read(_uint8s);
            var currentParticipation = reader.Read(_uint8s);
            var previousMembers = reader.Read(_uint64s);
            var currentMembers = reader.Read(_uint64s);
            state.JustificationBits = JustificationBitsFromBools(reader.Read(JustificationBitsCodec));
            state.PreviousJustifiedCheckpoint = reader.Read(Checkpoint.Codec);
            state.CurrentJustifiedCheckpoint = reader.Read(Checkpoint.Codec);
            state.FinalizedCheckpoint = reader.Read(Checkpoint.Codec);
            var scores = reader.Read(_uint64s);
            CopyInto(reader.Read(_slashings), state.Slashings);

            var count = groups.Count;
            if (balances.Count != count || previousParticipation.Count != count || currentParticipation.Count != count
                || previousMembers.Count != count || currentMembers.Count != count || scores.Count != count)
            {
                throw new SszException($"per-group lists differ in length from the {count} groups", "balances");
            }

            for (var i = 0; i < count; i++)
            {
                state.AddGroup(groups[i], balances[i]);
            }

            state.PreviousEpochParticipation = [.. previousParticipation];
            state.CurrentEpochParticipation = [.. currentParticipation];
            state.PreviousEpochMemberParticipation = [.. previousMembers];
            state.CurrentEpochMemberParticipation = [.. currentMembers];
            state.InactivityScores = [.. scores];
            return state;
        }

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, BeaconState value)
        {
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.GenesisTime));
            merkleizer.Append(value.GenesisValidatorsRoot.ToBytes32());
            merkleizer.Append(ConsensusCodecs.Slot.HashTreeRoot(value.Slot));
            merkleizer.Append(Fork.Codec.HashTreeRoot(value.Fork));
            merkleizer.Append(BeaconBlockHeader.Codec.HashTreeRoot(value.LatestBlockHeader));
            merkleizer.Append(RootVectorRoot(value.BlockRoots));
            merkleizer.Append(RootVectorRoot(value.StateRoots));
            merkleizer.Append(RootVectorRoot(value.RandaoMixes));
            merkleizer.Append(value.GroupsRoot());
            merkleizer.Append(value.UInt64ListRoot(value.Balances));
            merkleizer.Append(value.UInt8ListRoot(value.PreviousEpochParticipation));
            merkleizer.Append(value.UInt8ListRoot(value.CurrentEpochParticipation));
            merkleizer.Append(value.UInt64ListRoot(value.PreviousEpochMemberParticipation));
            merkleizer.Append(value.UInt64ListRoot(value.CurrentEpochMemberParticipation));
            merkleizer.Append(JustificationBitsCodec.HashTreeRoot(JustificationBitsToBools(value.JustificationBits)));
            merkleizer.Append(Checkpoint.Codec.HashTreeRoot(value.PreviousJustifiedCheckpoint));
            merkleizer.Append(Checkpoint.Codec.HashTreeRoot(value.CurrentJustifiedCheckpoint));
            merkleizer.Append(Checkpoint.Codec.HashTreeRoot(value.FinalizedCheckpoint));
            merkleizer.Append(value.UInt64ListRoot(value.InactivityScores));
            merkleizer.Append(Merkle.HashTreeRootOfUInt64Vector(value.Slashings));
        }

        private static void CopyInto<T>(IReadOnlyList<T> source, T[] destination)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = source[i];
            }
        }
    }
}

using System.Runtime.CompilerServices;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: GroupProposal { block, leader_index, leader_signature }.</remarks>
public sealed partial record GroupProposal
{
    private static readonly ConditionalWeakTable<Preset, ISszCodec<GroupProposal>> CodecsByPreset = [];

    /// <summary>The SSZ codec of GroupProposal under <paramref name="preset"/>'s list limits.</summary>
    public static ISszCodec<GroupProposal> CodecFor(Preset preset) => CodecsByPreset.GetValue(preset, p => new GroupProposalCodec(p));

    private sealed class GroupProposalCodec : SszContainerCodec<GroupProposal>
    {
        private readonly ISszCodec<BeaconBlock> _block;

        public GroupProposalCodec(Preset preset)
            : this(BeaconBlock.CodecFor(preset))
        {
        }

        private GroupProposalCodec(ISszCodec<BeaconBlock> block)
            : base(new SszContainerLayout(nameof(GroupProposal),
                ("block", block),
                ("leader_index", ConsensusCodecs.UInt64),
                ("leader_signature", ConsensusCodecs.Signature)))
        {
            _block = block;
        }

        protected override int GetVariableSize(GroupProposal value) =>
            _block.GetSize(value.Block)
            + ConsensusCodecs.Signature.GetSize(value.LeaderSignature);

        protected override void WriteFields(ref SszContainerWriter writer, GroupProposal value)
        {
            writer.Write(_block, value.Block);
            writer.Write(ConsensusCodecs.UInt64, value.LeaderIndex);
            writer.Write(ConsensusCodecs.Signature, value.LeaderSignature);
        }

        protected override GroupProposal ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(_block),
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(ConsensusCodecs.Signature));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, GroupProposal value)
        {
            merkleizer.Append(_block.HashTreeRoot(value.Block));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.LeaderIndex));
            merkleizer.Append(ConsensusCodecs.Signature.HashTreeRoot(value.LeaderSignature));
        }
    }
}

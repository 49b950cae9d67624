using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: InclusionListFollow { slot, group_index, member_index, inclusion_list_root, signature }.</remarks>
public sealed partial record InclusionListFollow
{
    /// <summary>The SSZ codec of InclusionListFollow.</summary>
    public static ISszCodec<InclusionListFollow> Codec { get; } = new InclusionListFollowCodec();

    private sealed class InclusionListFollowCodec() : SszContainerCodec<InclusionListFollow>(
        new SszContainerLayout(nameof(InclusionListFollow),
            ("slot", ConsensusCodecs.Slot),
            ("group_index", ConsensusCodecs.GroupIndex),
            ("member_index", ConsensusCodecs.UInt64),
            ("inclusion_list_root", ConsensusCodecs.Root),
            ("signature", ConsensusCodecs.Signature)))
    {
        protected override int GetVariableSize(InclusionListFollow value) =>
            ConsensusCodecs.Signature.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, InclusionListFollow value)
        {
            writer.Write(ConsensusCodecs.Slot, value.Slot);
            writer.Write(ConsensusCodecs.GroupIndex, value.GroupIndex);
            writer.Write(ConsensusCodecs.UInt64, value.MemberIndex);
            writer.Write(ConsensusCodecs.Root, value.InclusionListRoot);
            writer.Write(ConsensusCodecs.Signature, value.Signature);
        }

        protected override InclusionListFollow ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Slot),
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(ConsensusCodecs.Signature));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, InclusionListFollow value)
        {
            merkleizer.Append(ConsensusCodecs.Slot.HashTreeRoot(value.Slot));
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.GroupIndex));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.MemberIndex));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.InclusionListRoot));
            merkleizer.Append(ConsensusCodecs.Signature.HashTreeRoot(value.Signature));
        }
    }
}

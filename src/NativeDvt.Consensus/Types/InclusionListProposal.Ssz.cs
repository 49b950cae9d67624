using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: InclusionListProposal { message, leader_index, leader_signature }.</remarks>
public sealed partial record InclusionListProposal
{
    /// <summary>The SSZ codec of InclusionListProposal.</summary>
    public static ISszCodec<InclusionListProposal> Codec { get; } = new InclusionListProposalCodec();

    private sealed class InclusionListProposalCodec() : SszContainerCodec<InclusionListProposal>(
        new SszContainerLayout(nameof(InclusionListProposal),
            ("message", InclusionList.Codec),
            ("leader_index", ConsensusCodecs.UInt64),
            ("leader_signature", ConsensusCodecs.Signature)))
    {
        protected override int GetVariableSize(InclusionListProposal value) =>
            InclusionList.Codec.GetSize(value.Message)
            + ConsensusCodecs.Signature.GetSize(value.LeaderSignature);

        protected override void WriteFields(ref SszContainerWriter writer, InclusionListProposal value)
        {
            writer.Write(InclusionList.Codec, value.Message);
            writer.Write(ConsensusCodecs.UInt64, value.LeaderIndex);
            writer.Write(ConsensusCodecs.Signature, value.LeaderSignature);
        }

        protected override InclusionListProposal ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(InclusionList.Codec),
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(ConsensusCodecs.Signature));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, InclusionListProposal value)
        {
            merkleizer.Append(InclusionList.Codec.HashTreeRoot(value.Message));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.LeaderIndex));
            merkleizer.Append(ConsensusCodecs.Signature.HashTreeRoot(value.LeaderSignature));
        }
    }
}

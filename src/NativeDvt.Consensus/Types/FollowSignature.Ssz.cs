using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: FollowSignature { slot, group_index, member_index, block_root, signature }.</remarks>
public sealed partial record FollowSignature
{
    /// <summary>The SSZ codec of FollowSignature.</summary>
    public static ISszCodec<FollowSignature> Codec { get; } = new FollowSignatureCodec();

    private sealed class FollowSignatureCodec() : SszContainerCodec<FollowSignature>(
        new SszContainerLayout(nameof(FollowSignature),
            ("slot", ConsensusCodecs.Slot),
            ("group_index", ConsensusCodecs.GroupIndex),
            ("member_index", ConsensusCodecs.UInt64),
            ("block_root", ConsensusCodecs.Root),
            ("signature", ConsensusCodecs.Signature)))
    {
        protected override int GetVariableSize(FollowSignature value) =>
            ConsensusCodecs.Signature.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, FollowSignature value)
        {
            writer.Write(ConsensusCodecs.Slot, value.Slot);
            writer.Write(ConsensusCodecs.GroupIndex, value.GroupIndex);
            writer.Write(ConsensusCodecs.UInt64, value.MemberIndex);
            writer.Write(ConsensusCodecs.Root, value.BlockRoot);
            writer.Write(ConsensusCodecs.Signature, value.Signature);
        }

        protected override FollowSignature ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Slot),
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(ConsensusCodecs.Signature));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, FollowSignature value)
        {
            merkleizer.Append(ConsensusCodecs.Slot.HashTreeRoot(value.Slot));
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.GroupIndex));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.MemberIndex));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.BlockRoot));
            merkleizer.Append(ConsensusCodecs.Signature.HashTreeRoot(value.Signature));
        }
    }
}

using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: KeyRotation { group_index, member_index, new_pubkey, epoch }.</remarks>
public sealed partial record KeyRotation
{
    /// <summary>The SSZ codec of KeyRotation.</summary>
    public static ISszCodec<KeyRotation> Codec { get; } = new KeyRotationCodec();

    private sealed class KeyRotationCodec() : SszContainerCodec<KeyRotation>(
        new SszContainerLayout(nameof(KeyRotation),
            ("group_index", ConsensusCodecs.GroupIndex),
            ("member_index", ConsensusCodecs.UInt64),
            ("new_pubkey", ConsensusCodecs.PublicKey),
            ("epoch", ConsensusCodecs.Epoch)))
    {
        protected override int GetVariableSize(KeyRotation value) =>
            ConsensusCodecs.PublicKey.GetSize(value.NewPubkey);

        protected override void WriteFields(ref SszContainerWriter writer, KeyRotation value)
        {
            writer.Write(ConsensusCodecs.GroupIndex, value.GroupIndex);
            writer.Write(ConsensusCodecs.UInt64, value.MemberIndex);
            writer.Write(ConsensusCodecs.PublicKey, value.NewPubkey);
            writer.Write(ConsensusCodecs.Epoch, value.Epoch);
        }

        protected override KeyRotation ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(ConsensusCodecs.PublicKey),
                reader.Read(ConsensusCodecs.Epoch));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, KeyRotation value)
        {
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.GroupIndex));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.MemberIndex));
            merkleizer.Append(ConsensusCodecs.PublicKey.HashTreeRoot(value.NewPubkey));
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.Epoch));
        }
    }
}

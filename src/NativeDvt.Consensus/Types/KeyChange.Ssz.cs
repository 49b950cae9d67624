using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: KeyChange { member_index, old_pubkey, new_pubkey, epoch }.</remarks>
public sealed partial record KeyChange
{
    /// <summary>The SSZ codec of KeyChange.</summary>
    public static ISszCodec<KeyChange> Codec { get; } = new KeyChangeCodec();

    private sealed class KeyChangeCodec() : SszContainerCodec<KeyChange>(
        new SszContainerLayout(nameof(KeyChange),
            ("member_index", ConsensusCodecs.UInt64),
            ("old_pubkey", ConsensusCodecs.PublicKey),
            ("new_pubkey", ConsensusCodecs.PublicKey),
            ("epoch", ConsensusCodecs.Epoch)))
    {
        protected override int GetVariableSize(KeyChange value) =>
            ConsensusCodecs.PublicKey.GetSize(value.OldPubkey)
            + ConsensusCodecs.PublicKey.GetSize(value.NewPubkey);

        protected override void WriteFields(ref SszContainerWriter writer, KeyChange value)
        {
            writer.Write(ConsensusCodecs.UInt64, value.MemberIndex);
            writer.Write(ConsensusCodecs.PublicKey, value.OldPubkey);
            writer.Write(ConsensusCodecs.PublicKey, value.NewPubkey);
            writer.Write(ConsensusCodecs.Epoch, value.Epoch);
        }

        protected override KeyChange ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.UInt64),
                reader.Read(ConsensusCodecs.PublicKey),
                reader.Read(ConsensusCodecs.PublicKey),
                reader.Read(ConsensusCodecs.Epoch));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, KeyChange value)
        {
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.MemberIndex));
            merkleizer.Append(ConsensusCodecs.PublicKey.HashTreeRoot(value.OldPubkey));
            merkleizer.Append(ConsensusCodecs.PublicKey.HashTreeRoot(value.NewPubkey));
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.Epoch));
        }
    }
}

using System.Runtime.CompilerServices;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: BeaconBlock { slot, proposer_index, parent_root, state_root, body }.</remarks>
public sealed partial record BeaconBlock
{
    private static readonly ConditionalWeakTable<Preset, ISszCodec<BeaconBlock>> CodecsByPreset = [];

    /// <summary>The SSZ codec of BeaconBlock under <paramref name="preset"/>'s list limits.</summary>
    public static ISszCodec<BeaconBlock> CodecFor(Preset preset) => CodecsByPreset.GetValue(preset, p => new BeaconBlockCodec(p));

    private sealed class BeaconBlockCodec : SszContainerCodec<BeaconBlock>
    {
        private readonly ISszCodec<BeaconBlockBody> _body;

        public BeaconBlockCodec(Preset preset)
            : this(BeaconBlockBody.CodecFor(preset))
        {
        }

        private BeaconBlockCodec(ISszCodec<BeaconBlockBody> body)
            : base(new SszContainerLayout(nameof(BeaconBlock),
                ("slot", ConsensusCodecs.Slot),
                ("proposer_index", ConsensusCodecs.GroupIndex),
                ("parent_root", ConsensusCodecs.Root),
                ("state_root", ConsensusCodecs.Root),
                ("body", body)))
        {
            _body = body;
        }

        protected override int GetVariableSize(BeaconBlock value) =>
            _body.GetSize(value.Body);

        protected override void WriteFields(ref SszContainerWriter writer, BeaconBlock value)
        {
            writer.Write(ConsensusCodecs.Slot, value.Slot);
            writer.Write(ConsensusCodecs.GroupIndex, value.ProposerIndex);
            writer.Write(ConsensusCodecs.Root, value.ParentRoot);
            writer.Write(ConsensusCodecs.Root, value.StateRoot);
            writer.Write(_body, value.Body);
        }

        protected override BeaconBlock ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(ConsensusCodecs.Slot),
                reader.Read(ConsensusCodecs.GroupIndex),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(ConsensusCodecs.Root),
                reader.Read(_body));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, BeaconBlock value)
        {
            merkleizer.Append(ConsensusCodecs.Slot.HashTreeRoot(value.Slot));
            merkleizer.Append(ConsensusCodecs.GroupIndex.HashTreeRoot(value.ProposerIndex));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.ParentRoot));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.StateRoot));
            merkleizer.Append(_body.HashTreeRoot(value.Body));
        }
    }
}

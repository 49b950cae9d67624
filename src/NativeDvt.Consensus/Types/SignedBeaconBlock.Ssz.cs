using System.Runtime.CompilerServices;
using NativeDvt.Consensus.Config;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: SignedBeaconBlock { message, signature }.</remarks>
public sealed partial record SignedBeaconBlock
{
    private static readonly ConditionalWeakTable<Preset, ISszCodec<SignedBeaconBlock>> CodecsByPreset = [];

    /// <summary>The SSZ codec of SignedBeaconBlock under <paramref name="preset"/>'s list limits.</summary>
    public static ISszCodec<SignedBeaconBlock> CodecFor(Preset preset) => CodecsByPreset.GetValue(preset, p => new SignedBeaconBlockCodec(p));

    private sealed class SignedBeaconBlockCodec : SszContainerCodec<SignedBeaconBlock>
    {
        private readonly ISszCodec<BeaconBlock> _message;

        public SignedBeaconBlockCodec(Preset preset)
            : this(BeaconBlock.CodecFor(preset))
        {
        }

        private SignedBeaconBlockCodec(ISszCodec<BeaconBlock> message)
            : base(new SszContainerLayout(nameof(SignedBeaconBlock),
                ("message", message),
                ("signature", GroupSignature.Codec)))
        {
            _message = message;
        }

        protected override int GetVariableSize(SignedBeaconBlock value) =>
            _message.GetSize(value.Message)
            + GroupSignature.Codec.GetSize(value.Signature);

        protected override void WriteFields(ref SszContainerWriter writer, SignedBeaconBlock value)
        {
            writer.Write(_message, value.Message);
            writer.Write(GroupSignature.Codec, value.Signature);
        }

        protected override SignedBeaconBlock ReadFields(ref SszContainerReader reader) =>
            new(
                reader.Read(_message),
                reader.Read(GroupSignature.Codec));

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, SignedBeaconBlock value)
        {
            merkleizer.Append(_message.HashTreeRoot(value.Message));
            merkleizer.Append(GroupSignature.Codec.HashTreeRoot(value.Signature));
        }
    }
}

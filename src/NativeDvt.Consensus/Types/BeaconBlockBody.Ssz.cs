using System.Runtime.CompilerServices;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;
using SszLib = NativeDvt.Ssz.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: BeaconBlockBody { randao_reveal, randao_member_index, graffiti, proposer_slashings, attester_slashings, attestations, registrations, key_rotations, transactions }.</remarks>
public sealed partial record BeaconBlockBody
{
    private static readonly ConditionalWeakTable<Preset, ISszCodec<BeaconBlockBody>> CodecsByPreset = [];

    /// <summary>The SSZ codec of BeaconBlockBody under <paramref name="preset"/>'s list limits.</summary>
    public static ISszCodec<BeaconBlockBody> CodecFor(Preset preset) => CodecsByPreset.GetValue(preset, p => new BeaconBlockBodyCodec(p));

    private sealed class BeaconBlockBodyCodec : SszContainerCodec<BeaconBlockBody>
    {
        private readonly ISszCodec<IReadOnlyList<GroupProposerSlashing>> _proposerSlashings;
        private readonly ISszCodec<IReadOnlyList<GroupAttesterSlashing>> _attesterSlashings;
        private readonly ISszCodec<IReadOnlyList<GroupAttestation>> _attestations;
        private readonly ulong _maxAttestations;
        private readonly ISszCodec<IReadOnlyList<SignedRegistration>> _registrations;
        private readonly ISszCodec<IReadOnlyList<SignedKeyRotation>> _keyRotations;
        private readonly ISszCodec<IReadOnlyList<Bytes>> _transactions;
        private readonly ConditionalWeakTable<BeaconBlockBody, StrongBox<Bytes32>> _roots = [];

        public BeaconBlockBodyCodec(Preset preset)
            : this(preset.MaxAttestations, SszLib.List(GroupProposerSlashing.Codec, checked((long)preset.MaxProposerSlashings)), SszLib.List(GroupAttesterSlashing.Codec, checked((long)preset.MaxAttesterSlashings)), SszLib.List(GroupAttestation.Codec, checked((long)preset.MaxAttestations)), SszLib.List(SignedRegistration.Codec, checked((long)preset.MaxRegistrations)), SszLib.List(SignedKeyRotation.Codec, checked((long)preset.MaxKeyRotations)), ConsensusCodecs.Transactions)
        {
        }

        private BeaconBlockBodyCodec(ulong maxAttestations, ISszCodec<IReadOnlyList<GroupProposerSlashing>> proposerSlashings, ISszCodec<IReadOnlyList<GroupAttesterSlashing>> attesterSlashings, ISszCodec<IReadOnlyList<GroupAttestation>> attestations, ISszCodec<IReadOnlyList<SignedRegistration>> registrations, ISszCodec<IReadOnlyList<SignedKeyRotation>> keyRotations, ISszCodec<IReadOnlyList<Bytes>> transactions)
            : base(new SszContainerLayout(nameof(BeaconBlockBody),
                ("randao_reveal", ConsensusCodecs.Signature),
                ("randao_member_index", ConsensusCodecs.UInt64),
                ("graffiti", ConsensusCodecs.Root),
                ("proposer_slashings", proposerSlashings),
                ("attester_slashings", attesterSlashings),
                ("attestations", attestations),
                ("registrations", registrations),
                ("key_rotations", keyRotations),
                ("transactions", transactions)))
        {
            _proposerSlashings = proposerSlashings;
            _attesterSlashings = attesterSlashings;
            _attestations = attestations;
            _maxAttestations = maxAttestations;
            _registrations = registrations;
            _keyRotations = keyRotations;
            _transactions = transactions;
        }

        protected override int GetVariableSize(BeaconBlockBody value) =>
            ConsensusCodecs.Signature.GetSize(value.RandaoReveal)
            + _proposerSlashings.GetSize(value.ProposerSlashings)
            + _attesterSlashings.GetSize(value.AttesterSlashings)
            + _attestations.GetSize(value.Attestations)
            + _registrations.GetSize(value.Registrations)
            + _keyRotations.GetSize(value.KeyRotations)
            + _transactions.GetSize(value.Transactions);

        protected override void WriteFields(ref SszContainerWriter writer, BeaconBlockBody value)
        {
            writer.Write(ConsensusCodecs.Signature, value.RandaoReveal);
            writer.Write(ConsensusCodecs.UInt64, value.RandaoMemberIndex);
            writer.Write(ConsensusCodecs.Root, value.Graffiti);
            writer.Write(_proposerSlashings, value.ProposerSlashings);
            writer.Write(_attesterSlashings, value.AttesterSlashings);
            writer.Write(_attestations, value.Attestations);
            writer.Write(_registrations, value.Registrations);
            writer.Write(_keyRotations, value.KeyRotations);
            writer.Write(_transactions, value.Transactions);
        }

        protected override BeaconBlockBody ReadFields(ref SszContainerReader reader) =>
            new()
            {
                RandaoReveal = reader.Read(ConsensusCodecs.Signature),
                RandaoMemberIndex = reader.Read(ConsensusCodecs.UInt64),
                Graffiti = reader.Read(ConsensusCodecs.Root),
                ProposerSlashings = reader.Read(_proposerSlashings),
                AttesterSlashings = reader.Read(_attesterSlashings),
                Attestations = reader.Read(_attestations),
                Registrations = reader.Read(_registrations),
                KeyRotations = reader.Read(_keyRotations),
                Transactions = reader.Read(_transactions),
            };

        /// <summary>
        /// The body root, computed once per body object under this preset: a body is an immutable value, and one
        /// block's body is hashed by its proposer, by the block root of every copy that shares the object and by
        /// process_block_header; with a full slot of attestations each pass is tens of thousands of hashes.
        /// A changed body (`with`) is a new object and is hashed afresh.
        /// </summary>
        public override Bytes32 HashTreeRoot(BeaconBlockBody value) =>
            _roots.GetValue(value, body => new StrongBox<Bytes32>(base.HashTreeRoot(body))).Value;

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, BeaconBlockBody value)
        {
            merkleizer.Append(ConsensusCodecs.Signature.HashTreeRoot(value.RandaoReveal));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.RandaoMemberIndex));
            merkleizer.Append(ConsensusCodecs.Root.HashTreeRoot(value.Graffiti));
            merkleizer.Append(_proposerSlashings.HashTreeRoot(value.ProposerSlashings));
            merkleizer.Append(_attesterSlashings.HashTreeRoot(value.AttesterSlashings));
            merkleizer.Append(GroupAttestation.ListRoot(value.Attestations, _maxAttestations));
            merkleizer.Append(_registrations.HashTreeRoot(value.Registrations));
            merkleizer.Append(_keyRotations.HashTreeRoot(value.KeyRotations));
            merkleizer.Append(_transactions.HashTreeRoot(value.Transactions));
        }
    }
}

using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;
using SszLib = NativeDvt.Ssz.Ssz;

namespace NativeDvt.Consensus.Types;

/// <remarks>SSZ: Group { pubkeys, threshold, effective_balance, slashed, activation_eligibility_epoch, activation_epoch, exit_epoch, withdrawable_epoch, key_changes }.</remarks>
public sealed partial record Group
{
    private static readonly ISszCodec<IReadOnlyList<KeyChange>> KeyChangeList = SszLib.List(KeyChange.Codec, SszLimits.MaxKeyChanges);

    /// <summary>The SSZ codec of Group.</summary>
    public static ISszCodec<Group> Codec { get; } = new GroupCodec();

    private sealed class GroupCodec() : SszContainerCodec<Group>(
        new SszContainerLayout(nameof(Group),
            ("pubkeys", ConsensusCodecs.PublicKeys),
            ("threshold", ConsensusCodecs.UInt64),
            ("effective_balance", ConsensusCodecs.Gwei),
            ("slashed", ConsensusCodecs.Boolean),
            ("activation_eligibility_epoch", ConsensusCodecs.Epoch),
            ("activation_epoch", ConsensusCodecs.Epoch),
            ("exit_epoch", ConsensusCodecs.Epoch),
            ("withdrawable_epoch", ConsensusCodecs.Epoch),
            ("key_changes", KeyChangeList)))
    {
        protected override int GetVariableSize(Group value) =>
            ConsensusCodecs.PublicKeys.GetSize(value.Pubkeys)
            + KeyChangeList.GetSize(value.KeyChanges);

        protected override void WriteFields(ref SszContainerWriter writer, Group value)
        {
            writer.Write(ConsensusCodecs.PublicKeys, value.Pubkeys);
            writer.Write(ConsensusCodecs.UInt64, value.Threshold);
            writer.Write(ConsensusCodecs.Gwei, value.EffectiveBalance);
            writer.Write(ConsensusCodecs.Boolean, value.Slashed);
            writer.Write(ConsensusCodecs.Epoch, value.ActivationEligibilityEpoch);
            writer.Write(ConsensusCodecs.Epoch, value.ActivationEpoch);
            writer.Write(ConsensusCodecs.Epoch, value.ExitEpoch);
            writer.Write(ConsensusCodecs.Epoch, value.WithdrawableEpoch);
            writer.Write(KeyChangeList, value.KeyChanges);
        }

        protected override Group ReadFields(ref SszContainerReader reader) =>
            new()
            {
                Pubkeys = reader.Read(ConsensusCodecs.PublicKeys),
                Threshold = reader.Read(ConsensusCodecs.UInt64),
                EffectiveBalance = reader.Read(ConsensusCodecs.Gwei),
                Slashed = reader.Read(ConsensusCodecs.Boolean),
                ActivationEligibilityEpoch = reader.Read(ConsensusCodecs.Epoch),
                ActivationEpoch = reader.Read(ConsensusCodecs.Epoch),
                ExitEpoch = reader.Read(ConsensusCodecs.Epoch),
                WithdrawableEpoch = reader.Read(ConsensusCodecs.Epoch),
                KeyChanges = reader.Read(KeyChangeList),
            };

        protected override void AppendFieldRoots(ref Merkleizer merkleizer, Group value)
        {
            merkleizer.Append(ConsensusCodecs.PublicKeys.HashTreeRoot(value.Pubkeys));
            merkleizer.Append(ConsensusCodecs.UInt64.HashTreeRoot(value.Threshold));
            merkleizer.Append(ConsensusCodecs.Gwei.HashTreeRoot(value.EffectiveBalance));
            merkleizer.Append(ConsensusCodecs.Boolean.HashTreeRoot(value.Slashed));
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.ActivationEligibilityEpoch));
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.ActivationEpoch));
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.ExitEpoch));
            merkleizer.Append(ConsensusCodecs.Epoch.HashTreeRoot(value.WithdrawableEpoch));
            merkleizer.Append(KeyChangeList.HashTreeRoot(value.KeyChanges));
        }
    }
}

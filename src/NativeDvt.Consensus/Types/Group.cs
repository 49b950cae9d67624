using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// A registry entry: the spec's Validator, generalised to n member keys with threshold m.
/// A solo validator is a 1-of-1 group.
/// </summary>
/// <remarks>
/// <see cref="Pubkeys"/> are the latest keys, scheduled rotations included; <see cref="KeyChanges"/> lets
/// <see cref="MemberPubkeyAt"/> recover the key in force at any epoch still covered.
/// </remarks>
[SszContainer]
public sealed partial record Group
{
    /// <summary>The n member public keys.</summary>
    [SszField(0, Codec = nameof(ConsensusCodecs.PublicKeys))]
    public required IReadOnlyList<Bytes> Pubkeys { get; init; }

    /// <summary>The threshold m: the group acts iff at least m members sign the same thing.</summary>
    [SszField(1)]
    public required ulong Threshold { get; init; }

    /// <summary>Effective balance, at most n x MAX_EFFECTIVE_BALANCE.</summary>
    [SszField(2)]
    public required Gwei EffectiveBalance { get; init; }

    /// <summary>Whether the group has been slashed.</summary>
    [SszField(3)]
    public bool Slashed { get; init; }

    /// <summary>activation_eligibility_epoch.</summary>
    [SszField(4)]
    public Epoch ActivationEligibilityEpoch { get; init; } = FarFuture;

    /// <summary>activation_epoch.</summary>
    [SszField(5)]
    public Epoch ActivationEpoch { get; init; } = FarFuture;

    /// <summary>exit_epoch.</summary>
    [SszField(6)]
    public Epoch ExitEpoch { get; init; } = FarFuture;

    /// <summary>withdrawable_epoch.</summary>
    [SszField(7)]
    public Epoch WithdrawableEpoch { get; init; } = FarFuture;

    /// <summary>Recent and scheduled key rotations, oldest first.</summary>
    [SszField(8)]
    [SszList(SszLimits.MaxKeyChanges)]
    public IReadOnlyList<KeyChange> KeyChanges { get; init; } = [];

    /// <summary>FAR_FUTURE_EPOCH.</summary>
    public static Epoch FarFuture { get; } = new(ulong.MaxValue);

    /// <summary>n, the number of members.</summary>
    public int Size => Pubkeys.Count;

    /// <summary>is_active_validator.</summary>
    public bool IsActive(Epoch epoch) => ActivationEpoch <= epoch && epoch < ExitEpoch;

    /// <summary>is_slashable_validator.</summary>
    public bool IsSlashable(Epoch epoch) => !Slashed && ActivationEpoch <= epoch && epoch < WithdrawableEpoch;

    /// <summary>
    /// The key member <paramref name="memberIndex"/> signed with at <paramref name="epoch"/>: the latest key with every
    /// change that takes effect after <paramref name="epoch"/> undone. Changes already pruned cannot be undone,
    /// which is what ends an old key's slashability.
    /// </summary>
    public Bytes MemberPubkeyAt(int memberIndex, Epoch epoch)
    {
        var key = Pubkeys[memberIndex];
        for (var i = KeyChanges.Count - 1; i >= 0; i--)
        {
            var change = KeyChanges[i];
            if (change.MemberIndex == (ulong)memberIndex && change.Epoch > epoch)
            {
                key = change.OldPubkey;
            }
        }

        return key;
    }
}

using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

public static partial class PerBlockProcessing
{
    /// <summary>
    /// A member key rotation: signed by at least m current members; takes effect at a future epoch (at most
    /// MaxRotationLookahead ahead); one pending rotation per member; the new key must be unused.
    /// </summary>
    /// <remarks>Group-specific; no spec counterpart.</remarks>
    internal static void ProcessKeyRotation(BlockContext context, SignedKeyRotation signed)
    {
        const BlockRule rule = BlockRule.ProcessKeyRotation;
        var state = context.State;
        var preset = state.Preset;
        var rotation = signed.Message;
        var current = state.CurrentEpoch;
        InvalidBlockException.Require(state.Groups.Contains(rotation.GroupIndex), rule, $"unknown group {rotation.GroupIndex}");
        var group = state.Groups[rotation.GroupIndex];
        InvalidBlockException.Require(!group.Slashed && group.ExitEpoch == Group.FarFuture, rule, "group is slashed or exiting");
        InvalidBlockException.Require(rotation.MemberIndex < (ulong)group.Size, rule, $"member {rotation.MemberIndex} is not in a group of {group.Size}");
        InvalidBlockException.Require(rotation.Epoch > current && rotation.Epoch.Value - current.Value <= preset.MaxRotationLookahead, rule,
            $"epoch {rotation.Epoch} is not within 1..{preset.MaxRotationLookahead} epochs ahead");
        InvalidBlockException.Require(rotation.NewPubkey.Length > 0 && (ulong)rotation.NewPubkey.Length <= (ulong)SszLimits.MaxPublicKeyBytes, rule,
            "new key has an invalid length");
        InvalidBlockException.Require(state.Groups.FindByPubkey(rotation.NewPubkey) is null, rule, "new key is already registered");
        InvalidBlockException.Require(!state.Groups.IsRetiredKey(rotation.NewPubkey), rule, "new key was rotated out recently");
        InvalidBlockException.Require(group.KeyChanges.All(change => change.MemberIndex != rotation.MemberIndex || change.Epoch <= current), rule,
            "member already has a pending rotation");
        InvalidBlockException.Require(group.KeyChanges.Count < SszLimits.MaxKeyChanges, rule, "too many recent key changes");

        var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(rotation), context.Domain(Domains.KeyRotation, current));
        context.RequireGroupSignature(rule, group, current, signingRoot, signed.Signature, GroupSignatures.Threshold(group));

        var member = (int)rotation.MemberIndex;
        var keys = group.Pubkeys.ToArray();
        var change = new KeyChange(rotation.MemberIndex, keys[member], rotation.NewPubkey, rotation.Epoch);
        keys[member] = rotation.NewPubkey;
        state.Groups.Set((int)rotation.GroupIndex.Value, group with { Pubkeys = keys, KeyChanges = [.. group.KeyChanges, change] });
    }
}

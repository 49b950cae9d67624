using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Events;
using NativeDvt.Node.Identities;
using NativeDvt.Node.Network;
using NativeDvt.Ssz;

namespace NativeDvt.Node;

public sealed partial class DvtNode
{
    /// <summary>A rotation takes effect this many epochs after it is started: a whole epoch to gather m signatures and be included.</summary>
    private const ulong RotationDelayEpochs = 2;

    /// <summary>Members' rotation signatures by rotation root (one signature per member, for assembling).</summary>
    private readonly Dictionary<Root, (KeyRotation Rotation, SortedDictionary<int, Bytes> Signatures)> _rotationShares = [];

    /// <summary>Rotations signed by at least m members, waiting for a proposer.</summary>
    private readonly Dictionary<Root, SignedKeyRotation> _completeRotations = [];

    /// <summary>
    /// Starts a key rotation of <paramref name="identity"/> (the operator's request): the identity takes
    /// <paramref name="newSecretKey"/>, signs `KeyRotation { group, member, new key, epoch = current + 2 }` with its
    /// current key and gossips that share; the group's other members co-sign it, the rotating member assembles it at m
    /// signatures and proposers include it. Its signer switches to the new key once its head state says so.
    /// </summary>
    public void RotateKey(MemberId identity, byte[] newSecretKey, TimeSpan now)
    {
        AdvanceTo(now);
        var me = _identities.Single(i => i.Id == identity);
        var newKey = me.Signer.AddKey(newSecretKey);
        var rotation = new KeyRotation(me.Group, MemberIndex.ToWire(me.Member), Bytes.Wrap(newKey), new Epoch(EpochOf(CurrentSlot).Value + RotationDelayEpochs));
        SignRotation(me, rotation, SszRoots.Of(rotation));
    }

    private void SignRotation(LocalIdentity me, KeyRotation rotation, Root root)
    {
        if (GroupOf(me.Group) is not { } group)
        {
            return;
        }

        // A rotation is not slashable: signing it twice (or two of them) convicts nobody.
        var (signature, refusal) = me.Signer.SignUnprotected(RotationSigningRoot(root));
        if (signature is null)
        {
            _events.Receive(new SigningRefused(me.Id, $"key rotation of member {rotation.MemberIndex}", refusal ?? "", _now));
            return;
        }

        var share = new SignedKeyRotation(rotation, new GroupSignature(MemberBits.Of(group.Size, [me.Member]), [signature]));
        Publish(Topics.KeyRotation, SignedKeyRotation.Codec.Encode(share));
        TakeRotationShare(rotation, root, me.Member, signature);
    }

    private Root RotationSigningRoot(Root rotationRoot) =>
        Domains.ComputeSigningRoot(rotationRoot, Domain(Domains.KeyRotation, EpochOf(CurrentSlot)));

    private GossipVerdict OnKeyRotationGossip(byte[] data)
    {
        var message = _states.Messages.Decode(data, SignedKeyRotation.Codec, r => SszRoots.Of(r.Message));
        var (signed, root) = (message.Value, message.Root);
        var rotation = signed.Message;
        var current = EpochOf(CurrentSlot);
        if (rotation.Epoch <= current || rotation.Epoch.Value - current.Value > _preset.MaxRotationLookahead || _completeRotations.ContainsKey(root))
        {
            return GossipVerdict.Ignore;
        }

        var group = GroupOf(rotation.GroupIndex);
        if (group is null || !MemberIndex.TryRead(rotation.MemberIndex, group, out _))
        {
            return GossipVerdict.Reject;
        }

        var signers = signed.Signature.ParticipationBits.Indices().ToList();
        if (!message.VerifiedWith(group) && GroupSignatures.Check(_verifier, group, current, RotationSigningRoot(root), signed.Signature, 1) is not null)
        {
            return GossipVerdict.Reject;
        }

        message.MarkVerifiedWith(group);
        if (signers.Count >= GroupSignatures.Threshold(group))
        {
            _completeRotations[root] = signed;
            return GossipVerdict.Accept;
        }

        if (signers.Count == 1 && _byGroup.ContainsKey(rotation.GroupIndex))
        {
            TakeRotationShare(rotation, root, signers[0], signed.Signature.Signatures[0]);
        }

        return GossipVerdict.Accept;
    }

    /// <summary>
    /// A member co-signs a rotation that the rotating member itself signed (a member's key is its owner's to change);
    /// the rotating member assembles the complete rotation at m signatures and gossips it.
    /// </summary>
    private void TakeRotationShare(KeyRotation rotation, Root root, int member, Bytes signature)
    {
        if (!_rotationShares.TryGetValue(root, out var entry))
        {
            _rotationShares[root] = entry = (rotation, []);
        }

        entry.Signatures.TryAdd(member, signature);
        if (!_byGroup.TryGetValue(rotation.GroupIndex, out var me) || GroupOf(rotation.GroupIndex) is not { } group)
        {
            return;
        }

        var owner = MemberIndex.FromChecked(rotation.MemberIndex);
        if (entry.Signatures.ContainsKey(owner) && !entry.Signatures.ContainsKey(me.Member))
        {
            SignRotation(me, rotation, root);
            return;
        }

        if (me.Member == owner && entry.Signatures.Count >= GroupSignatures.Threshold(group) && !_completeRotations.ContainsKey(root))
        {
            var complete = new SignedKeyRotation(rotation, CombineSignatures(group.Size, entry.Signatures));
            _completeRotations[root] = complete;
            Publish(Topics.KeyRotation, SignedKeyRotation.Codec.Encode(complete));
        }
    }

    /// <summary>Complete rotations that process_key_rotation would take at <paramref name="pre"/> (a failing one would invalidate the block).</summary>
    private List<SignedKeyRotation> SelectKeyRotations(BeaconState pre)
    {
        var selected = new List<SignedKeyRotation>();
        var members = new HashSet<(GroupIndex, ulong)>();
        foreach (var signed in _completeRotations.Values)
        {
            var rotation = signed.Message;
            if (!pre.Groups.Contains(rotation.GroupIndex) || selected.Count >= (int)_preset.MaxKeyRotations)
            {
                continue;
            }

            var group = pre.Groups[rotation.GroupIndex];
            var current = pre.CurrentEpoch;
            if (!group.Slashed && group.ExitEpoch == Group.FarFuture && rotation.Epoch > current && rotation.Epoch.Value - current.Value <= _preset.MaxRotationLookahead
                && pre.Groups.FindByPubkey(rotation.NewPubkey) is null && !pre.Groups.IsRetiredKey(rotation.NewPubkey)
                && group.KeyChanges.All(c => c.MemberIndex != rotation.MemberIndex || c.Epoch <= current) && group.KeyChanges.Count < SszLimits.MaxKeyChanges
                && members.Add((rotation.GroupIndex, rotation.MemberIndex)))
            {
                selected.Add(signed);
            }
        }

        return selected;
    }

    private void OnKeyRotationsIncluded(BeaconBlock block)
    {
        foreach (var signed in block.Body.KeyRotations)
        {
            var rotation = signed.Message;
            _completeRotations.Remove(SszRoots.Of(rotation));
            _events.Receive(new KeyRotationIncluded(Identity, new MemberId(rotation.GroupIndex, MemberIndex.FromChecked(rotation.MemberIndex)), rotation.Epoch, block.Slot, _now));
        }
    }

    /// <summary>Each identity signs with the key its head state puts in force for the epoch (a rotation's new key from its epoch on).</summary>
    private void UseKeysInForce(BeaconState state, Epoch epoch)
    {
        foreach (var me in _identities)
        {
            if (state.Groups.Contains(me.Group) && state.Groups[me.Group].MemberPubkeyAt(me.Member, epoch) is var key && !key.Span.SequenceEqual(me.Signer.PublicKey))
            {
                me.Signer.UseKey(key.Span);
            }
        }

        foreach (var stale in _completeRotations.Where(r => r.Value.Message.Epoch <= epoch).Select(r => r.Key).ToList())
        {
            _completeRotations.Remove(stale);
        }

        foreach (var stale in _rotationShares.Where(r => r.Value.Rotation.Epoch <= epoch).Select(r => r.Key).ToList())
        {
            _rotationShares.Remove(stale);
        }
    }
}

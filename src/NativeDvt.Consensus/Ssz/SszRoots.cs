using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Ssz;

/// <summary>hash_tree_root of the consensus types, as <see cref="Root"/>s.</summary>
public static class SszRoots
{
    /// <summary>hash_tree_root(header): also the block root of the block it summarises.</summary>
    public static Root Of(BeaconBlockHeader header) => BeaconBlockHeader.Codec.HashTreeRoot(header).ToRoot();

    /// <summary>hash_tree_root(data).</summary>
    public static Root Of(AttestationData data) => AttestationData.Codec.HashTreeRoot(data).ToRoot();

    /// <summary>hash_tree_root(checkpoint).</summary>
    public static Root Of(Checkpoint checkpoint) => Checkpoint.Codec.HashTreeRoot(checkpoint).ToRoot();

    /// <summary>hash_tree_root(rotation).</summary>
    public static Root Of(KeyRotation rotation) => KeyRotation.Codec.HashTreeRoot(rotation).ToRoot();

    /// <summary>hash_tree_root(registration).</summary>
    public static Root Of(Registration registration) => Registration.Codec.HashTreeRoot(registration).ToRoot();

    /// <summary>hash_tree_root(group).</summary>
    public static Root Of(Group group) => Group.Codec.HashTreeRoot(group).ToRoot();

    /// <summary>hash_tree_root(body) under <paramref name="preset"/>'s limits.</summary>
    public static Root Of(BeaconBlockBody body, Preset preset) => BeaconBlockBody.CodecFor(preset).HashTreeRoot(body).ToRoot();

    /// <summary>hash_tree_root(block): the block root.</summary>
    public static Root Of(BeaconBlock block, Preset preset) => BeaconBlock.CodecFor(preset).HashTreeRoot(block).ToRoot();
}

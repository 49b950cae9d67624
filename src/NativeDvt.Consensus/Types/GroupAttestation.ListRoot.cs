using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

public sealed partial record GroupAttestation
{
    /// <summary>
    /// hash_tree_root of List[GroupAttestation, limit], hashing each distinct AttestationData once: a full slot's
    /// attestations share one data per committee, which saves about half the hashing of a block body.
    /// </summary>
    internal static Bytes32 ListRoot(IReadOnlyList<GroupAttestation> attestations, ulong limit)
    {
        if ((ulong)attestations.Count > limit)
        {
            throw new SszException($"{attestations.Count} attestations exceed the limit {limit}");
        }

        var dataRoots = new Dictionary<AttestationData, Bytes32>();
        var roots = new Bytes32[attestations.Count];
        for (var i = 0; i < roots.Length; i++)
        {
            var attestation = attestations[i];
            if (!dataRoots.TryGetValue(attestation.Data, out var dataRoot))
            {
                dataRoot = AttestationData.Codec.HashTreeRoot(attestation.Data);
                dataRoots[attestation.Data] = dataRoot;
            }

            // The container's three field roots, padded to four leaves, as GroupAttestation.Codec merkleizes them.
            var left = Merkle.Hash(ConsensusCodecs.GroupIndex.HashTreeRoot(attestation.GroupIndex), dataRoot);
            var right = Merkle.Hash(GroupSignature.Codec.HashTreeRoot(attestation.Signature), Bytes32.Zero);
            roots[i] = Merkle.Hash(left, right);
        }

        return Merkle.MixInLength(Merkle.Merkleize(roots, limit), (ulong)roots.Length);
    }
}

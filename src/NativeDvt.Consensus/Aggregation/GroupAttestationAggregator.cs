using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.Aggregation;

/// <summary>
/// Turns one group's member attestations for one slot into the group attestations a block may carry
/// (protocol.md section 5, "at 2/3 of the slot an aggregator combines member attestations").
/// </summary>
/// <remarks>
/// `whole`: one attestation per AttestationData that at least m distinct members signed; below m nothing.
/// `component`: one attestation per distinct AttestationData, whatever its signer count, since the chain credits
/// each correct part once at least m members carried it across all of them.
/// Signatures are combined by <c>aggregate</c> (the scheme's aggregation, members in ascending order) or listed
/// per member when <c>aggregate</c> is null (schemes that do not aggregate).
/// </remarks>
public static class GroupAttestationAggregator
{
    /// <summary>The group attestations for <paramref name="group"/>; attestations of other groups or unknown members are ignored, and a member's first vote per data counts.</summary>
    public static IReadOnlyList<GroupAttestation> Aggregate(GroupIndex groupIndex, Group group, IEnumerable<MemberAttestation> memberAttestations,
        AccountingPolicy policy, Func<IReadOnlyList<Bytes>, Bytes>? aggregate)
    {
        var byData = new Dictionary<AttestationData, SortedDictionary<int, Bytes>>();
        var order = new List<AttestationData>();
        foreach (var attestation in memberAttestations)
        {
            if (attestation.GroupIndex != groupIndex || attestation.MemberIndex >= (ulong)group.Size)
            {
                continue;
            }

            if (!byData.TryGetValue(attestation.Data, out var signers))
            {
                signers = [];
                byData[attestation.Data] = signers;
                order.Add(attestation.Data);
            }

            signers.TryAdd((int)attestation.MemberIndex, attestation.Signature);
        }

        var result = new List<GroupAttestation>();
        foreach (var data in order)
        {
            var signers = byData[data];
            if (policy == AccountingPolicy.Whole && (ulong)signers.Count < group.Threshold)
            {
                continue;
            }

            var bits = MemberBits.Of(group.Size, signers.Keys);
            var signatures = signers.Values.ToArray();
            IReadOnlyList<Bytes> carried = aggregate is null ? signatures : [aggregate(signatures)];
            result.Add(new GroupAttestation(groupIndex, data, new GroupSignature(bits, carried)));
        }

        return result;
    }
}

using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

/// <summary>
/// List[GroupAttestation, limit] as the generic list encodes it, hashed by <see cref="GroupAttestation.ListRoot"/>:
/// a block body's attestations share few AttestationData, and each is hashed once.
/// </summary>
internal sealed class GroupAttestationListCodec(long limit) : ISszCodec<IReadOnlyList<GroupAttestation>>
{
    private readonly ISszCodec<IReadOnlyList<GroupAttestation>> _list = SszCodecs.List(GroupAttestation.Codec, limit);

    public string TypeName => _list.TypeName;

    public bool IsFixedSize => _list.IsFixedSize;

    public int FixedSize => _list.FixedSize;

    public int GetSize(IReadOnlyList<GroupAttestation> value) => _list.GetSize(value);

    public void Write(IReadOnlyList<GroupAttestation> value, Span<byte> destination) => _list.Write(value, destination);

    public IReadOnlyList<GroupAttestation> Read(ReadOnlySpan<byte> data) => _list.Read(data);

    public Bytes32 HashTreeRoot(IReadOnlyList<GroupAttestation> value) => GroupAttestation.ListRoot(value, (ulong)limit);
}

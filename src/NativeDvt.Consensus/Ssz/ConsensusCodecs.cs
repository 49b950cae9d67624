using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Ssz;

/// <summary>Codecs of the consensus newtypes and scheme-agnostic byte strings, built on the SSZ library's basic codecs.</summary>
public static class ConsensusCodecs
{
    /// <summary>Root / Bytes32.</summary>
    public static ISszCodec<Root> Root { get; } = SszCodecs.Map(SszCodecs.Bytes32, b => b.ToRoot(), r => r.ToBytes32());

    /// <summary>Slot (uint64).</summary>
    public static ISszCodec<Slot> Slot { get; } = SszCodecs.Map(SszCodecs.UInt64, v => new Slot(v), s => s.Value);

    /// <summary>Epoch (uint64).</summary>
    public static ISszCodec<Epoch> Epoch { get; } = SszCodecs.Map(SszCodecs.UInt64, v => new Epoch(v), e => e.Value);

    /// <summary>GroupIndex (uint64, the spec's ValidatorIndex).</summary>
    public static ISszCodec<GroupIndex> GroupIndex { get; } = SszCodecs.Map(SszCodecs.UInt64, v => new GroupIndex(v), g => g.Value);

    /// <summary>CommitteeIndex (uint64).</summary>
    public static ISszCodec<CommitteeIndex> CommitteeIndex { get; } = SszCodecs.Map(SszCodecs.UInt64, v => new CommitteeIndex(v), c => c.Value);

    /// <summary>Gwei (uint64).</summary>
    public static ISszCodec<Gwei> Gwei { get; } = SszCodecs.Map(SszCodecs.UInt64, v => new Gwei(v), g => g.Value);

    /// <summary>uint64.</summary>
    public static ISszCodec<ulong> UInt64 { get; } = SszCodecs.UInt64;

    /// <summary>boolean.</summary>
    public static ISszCodec<bool> Boolean { get; } = SszCodecs.Boolean;

    /// <summary>Version (Bytes4).</summary>
    public static ISszCodec<ForkVersion> ForkVersion { get; } =
        SszCodecs.Map(SszCodecs.ByteVector(4), b => Primitives.ForkVersion.From(b), ToBytes);

    /// <summary>A public key: ByteList[MAX_PUBLIC_KEY_BYTES].</summary>
    public static ISszCodec<Bytes> PublicKey { get; } = ByteList(SszLimits.MaxPublicKeyBytes);

    /// <summary>A signature: ByteList[MAX_SIGNATURE_BYTES].</summary>
    public static ISszCodec<Bytes> Signature { get; } = ByteList(SszLimits.MaxSignatureBytes);

    /// <summary>List[PublicKey, MAX_GROUP_SIZE].</summary>
    public static ISszCodec<IReadOnlyList<Bytes>> PublicKeys { get; } = SszCodecs.List(PublicKey, SszLimits.MaxGroupSize);

    /// <summary>List[Signature, MAX_GROUP_SIZE].</summary>
    public static ISszCodec<IReadOnlyList<Bytes>> Signatures { get; } = SszCodecs.List(Signature, SszLimits.MaxGroupSize);

    /// <summary>Bitlist[MAX_GROUP_SIZE] of a group's members.</summary>
    public static ISszCodec<MemberBits> MemberBits { get; } = SszCodecs.Map(
        SszCodecs.Bitlist(SszLimits.MaxGroupSize), FromBools, ToBools);

    /// <summary>Transaction: ByteList[MAX_BYTES_PER_TRANSACTION], opaque (no execution layer).</summary>
    public static ISszCodec<Bytes> Transaction { get; } = ByteList(SszLimits.MaxBytesPerTransaction);

    /// <summary>List[Transaction, MAX_TRANSACTIONS_PER_PAYLOAD]: a block's payload and an inclusion list's transactions.</summary>
    public static ISszCodec<IReadOnlyList<Bytes>> Transactions { get; } = SszCodecs.List(Transaction, SszLimits.MaxTransactionsPerPayload);

    /// <summary>ByteList[limit] as <see cref="Bytes"/>.</summary>
    public static ISszCodec<Bytes> ByteList(int limit) =>
        SszCodecs.Map(SszCodecs.ByteList(limit), Bytes.Wrap, b => b.Raw);

    private static byte[] ToBytes(ForkVersion version)
    {
        var bytes = new byte[4];
        version.CopyTo(bytes);
        return bytes;
    }

    private static MemberBits FromBools(bool[] bits)
    {
        ushort mask = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                mask |= (ushort)(1 << i);
            }
        }

        return new MemberBits(bits.Length, mask);
    }

    private static bool[] ToBools(MemberBits bits)
    {
        var result = new bool[bits.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = bits.Get(i);
        }

        return result;
    }
}

using System.Numerics;
using NativeDvt.Ssz.Codecs;

namespace NativeDvt.Ssz;

/// <summary>Ready codecs for the SSZ basic types and constructors for the composite ones.</summary>
public static class SszCodecs
{
    /// <summary>uint8.</summary>
    public static ISszBasicCodec<byte> UInt8 { get; } = new UInt8Codec();

    /// <summary>uint16.</summary>
    public static ISszBasicCodec<ushort> UInt16 { get; } = new UInt16Codec();

    /// <summary>uint32.</summary>
    public static ISszBasicCodec<uint> UInt32 { get; } = new UInt32Codec();

    /// <summary>uint64.</summary>
    public static ISszBasicCodec<ulong> UInt64 { get; } = new UInt64Codec();

    /// <summary>uint128.</summary>
    public static ISszBasicCodec<UInt128> UInt128 { get; } = new UInt128Codec();

    /// <summary>uint256, as a <see cref="BigInteger"/> in [0, 2^256).</summary>
    public static ISszBasicCodec<BigInteger> UInt256 { get; } = new UInt256Codec();

    /// <summary>boolean.</summary>
    public static ISszBasicCodec<bool> Boolean { get; } = new BooleanCodec();

    /// <summary>Bytes32 (roots, hashes).</summary>
    public static ISszCodec<Bytes32> Bytes32 { get; } = new Bytes32Codec();

    /// <summary>ByteVector[length] as an array of exactly that many bytes (e.g. a 48-byte BLS pubkey).</summary>
    public static ISszCodec<byte[]> ByteVector(int length) => new ByteVectorCodec(length);

    /// <summary>ByteList[limit] as an array of at most that many bytes.</summary>
    public static ISszCodec<byte[]> ByteList(int limit) => new ByteListCodec(limit);

    /// <summary>Bitvector[length] as exactly that many booleans.</summary>
    public static ISszCodec<bool[]> Bitvector(int length) => new BitvectorCodec(length);

    /// <summary>Bitlist[limit] as at most that many booleans.</summary>
    public static ISszCodec<bool[]> Bitlist(int limit) => new BitlistCodec(limit);

    /// <summary>Vector[element, length]; decoding returns an array.</summary>
    public static ISszCodec<IReadOnlyList<T>> Vector<T>(ISszCodec<T> element, int length) => new VectorCodec<T>(element, length);

    /// <summary>List[element, limit]; decoding returns an array.</summary>
    public static ISszCodec<IReadOnlyList<T>> List<T>(ISszCodec<T> element, long limit) => new ListCodec<T>(element, limit);

    /// <summary>
    /// A codec for <typeparamref name="TOuter"/> that encodes exactly as <paramref name="inner"/>, e.g.
    /// <c>SszCodecs.Map(SszCodecs.UInt64, v =&gt; new Slot(v), s =&gt; s.Value)</c>; a mapped basic type stays basic (packed in lists).
    /// </summary>
    public static ISszCodec<TOuter> Map<TInner, TOuter>(ISszCodec<TInner> inner, Func<TInner, TOuter> wrap, Func<TOuter, TInner> unwrap) =>
        inner is ISszBasicCodec<TInner> basic
            ? new MappedBasicCodec<TInner, TOuter>(basic, wrap, unwrap)
            : new MappedCodec<TInner, TOuter>(inner, wrap, unwrap);
}

using System.Numerics;

namespace NativeDvt.Ssz.Codecs;

/// <summary>uint256 as a non-negative <see cref="BigInteger"/> below 2^256: little-endian, exactly 32 bytes.</summary>
internal sealed class UInt256Codec : ISszBasicCodec<BigInteger>
{
    private static readonly BigInteger Bound = BigInteger.One << 256;

    public string TypeName => "uint256";

    public bool IsFixedSize => true;

    public int FixedSize => 32;

    public int GetSize(BigInteger value) => 32;

    public void Write(BigInteger value, Span<byte> destination)
    {
        if (value.Sign < 0 || value >= Bound)
        {
            throw new SszException($"{value} is outside the uint256 range");
        }

        var target = destination[..32];
        target.Clear();
        value.TryWriteBytes(target, out _, isUnsigned: true, isBigEndian: false);
    }

    public BigInteger Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, 32, TypeName);
        return new BigInteger(data, isUnsigned: true, isBigEndian: false);
    }

    public Bytes32 HashTreeRoot(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        Write(value, bytes);
        return new Bytes32(bytes);
    }
}

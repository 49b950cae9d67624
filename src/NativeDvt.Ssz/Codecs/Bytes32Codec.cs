namespace NativeDvt.Ssz.Codecs;

/// <summary>Bytes32 (Vector[uint8, 32]): a root is its own single chunk.</summary>
internal sealed class Bytes32Codec : ISszCodec<Bytes32>
{
    public string TypeName => "Bytes32";

    public bool IsFixedSize => true;

    public int FixedSize => Bytes32.Length;

    public int GetSize(Bytes32 value) => Bytes32.Length;

    public void Write(Bytes32 value, Span<byte> destination) => value.CopyTo(destination);

    public Bytes32 Read(ReadOnlySpan<byte> data)
    {
        SszRead.ExpectLength(data, Bytes32.Length, TypeName);
        return new Bytes32(data);
    }

    public Bytes32 HashTreeRoot(Bytes32 value) => value;
}

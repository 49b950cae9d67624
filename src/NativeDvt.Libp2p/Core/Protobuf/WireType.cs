namespace NativeDvt.Libp2p.Core.Protobuf;

/// <summary>Protobuf wire types (groups, 3 and 4, are deprecated and rejected).</summary>
public enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}

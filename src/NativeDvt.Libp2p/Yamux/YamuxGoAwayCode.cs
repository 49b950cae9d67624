namespace NativeDvt.Libp2p.Yamux;

/// <summary>GoAway error codes, carried in the header's length field.</summary>
internal enum YamuxGoAwayCode : uint
{
    Normal = 0,
    ProtocolError = 1,
    InternalError = 2,
}

namespace NativeDvt.Libp2p.Yamux;

/// <summary>Yamux message types.</summary>
internal enum YamuxFrameType : byte
{
    Data = 0,
    WindowUpdate = 1,
    Ping = 2,
    GoAway = 3,
}

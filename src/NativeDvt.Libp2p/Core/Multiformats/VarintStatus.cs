namespace NativeDvt.Libp2p.Core.Multiformats;

/// <summary>Outcome of <see cref="Varint.TryRead"/>.</summary>
public enum VarintStatus
{
    Done,
    NeedMoreData,
    TooLong,
    NotMinimal,
}

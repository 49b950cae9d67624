using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Genesis;

/// <summary>A group in the genesis file: member keys, threshold and balance. A solo validator is a 1-of-1 group.</summary>
public sealed record GenesisGroup(IReadOnlyList<Bytes> Pubkeys, ulong Threshold, Gwei Balance)
{
    /// <summary>A solo validator.</summary>
    public static GenesisGroup Solo(Bytes pubkey, Gwei balance) => new([pubkey], 1, balance);
}

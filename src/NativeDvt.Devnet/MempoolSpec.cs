namespace NativeDvt.Devnet;

/// <summary>The simulated mempool: each slot brings <see cref="Transactions"/> opaque transactions of <see cref="TransactionBytes"/> bytes.</summary>
/// <param name="Transactions">New transactions per slot (0 leaves every payload and inclusion list empty).</param>
/// <param name="TransactionBytes">Size of each transaction.</param>
/// <param name="Visibility">Probability that a given node sees a given transaction (1: every node sees all of them).</param>
public sealed record MempoolSpec(int Transactions, int TransactionBytes, double Visibility)
{
    /// <summary>8 transactions of 128 bytes per slot, seen by every node: 1 KiB, the default payload size.</summary>
    public static readonly MempoolSpec Default = new(8, 128, 1);
}

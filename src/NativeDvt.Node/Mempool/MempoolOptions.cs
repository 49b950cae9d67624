namespace NativeDvt.Node.Mempool;

/// <summary>What a <see cref="SimulatedMempool"/> brings each slot: <see cref="Transactions"/> opaque transactions of <see cref="TransactionBytes"/> bytes.</summary>
/// <param name="Transactions">New transactions per slot (0 leaves every payload and inclusion list empty).</param>
/// <param name="TransactionBytes">Size of each transaction.</param>
/// <param name="Visibility">Probability that a given identity sees a given transaction (1: every identity sees all of them).</param>
public sealed record MempoolOptions(int Transactions, int TransactionBytes, double Visibility);

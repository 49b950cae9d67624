namespace NativeDvt.Devnet;

/// <summary><see cref="Count"/> identical groups of <see cref="N"/> members with threshold <see cref="M"/>.</summary>
/// <param name="Count">How many groups this template makes.</param>
/// <param name="N">Members per group (1..16).</param>
/// <param name="M">Signatures needed for the group to act (1..n).</param>
/// <param name="BalanceGwei">Each group's deposit; null means n x 32 ETH.</param>
/// <param name="Members">One client profile per member, n of them.</param>
/// <param name="Operator">Who runs these groups, for the stake-decentralisation figures.</param>
/// <param name="Line">Where the template starts in the file, for later error messages.</param>
public sealed record GroupSpec(
    int Count,
    int N,
    int M,
    ulong? BalanceGwei,
    IReadOnlyList<MemberProfile> Members,
    string? Operator,
    int Line)
{
    /// <summary>True when two honest halves can each reach m (m &lt;= n/2).</summary>
    public bool IsUnsafeThreshold => 2 * M <= N && N > 1;
}

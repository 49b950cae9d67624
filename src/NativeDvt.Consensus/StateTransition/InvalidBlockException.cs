namespace NativeDvt.Consensus.StateTransition;

/// <summary>
/// Raised by a failed spec assertion inside block processing and turned into a returned <see cref="BlockError"/>
/// at the entry points; never escapes them.
/// </summary>
internal sealed class InvalidBlockException(string rule, string reason) : Exception($"{rule}: {reason}")
{
    public BlockError Error { get; } = new(rule, reason);

    /// <summary>The spec's assert: throws when <paramref name="condition"/> is false.</summary>
    public static void Require(bool condition, string rule, string reason)
    {
        if (!condition)
        {
            throw new InvalidBlockException(rule, reason);
        }
    }
}

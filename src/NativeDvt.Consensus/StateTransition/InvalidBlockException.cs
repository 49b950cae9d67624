using System.Runtime.CompilerServices;
using System.Text;

namespace NativeDvt.Consensus.StateTransition;

/// <summary>
/// Raised by a failed spec assertion inside block processing and turned into a returned <see cref="BlockError"/>
/// at the entry points; never escapes them.
/// </summary>
internal sealed class InvalidBlockException(BlockRule rule, string reason) : Exception($"{rule.SpecName()}: {reason}")
{
    public BlockError Error { get; } = new(rule, reason);

    /// <summary>The spec's assert: throws when <paramref name="condition"/> is false.</summary>
    public static void Require(bool condition, BlockRule rule, string reason)
    {
        if (!condition)
        {
            throw new InvalidBlockException(rule, reason);
        }
    }

    /// <summary>The spec's assert with an interpolated reason, formatted only when the check fails (a full block runs thousands).</summary>
    public static void Require(bool condition, BlockRule rule, [InterpolatedStringHandlerArgument(nameof(condition))] ref ReasonHandler reason)
    {
        if (!condition)
        {
            throw new InvalidBlockException(rule, reason.ToString());
        }
    }

    /// <summary>Builds the reason only when the condition is false.</summary>
    [InterpolatedStringHandler]
    internal ref struct ReasonHandler
    {
        private readonly StringBuilder? _builder;

        public ReasonHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            _ = formattedCount;
            shouldAppend = !condition;
            _builder = shouldAppend ? new StringBuilder(literalLength) : null;
        }

        public readonly void AppendLiteral(string value) => _builder?.Append(value);

        public readonly void AppendFormatted<T>(T value) => _builder?.Append(value);

        public override readonly string ToString() => _builder?.ToString() ?? string.Empty;
    }
}

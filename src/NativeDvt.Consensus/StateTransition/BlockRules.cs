namespace NativeDvt.Consensus.StateTransition;

/// <summary>Spellings of <see cref="BlockRule"/>.</summary>
public static class BlockRules
{
    private static readonly string[] SpecNames = [.. Enum.GetValues<BlockRule>().Select(rule => ToSnakeCase(rule.ToString()))];

    /// <summary>The spec function's name, e.g. process_block_header: what logs, reports and metrics show.</summary>
    public static string SpecName(this BlockRule rule) => SpecNames[(int)rule];

    private static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

namespace NativeDvt.Devnet;

/// <summary>The file spelling of each profile kind.</summary>
public static class ProfileNames
{
    private static readonly Dictionary<ProfileKind, string> Names = new()
    {
        [ProfileKind.Honest] = "honest",
        [ProfileKind.Late] = "late",
        [ProfileKind.Offline] = "offline",
        [ProfileKind.Equivocator] = "equivocator",
        [ProfileKind.BugInvalidStateRoot] = "bug-invalid-state-root",
        [ProfileKind.BugWrongHeadAfterReorg] = "bug-wrong-head-after-reorg",
        [ProfileKind.Censor] = "censor",
    };

    /// <summary>Every spelling, for error messages.</summary>
    public static IEnumerable<string> All => Names.Values;

    /// <summary>The spelling of <paramref name="kind"/>.</summary>
    public static string Of(ProfileKind kind) => Names[kind];

    /// <summary>The kind spelled <paramref name="name"/>, if any.</summary>
    public static bool TryParse(string name, out ProfileKind kind)
    {
        foreach (var (k, v) in Names)
        {
            if (v == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

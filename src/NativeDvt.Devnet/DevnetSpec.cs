using NativeDvt.Consensus.Config;

namespace NativeDvt.Devnet;

/// <summary>
/// A devnet as a file describes it: the chain's settings, the groups with a client profile per
/// member, the network model and the faults. The simulator and the Orleans devnet read the same file.
/// </summary>
/// <param name="Name">A short name for reports.</param>
/// <param name="Scheme">The signature scheme of every member key.</param>
/// <param name="Preset">The constants preset: devnet, minimal or mainnet.</param>
/// <param name="SlotDuration">Slot length; the preset's when the file does not set it.</param>
/// <param name="SlotsPerEpoch">Slots per epoch; null keeps the preset's.</param>
/// <param name="Accounting">How attestations of a group are credited.</param>
/// <param name="ProposalPolicy">How a group's members produce a block.</param>
/// <param name="AllowUnsafeThreshold">Whether groups with m &lt;= n/2 are admitted.</param>
/// <param name="Silos">How many silo processes the Orleans devnet starts.</param>
/// <param name="Seed">The simulator's seed, unless the command line gives one.</param>
/// <param name="Groups">Group templates in registry order; solos follow them.</param>
/// <param name="Network">Latency, loss and per-proposer delays.</param>
/// <param name="Faults">Events at given slots, in file order.</param>
public sealed record DevnetSpec(
    string Name,
    SchemeName Scheme,
    string Preset,
    TimeSpan? SlotDuration,
    int? SlotsPerEpoch,
    AccountingPolicy Accounting,
    ProposalPolicy ProposalPolicy,
    bool AllowUnsafeThreshold,
    int Silos,
    ulong? Seed,
    IReadOnlyList<GroupSpec> Groups,
    NetworkSpec Network,
    IReadOnlyList<FaultSpec> Faults)
{
    /// <summary>IL_COMMITTEE_SIZE: groups per slot making inclusion lists; null keeps the preset's (16), 0 turns inclusion lists off.</summary>
    public int? InclusionListCommitteeSize { get; init; }

    /// <summary>The simulated mempool that payloads and inclusion lists draw from.</summary>
    public MempoolSpec Mempool { get; init; } = MempoolSpec.Default;

    /// <summary>How many groups (solos included) the registry holds.</summary>
    public int GroupCount => Groups.Sum(g => g.Count);

    /// <summary>How many member nodes (virtual identities) run.</summary>
    public int IdentityCount => Groups.Sum(g => g.Count * g.N);

    /// <summary>The template that group <paramref name="groupIndex"/> was made from.</summary>
    public GroupSpec TemplateOf(int groupIndex)
    {
        var first = 0;
        foreach (var group in Groups)
        {
            if (groupIndex < first + group.Count)
            {
                return group;
            }

            first += group.Count;
        }

        throw new ArgumentOutOfRangeException(nameof(groupIndex), groupIndex, $"the devnet has {GroupCount} groups");
    }
}

using NativeDvt.Devnet;

namespace NativeDvt.Simulation.Comparison;

/// <summary>
/// The same stake run two other ways (protocol.md section 8's network-overhead comparison): every member key as a
/// solo validator, and every group as one consolidated key. Profiles, faults and late proposers follow the keys.
/// </summary>
public static class DevnetVariants
{
    /// <summary>
    /// Every member key becomes a 1-of-1 validator with its share of the group's balance (32 ETH by default; the
    /// remainder of an uneven split goes to member 0's key) and its own profile. Registry order: per template,
    /// member 0 of each of its groups, then member 1, and so on. Faults select the keys their selectors selected;
    /// a late proposer group makes each of its members' solos late.
    /// </summary>
    public static DevnetSpec AsSolos(DevnetSpec spec)
    {
        var templates = new List<GroupSpec>();
        var index = new Dictionary<(int Group, int Member), int>();
        var first = 0;
        foreach (var template in spec.Groups)
        {
            for (var member = 0; member < template.N; member++)
            {
                for (var c = 0; c < template.Count; c++)
                {
                    index[(first + c, member)] = index.Count;
                }

                var balance = template.BalanceGwei is { } total ? total / (ulong)template.N + (member == 0 ? total % (ulong)template.N : 0) : (ulong?)null;
                templates.Add(new GroupSpec(template.Count, 1, 1, balance, [ProfileOf(template, member)], template.Operator, template.Line));
            }

            first += template.Count;
        }

        IdentitySelector Keys(Func<int, int, bool> selected) =>
            IdentitySelector.OfGroups(index.Where(k => selected(k.Key.Group, k.Key.Member)).Select(k => k.Value));

        return spec with
        {
            Name = spec.Name + " as solo keys",
            AllowUnsafeThreshold = false,
            Groups = templates,
            Network = spec.Network with
            {
                LateProposers = [.. spec.Network.LateProposers.Select(l => l with { Groups = Keys((g, _) => l.Groups.ContainsGroup(g)) })],
            },
            Faults = [.. spec.Faults.Select(f => f with { Targets = [.. f.Targets.Select(t => Keys(t.Contains))] })],
        };
    }

    /// <summary>
    /// Every group becomes one 1-of-1 validator holding the group's whole balance (n x 32 ETH by default), run by
    /// its representative member: the first member that is not offline. The key is offline when fewer than m of
    /// the group's members are up (the group could never act), else it runs the representative's profile and a
    /// fault selects it when it selects the representative. Registry indices stay those of the groups. Run it with
    /// <see cref="MaxEffectiveBalanceFor"/> so that the one key weighs what its group did.
    /// </summary>
    public static DevnetSpec AsConsolidated(DevnetSpec spec)
    {
        var representative = new List<int>();
        var templates = new List<GroupSpec>();
        foreach (var template in spec.Groups)
        {
            var up = Enumerable.Range(0, template.N).Where(m => ProfileOf(template, m).Kind != ProfileKind.Offline).ToList();
            var chosen = up.Count == 0 ? 0 : up[0];
            representative.AddRange(Enumerable.Repeat(chosen, template.Count));
            var profile = up.Count < template.M ? new MemberProfile(ProfileKind.Offline, TimeSpan.Zero) : ProfileOf(template, chosen);
            var balance = template.BalanceGwei ?? (ulong)template.N * DevnetFileReader.MinActivationBalanceGwei;
            templates.Add(new GroupSpec(template.Count, 1, 1, balance, [profile], template.Operator, template.Line));
        }

        IdentitySelector Keys(IdentitySelector selector) =>
            IdentitySelector.OfGroups(Enumerable.Range(0, representative.Count).Where(g => selector.Contains(g, representative[g])));

        return spec with
        {
            Name = spec.Name + " consolidated",
            AllowUnsafeThreshold = false,
            Groups = templates,
            Faults = [.. spec.Faults.Select(f => f with { Targets = [.. f.Targets.Select(Keys)] })],
        };
    }

    /// <summary>MAX_EFFECTIVE_BALANCE that lets the largest group of <paramref name="spec"/> weigh the same as one key.</summary>
    public static ulong MaxEffectiveBalanceFor(DevnetSpec spec) =>
        (ulong)spec.Groups.Max(g => g.N) * DevnetFileReader.MinActivationBalanceGwei;

    private static MemberProfile ProfileOf(GroupSpec template, int member) =>
        template.Members.Count == template.N ? template.Members[member] : MemberProfile.Honest;
}

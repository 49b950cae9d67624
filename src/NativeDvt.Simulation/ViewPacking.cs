using NativeDvt.Devnet;

namespace NativeDvt.Simulation;

/// <summary>
/// Which identities share a node (network.views or --views): only honest identities that no fault and no late-proposer
/// entry names are packed, member k of group g onto view (g + k) mod views, so a group's members always sit on
/// different views (their votes can still split). Every other identity keeps a node of its own.
/// </summary>
internal static class ViewPacking
{
    /// <summary>For every identity in group then member order, its view, or null when it keeps its own node.</summary>
    public static int?[] Assign(DevnetSpec spec, int views)
    {
        var largest = spec.Groups.Max(g => g.N);
        if (views < 1 || views < largest)
        {
            throw new ArgumentException($"{views} views cannot hold a group of {largest} members: members of one group must sit on different nodes", nameof(views));
        }

        var assignment = new int?[spec.IdentityCount];
        var index = 0;
        var group = 0;
        foreach (var template in spec.Groups)
        {
            for (var c = 0; c < template.Count; c++, group++)
            {
                var lateProposer = spec.Network.LateProposers.Any(l => l.Groups.ContainsGroup(group));
                for (var member = 0; member < template.N; member++, index++)
                {
                    var honest = template.Members.Count != template.N || template.Members[member].Kind == ProfileKind.Honest;
                    if (honest && !lateProposer && !NamedByFault(spec, group, member))
                    {
                        assignment[index] = (group + member) % views;
                    }
                }
            }
        }

        return assignment;
    }

    private static bool NamedByFault(DevnetSpec spec, int group, int member) =>
        spec.Faults.Any(f => f.Targets.Any(t => t.Contains(group, member)));
}

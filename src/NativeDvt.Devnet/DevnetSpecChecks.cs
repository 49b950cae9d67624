namespace NativeDvt.Devnet;

/// <summary>Checks that need the whole file: selectors must name nodes that exist, and partition sides must not overlap.</summary>
internal static class DevnetSpecChecks
{
    public static void CheckSelectors(DevnetSpec spec, YamlMap top)
    {
        var groupCount = spec.GroupCount;
        if (top["network"]?.Map("latency", "loss", "lateProposers", "views")["lateProposers"] is { } late)
        {
            foreach (var (item, entry) in late.Items().Zip(spec.Network.LateProposers))
            {
                CheckRange(entry.Groups, groupCount, item.Map("groups", "delay").Required("groups"));
            }
        }

        if (top["faults"] is not { } faults)
        {
            return;
        }

        foreach (var (item, fault) in faults.Items().Zip(spec.Faults))
        {
            var map = item.Map("slot", "crash", "restart", "partition", "heal", "rotate");
            if (fault.Kind == FaultKind.Partition)
            {
                var sides = map.Required("partition").Items().ToList();
                for (var i = 0; i < fault.Targets.Count; i++)
                {
                    CheckRange(fault.Targets[i], groupCount, sides[i]);
                }

                CheckDisjoint(spec, fault, sides);
            }
            else if (fault.Kind != FaultKind.Heal)
            {
                CheckRange(fault.Targets[0], groupCount, map.Required(fault.Kind switch { FaultKind.Crash => "crash", FaultKind.Restart => "restart", _ => "rotate" }));
            }
        }
    }

    private static void CheckRange(IdentitySelector selector, int groupCount, YamlField field)
    {
        if (selector.MaxGroup >= groupCount)
        {
            throw field.Error($"names group {selector.MaxGroup} but the devnet has groups 0 to {groupCount - 1}");
        }
    }

    private static void CheckDisjoint(DevnetSpec spec, FaultSpec fault, List<YamlField> sides)
    {
        for (var group = 0; group < spec.GroupCount; group++)
        {
            var n = spec.TemplateOf(group).N;
            for (var member = 0; member < n; member++)
            {
                var on = Enumerable.Range(0, fault.Targets.Count).Where(s => fault.Targets[s].Contains(group, member)).ToList();
                if (on.Count > 1)
                {
                    throw sides[on[1]].Error($"g{group}/m{member} is on sides {on[0]} and {on[1]}: partition sides must not overlap");
                }
            }
        }
    }
}

using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>Per-epoch participation and the concentration of stake, from the groups as the chain reports them.</summary>
public static class StakeViews
{
    /// <summary>
    /// For each settled epoch in <paramref name="epochs"/> (by group), the shares of effective stake (each group weighed by
    /// its effective balance now) that earned each flag.
    /// </summary>
    public static EpochParticipation[] Participation(IReadOnlyList<GroupSummary> groups, IReadOnlyDictionary<ulong, GroupEpochSummary[]> epochs)
    {
        var rows = groups
            .Where(g => g.Chain is { Status: "active" or "slashed" })
            .SelectMany(g => (epochs.GetValueOrDefault(g.Index) ?? []).Select(e => (Stake: (double)g.Chain!.EffectiveBalanceGwei, e)))
            .GroupBy(x => x.e.Epoch)
            .OrderBy(x => x.Key);
        return [.. rows.Select(epoch =>
        {
            var total = epoch.Sum(x => x.Stake);
            double Share(Func<GroupEpochSummary, bool> earned) => total == 0 ? 0 : epoch.Where(x => earned(x.e)).Sum(x => x.Stake) / total;
            return new EpochParticipation(epoch.Key, Share(e => e.Source), Share(e => e.Target), Share(e => e.Head), epoch.Count());
        })];
    }

    /// <summary>
    /// The Herfindahl index of the groups' stake shares, and the Nakamoto coefficients in identities: the fewest members
    /// whose groups' stake passes a third (and a half), taking over a group needing m of its members. Found exactly by a
    /// knapsack over member counts (at most 16 per group), not greedily.
    /// </summary>
    public static StakeConcentration Concentration(IReadOnlyList<GroupSummary> groups)
    {
        var stakes = groups
            .Where(g => g.Chain is { Status: "active" })
            .Select(g => (Stake: (double)g.Chain!.EffectiveBalanceGwei, Cost: Math.Max(1, g.M)))
            .ToList();
        var total = stakes.Sum(s => s.Stake);
        if (total == 0)
        {
            return new StakeConcentration(0, 0, 0);
        }

        var herfindahl = stakes.Sum(s => (s.Stake / total) * (s.Stake / total));
        return new StakeConcentration(herfindahl, Fewest(stakes, total / 3), Fewest(stakes, total / 2));
    }

    /// <summary>The fewest members whose groups hold more than <paramref name="above"/>: best[c] is the most stake c members control.</summary>
    private static int Fewest(List<(double Stake, int Cost)> groups, double above)
    {
        var budget = groups.Sum(g => g.Cost);
        var best = new double[budget + 1];
        foreach (var (stake, cost) in groups)
        {
            for (var c = budget; c >= cost; c--)
            {
                best[c] = Math.Max(best[c], best[c - cost] + stake);
            }
        }

        for (var c = 1; c <= budget; c++)
        {
            if (best[c] > above)
            {
                return c;
            }
        }

        return budget;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using NativeDvt.Simulation.Reporting;

namespace NativeDvt.Simulation.Comparison;

/// <summary>A comparison as a side-by-side table or as JSON.</summary>
public static class ComparisonText
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The comparison as indented JSON: the three reports and the derived figures.</summary>
    public static string ToJson(ComparisonReport comparison) => JsonSerializer.Serialize(comparison, JsonOptions);

    /// <summary>The comparison as a table: one row per figure, one column per way of running the stake.</summary>
    public static string ToText(ComparisonReport comparison)
    {
        SimulationReport[] runs = [comparison.AsWritten, comparison.Solo, comparison.Consolidated];
        var text = new StringBuilder();
        var w = comparison.AsWritten;
        text.Append(CultureInfo.InvariantCulture, $"devnet {w.Name}: the same stake three ways, seed {w.Seed}, {w.Epochs} epochs, scheme {w.Scheme}\n\n");
        Row(text, "", "as written", "solo keys", "consolidated");
        Row(text, runs, "validators (registry)", r => Whole(r.Groups));
        Row(text, runs, "member nodes", r => Whole(r.Identities));
        Row(text, runs, "finalized epoch", r => Whole((long)r.FinalizedEpoch));
        Row(text, runs, "source participation", r => Percent(r.Participation.Source, r.Participation.GroupEpochs));
        Row(text, runs, "target participation", r => Percent(r.Participation.Target, r.Participation.GroupEpochs));
        Row(text, runs, "head participation", r => Percent(r.Participation.Head, r.Participation.GroupEpochs));
        Row(text, runs, "blocks (canonical/slots)", r => $"{r.Proposals.Canonical}/{r.Proposals.Duties}");
        Row(text, runs, "proposal -> m-th signature ms", r => Number(r.Proposals.MeanThresholdMs));
        Row(text, runs, "block assembled, ms into slot", r => Number(r.Proposals.MeanAssembledMs));
        Row(text, runs, "block seen by 95%, ms into slot", r => Number(r.Proposals.MeanSeenBy95Ms));
        Row(text, runs, "block seen by all, ms into slot", r => Number(r.Proposals.MeanSeenByAllMs));
        Row(text, runs, "missed slots", r => Whole(r.MissedProposals.Count));
        text.Append(CultureInfo.InvariantCulture, $"extra round of a group block over a solo block: {comparison.ExtraRoundOverSoloMs} ms until seen by 95% of the nodes\n\n");

        var topics = runs.SelectMany(r => r.Traffic.Select(t => t.Topic)).Distinct().Order(StringComparer.Ordinal).ToList();
        Row(text, "messages published per slot", "", "", "");
        foreach (var topic in topics)
        {
            Row(text, runs, "  " + topic, r => Number(r.Traffic.FirstOrDefault(t => t.Topic == topic)?.PublishedPerSlot ?? 0));
        }

        Row(text, runs, "  all topics", r => Number(r.Traffic.Sum(t => t.PublishedPerSlot)));
        Row(text, "bytes delivered per slot", "", "", "");
        foreach (var topic in topics)
        {
            Row(text, runs, "  " + topic, r => Whole((long)(r.Traffic.FirstOrDefault(t => t.Topic == topic)?.DeliveredBytesPerSlot ?? 0)));
        }

        Row(text, runs, "  all topics", r => Whole((long)r.Traffic.Sum(t => t.DeliveredBytesPerSlot)));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"stake before groups are formed (per member key): {Stake(comparison.StakeBeforeGroups)}\n");
        text.Append(CultureInfo.InvariantCulture, $"stake after groups are formed (per operator): {Stake(comparison.StakeAfterGroups)}\n");
        return text.ToString();
    }

    private static string Stake(StakeFigures stake) =>
        $"{stake.Operators} holders, Herfindahl index {stake.Herfindahl.ToString(CultureInfo.InvariantCulture)}, Nakamoto coefficient (> 1/3) {stake.NakamotoCoefficient}";

    private static void Row(StringBuilder text, SimulationReport[] runs, string label, Func<SimulationReport, string> cell) =>
        Row(text, label, cell(runs[0]), cell(runs[1]), cell(runs[2]));

    private static void Row(StringBuilder text, string label, string a, string b, string c) =>
        text.Append(CultureInfo.InvariantCulture, $"{label,-34} {a,14} {b,14} {c,14}\n");

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Percent(int count, int total) =>
        total == 0 ? "-" : ((double)count / total * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

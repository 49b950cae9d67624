using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NativeDvt.Simulation.Reporting;

/// <summary>A report as a text summary (tables) or as JSON.</summary>
public static class ReportText
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The report as indented JSON (camelCase fields).</summary>
    public static string ToJson(SimulationReport report) => JsonSerializer.Serialize(report, JsonOptions);

    /// <summary>
    /// The report as a text summary; <paramref name="verbose"/> adds the per-slot inclusion-list committee table (a
    /// line per slot, which would bury the rest of a console report; the JSON always has it).
    /// </summary>
    public static string ToText(SimulationReport report, bool verbose = false)
    {
        var text = new StringBuilder();
        Line(text, $"devnet {report.Name}: {report.Groups} groups, {report.Identities} member nodes, scheme {report.Scheme}, {report.Accounting} accounting, {report.ProposalPolicy}, seed {report.Seed}");
        Line(text, $"ran {report.Epochs} epochs: finalized epoch {report.FinalizedEpoch}, justified epoch {report.JustifiedEpoch}");
        foreach (var note in report.Notes)
        {
            Line(text, "note: " + note);
        }

        Line(text, "");
        Line(text, "epoch  finalized  justified  blocks  missed  source   target   head");
        foreach (var e in report.EpochFigures)
        {
            Line(text, $"{e.Epoch,5}  {e.Finalized,9}  {e.Justified,9}  {e.Proposals,6}  {e.Missed,6}  {Percent(e.SourceRate),7}  {Percent(e.TargetRate),7}  {Percent(e.HeadRate),7}");
        }

        Line(text, "");
        Line(text, "participation (group-epochs that acted, >= m members)");
        Line(text, "groups           group-epochs  source   target   head     proposals");
        foreach (var row in report.ByTemplate.Append(report.Participation))
        {
            Line(text, $"{row.Label,-16} {row.GroupEpochs,12}  {Percent(Rate(row.Source, row.GroupEpochs)),7}  {Percent(Rate(row.Target, row.GroupEpochs)),7}  {Percent(Rate(row.Head, row.GroupEpochs)),7}  {row.Proposed}/{row.ProposalDuties}");
        }

        var p = report.Proposals;
        Line(text, "");
        Line(text, $"blocks: {p.Canonical} of {p.Duties} slots, {p.ByFallbackRank} by a fallback rank; proposal -> m-th signature {p.MeanThresholdMs} ms; " +
            $"assembled at {p.MeanAssembledMs} ms into the slot; seen by 95% of nodes at {p.MeanSeenBy95Ms} ms, by all at {p.MeanSeenByAllMs} ms (max {p.MaxSeenByAllMs} ms); " +
            $"{p.LateBlocks} reached 95% of nodes after the attestation deadline (1/3 slot); " +
            $"RANDAO reveals a proposer group could choose from: {p.MeanRevealChoices} on average (a solo has 1)");
        Line(text, $"stake: {report.Stake.Operators} operators, Herfindahl index {report.Stake.Herfindahl}, Nakamoto coefficient (> 1/3) {report.Stake.NakamotoCoefficient}; " +
            $"before groups are formed, per member key: {report.StakeByMemberKey.Operators} keys, Herfindahl index {report.StakeByMemberKey.Herfindahl}, Nakamoto coefficient {report.StakeByMemberKey.NakamotoCoefficient}");
        var il = report.InclusionLists;
        Line(text, il.CommitteeSize == 0 ? "inclusion lists: off" :
            $"inclusion lists (committee of {il.CommitteeSize}): {il.CompleteInTime} of {il.Expected} complete before the freeze, {il.CompleteLate} late, {il.Missed} missed; " +
            $"{il.MessagesPerSlot} messages and {il.DeliveredBytesPerSlot} bytes delivered per slot on the inclusion-list topics");
        if (verbose)
        {
            Section(text, "inclusion-list committees (slot: groups, complete in time / late / missed)", il.BySlot.Select(s => $"slot {s.Slot}: {s.Groups} groups, {s.CompleteInTime} / {s.CompleteLate} / {s.Missed}"));
        }
        Section(text, "missed or late inclusion lists", il.MissedLists.Select(m => $"slot {m.Slot} g{m.Group}: {m.Reason}"));
        Section(text, "blocks failing the inclusion-list check", il.FailedBlocks.Select(f =>
            $"slot {f.Slot} g{f.Group} {f.Root}: {f.MissingTransactions} listed transactions left out, flagged by {f.NodesThatFlagged} nodes; votes for it {f.VotesFor}, for other heads {f.VotesElsewhere}; {(f.Canonical ? "canonical" : "not canonical (reorged out)")}"));
        Section(text, "missed proposals", report.MissedProposals.Select(m => $"slot {m.Slot} g{m.Group}: {m.Reason}"));
        Section(text, "invalid blocks completed", report.InvalidBlocks.Select(b =>
            $"invalid block completed by group g{b.Group} at slot {b.Slot} ({b.BuggyMembers} members with {b.Profiles}): {b.Reason}; refused by {b.RefusedBy} honest nodes"));
        Section(text, "split votes", report.SplitVotes.Select(s => $"slot {s.Slot} g{s.Group}: {s.DistinctData} different data, {s.Signers} signers, largest agreement {s.LargestAgreement}"));
        Section(text, "group slashings", report.GroupSlashings.Select(s => $"{s.Who} {s.Kind} (slot {s.Slot}) {s.Detail}{(s.Sides.Length > 0 ? ": " + s.Sides : string.Empty)}"));
        Section(text, "member equivocations", report.MemberEquivocations.Select(s => $"{s.Who} {s.Kind} at slot {s.Slot}, {s.Detail}"));
        Section(text, "key rotations", report.KeyRotations.Select(r => $"{r.Member}: new key from epoch {r.Epoch}, included at slot {r.IncludedSlot}"));
        Section(text, "refusals", report.Refusals.Select(r => $"{r.Value,6} x {r.Key}"));
        Line(text, "");
        Line(text, "topic                               published       bytes   delivered   deliv. bytes  dropped  msgs/slot  bytes/slot");
        foreach (var t in report.Traffic)
        {
            Line(text, $"{t.Topic,-33} {t.Published,11} {t.PublishedBytes,11} {t.Delivered,11} {t.DeliveredBytes,14} {t.Dropped,8} {t.PublishedPerSlot,10:0.0} {t.DeliveredBytesPerSlot,11:0}");
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        Line(text, "");
        Line(text, $"{title}: {(list.Count == 0 ? "none" : list.Count.ToString(CultureInfo.InvariantCulture))}");
        foreach (var line in list.Take(40))
        {
            Line(text, "  " + line);
        }

        if (list.Count > 40)
        {
            Line(text, $"  ... {list.Count - 40} more (see --json)");
        }
    }

    private static double? Rate(int count, int total) => total == 0 ? null : (double)count / total;

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Groups;

/// <summary>A block's group slashings as the dashboard shows them: both conflicting messages and who signed each.</summary>
internal static class SlashingEvidenceReader
{
    /// <summary>Every group slashing of <paramref name="block"/>, proposer slashings first.</summary>
    public static SlashingEvidence[] Read(BeaconBlock block) =>
    [
        .. block.Body.ProposerSlashings.Select(s => new SlashingEvidence(
            block.Slot.Value, s.SignedHeader1.Message.ProposerIndex.Value, "proposer", Side(s.SignedHeader1), Side(s.SignedHeader2))),
        .. block.Body.AttesterSlashings.Select(s => new SlashingEvidence(
            block.Slot.Value, s.Attestation1.GroupIndex.Value, "attester", Side(s.Attestation1), Side(s.Attestation2))),
    ];

    private static SlashingSide Side(SignedBeaconBlockHeader header) => new(
        header.Message.Slot.Value,
        SszRoots.Of(header.Message).ToString(),
        $"a block with parent {Short(header.Message.ParentRoot.ToString())} and body {Short(header.Message.BodyRoot.ToString())}",
        [.. header.Signature.ParticipationBits.Indices()]);

    private static SlashingSide Side(GroupAttestation attestation)
    {
        var data = attestation.Data;
        return new SlashingSide(
            data.Slot.Value,
            SszRoots.Of(data).ToString(),
            $"a vote for head {Short(data.BeaconBlockRoot.ToString())}, source epoch {data.Source.Epoch.Value}, target epoch {data.Target.Epoch.Value}",
            [.. attestation.Signature.ParticipationBits.Indices()]);
    }

    private static string Short(string root) => root[..12];
}

using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Node.Signing;

/// <summary>
/// A key's slashing-protection history as stored bytes: every record and the pruning watermarks, little-endian,
/// behind a format byte. The store's version is not part of the value.
/// </summary>
public static class ValidatorHistoryCodec
{
    private const byte Format = 1;

    /// <summary>The bytes of <paramref name="history"/>.</summary>
    public static byte[] Encode(ValidatorHistory history)
    {
        var writer = new RecordWriter();
        writer.Byte(Format);
        writer.Optional(history.PrunedBlockSlot?.Value);
        writer.Optional(history.PrunedSourceEpoch?.Value);
        writer.Optional(history.PrunedTargetEpoch?.Value);
        writer.Count(history.Blocks.Count);
        foreach (var block in history.Blocks)
        {
            writer.UInt64(block.Slot.Value);
            writer.Root(block.SigningRoot);
        }

        writer.Count(history.Attestations.Count);
        foreach (var attestation in history.Attestations)
        {
            writer.UInt64(attestation.SourceEpoch.Value);
            writer.UInt64(attestation.TargetEpoch.Value);
            writer.Root(attestation.SigningRoot);
        }

        return writer.ToArray();
    }

    /// <summary>The history in <paramref name="bytes"/>, with version <paramref name="version"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a history of this format.</exception>
    public static ValidatorHistory Decode(ReadOnlySpan<byte> bytes, long version)
    {
        var reader = new RecordReader(bytes, "slashing-protection history");
        reader.ExpectFormat(Format);
        var prunedBlock = reader.Optional();
        var prunedSource = reader.Optional();
        var prunedTarget = reader.Optional();
        var blocks = new SignedBlockRecord[reader.Count(8 + 1)];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new SignedBlockRecord(new Slot(reader.UInt64()), reader.Root());
        }

        var attestations = new SignedAttestationRecord[reader.Count(16 + 1)];
        for (var i = 0; i < attestations.Length; i++)
        {
            attestations[i] = new SignedAttestationRecord(new Epoch(reader.UInt64()), new Epoch(reader.UInt64()), reader.Root());
        }

        reader.ExpectEnd();
        return new ValidatorHistory(blocks, attestations, version)
        {
            PrunedBlockSlot = prunedBlock is { } slot ? new Slot(slot) : null,
            PrunedSourceEpoch = prunedSource is { } source ? new Epoch(source) : null,
            PrunedTargetEpoch = prunedTarget is { } target ? new Epoch(target) : null,
        };
    }
}

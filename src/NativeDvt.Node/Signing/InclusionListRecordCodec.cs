using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Node.Signing;

/// <summary>The inclusion lists one key signed, as stored bytes: the pruning watermark, then (slot, signing root) per list.</summary>
public static class InclusionListRecordCodec
{
    private const byte Format = 1;

    /// <summary>The bytes of a key's record.</summary>
    public static byte[] Encode(Slot lowWatermark, IReadOnlyList<(Slot Slot, Root SigningRoot)> records)
    {
        var writer = new RecordWriter();
        writer.Byte(Format);
        writer.UInt64(lowWatermark.Value);
        writer.Count(records.Count);
        foreach (var (slot, root) in records)
        {
            writer.UInt64(slot.Value);
            writer.Root(root);
        }

        return writer.ToArray();
    }

    /// <summary>The record in <paramref name="bytes"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a record of this format.</exception>
    public static (Slot LowWatermark, IReadOnlyList<(Slot Slot, Root SigningRoot)> Records) Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new RecordReader(bytes, "inclusion-list record");
        reader.ExpectFormat(Format);
        var watermark = new Slot(reader.UInt64());
        var records = new (Slot, Root)[reader.Count(8 + 1)];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = (new Slot(reader.UInt64()), reader.Root() ?? throw new FormatException("inclusion-list record: a list without signing root"));
        }

        reader.ExpectEnd();
        return (watermark, records);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.SlashingProtection;

/// <summary>
/// Reads and writes the EIP-3076 interchange JSON, format version 5: integers as decimal strings,
/// byte strings as 0x-prefixed hex, signing roots optional.
/// </summary>
public static class InterchangeFormat
{
    /// <summary>The only format version read and written.</summary>
    public const string Version = "5";

    /// <summary>Parses a document; anything malformed is an <see cref="InterchangeException"/>.</summary>
    public static InterchangeDocument Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var metadata = Property(root, "metadata");
            var version = String(metadata, "interchange_format_version");
            if (version != Version)
            {
                throw new InterchangeException($"interchange_format_version {version} is not {Version}");
            }

            var genesisValidatorsRoot = ParseRoot(String(metadata, "genesis_validators_root"));
            var validators = Property(root, "data").EnumerateArray().Select(ParseValidator).ToList();
            return new InterchangeDocument(genesisValidatorsRoot, validators);
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw new InterchangeException($"malformed interchange: {e.Message}", e);
        }
    }

    /// <summary>Writes a document (indented, signing roots only where known).</summary>
    public static string Write(InterchangeDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("metadata");
            writer.WriteString("interchange_format_version", Version);
            writer.WriteString("genesis_validators_root", document.GenesisValidatorsRoot.ToString());
            writer.WriteEndObject();
            writer.WriteStartArray("data");
            foreach (var validator in document.Validators)
            {
                WriteValidator(writer, validator);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static InterchangeValidator ParseValidator(JsonElement entry)
    {
        var pubkey = Hex(String(entry, "pubkey"));
        if (pubkey.Length == 0)
        {
            throw new FormatException("empty pubkey");
        }

        var blocks = Property(entry, "signed_blocks").EnumerateArray()
            .Select(b => new SignedBlockRecord(new Slot(UInt64(b, "slot")), OptionalRoot(b)))
            .ToList();
        var attestations = Property(entry, "signed_attestations").EnumerateArray()
            .Select(a => new SignedAttestationRecord(new Epoch(UInt64(a, "source_epoch")), new Epoch(UInt64(a, "target_epoch")), OptionalRoot(a)))
            .ToList();
        return new InterchangeValidator(pubkey, blocks, attestations);
    }

    private static void WriteValidator(Utf8JsonWriter writer, InterchangeValidator validator)
    {
        writer.WriteStartObject();
        writer.WriteString("pubkey", "0x" + Convert.ToHexStringLower(validator.Pubkey));
        writer.WriteStartArray("signed_blocks");
        foreach (var block in validator.Blocks)
        {
            writer.WriteStartObject();
            writer.WriteString("slot", block.Slot.Value.ToString(CultureInfo.InvariantCulture));
            WriteOptionalRoot(writer, block.SigningRoot);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("signed_attestations");
        foreach (var attestation in validator.Attestations)
        {
            writer.WriteStartObject();
            writer.WriteString("source_epoch", attestation.SourceEpoch.Value.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("target_epoch", attestation.TargetEpoch.Value.ToString(CultureInfo.InvariantCulture));
            WriteOptionalRoot(writer, attestation.SigningRoot);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOptionalRoot(Utf8JsonWriter writer, Root? root)
    {
        if (root is { } value)
        {
            writer.WriteString("signing_root", value.ToString());
        }
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"missing {name}");

    private static string String(JsonElement element, string name) =>
        Property(element, name).GetString() ?? throw new FormatException($"{name} is null");

    private static ulong UInt64(JsonElement element, string name) =>
        ulong.Parse(String(element, name), NumberStyles.None, CultureInfo.InvariantCulture);

    private static Root? OptionalRoot(JsonElement element) =>
        element.TryGetProperty("signing_root", out var value) && value.ValueKind != JsonValueKind.Null
            ? ParseRoot(value.GetString()!)
            : null;

    private static Root ParseRoot(string hex)
    {
        var bytes = Hex(hex);
        return bytes.Length == Root.Length ? new Root(bytes) : throw new FormatException($"a root is 32 bytes, not {bytes.Length}");
    }

    private static byte[] Hex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? Convert.FromHexString(text.AsSpan(2)) : throw new FormatException($"{text} lacks the 0x prefix");
}

using Microsoft.CodeAnalysis;

namespace NativeDvt.Ssz.Generator;

/// <summary>The errors the generator reports for declarations it cannot turn into a codec.</summary>
internal static class SszDiagnostics
{
    private const string Category = "NativeDvt.Ssz";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "NDSSZ001", "SSZ container is not partial",
        "'{0}' has [SszContainer] but is not partial: declare it partial so the generated codec can join it");

    public static readonly DiagnosticDescriptor Nested = Error(
        "NDSSZ002", "SSZ container is nested",
        "'{0}' has [SszContainer] but is nested in another type: declare it at namespace level");

    public static readonly DiagnosticDescriptor NoFields = Error(
        "NDSSZ003", "SSZ container has no fields",
        "'{0}' has no SSZ fields: give it a primary constructor or mark properties [SszField(order)]");

    public static readonly DiagnosticDescriptor BadOrder = Error(
        "NDSSZ004", "SSZ field orders are not 0..n-1",
        "'{0}' has SSZ field orders {1}: number its [SszField(order)] properties 0, 1, 2, ... once each");

    public static readonly DiagnosticDescriptor ListWithoutLimit = Error(
        "NDSSZ005", "SSZ list has no limit",
        "'{0}.{1}' is a list with no SSZ limit: add [SszList(limit)] or [SszList(\"PresetProperty\")], [SszVector(length)] for a fixed length, or name a codec with [SszField(Codec = ...)]");

    public static readonly DiagnosticDescriptor NoCodec = Error(
        "NDSSZ006", "No SSZ codec for a field type",
        "'{0}.{1}': no SSZ codec for {2}: it is no [SszContainer], and the provider class offers none (name one with [SszField(Codec = ...)])");

    public static readonly DiagnosticDescriptor AmbiguousCodec = Error(
        "NDSSZ007", "Several SSZ codecs for a field type",
        "'{0}.{1}': {2} has several codecs ({3}): name one with [SszField(Codec = ...)]");

    public static readonly DiagnosticDescriptor UnknownCodec = Error(
        "NDSSZ008", "Named SSZ codec not found",
        "'{0}.{1}': no static codec property '{2}', nor a static method '{2}' taking the preset, on the container or the provider class");

    public static readonly DiagnosticDescriptor NoPreset = Error(
        "NDSSZ009", "Preset limit without a preset",
        "'{0}.{1}': the limit '{2}' is not a property of the preset type named by [assembly: SszCodecProvider(..., Preset = typeof(...))]");

    public static readonly DiagnosticDescriptor NotAList = Error(
        "NDSSZ010", "SSZ list field is not an IReadOnlyList or byte[]",
        "'{0}.{1}' has [SszList] but is a {2}: declare it IReadOnlyList<T>, or byte[] for a ByteList");

    public static readonly DiagnosticDescriptor SizeOutOfRange = Error(
        "NDSSZ011", "SSZ length or limit out of range",
        "'{0}.{1}': the {2} {3} is out of range: it must be at least {4}");

    public static readonly DiagnosticDescriptor NotAVector = Error(
        "NDSSZ012", "SSZ vector field is not an IReadOnlyList or byte[]",
        "'{0}.{1}' has [SszVector] but is a {2}: declare it IReadOnlyList<T>, or byte[] for a ByteVector");

    public static readonly DiagnosticDescriptor NotBits = Error(
        "NDSSZ013", "SSZ bit field is not a bool[]",
        "'{0}.{1}' has [{2}] but is a {3}: declare it bool[]");

    public static readonly DiagnosticDescriptor SeveralShapes = Error(
        "NDSSZ014", "SSZ field declares several encodings",
        "'{0}.{1}' has {2}: give it one of [SszField(Codec = ...)], [SszList], [SszVector], [SszBitlist], [SszBitvector]");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>The JSON forms of the ssz_generic test containers (fields A..G).</summary>
internal static class ContainerConverters
{
    private static readonly JsonConverter<IReadOnlyList<ushort>> UInt16s = JsonConverters.Sequence(JsonConverters.UInt16);
    private static readonly JsonConverter<IReadOnlyList<byte>> UInt8s = JsonConverters.Sequence(JsonConverters.UInt8);
    private static readonly JsonConverter<bool[]> Bitlist = JsonConverters.Bitlist();

    public static readonly JsonConverter<SingleFieldTestStruct> SingleField = new(
        e => new(JsonConverters.UInt8.Parse(e.GetProperty("A"))),
        v => new JsonObject { ["A"] = JsonConverters.UInt8.Render(v.A) });

    public static readonly JsonConverter<SmallTestStruct> Small = new(
        e => new(JsonConverters.UInt16.Parse(e.GetProperty("A")), JsonConverters.UInt16.Parse(e.GetProperty("B"))),
        v => new JsonObject { ["A"] = JsonConverters.UInt16.Render(v.A), ["B"] = JsonConverters.UInt16.Render(v.B) });

    public static readonly JsonConverter<FixedTestStruct> Fixed = new(
        e => new(JsonConverters.UInt8.Parse(e.GetProperty("A")), JsonConverters.UInt64.Parse(e.GetProperty("B")), JsonConverters.UInt32.Parse(e.GetProperty("C"))),
        v => new JsonObject
        {
            ["A"] = JsonConverters.UInt8.Render(v.A),
            ["B"] = JsonConverters.UInt64.Render(v.B),
            ["C"] = JsonConverters.UInt32.Render(v.C),
        });

    public static readonly JsonConverter<VarTestStruct> Var = new(
        e => new(JsonConverters.UInt16.Parse(e.GetProperty("A")), UInt16s.Parse(e.GetProperty("B")), JsonConverters.UInt8.Parse(e.GetProperty("C"))),
        v => new JsonObject
        {
            ["A"] = JsonConverters.UInt16.Render(v.A),
            ["B"] = UInt16s.Render(v.B),
            ["C"] = JsonConverters.UInt8.Render(v.C),
        });

    public static readonly JsonConverter<ComplexTestStruct> Complex = new(ParseComplex, RenderComplex);

    public static readonly JsonConverter<BitsStruct> Bits = new(
        e => new(
            Bitlist.Parse(e.GetProperty("A")),
            JsonConverters.Bitvector(2).Parse(e.GetProperty("B")),
            JsonConverters.Bitvector(1).Parse(e.GetProperty("C")),
            Bitlist.Parse(e.GetProperty("D")),
            JsonConverters.Bitvector(8).Parse(e.GetProperty("E"))),
        v => new JsonObject
        {
            ["A"] = Bitlist.Render(v.A),
            ["B"] = JsonConverters.Bitvector(2).Render(v.B),
            ["C"] = JsonConverters.Bitvector(1).Render(v.C),
            ["D"] = Bitlist.Render(v.D),
            ["E"] = JsonConverters.Bitvector(8).Render(v.E),
        });

    private static ComplexTestStruct ParseComplex(JsonElement e) => new(
        JsonConverters.UInt16.Parse(e.GetProperty("A")),
        UInt16s.Parse(e.GetProperty("B")),
        JsonConverters.UInt8.Parse(e.GetProperty("C")),
        UInt8s.Parse(e.GetProperty("D")),
        Var.Parse(e.GetProperty("E")),
        JsonConverters.Sequence(Fixed).Parse(e.GetProperty("F")),
        JsonConverters.Sequence(Var).Parse(e.GetProperty("G")));

    private static JsonObject RenderComplex(ComplexTestStruct v) => new()
    {
        ["A"] = JsonConverters.UInt16.Render(v.A),
        ["B"] = UInt16s.Render(v.B),
        ["C"] = JsonConverters.UInt8.Render(v.C),
        ["D"] = UInt8s.Render(v.D),
        ["E"] = Var.Render(v.E),
        ["F"] = JsonConverters.Sequence(Fixed).Render(v.F),
        ["G"] = JsonConverters.Sequence(Var).Render(v.G),
    };
}

namespace NativeDvt.Ssz.Generator.Tests;

/// <summary>Declarations the generator cannot turn into a codec: each is one error that names the fix.</summary>
[Trait("Category", "Unit")]
public sealed class DiagnosticTests
{
    private const string Header = """
        using System.Collections.Generic;
        using NativeDvt.Ssz;

        [assembly: SszCodecProvider(typeof(Codecs))]

        public static class Codecs
        {
            public static ISszCodec<ulong> UInt64 { get; } = SszCodecs.UInt64;
            public static ISszCodec<byte[]> PublicKey { get; } = SszCodecs.ByteList(48);
            public static ISszCodec<byte[]> Signature { get; } = SszCodecs.ByteList(96);
        }

        """;

    [Fact]
    public void NotPartial_ReportsNDSSZ001()
    {
        var error = SingleError("[SszContainer] public sealed record Checkpoint(ulong Epoch);");
        Assert.Equal("NDSSZ001", error.Id);
        Assert.Contains("'Checkpoint' has [SszContainer] but is not partial", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_ReportsNDSSZ002()
    {
        var error = SingleError("public static partial class Outer { [SszContainer] public sealed partial record Inner(ulong A); }");
        Assert.Equal("NDSSZ002", error.Id);
    }

    [Fact]
    public void NoFields_ReportsNDSSZ003()
    {
        var error = SingleError("[SszContainer] public sealed partial class Empty { public ulong A { get; init; } }");
        Assert.Equal("NDSSZ003", error.Id);
    }

    [Fact]
    public void OrderWithGap_ReportsNDSSZ004WithTheOrders()
    {
        var error = SingleError("""
            [SszContainer]
            public sealed partial class Gap
            {
                [SszField(0)] public ulong A { get; init; }
                [SszField(2)] public ulong B { get; init; }
            }
            """);
        Assert.Equal("NDSSZ004", error.Id);
        Assert.Contains("orders 0, 2", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ListWithoutLimit_ReportsNDSSZ005NamingTheField()
    {
        var error = SingleError("[SszContainer] public sealed partial record Votes(ulong Slot, IReadOnlyList<ulong> Indices);");
        Assert.Equal("NDSSZ005", error.Id);
        Assert.Contains("'Votes.Indices' is a list with no SSZ limit: add [SszList(limit)]", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void FieldTypeWithoutCodec_ReportsNDSSZ006()
    {
        var error = SingleError("[SszContainer] public sealed partial record Timed(System.DateTime At);");
        Assert.Equal("NDSSZ006", error.Id);
        Assert.Contains("no SSZ codec for System.DateTime", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void FieldTypeWithSeveralCodecs_ReportsNDSSZ007ListingThem()
    {
        var error = SingleError("[SszContainer] public sealed partial record Signed(ulong Slot, byte[] Signature);");
        Assert.Equal("NDSSZ007", error.Id);
        Assert.Contains("(PublicKey, Signature)", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownNamedCodec_ReportsNDSSZ008()
    {
        var error = SingleError("[SszContainer] public sealed partial record Signed(ulong Slot, [SszField(Codec = \"Sig\")] byte[] Signature);");
        Assert.Equal("NDSSZ008", error.Id);
    }

    [Fact]
    public void PresetLimitWithoutPreset_ReportsNDSSZ009()
    {
        var error = SingleError("[SszContainer] public sealed partial record Votes([SszList(\"MaxVotes\")] IReadOnlyList<ulong> Indices);");
        Assert.Equal("NDSSZ009", error.Id);
    }

    [Fact]
    public void ListAttributeOnArray_ReportsNDSSZ010()
    {
        var error = SingleError("[SszContainer] public sealed partial record Votes([SszList(4)] ulong[] Indices);");
        Assert.Equal("NDSSZ010", error.Id);
    }

    [Theory]
    [InlineData("[SszVector(0)] IReadOnlyList<ulong> Roots", "the vector length 0 is out of range: it must be at least 1")]
    [InlineData("[SszVector(-2)] byte[] Roots", "the vector length -2 is out of range: it must be at least 1")]
    [InlineData("[SszBitvector(0)] bool[] Roots", "the bitvector length 0 is out of range: it must be at least 1")]
    [InlineData("[SszBitlist(-1)] bool[] Roots", "the bitlist limit -1 is out of range: it must be at least 0")]
    [InlineData("[SszList(-1)] IReadOnlyList<ulong> Roots", "the list limit -1 is out of range: it must be at least 0")]
    public void SizeOutOfRange_ReportsNDSSZ011WithTheBound(string field, string message)
    {
        var error = SingleError($"[SszContainer] public sealed partial record Sized({field});");
        Assert.Equal("NDSSZ011", error.Id);
        Assert.Contains($"'Sized.Roots': {message}", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void VectorAttributeOnScalar_ReportsNDSSZ012()
    {
        var error = SingleError("[SszContainer] public sealed partial record Votes([SszVector(4)] ulong Slot);");
        Assert.Equal("NDSSZ012", error.Id);
        Assert.Contains("'Votes.Slot' has [SszVector] but is a ulong", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[SszBitvector(8)] byte[] Bits", "SszBitvector", "byte[]")]
    [InlineData("[SszBitlist(8)] IReadOnlyList<bool> Bits", "SszBitlist", "System.Collections.Generic.IReadOnlyList<bool>")]
    public void BitAttributeOnNonBoolArray_ReportsNDSSZ013(string field, string attribute, string type)
    {
        var error = SingleError($"[SszContainer] public sealed partial record Votes({field});");
        Assert.Equal("NDSSZ013", error.Id);
        Assert.Contains($"'Votes.Bits' has [{attribute}] but is a {type}: declare it bool[]", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[SszList(4), SszVector(4)] IReadOnlyList<ulong> Roots", "[SszList] and [SszVector]")]
    [InlineData("[SszField(Codec = nameof(Codecs.Signature)), SszVector(96)] byte[] Roots", "[SszField(Codec = ...)] and [SszVector]")]
    public void SeveralEncodings_ReportsNDSSZ014ListingThem(string field, string given)
    {
        var error = SingleError($"[SszContainer] public sealed partial record Votes({field});");
        Assert.Equal("NDSSZ014", error.Id);
        Assert.Contains($"'Votes.Roots' has {given}: give it one of", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void WellFormedDeclaration_NoDiagnostics()
    {
        var run = GeneratorRun.Of(Header + """
            [SszContainer]
            public sealed partial record Votes(ulong Slot, [SszList(8)] IReadOnlyList<ulong> Indices, [SszField(Codec = nameof(Codecs.Signature))] byte[] Signature);

            [SszContainer]
            public sealed partial record Shaped(
                [SszVector(2)] IReadOnlyList<Votes> Votes,
                [SszVector(4)] IReadOnlyList<ulong> Slots,
                [SszVector(32)] byte[] Root,
                [SszList(64)] byte[] Extra,
                [SszBitvector(3)] bool[] Flags,
                [SszBitlist(0)] bool[] Empty);
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }

    private static Microsoft.CodeAnalysis.Diagnostic SingleError(string declarations)
    {
        var run = GeneratorRun.Of(Header + declarations);
        return Assert.Single(run.GeneratorDiagnostics);
    }
}

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NativeDvt.Ssz.Generator.Tests;

/// <summary>Runs the generator over one source file, as the compiler would, and compiles the result.</summary>
internal sealed class GeneratorRun
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(SszContainerAttribute).Assembly.Location),
    ];

    private GeneratorRun(ImmutableArray<Diagnostic> generatorDiagnostics, Compilation output)
    {
        GeneratorDiagnostics = generatorDiagnostics;
        Output = output;
    }

    /// <summary>What the generator reported.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The source with the generated files added.</summary>
    public Compilation Output { get; }

    /// <summary>The compiler's errors and warnings over the source and the generated files.</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public static GeneratorRun Of(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Declarations",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new SszGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(diagnostics, output);
    }

    /// <summary>The generated source for <paramref name="typeName"/>.</summary>
    public string Generated(string typeName) =>
        Output.SyntaxTrees.Single(t => t.FilePath.EndsWith($"{typeName}.Ssz.g.cs", StringComparison.Ordinal)).ToString();

    /// <summary>Emits and loads the compiled declarations.</summary>
    public Assembly Load()
    {
        using var image = new MemoryStream();
        var result = Output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assembly.Load(image.ToArray());
    }

    /// <summary>Calls the public static <paramref name="method"/> of <paramref name="probe"/>, a type of the loaded declarations.</summary>
    public static T Call<T>(Type probe, string method, params object[] arguments) =>
        (T)probe.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
}

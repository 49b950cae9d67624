using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NativeDvt.Ssz.Generator;

/// <summary>
/// Writes, for each [SszContainer] type, the container codec its fields describe: layout, write, read and field roots
/// from one declaration, in the shape of a hand-written <c>SszContainerCodec</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SszGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var containers = context.SyntaxProvider.ForAttributeWithMetadataName(
            "NativeDvt.Ssz.SszContainerAttribute",
            static (node, _) => node is TypeDeclarationSyntax,
            static (attributed, _) => (INamedTypeSymbol)attributed.TargetSymbol);

        // One pass over all containers with the compilation: a container's codec depends on its nested containers' declarations.
        context.RegisterSourceOutput(containers.Collect().Combine(context.CompilationProvider), static (output, input) =>
        {
            var symbols = SszSymbols.From(input.Right);
            if (symbols is null)
            {
                return;
            }

            var parser = new ContainerParser(symbols);
            foreach (var type in input.Left.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default))
            {
                var diagnostics = new List<Diagnostic>();
                var model = parser.Parse(type, diagnostics);
                foreach (var diagnostic in diagnostics)
                {
                    output.ReportDiagnostic(diagnostic);
                }

                if (model is not null)
                {
                    var hint = $"{model.Namespace}.{model.Name}.Ssz.g.cs".TrimStart('.');
                    output.AddSource(hint, SourceText.From(CodecEmitter.Emit(model), System.Text.Encoding.UTF8));
                }
            }
        });
    }
}

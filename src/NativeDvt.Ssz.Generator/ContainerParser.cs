using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NativeDvt.Ssz.Generator;

/// <summary>Turns an [SszContainer] type into a <see cref="ContainerModel"/>, or into diagnostics saying what is wrong.</summary>
internal sealed class ContainerParser(SszSymbols symbols)
{
    private readonly CodecResolver _resolver = new(symbols);

    public ContainerModel? Parse(INamedTypeSymbol type, List<Diagnostic> diagnostics)
    {
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
        if (!declarations.All(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            diagnostics.Add(Diagnostic.Create(SszDiagnostics.NotPartial, type.Locations[0], type.Name));
            return null;
        }

        if (type.ContainingType is not null)
        {
            diagnostics.Add(Diagnostic.Create(SszDiagnostics.Nested, type.Locations[0], type.Name));
            return null;
        }

        var declared = FieldFinder.Find(type, symbols, diagnostics);
        if (declared is null)
        {
            return null;
        }

        var container = SszSymbols.Find(type, symbols.Container)!;
        var snakeCase = !container.NamedArguments.Any(n => n.Key == "SnakeCaseNames" && n.Value.Value is false);
        var fields = new List<FieldModel>();
        foreach (var field in declared)
        {
            var codec = _resolver.Resolve(type, field, diagnostics);
            if (codec is not null)
            {
                fields.Add(new FieldModel(field.Name, SpecName(field, snakeCase), field.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), codec));
            }
        }

        if (fields.Count != declared.Count)
        {
            return null;
        }

        var cacheRoots = container.NamedArguments.Any(n => n.Key == "CacheRoots" && n.Value.Value is true);
        var perPreset = fields.Any(f => f.Codec.PerPreset);
        return new ContainerModel(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.IsRecord ? "record" : "class",
            FieldFinder.IsPositional(type),
            cacheRoots,
            perPreset ? symbols.Preset!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : null,
            fields);
    }

    private string SpecName(SszField field, bool snakeCase) =>
        SszSymbols.Find(field.Symbol, symbols.Field)?.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value.Value as string
        ?? (snakeCase ? SnakeCase.From(field.Name) : field.Name);
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NativeDvt.Ssz.Generator;

/// <summary>Lists a container's fields in SSZ order: its primary constructor's parameters, else its [SszField] properties.</summary>
internal static class FieldFinder
{
    /// <summary>The fields, or null (with a diagnostic when <paramref name="diagnostics"/> is given) if they are malformed.</summary>
    public static IReadOnlyList<SszField>? Find(INamedTypeSymbol type, SszSymbols symbols, List<Diagnostic>? diagnostics)
    {
        var primary = PrimaryConstructor(type);
        if (primary is not null)
        {
            return primary.Parameters.Select(p => new SszField(p, p.Type)).ToList();
        }

        var marked = type.GetMembers()
            .OfType<IPropertySymbol>()
            .Select(p => (Property: p, Attribute: SszSymbols.Find(p, symbols.Field)))
            .Where(p => p.Attribute is not null)
            .Select(p => (p.Property, Order: p.Attribute!.ConstructorArguments.Length == 1 ? (int)p.Attribute.ConstructorArguments[0].Value! : -1))
            .OrderBy(p => p.Order)
            .ToList();
        if (marked.Count == 0)
        {
            diagnostics?.Add(Diagnostic.Create(SszDiagnostics.NoFields, type.Locations[0], type.Name));
            return null;
        }

        if (marked.Select(p => p.Order).Where((order, i) => order != i).Any())
        {
            diagnostics?.Add(Diagnostic.Create(SszDiagnostics.BadOrder, type.Locations[0], type.Name, string.Join(", ", marked.Select(p => p.Order))));
            return null;
        }

        return marked.Select(p => new SszField(p.Property, p.Property.Type)).ToList();
    }

    /// <summary>Whether the type is built through its primary constructor.</summary>
    public static bool IsPositional(INamedTypeSymbol type) => PrimaryConstructor(type) is not null;

    private static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type) =>
        type.InstanceConstructors.FirstOrDefault(c =>
            c.Parameters.Length > 0 && c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax));
}

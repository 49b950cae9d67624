using Microsoft.CodeAnalysis;

namespace NativeDvt.Ssz.Generator;

/// <summary>
/// Finds the codec of each field: a named codec member, a sequence from its shape attribute ([SszList], [SszVector],
/// [SszBitlist], [SszBitvector]), a container's own codec, or the provider class's one codec for the field type.
/// </summary>
internal sealed partial class CodecResolver(SszSymbols symbols)
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat;
    private readonly Dictionary<ISymbol, bool> _perPreset = new(SymbolEqualityComparer.Default);

    /// <summary>The field's codec, or null (with a diagnostic when <paramref name="diagnostics"/> is given).</summary>
    public FieldCodec? Resolve(INamedTypeSymbol container, SszField field, List<Diagnostic>? diagnostics)
    {
        var fieldAttribute = SszSymbols.Find(field.Symbol, symbols.Field);
        var named = fieldAttribute?.NamedArguments.FirstOrDefault(n => n.Key == "Codec").Value.Value as string;
        var shapes = symbols.Shapes.Select(s => SszSymbols.Find(field.Symbol, s)).OfType<AttributeData>().ToList();
        if (shapes.Count + (named is null ? 0 : 1) > 1)
        {
            // Which one wins would be a rule to remember; the declaration says one encoding instead.
            var given = shapes.Select(a => $"[{ShortName(a)}]").ToList();
            if (named is not null)
            {
                given.Insert(0, "[SszField(Codec = ...)]");
            }

            return Report(diagnostics, SszDiagnostics.SeveralShapes, field, container.Name, field.Name, string.Join(" and ", given));
        }

        if (named is not null)
        {
            return Named(container, named)
                ?? Report(diagnostics, SszDiagnostics.UnknownCodec, field, container.Name, field.Name, named);
        }

        return shapes.Count == 0 ? OfType(container, field, field.Type, diagnostics) : Shaped(container, field, shapes[0], diagnostics);
    }

    /// <summary>Whether a container's codec depends on the preset, through a limit or a field's codec.</summary>
    public bool IsPerPreset(INamedTypeSymbol container)
    {
        if (_perPreset.TryGetValue(container, out var known))
        {
            return known;
        }

        // An SSZ type cannot contain itself; the guard only stops such a declaration from looping.
        _perPreset[container] = false;
        var fields = FieldFinder.Find(container, symbols, diagnostics: null) ?? [];
        var perPreset = fields.Any(f => Resolve(container, f, diagnostics: null)?.PerPreset == true);
        _perPreset[container] = perPreset;
        return perPreset;
    }

    private FieldCodec? OfType(INamedTypeSymbol container, SszField field, ITypeSymbol type, List<Diagnostic>? diagnostics)
    {
        if (type is INamedTypeSymbol named && SszSymbols.Find(named, symbols.Container) is not null)
        {
            var name = named.ToDisplayString(Qualified);
            return IsPerPreset(named)
                ? new FieldCodec($"{name}.CodecFor(preset)", built: false, perPreset: true)
                : new FieldCodec($"{name}.Codec", built: false, perPreset: false);
        }

        var offered = symbols.Provider?.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic && symbols.IsCodecOf(p.Type, type)).ToList() ?? [];
        if (offered.Count == 1)
        {
            return new FieldCodec($"{symbols.Provider!.ToDisplayString(Qualified)}.{offered[0].Name}", built: false, perPreset: false);
        }

        if (offered.Count > 1)
        {
            return Report(diagnostics, SszDiagnostics.AmbiguousCodec, field, container.Name, field.Name, type.ToDisplayString(), string.Join(", ", offered.Select(p => p.Name)));
        }

        return type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IReadOnlyList_T }
            ? Report(diagnostics, SszDiagnostics.ListWithoutLimit, field, container.Name, field.Name)
            : Report(diagnostics, SszDiagnostics.NoCodec, field, container.Name, field.Name, type.ToDisplayString());
    }

    private FieldCodec? Named(INamedTypeSymbol container, string name)
    {
        foreach (var owner in new[] { container, symbols.Provider })
        {
            foreach (var member in owner?.GetMembers(name) ?? [])
            {
                var prefix = $"{owner!.ToDisplayString(Qualified)}.{name}";
                if (member is IPropertySymbol { IsStatic: true })
                {
                    return new FieldCodec(prefix, built: false, perPreset: false);
                }

                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } method
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, symbols.Preset))
                {
                    return new FieldCodec($"{prefix}(preset)", built: false, perPreset: true);
                }
            }
        }

        return null;
    }

    private static FieldCodec? Report(List<Diagnostic>? diagnostics, DiagnosticDescriptor descriptor, SszField field, params object[] arguments)
    {
        diagnostics?.Add(Diagnostic.Create(descriptor, field.Location, arguments));
        return null;
    }
}

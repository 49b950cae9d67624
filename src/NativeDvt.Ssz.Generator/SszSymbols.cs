using Microsoft.CodeAnalysis;

namespace NativeDvt.Ssz.Generator;

/// <summary>The NativeDvt.Ssz types a compilation refers to, and its assembly's codec provider and preset type.</summary>
internal sealed class SszSymbols
{
    private const string Namespace = "NativeDvt.Ssz.";

    // In the order of List, Vector, Bitlist, Bitvector below.
    private static readonly string[] ShapeNames = ["SszListAttribute", "SszVectorAttribute", "SszBitlistAttribute", "SszBitvectorAttribute"];

    private SszSymbols(Compilation compilation, INamedTypeSymbol container, INamedTypeSymbol field, IReadOnlyList<INamedTypeSymbol> shapes, INamedTypeSymbol codec)
    {
        Container = container;
        Field = field;
        List = shapes[0];
        Vector = shapes[1];
        Bitlist = shapes[2];
        Bitvector = shapes[3];
        Shapes = shapes;
        Codec = codec;
        var provider = compilation.Assembly.GetAttributes().FirstOrDefault(a => Is(a, Namespace + "SszCodecProviderAttribute"));
        if (provider is not null)
        {
            Provider = provider.ConstructorArguments[0].Value as INamedTypeSymbol;
            Preset = provider.NamedArguments.FirstOrDefault(n => n.Key == "Preset").Value.Value as INamedTypeSymbol;
        }
    }

    public INamedTypeSymbol Container { get; }

    public INamedTypeSymbol Field { get; }

    public INamedTypeSymbol List { get; }

    public INamedTypeSymbol Vector { get; }

    public INamedTypeSymbol Bitlist { get; }

    public INamedTypeSymbol Bitvector { get; }

    /// <summary>The attributes that give a field its sequence shape ([SszList], [SszVector], [SszBitlist], [SszBitvector]).</summary>
    public IReadOnlyList<INamedTypeSymbol> Shapes { get; }

    /// <summary>ISszCodec&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol Codec { get; }

    /// <summary>The class of codec properties for field types that are not containers.</summary>
    public INamedTypeSymbol? Provider { get; }

    /// <summary>The type that preset-bound limits are read from.</summary>
    public INamedTypeSymbol? Preset { get; }

    /// <summary>The symbols, or null when the compilation does not reference NativeDvt.Ssz.</summary>
    public static SszSymbols? From(Compilation compilation)
    {
        var container = compilation.GetTypeByMetadataName(Namespace + "SszContainerAttribute");
        var field = compilation.GetTypeByMetadataName(Namespace + "SszFieldAttribute");
        var shapes = ShapeNames
            .Select(name => compilation.GetTypeByMetadataName(Namespace + name))
            .ToList();
        var codec = compilation.GetTypeByMetadataName(Namespace + "ISszCodec`1");
        return container is null || field is null || shapes.Any(s => s is null) || codec is null
            ? null
            : new SszSymbols(compilation, container, field, shapes!, codec);
    }

    /// <summary>The attribute of class <paramref name="attribute"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attribute) =>
        symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    /// <summary>Whether <paramref name="type"/> is or extends ISszCodec&lt;<paramref name="value"/>&gt; (ISszBasicCodec does).</summary>
    public bool IsCodecOf(ITypeSymbol type, ITypeSymbol value) =>
        type is INamedTypeSymbol named && named.AllInterfaces.Add(named).Any(i =>
            SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, Codec)
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], value));

    private static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;
}

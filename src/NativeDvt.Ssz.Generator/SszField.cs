using Microsoft.CodeAnalysis;

namespace NativeDvt.Ssz.Generator;

/// <summary>A container field as declared: a primary constructor parameter or a marked property.</summary>
internal sealed class SszField(ISymbol symbol, ITypeSymbol type)
{
    /// <summary>The parameter or property, carrier of the field's attributes.</summary>
    public ISymbol Symbol { get; } = symbol;

    public string Name => Symbol.Name;

    public ITypeSymbol Type { get; } = type;

    public Location? Location => Symbol.Locations.Length > 0 ? Symbol.Locations[0] : null;
}

using System.Globalization;
using Microsoft.CodeAnalysis;

namespace NativeDvt.Ssz.Generator;

/// <summary>The sequence fields: a codec from SszCodecs built from the shape attribute's size and the field type.</summary>
internal sealed partial class CodecResolver
{
    private const string Codecs = "global::NativeDvt.Ssz.SszCodecs.";

    private FieldCodec? Shaped(INamedTypeSymbol container, SszField field, AttributeData shape, List<Diagnostic>? diagnostics)
    {
        var shapeClass = shape.AttributeClass!;
        if (SymbolEqualityComparer.Default.Equals(shapeClass, symbols.List))
        {
            return List(container, field, shape, diagnostics);
        }

        var isVector = SymbolEqualityComparer.Default.Equals(shapeClass, symbols.Vector);
        var isBitlist = SymbolEqualityComparer.Default.Equals(shapeClass, symbols.Bitlist);
        var size = (int)shape.ConstructorArguments[0].Value!;
        var sizeName = isVector ? "vector length" : isBitlist ? "bitlist limit" : "bitvector length";
        var least = isBitlist ? 0 : 1;
        if (size < least)
        {
            return Report(diagnostics, SszDiagnostics.SizeOutOfRange, field, container.Name, field.Name, sizeName, size, least);
        }

        var text = size.ToString(CultureInfo.InvariantCulture);
        if (isVector)
        {
            return Vector(container, field, text, diagnostics);
        }

        if (field.Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Boolean })
        {
            return Report(diagnostics, SszDiagnostics.NotBits, field, container.Name, field.Name, ShortName(shape), field.Type.ToDisplayString());
        }

        return new FieldCodec($"{Codecs}{(isBitlist ? "Bitlist" : "Bitvector")}({text})", built: true, perPreset: false);
    }

    private FieldCodec? Vector(INamedTypeSymbol container, SszField field, string length, List<Diagnostic>? diagnostics)
    {
        if (IsByteArray(field.Type))
        {
            return new FieldCodec($"{Codecs}ByteVector({length})", built: true, perPreset: false);
        }

        if (ListElement(field.Type) is not { } elementType)
        {
            return Report(diagnostics, SszDiagnostics.NotAVector, field, container.Name, field.Name, field.Type.ToDisplayString());
        }

        var element = OfType(container, field, elementType, diagnostics);
        return element is null ? null : new FieldCodec($"{Codecs}Vector({element.Expression}, {length})", built: true, element.PerPreset);
    }

    private FieldCodec? List(INamedTypeSymbol container, SszField field, AttributeData list, List<Diagnostic>? diagnostics)
    {
        var isBytes = IsByteArray(field.Type);
        var elementType = ListElement(field.Type);
        if (!isBytes && elementType is null)
        {
            return Report(diagnostics, SszDiagnostics.NotAList, field, container.Name, field.Name, field.Type.ToDisplayString());
        }

        var element = isBytes ? null : OfType(container, field, elementType!, diagnostics);
        if (!isBytes && element is null)
        {
            return null;
        }

        // ByteList takes an int limit, List a long one.
        var limitType = isBytes ? "int" : "long";
        var limit = list.ConstructorArguments[0].Value;
        string limitText;
        var perPreset = element?.PerPreset == true;
        if (limit is string presetLimit)
        {
            if (symbols.Preset is null || !symbols.Preset.GetMembers(presetLimit).Any(m => m is IPropertySymbol or IFieldSymbol))
            {
                return Report(diagnostics, SszDiagnostics.NoPreset, field, container.Name, field.Name, presetLimit);
            }

            limitText = $"checked(({limitType})preset.{presetLimit})";
            perPreset = true;
        }
        else
        {
            var fixedLimit = (long)limit!;
            if (fixedLimit < 0)
            {
                return Report(diagnostics, SszDiagnostics.SizeOutOfRange, field, container.Name, field.Name, "list limit", fixedLimit, 0);
            }

            limitText = fixedLimit.ToString(CultureInfo.InvariantCulture);
        }

        var codec = isBytes ? $"{Codecs}ByteList({limitText})" : $"{Codecs}List({element!.Expression}, {limitText})";
        return new FieldCodec(codec, built: true, perPreset);
    }

    private static ITypeSymbol? ListElement(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named
        && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T
            ? named.TypeArguments[0]
            : null;

    private static bool IsByteArray(ITypeSymbol type) => type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

    private static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass!.Name;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}

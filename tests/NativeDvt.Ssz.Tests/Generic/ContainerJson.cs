using System.Numerics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>
/// The JSON form of an [SszContainer] test record, read off the same declaration the codec is generated from: an
/// object keyed by the constructor's parameter names (the spec's A..G), each value in the form of its field type and
/// shape attribute. Reflection keeps the containers declared once without making the codec its own oracle.
/// </summary>
internal static class ContainerJson
{
    private static readonly Dictionary<Type, JsonConverter<object?>> Basics = new()
    {
        [typeof(byte)] = Untyped(JsonConverters.UInt8),
        [typeof(ushort)] = Untyped(JsonConverters.UInt16),
        [typeof(uint)] = Untyped(JsonConverters.UInt32),
        [typeof(ulong)] = Untyped(JsonConverters.UInt64),
        [typeof(UInt128)] = Untyped(JsonConverters.UInt128),
        [typeof(BigInteger)] = Untyped(JsonConverters.UInt256),
        [typeof(bool)] = Untyped(JsonConverters.Boolean),
    };

    public static JsonConverter<T> For<T>()
    {
        var container = Container(typeof(T));
        return new(e => (T)container.Parse(e)!, v => container.Render(v));
    }

    private static JsonConverter<object?> Container(Type type)
    {
        var constructor = type.GetConstructors().Single(c => c.GetParameters().Length > 0);
        var fields = constructor.GetParameters()
            .Select(p => (Name: p.Name!, Property: type.GetProperty(p.Name!)!, Json: Field(p.ParameterType, p)))
            .ToList();
        return new(
            e => constructor.Invoke(fields.Select(f => f.Json.Parse(e.GetProperty(f.Name))).ToArray()),
            v => new JsonObject(fields.Select(f => KeyValuePair.Create(f.Name, f.Json.Render(f.Property.GetValue(v))))));
    }

    private static JsonConverter<object?> Field(Type type, ParameterInfo? declaration)
    {
        if (declaration?.GetCustomAttribute<SszBitlistAttribute>() is not null)
        {
            return Untyped(JsonConverters.Bitlist());
        }

        if (declaration?.GetCustomAttribute<SszBitvectorAttribute>() is { } bitvector)
        {
            return Untyped(JsonConverters.Bitvector(bitvector.Length));
        }

        if (Basics.TryGetValue(type, out var basic))
        {
            return basic;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Sequence(type.GetGenericArguments()[0]);
        }

        return type.GetCustomAttribute<SszContainerAttribute>() is not null
            ? Container(type)
            : throw new ArgumentException($"no JSON form for {type}");
    }

    private static JsonConverter<object?> Sequence(Type elementType)
    {
        var element = Field(elementType, declaration: null);
        return new(
            e =>
            {
                var items = e.EnumerateArray().Select(element.Parse).ToList();
                var array = Array.CreateInstance(elementType, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(items[i], i);
                }

                return array;
            },
            v => new JsonArray(((System.Collections.IEnumerable)v!).Cast<object?>().Select(element.Render).ToArray()));
    }

    private static JsonConverter<object?> Untyped<T>(JsonConverter<T> typed) => new(e => typed.Parse(e), v => typed.Render((T)v!));
}

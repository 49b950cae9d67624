using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using NativeDvt.Tests;

namespace NativeDvt.Ssz.Tests.Generic;

/// <summary>
/// The vectors' JSON value forms: small uints as numbers, uint64 and wider as decimal strings, bit
/// types as their serialized hex. The bit conversions here are an independent oracle for the library.
/// </summary>
internal static class JsonConverters
{
    public static readonly JsonConverter<byte> UInt8 = new(e => e.GetByte(), v => JsonValue.Create(v));
    public static readonly JsonConverter<ushort> UInt16 = new(e => e.GetUInt16(), v => JsonValue.Create(v));
    public static readonly JsonConverter<uint> UInt32 = new(e => e.GetUInt32(), v => JsonValue.Create(v));
    public static readonly JsonConverter<ulong> UInt64 = new(e => ulong.Parse(e.GetString()!, CultureInfo.InvariantCulture), v => JsonValue.Create(v.ToString(CultureInfo.InvariantCulture)));
    public static readonly JsonConverter<UInt128> UInt128 = new(e => System.UInt128.Parse(e.GetString()!, CultureInfo.InvariantCulture), v => JsonValue.Create(v.ToString(CultureInfo.InvariantCulture)));
    public static readonly JsonConverter<BigInteger> UInt256 = new(e => BigInteger.Parse(e.GetString()!, CultureInfo.InvariantCulture), v => JsonValue.Create(v.ToString(CultureInfo.InvariantCulture)));
    public static readonly JsonConverter<bool> Boolean = new(e => e.GetBoolean(), v => JsonValue.Create(v));

    public static JsonConverter<IReadOnlyList<T>> Sequence<T>(JsonConverter<T> element) => new(
        e => e.EnumerateArray().Select(element.Parse).ToArray(),
        v => new JsonArray(v.Select(element.Render).ToArray()));

    public static JsonConverter<bool[]> Bitvector(int length) => new(
        e => Unpack(Vectors.Hex(e.GetString()!), length),
        v => JsonValue.Create(Hex(Pack(v, (length + 7) / 8))));

    public static JsonConverter<bool[]> Bitlist() => new(
        e =>
        {
            var bytes = Vectors.Hex(e.GetString()!);
            var last = bytes[^1];
            var highest = 7;
            while ((last & (1 << highest)) == 0)
            {
                highest--;
            }

            return Unpack(bytes, (8 * (bytes.Length - 1)) + highest);
        },
        v =>
        {
            var bytes = Pack(v, (v.Length / 8) + 1);
            bytes[v.Length / 8] |= (byte)(1 << (v.Length % 8));
            return JsonValue.Create(Hex(bytes));
        });

    private static bool[] Unpack(byte[] bytes, int count) =>
        Enumerable.Range(0, count).Select(i => ((bytes[i / 8] >> (i % 8)) & 1) == 1).ToArray();

    private static byte[] Pack(bool[] bits, int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < bits.Length; i++)
        {
            bytes[i / 8] |= (byte)((bits[i] ? 1 : 0) << (i % 8));
        }

        return bytes;
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}

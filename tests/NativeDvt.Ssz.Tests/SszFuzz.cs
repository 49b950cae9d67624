using System.Buffers.Binary;

namespace NativeDvt.Ssz.Tests;

/// <summary>
/// Reusable mutation fuzzing for SSZ decoders: derives malformed inputs from valid encodings and checks
/// that a decoder either succeeds or throws <see cref="SszException"/>, never anything else.
/// </summary>
public static class SszFuzz
{
    /// <summary>A mutated copy of <paramref name="seed"/>: bit flips, byte edits, truncation, extension, offset tweaks.</summary>
    public static byte[] Mutate(byte[] seed, Random random)
    {
        var data = seed.ToList();
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++)
        {
            switch (random.Next(7))
            {
                case 0 when data.Count > 0:
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[random.Next(data.Count)] = (byte)random.Next(256);
                    break;
                case 2 when data.Count > 0:
                    var keep = random.Next(data.Count);
                    data.RemoveRange(keep, data.Count - keep);
                    break;
                case 3:
                    data.AddRange(Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4 when data.Count >= 4:
                    TweakOffset(data, random);
                    break;
                case 5 when data.Count > 0:
                    var start = random.Next(data.Count);
                    data.RemoveRange(start, random.Next(1, Math.Min(8, data.Count - start) + 1));
                    break;
                default:
                    data.Insert(random.Next(data.Count + 1), (byte)random.Next(256));
                    break;
            }
        }

        return data.ToArray();
    }

    /// <summary>Random bytes of a random length below <paramref name="maxLength"/>.</summary>
    public static byte[] RandomBytes(Random random, int maxLength)
    {
        var bytes = new byte[random.Next(maxLength)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Runs <paramref name="decode"/>; returns a description when it throws anything but <see cref="SszException"/>.</summary>
    public static string? Probe(Action<byte[]> decode, byte[] input)
    {
        try
        {
            decode(input);
            return null;
        }
        catch (SszException)
        {
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name} on 0x{Convert.ToHexStringLower(input)}: {e.Message}";
        }
    }

    private static void TweakOffset(List<byte> data, Random random)
    {
        // Offsets sit at 4-byte-aligned spots near the start in the containers and lists under test.
        var position = random.Next(Math.Min(16, data.Count - 3));
        var span = data.ToArray().AsSpan(position, 4);
        var current = BinaryPrimitives.ReadUInt32LittleEndian(span);
        uint[] candidates = [0, 1, 3, current - 1, current + 1, (uint)data.Count, (uint)data.Count + 1, uint.MaxValue, int.MaxValue, 0x80000000];
        BinaryPrimitives.WriteUInt32LittleEndian(span, candidates[random.Next(candidates.Length)]);
        for (var i = 0; i < 4; i++)
        {
            data[position + i] = span[i];
        }
    }
}

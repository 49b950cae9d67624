namespace NativeDvt.Libp2p.Tests.Fuzz;

/// <summary>Seeded byte-level mutations: bit flips, replaced, inserted and deleted bytes, truncation, garbage.</summary>
internal static class Mutator
{
    public static byte[] Mutate(Random random, byte[] valid)
    {
        if (random.Next(10) == 0)
        {
            var garbage = new byte[random.Next(1, 200)];
            random.NextBytes(garbage);
            return garbage;
        }

        var bytes = new List<byte>(valid);
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 4 when bytes.Count > 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5 when bytes.Count > 0:
                    bytes[at] = 0xFF;
                    break;
                default:
                    bytes.Add((byte)random.Next(256));
                    break;
            }
        }

        return [.. bytes];
    }
}

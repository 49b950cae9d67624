using System.Numerics;

namespace NativeDvt.Consensus.Types;

/// <summary>A set of member indices of one group: a bitlist of <see cref="Length"/> (the group's n) bits.</summary>
public readonly record struct MemberBits(int Length, ushort Mask)
{
    /// <summary>Largest supported group size.</summary>
    public const int MaxLength = 16;

    /// <summary>The number of set bits.</summary>
    public int Count => BitOperations.PopCount(Mask);

    /// <summary>Whether member <paramref name="index"/> is set.</summary>
    public bool Get(int index) => index >= 0 && index < Length && ((Mask >> index) & 1) == 1;

    /// <summary>A copy with member <paramref name="index"/> set.</summary>
    public MemberBits With(int index)
    {
        if (index < 0 || index >= Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return this with { Mask = (ushort)(Mask | (1 << index)) };
    }

    /// <summary>The set member indices, ascending.</summary>
    public IEnumerable<int> Indices()
    {
        for (var i = 0; i < Length; i++)
        {
            if (((Mask >> i) & 1) == 1)
            {
                yield return i;
            }
        }
    }

    /// <summary>Whether no bit beyond <see cref="Length"/> is set (always true for values built through the API).</summary>
    public bool IsWellFormed => Length is >= 0 and <= MaxLength && (Mask >> Length) == 0;

    /// <summary>All members of a group of size <paramref name="length"/>.</summary>
    public static MemberBits All(int length) => new(length, (ushort)((1 << length) - 1));

    /// <summary>The given members of a group of size <paramref name="length"/>.</summary>
    public static MemberBits Of(int length, IEnumerable<int> members)
    {
        var bits = new MemberBits(length, 0);
        foreach (var member in members)
        {
            bits = bits.With(member);
        }

        return bits;
    }
}

using System.Text;

namespace NativeDvt.Ssz.Generator;

/// <summary>The spec's field name from a C# one: <c>BlockRoot</c> is <c>block_root</c>, <c>Attestation1</c> is <c>attestation_1</c>.</summary>
internal static class SnakeCase
{
    public static string From(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1]));
            if (i > 0 && startsWord)
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }
}

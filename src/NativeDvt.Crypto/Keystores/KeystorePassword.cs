using System.Text;

namespace NativeDvt.Crypto.Keystores;

/// <summary>
/// EIP-2335 password processing: NFKD normalisation, then the C0 (U+0000-U+001F), Delete (U+007F)
/// and C1 (U+0080-U+009F) control codes removed, then UTF-8.
/// </summary>
internal static class KeystorePassword
{
    // Under InvariantGlobalization .NET leaves strings unnormalised without any error, so probe once:
    // U+00C5 decomposes to A + U+030A whenever normalisation really runs.
    private static readonly bool NormalizationWorks = "\u00C5".Normalize(NormalizationForm.FormKD) == "A\u030A";

    /// <summary>The KDF input for <paramref name="password"/>.</summary>
    public static byte[] Process(string password) => Process(password, NormalizationWorks);

    /// <summary>As <see cref="Process(string)"/>, with the availability of normalisation given (for tests).</summary>
    public static byte[] Process(string password, bool normalizationWorks)
    {
        ArgumentNullException.ThrowIfNull(password);
        string normalized;
        if (normalizationWorks)
        {
            normalized = password.Normalize(NormalizationForm.FormKD);
        }
        else if (password.All(char.IsAscii))
        {
            // ASCII text is its own NFKD form.
            normalized = password;
        }
        else
        {
            throw new KeystoreException(
                "the password has non-ASCII characters but Unicode NFKD normalisation is unavailable in this process " +
                "(InvariantGlobalization is on); run with ICU (InvariantGlobalization=false) to use this keystore");
        }

        var kept = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!IsStrippedControl(c))
            {
                kept.Append(c);
            }
        }

        return Encoding.UTF8.GetBytes(kept.ToString());
    }

    private static bool IsStrippedControl(char c) => c <= '\u001F' || (c >= '\u007F' && c <= '\u009F');
}

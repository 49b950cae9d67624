using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>Seeds and stores shared by the XMSS tests.</summary>
internal static class XmssTestSupport
{
    /// <summary>A deterministic 96-byte secret key (SK_SEED || SK_PRF || PUB_SEED) from a tag.</summary>
    public static byte[] SecretKey(byte tag) => Enumerable.Range(0, XmssParameters.SecretKeyLength).Select(i => (byte)(i * 7 + tag)).ToArray();

    /// <summary>The one-time-key index a signature used (its first four bytes, big-endian).</summary>
    public static int IndexOf(byte[] signature) => (signature[0] << 24) | (signature[1] << 16) | (signature[2] << 8) | signature[3];
}

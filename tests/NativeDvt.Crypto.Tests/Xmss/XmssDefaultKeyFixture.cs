using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>One XMSS-SHA2_10_256 key, built once (1024 WOTS+ keys) and shared by a test class.</summary>
public sealed class XmssDefaultKeyFixture
{
    public XmssDefaultKeyFixture()
    {
        Scheme = new XmssScheme(new InMemoryXmssStateStore());
        SecretKey = XmssTestSupport.SecretKey(1);
        PublicKey = Scheme.DerivePublicKey(SecretKey);
        Message = "signing root of a beacon block"u8.ToArray();
        Signature = Scheme.Sign(SecretKey, Message);
    }

    public XmssScheme Scheme { get; }

    public byte[] SecretKey { get; }

    public byte[] PublicKey { get; }

    public byte[] Message { get; }

    public byte[] Signature { get; }
}

using NativeDvt.Libp2p.Core.Multiformats;

namespace NativeDvt.Libp2p.Tests.Core;

[Trait("Category", "Unit")]
public sealed class Base58Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("0000", "11")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("00000000000000000000", "1111111111")]
    [InlineData("516b6fcd0f", "ABnLTmg")]
    [InlineData("572e4794", "3EFU7m")]
    public void EncodeDecode_KnownPairs_RoundTrip(string hex, string text)
    {
        Assert.Equal(text, Base58.Encode(Convert.FromHexString(hex)));
        Assert.Equal(hex, Convert.ToHexStringLower(Base58.Decode(text)));
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("abc+")]
    [InlineData("é")]
    public void Decode_CharacterOutsideAlphabet_Throws(string text)
    {
        Assert.Throws<MultiformatException>(() => Base58.Decode(text));
    }

    [Fact]
    public void EncodeDecode_RandomBytes_RoundTrip()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 60)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && i % 3 == 0)
            {
                bytes[0] = 0;
            }

            Assert.Equal(bytes, Base58.Decode(Base58.Encode(bytes)));
        }
    }
}

using System.Globalization;
using System.Numerics;
using NativeDvt.Crypto.KeyDerivation;

namespace NativeDvt.Crypto.Tests.KeyDerivation;

[Trait("Category", "Unit")]
public sealed class Eip2333Tests
{
    // The test cases of EIP-2333, typed from the EIP text: (seed, master_SK, child_index, child_SK).
    public static TheoryData<string, string, uint, string> EipCases => new()
    {
        {
            "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
            "6083874454709270928345386274498605044986640685124978867557563392430687146096",
            0,
            "20397789859736650942317412262472558107875392172444076792671091975210932703118"
        },
        {
            "3141592653589793238462643383279502884197169399375105820974944592",
            "29757020647961307431480504535336562678282505419141012933316116377660817309383",
            3141592653,
            "25457201688850691947727629385191704516744796114925897962676248250929345014287"
        },
        {
            "0099FF991111002299DD7744EE3355BBDD8844115566CC55663355668888CC00",
            "27580842291869792442942448775674722299803720648445448686099262467207037398656",
            4294967295,
            "29358610794459428860402234341874281240803786294062035874021252734817515685787"
        },
        {
            "d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3",
            "19022158461524446591288038168518313374041767046816487870552872741050760015818",
            42,
            "31372231650479070279774297061823572166496564838472787488249775572789064611981"
        },
    };

    [Theory]
    [MemberData(nameof(EipCases))]
    public void DeriveMasterSKAndChildSK_EipTestCase_MatchesEip(string seed, string masterSK, uint childIndex, string childSK)
    {
        var master = Eip2333.DeriveMasterSK(Convert.FromHexString(seed));
        Assert.Equal(BigInteger.Parse(masterSK, CultureInfo.InvariantCulture), master);
        Assert.Equal(BigInteger.Parse(childSK, CultureInfo.InvariantCulture), Eip2333.DeriveChildSK(master, childIndex));
    }

    [Theory]
    [MemberData(nameof(EipCases))]
    public void DeriveSK_OneLevelPath_EqualsDeriveChildSK(string seed, string masterSK, uint childIndex, string childSK)
    {
        _ = masterSK;
        var derived = Eip2334.DeriveSK(Convert.FromHexString(seed), "m/" + childIndex.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(BigInteger.Parse(childSK, CultureInfo.InvariantCulture), derived);
    }

    [Fact]
    public void DeriveMasterSK_SeedShorterThan32Bytes_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Eip2333.DeriveMasterSK(new byte[31]));

    [Fact]
    public void ParentSKToLamportPK_DifferentIndex_DiffersAndIs32Bytes()
    {
        var parent = Eip2333.DeriveMasterSK(new byte[32]);
        var a = Eip2333.ParentSKToLamportPK(parent, 0);
        var b = Eip2333.ParentSKToLamportPK(parent, 1);

        Assert.Equal(32, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void I2OSP32_SmallKey_IsLeftPaddedBigEndian()
    {
        var bytes = Eip2333.I2OSP32(new BigInteger(0x0102));
        Assert.Equal(32, bytes.Length);
        Assert.Equal([0x01, 0x02], bytes[30..]);
        Assert.All(bytes[..30], b => Assert.Equal(0, b));
        Assert.Throws<ArgumentOutOfRangeException>(() => Eip2333.I2OSP32(Eip2333.CurveOrder));
    }
}

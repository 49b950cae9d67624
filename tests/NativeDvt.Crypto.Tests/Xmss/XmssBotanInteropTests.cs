using System.Diagnostics;
using System.Text;
using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

/// <summary>
/// Live interop with the Botan command-line tool (Debian package "botan"), both directions; skipped
/// when botan is not on PATH.
/// </summary>
[Trait("Category", "Interop")]
public sealed class XmssBotanInteropTests(XmssDefaultKeyFixture key) : IClassFixture<XmssDefaultKeyFixture>, IDisposable
{
    // DER SubjectPublicKeyInfo header Botan writes before the 68-byte XMSS public key
    // (algorithm OID 0.4.0.127.0.15.1.1.13.0, then a BIT STRING holding an OCTET STRING).
    private static readonly byte[] SpkiPrefix = Convert.FromHexString("3056300b060904007f000f01010d000347000444");

    private readonly string _directory = Directory.CreateTempSubdirectory("ndvt-xmss-botan-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void BotanVerify_OurSignature_IsValid()
    {
        var botan = BotanOrSkip();
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String([.. SpkiPrefix, .. key.PublicKey]) + "\n-----END PUBLIC KEY-----\n";
        File.WriteAllText(PathOf("ours.pub"), pem);
        File.WriteAllBytes(PathOf("message.bin"), key.Message);
        File.WriteAllText(PathOf("ours.sig"), Convert.ToBase64String(key.Signature));

        Assert.Contains("Signature is valid", Run(botan, "verify", PathOf("ours.pub"), PathOf("message.bin"), PathOf("ours.sig")), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FreshBotanSignature_ReturnsTrue()
    {
        var botan = BotanOrSkip();
        byte[] message = Encoding.ASCII.GetBytes("interop message");
        File.WriteAllBytes(PathOf("message.bin"), message);
        Run(botan, "keygen", "--algo=XMSS", "--params=XMSS-SHA2_10_256", "--output=" + PathOf("botan.key"));
        Run(botan, "pkcs8", "--pub-out", "--der-out", "--output=" + PathOf("botan.der"), PathOf("botan.key"));
        var signature = Convert.FromBase64String(Run(botan, "sign", PathOf("botan.key"), PathOf("message.bin")).Trim());
        var publicKey = File.ReadAllBytes(PathOf("botan.der"))[^XmssParameters.PublicKeyLength..];

        Assert.True(key.Scheme.Verify(publicKey, message, signature));
    }

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static string BotanOrSkip()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "botan"))
            .FirstOrDefault(File.Exists);
        Assert.SkipWhen(found is null, "the botan command-line tool is not installed (apt-get install botan)");
        return found!;
    }

    private static string Run(string botan, params string[] arguments)
    {
        var start = new ProcessStartInfo(botan) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"botan {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output}");
        return output;
    }
}

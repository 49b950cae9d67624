using NativeDvt.Crypto.Xmss;

namespace NativeDvt.Crypto.Tests.Xmss;

[Trait("Category", "Unit")]
public sealed class FileXmssStateStoreTests : IDisposable
{
    private const string KeyId = "00ab12";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ndvt-xmss-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void ReadNextIndex_UnknownKey_ReturnsZero() =>
        Assert.Equal(0, new FileXmssStateStore(_directory).ReadNextIndex(KeyId));

    [Fact]
    public void WriteNextIndex_ThenNewInstance_ReadsIt()
    {
        new FileXmssStateStore(_directory).WriteNextIndex(KeyId, 17);
        new FileXmssStateStore(_directory).WriteNextIndex("other", 3);

        Assert.Equal(17, new FileXmssStateStore(_directory).ReadNextIndex(KeyId));
    }

    [Fact]
    public void WriteNextIndex_Overwrite_LeavesOneFileAndNoTemporaries()
    {
        var store = new FileXmssStateStore(_directory);
        store.WriteNextIndex(KeyId, 1);
        store.WriteNextIndex(KeyId, 2);

        Assert.Equal([KeyId + ".xmss-next"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        Assert.Equal(2, store.ReadNextIndex(KeyId));
    }

    [Fact]
    public void ReadNextIndex_CorruptFile_ThrowsXmssStateExceptionNamingFile()
    {
        var store = new FileXmssStateStore(_directory);
        File.WriteAllText(Path.Combine(_directory, KeyId + ".xmss-next"), "twelve");

        var error = Assert.Throws<XmssStateException>(() => store.ReadNextIndex(KeyId));
        Assert.Contains(KeyId + ".xmss-next", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    public void WriteNextIndex_KeyIdNotAlphanumeric_ThrowsXmssStateException(string keyId) =>
        Assert.Throws<XmssStateException>(() => new FileXmssStateStore(_directory).WriteNextIndex(keyId, 1));

    [Fact]
    public void DirectorySyncFlush_MissingFolder_ThrowsIOException()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "folder fsync runs only on POSIX systems");
        Directory.CreateDirectory(_directory);
        DirectorySync.Flush(_directory);

        Assert.Throws<IOException>(() => DirectorySync.Flush(Path.Combine(_directory, "missing")));
    }
}

using System.Globalization;
using System.Text;

namespace NativeDvt.Crypto.Xmss;

/// <summary>
/// A state store with one small file per key (<c>&lt;keyId&gt;.xmss-next</c>, the next free index in
/// decimal) in one folder. Each write goes to a temporary file that is flushed to disk, renamed over
/// the record and followed by a sync of the folder, so the record is the old or the new one after a crash.
/// </summary>
public sealed class FileXmssStateStore : IXmssStateStore
{
    private const string Extension = ".xmss-next";

    private readonly string _directory;

    /// <summary>Uses (and creates) <paramref name="directory"/>.</summary>
    public FileXmssStateStore(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    /// <inheritdoc />
    public int ReadNextIndex(string keyId)
    {
        var path = PathOf(keyId);
        if (!File.Exists(path))
        {
            return 0;
        }

        var text = File.ReadAllText(path, Encoding.ASCII).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var next))
        {
            throw new XmssStateException($"XMSS state file {path}: next index '{text}' is not a non-negative decimal integer");
        }

        return next;
    }

    /// <inheritdoc />
    public void WriteNextIndex(string keyId, int nextIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nextIndex);
        var path = PathOf(keyId);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.ASCII.GetBytes(nextIndex.ToString(CultureInfo.InvariantCulture) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        DirectorySync.Flush(_directory);
    }

    private string PathOf(string keyId)
    {
        if (keyId.Length == 0 || !keyId.All(char.IsAsciiLetterOrDigit))
        {
            throw new XmssStateException($"XMSS key id '{keyId}' must be non-empty ASCII letters and digits");
        }

        return Path.Combine(_directory, keyId + Extension);
    }
}

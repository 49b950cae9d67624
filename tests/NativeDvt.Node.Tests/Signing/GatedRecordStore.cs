using System.Runtime.CompilerServices;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node.Tests.Signing;

/// <summary>
/// A record store over an in-memory one whose writes (and, if asked, reads) wait until the test opens the gate, or
/// fail when told to: a slow or broken durable store.
/// </summary>
internal sealed class GatedRecordStore(ISigningRecordStore inner, bool gateReads = false) : ISigningRecordStore
{
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int WritesStarted { get; private set; }

    public int WritesDone { get; private set; }

    public Exception? FailWith { get; set; }

    public void Open() => _gate.TrySetResult();

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<StoredRecord?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        if (gateReads)
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return await inner.ReadAsync(key, cancellationToken);
    }

    public async ValueTask<bool> TryWriteAsync(string key, byte[] value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        WritesStarted++;
        await _gate.Task.WaitAsync(cancellationToken);
        if (FailWith is { } failure)
        {
            throw failure;
        }

        var written = await inner.TryWriteAsync(key, value, expectedVersion, cancellationToken);
        WritesDone++;
        return written;
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in inner.ListKeysAsync(prefix, cancellationToken))
        {
            yield return key;
        }
    }
}

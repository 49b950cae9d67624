using NativeDvt.Node.Network;

namespace NativeDvt.Node.Signing;

/// <summary>
/// A node's write-ahead gate between its signatures and the network. Every record a signature depends on is
/// written through <see cref="Write"/>, every message leaves through <see cref="Publish"/>, and a message waits
/// behind every write made before it: with a durable store that answers later, the node's calls return at once and
/// the host's <see cref="FlushAsync"/> awaits the writes and only then hands the messages to the network.
/// </summary>
/// <remarks>
/// <para>
/// The node decides on what it holds in memory (each key is read once, through <see cref="TryLoad"/>), so it stays a
/// synchronous state machine; only the release of its messages waits. A store that answers at once (in memory, or
/// none) releases each message as it is published, so the simulator sees no difference.
/// </para>
/// <para>
/// A write that fails, or finds its version moved, halts the journal: the messages queued behind it are dropped,
/// every later message too, and <see cref="Halted"/> fires once with the reason. A halted node never signs again;
/// its host restarts it over what the store holds. A crash between a durable write and the release of its message
/// loses the message, never the record, so the restarted node refuses to sign anything that conflicts with it.
/// </para>
/// <para>Not thread-safe: the host calls the node and <see cref="FlushAsync"/> one at a time, as it drives the node.</para>
/// </remarks>
public sealed class SigningJournal
{
    private readonly ISigningRecordStore? _store;
    private readonly Dictionary<string, StoredRecord?> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<StoredRecord?>> _loading = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _queue = new();

    /// <summary>A journal over <paramref name="store"/>; null keeps records in memory only (the simulator).</summary>
    public SigningJournal(ISigningRecordStore? store = null) => _store = store;

    /// <summary>Raised once, when the journal halts, with the reason.</summary>
    public event Action<string>? Halted;

    /// <summary>True when records go to a store; false when they live only in the node's memory.</summary>
    public bool IsDurable => _store is not null;

    /// <summary>Why the journal halted, or null while it runs.</summary>
    public string? HaltReason { get; private set; }

    /// <summary>True while reads, writes or messages wait for <see cref="FlushAsync"/>.</summary>
    public bool HasPending => _queue.Count > 0 || _loading.Count > 0;

    /// <summary>Messages held behind writes now.</summary>
    public int HeldMessages => _queue.Count(e => e is Publication);

    /// <summary>Messages dropped because the journal halted.</summary>
    public long DroppedMessages { get; private set; }

    /// <summary>
    /// The stored value of <paramref name="key"/> (null: none): true once it is read. False while the read is under
    /// way (it was started, and <see cref="FlushAsync"/> completes it); the caller must not sign on that key yet.
    /// </summary>
    public bool TryLoad(string key, out byte[]? value)
    {
        value = null;
        if (_store is null)
        {
            return true;
        }

        if (_loaded.TryGetValue(key, out var record))
        {
            value = record?.Value;
            return true;
        }

        if (!_loading.TryGetValue(key, out var loading))
        {
            if (HaltReason is not null)
            {
                return false;
            }

            loading = _store.ReadAsync(key).AsTask();
            if (!loading.IsCompleted)
            {
                _loading[key] = loading;
                return false;
            }
        }

        if (!loading.IsCompleted || !Loaded(key, loading))
        {
            return false;
        }

        value = _loaded[key]?.Value;
        return true;
    }

    /// <summary>Reads every key of <paramref name="keys"/> before the node runs, so its first duties need not wait.</summary>
    public async ValueTask PreloadAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            TryLoad(key, out _);
        }

        await CompleteLoadsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records <paramref name="value"/> under <paramref name="key"/> (which must have been loaded): written now if nothing
    /// waits, else after what waits. Messages published from now on wait until it is durable.
    /// </summary>
    public void Write(string key, byte[] value)
    {
        if (_store is null || HaltReason is not null)
        {
            return;
        }

        if (!_versions.TryGetValue(key, out var expected))
        {
            throw new InvalidOperationException($"signing record {key} was written before it was read");
        }

        _versions[key] = expected + 1;
        var write = new RecordWrite(key, value, expected);
        if (_queue.Count == 0)
        {
            var started = _store.TryWriteAsync(key, value, expected);
            if (started.IsCompleted)
            {
                Settle(write, started.AsTask());
                return;
            }

            write.Started = started.AsTask();
        }

        _queue.Enqueue(write);
    }

    /// <summary>Sends <paramref name="data"/> now if no write waits, else once every earlier write is durable; drops it once halted.</summary>
    public void Publish(IGossipNetwork network, string topic, byte[] data)
    {
        if (HaltReason is not null)
        {
            DroppedMessages++;
        }
        else if (_queue.Count == 0)
        {
            network.Publish(topic, data);
        }
        else
        {
            _queue.Enqueue(new Publication(network, topic, data));
        }
    }

    /// <summary>
    /// Completes every read under way, then every write in order, releasing each message once the writes before it
    /// are durable. Call it after each call into the node while <see cref="HasPending"/> is true.
    /// </summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        await CompleteLoadsAsync(cancellationToken).ConfigureAwait(false);
        while (_queue.TryPeek(out var entry))
        {
            if (entry is RecordWrite write)
            {
                var task = write.Started ??= _store!.TryWriteAsync(write.Key, write.Value, write.ExpectedVersion, cancellationToken).AsTask();
                try
                {
                    await task.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Settled below from the task's own state.
                }

                cancellationToken.ThrowIfCancellationRequested();
                _queue.Dequeue();
                Settle(write, task);
            }
            else if (entry is Publication publication)
            {
                _queue.Dequeue();
                publication.Network.Publish(publication.Topic, publication.Data);
            }
        }
    }

    /// <summary>Stops all signing for <paramref name="reason"/>: queued messages are dropped, later ones too.</summary>
    public void Halt(string reason)
    {
        if (HaltReason is not null)
        {
            return;
        }

        HaltReason = reason;
        DroppedMessages += _queue.Count(e => e is Publication);
        _queue.Clear();
        Halted?.Invoke(reason);
    }

    private async ValueTask CompleteLoadsAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, loading) in _loading.ToList())
        {
            try
            {
                await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Settled below from the task's own state.
            }

            cancellationToken.ThrowIfCancellationRequested();
            Loaded(key, loading);
        }
    }

    private bool Loaded(string key, Task<StoredRecord?> loading)
    {
        _loading.Remove(key);
        if (!loading.IsCompletedSuccessfully)
        {
            Halt($"reading signing record {key} failed: {loading.Exception?.GetBaseException().Message ?? "cancelled"}");
            return false;
        }

        _loaded[key] = loading.Result;
        _versions[key] = loading.Result?.Version ?? 0;
        return true;
    }

    private void Settle(RecordWrite write, Task<bool> task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            Halt($"writing signing record {write.Key} failed: {task.Exception?.GetBaseException().Message ?? "cancelled"}");
        }
        else if (!task.Result)
        {
            Halt($"signing record {write.Key} was changed by another writer (expected version {write.ExpectedVersion})");
        }
    }

    private abstract class Entry;

    private sealed class RecordWrite(string key, byte[] value, long expectedVersion) : Entry
    {
        public string Key { get; } = key;

        public byte[] Value { get; } = value;

        public long ExpectedVersion { get; } = expectedVersion;

        public Task<bool>? Started { get; set; }
    }

    private sealed class Publication(IGossipNetwork network, string topic, byte[] data) : Entry
    {
        public IGossipNetwork Network { get; } = network;

        public string Topic { get; } = topic;

        public byte[] Data { get; } = data;
    }
}

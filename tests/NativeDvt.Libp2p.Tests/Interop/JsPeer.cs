using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using NativeDvt.Libp2p.Core.Identity;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Tests;

namespace NativeDvt.Libp2p.Tests.Interop;

/// <summary>
/// A js-libp2p peer (tests/interop/js-libp2p/peer.mjs) in a child process, driven by JSON lines:
/// <see cref="CommandAsync"/> sends {"id","cmd",…} and awaits its reply; events arrive on
/// <see cref="WaitForEventAsync"/>.
/// </summary>
public sealed class JsPeer : IAsyncDisposable
{
    public const string Folder = "tests/interop/js-libp2p";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _seenEvents = [];
    private readonly System.Text.StringBuilder _stderr = new();
    private int _nextId;

    private JsPeer(Process process)
    {
        _process = process;
    }

    public PeerId PeerId { get; private set; } = null!;

    /// <summary>The peer's listen address including /p2p/.</summary>
    public Multiaddr Address { get; private set; } = null!;

    /// <summary>Installs the npm packages if needed and starts a peer; waits until it listens.</summary>
    public static async Task<JsPeer> StartAsync(params string[] arguments)
    {
        var directory = await NodePackages.EnsureInstalledAsync(Folder);
        var start = new ProcessStartInfo(NodePackages.Node)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("peer.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var peer = new JsPeer(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (peer._stderr)
            {
                peer._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _ = Task.Run(peer.ReadStdoutAsync);
        var listening = await peer.WaitForEventAsync("listening", _ => true, TimeSpan.FromSeconds(60));
        peer.PeerId = PeerId.Parse(listening.GetProperty("peerId").GetString()!);
        peer.Address = Multiaddr.Parse(listening.GetProperty("addrs")[0].GetString()!);
        return peer;
    }

    /// <summary>Sends a command and returns its result; throws with the peer's error text when it fails.</summary>
    public async Task<JsonElement> CommandAsync(string command, object? arguments = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = arguments is null ? [] : JsonSerializer.SerializeToNode(arguments)!.AsObject();
        request["id"] = id;
        request["cmd"] = command;
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _process.StandardInput.WriteLineAsync(request.ToJsonString());
        await _process.StandardInput.FlushAsync();
        JsonElement response;
        try
        {
            response = await reply.Task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"js peer did not answer '{command}'; stderr: {StandardError}");
        }

        return response.GetProperty("ok").GetBoolean()
            ? response.GetProperty("result")
            : throw new InvalidOperationException($"js peer failed '{command}': {response.GetProperty("error").GetString()}");
    }

    /// <summary>The first event named <paramref name="name"/> (seen before or after this call) matching <paramref name="predicate"/>.</summary>
    public async Task<JsonElement> WaitForEventAsync(string name, Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        bool Matches(JsonElement e) => e.GetProperty("event").GetString() == name && predicate(e);
        lock (_seenEvents)
        {
            foreach (var seen in _seenEvents)
            {
                if (Matches(seen))
                {
                    return seen;
                }
            }
        }

        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(cancel.Token);
                if (Matches(next))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"js peer sent no '{name}' event; stderr: {StandardError}");
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task ReadStdoutAsync()
    {
        try
        {
            await DispatchStdoutAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process was disposed while we read; pending commands fail below.
        }

        foreach (var reply in _pending.Values)
        {
            reply.TrySetException(new IOException("js peer exited; stderr: " + StandardError));
        }
    }

    private async Task DispatchStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            JsonElement message;
            try
            {
                message = JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }

            if (message.TryGetProperty("event", out _))
            {
                lock (_seenEvents)
                {
                    _seenEvents.Add(message);
                }

                _events.Writer.TryWrite(message);
            }
            else if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt32(), out var reply))
            {
                reply.TrySetResult(message);
            }
        }
    }
}

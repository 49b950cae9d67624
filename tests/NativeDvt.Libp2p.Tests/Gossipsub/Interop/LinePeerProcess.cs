using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using NativeDvt.Tests;

namespace NativeDvt.Libp2p.Tests.Gossipsub.Interop;

/// <summary>
/// A gossip peer in a child process speaking the `ndvt p2p peer` line protocol (the js-libp2p gossip-peer.mjs
/// script or the ndvt tool): first line "listening &lt;multiaddr&gt;", then JSON lines; hex or JSON lines on stdin.
/// </summary>
internal sealed class LinePeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _replies = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _stderr = [];

    private LinePeerProcess(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Address { get; private set; } = string.Empty;

    public string PeerId => Address[(Address.LastIndexOf('/') + 1)..];

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public static async Task<LinePeerProcess> StartJsAsync(string topic, bool raw = false, params string[] dial)
    {
        var folder = await NodePackages.EnsureInstalledAsync("tests/interop/js-libp2p");
        var start = new ProcessStartInfo(NodePackages.Node) { WorkingDirectory = folder };
        start.ArgumentList.Add("gossip-peer.mjs");
        AddPeerArguments(start, topic, raw, dial);
        return await StartedAsync(new LinePeerProcess(start));
    }

    public static void AddPeerArguments(ProcessStartInfo start, string topic, bool raw, IEnumerable<string> dial)
    {
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add("/ip4/127.0.0.1/tcp/0");
        start.ArgumentList.Add("--topic");
        start.ArgumentList.Add(topic);
        foreach (var address in dial)
        {
            start.ArgumentList.Add("--dial");
            start.ArgumentList.Add(address);
        }

        if (raw)
        {
            start.ArgumentList.Add("--raw");
        }
    }

    public static async Task<LinePeerProcess> StartedAsync(LinePeerProcess peer)
    {
        try
        {
            peer.Address = await peer._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException($"peer did not report its address: {peer.StandardError}");
        }

        return peer;
    }

    public static LinePeerProcess Launch(ProcessStartInfo start) => new(start);

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<JsonElement> CommandAsync(object command, TimeSpan? timeout = null)
    {
        await SendLineAsync(JsonSerializer.Serialize(command));
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _replies.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next received message, or a TimeoutException naming this peer.</summary>
    public async Task<JsonElement> NextMessageAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{PeerId} received nothing in {timeout}; stderr: {StandardError}");
        }
    }

    /// <summary>Closes stdin (the peer exits cleanly on EOF) and returns the exit code.</summary>
    public async Task<int> CloseAsync(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await CloseAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _listening.TrySetException(new InvalidOperationException($"peer exited before listening: {StandardError}"));
            return;
        }

        if (line.StartsWith("listening ", StringComparison.Ordinal))
        {
            _listening.TrySetResult(line["listening ".Length..].Trim());
            return;
        }

        if (!line.StartsWith('{'))
        {
            return;
        }

        var element = JsonDocument.Parse(line).RootElement.Clone();
        (element.TryGetProperty("reply", out _) ? _replies : _messages).Writer.TryWrite(element);
    }
}

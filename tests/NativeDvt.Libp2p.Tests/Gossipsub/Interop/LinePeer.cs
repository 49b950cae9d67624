using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using NativeDvt.Cli.P2p;
using NativeDvt.Tests;

namespace NativeDvt.Libp2p.Tests.Gossipsub.Interop;

/// <summary>
/// A gossip peer speaking the `ndvt p2p peer` line protocol: first line "listening &lt;multiaddr&gt;", then JSON
/// lines; hex or JSON lines on stdin. It runs as a child process (the js-libp2p gossip-peer.mjs script or
/// the ndvt tool) or in this process (the ndvt command's entry point over in-memory lines).
/// </summary>
internal sealed class LinePeer : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly Channel<string?>? _stdin;
    private readonly Task<int>? _inProcess;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _replies = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _stderr = [];

    private LinePeer(Func<TextReader, TextWriter, TextWriter, Task<int>> run)
    {
        _stdin = Channel.CreateUnbounded<string?>();
        _inProcess = Task.Run(() => run(new ChannelLineReader(_stdin.Reader), new LineWriter(OnLine), new LineWriter(line =>
        {
            lock (_stderr)
            {
                _stderr.Add(line ?? string.Empty);
            }
        })));
        _inProcess.ContinueWith(t => OnLine(null), TaskScheduler.Default);
    }

    private LinePeer(ProcessStartInfo start)
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

    /// <summary>Runs the `ndvt p2p peer` entry point in this process.</summary>
    public static async Task<LinePeer> StartInProcessAsync(string topic, bool raw = false, params string[] dial)
    {
        var settings = new GossipPeerSettings("/ip4/127.0.0.1/tcp/0", topic, dial, raw);
        return await StartedAsync(new LinePeer((input, output, error) => GossipPeer.RunAsync(settings, input, output, error, CancellationToken.None)));
    }

    public static async Task<LinePeer> StartJsAsync(string topic, bool raw = false, params string[] dial)
    {
        var folder = await NodePackages.EnsureInstalledAsync("tests/interop/js-libp2p");
        var start = new ProcessStartInfo(NodePackages.Node) { WorkingDirectory = folder };
        start.ArgumentList.Add("gossip-peer.mjs");
        AddPeerArguments(start, topic, raw, dial);
        return await StartedAsync(new LinePeer(start));
    }

    /// <summary>Starts `ndvt p2p peer` (the ndvt.dll copied next to the tests) in a child process.</summary>
    public static async Task<LinePeer> StartNdvtAsync(string topic, bool raw = false, params string[] dial)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ndvt.dll"));
        start.ArgumentList.Add("p2p");
        start.ArgumentList.Add("peer");
        AddPeerArguments(start, topic, raw, dial);
        return await StartedAsync(new LinePeer(start));
    }

    private static void AddPeerArguments(ProcessStartInfo start, string topic, bool raw, IEnumerable<string> dial)
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

    private static async Task<LinePeer> StartedAsync(LinePeer peer)
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

    public async Task SendLineAsync(string line)
    {
        if (_stdin is not null)
        {
            await _stdin.Writer.WriteAsync(line);
            return;
        }

        await _process!.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<JsonElement> CommandAsync(object command, TimeSpan? timeout = null)
    {
        await SendLineAsync(JsonSerializer.Serialize(command));
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _replies.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Polls the peer until its mesh holds <paramref name="peer"/>.</summary>
    public async Task WaitForMeshPeerAsync(string peer, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var reply = await CommandAsync(new { cmd = "mesh" });
            if (reply.GetProperty("peers").EnumerateArray().Any(p => p.GetString() == peer))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{PeerId} never meshed with {peer}; stderr: {StandardError}");
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
        if (_inProcess is not null)
        {
            _stdin!.Writer.TryComplete();
            return await _inProcess.WaitAsync(timeout);
        }

        _process!.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            _stdin!.Writer.TryComplete();
            await _inProcess!.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

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

    /// <summary>Serves lines from a channel; a completed channel is end of input.</summary>
    private sealed class ChannelLineReader(ChannelReader<string?> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await lines.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }
    }

    /// <summary>Splits written text into lines.</summary>
    private sealed class LineWriter(Action<string?> onLine) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                onLine(_line.ToString().TrimEnd('\r'));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }
}

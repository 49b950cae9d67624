using System.Diagnostics;
using System.Text.Json.Nodes;
using NativeDvt.Tests;

namespace NativeDvt.Crypto.Tests.Bls;

/// <summary>
/// A long-lived node process running tests/interop/blst/peer.mjs over @chainsafe/blst, spoken to in
/// JSON lines over stdin/stdout. Requests are sent one at a time.
/// </summary>
public sealed class BlstPeer : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private int _nextId;

    public async ValueTask InitializeAsync()
    {
        var folder = await NodePackages.EnsureInstalledAsync("tests/interop/blst");
        var start = new ProcessStartInfo(NodePackages.Node, "peer.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start node peer.mjs");
    }

    /// <summary>Sends one request (its "op" and fields) and returns the reply object.</summary>
    public async Task<JsonObject> CallAsync(string op, JsonObject request)
    {
        var process = _process ?? throw new InvalidOperationException("peer not started");
        await _gate.WaitAsync();
        try
        {
            var id = ++_nextId;
            request["id"] = id;
            request["op"] = op;
            await process.StandardInput.WriteLineAsync(request.ToJsonString());
            await process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("blst peer exited: " + await process.StandardError.ReadToEndAsync());
            var reply = JsonNode.Parse(line)!.AsObject();
            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"blst peer error for {op}: {error}");
            }

            if (reply["id"]!.GetValue<int>() != id)
            {
                throw new InvalidOperationException("blst peer replied out of order");
            }

            return reply;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static JsonArray HexArray(IEnumerable<byte[]> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(Convert.ToHexStringLower(v)))]);

    public static List<byte[]> FromHexArray(JsonNode? node) => node!.AsArray().Select(v => Convert.FromHexString(v!.GetValue<string>())).ToList();

    public static List<bool> FromBoolArray(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<bool>()).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }

            process.Dispose();
        }

        _gate.Dispose();
        await Task.CompletedTask;
    }
}

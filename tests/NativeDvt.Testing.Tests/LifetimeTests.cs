using System.Net.Sockets;
using NativeDvt.Libp2p.Core.Multiaddress;

namespace NativeDvt.Testing.Tests;

/// <summary>Two one-member groups: the smallest devnet, for what does not need a chain to get anywhere.</summary>
[Trait("Category", "Devnet")]
public sealed class LifetimeTests
{
    private const string TwoSolos = """
        name: two-solos
        scheme: ed25519
        slotTime: 1s
        groups:
          - { n: 1, m: 1 }
        solos:
          count: 1
        """;

    [Fact]
    public async Task WaitForSlot_NotReachedInTime_ThrowsSayingWhereEachIdentityIs()
    {
        var token = TestContext.Current.CancellationToken;
        await using var devnet = await TestDevnet.FromYamlAsync(TwoSolos, cancellationToken: token);

        var error = await Assert.ThrowsAsync<DevnetWaitTimeoutException>(() => devnet.WaitForSlotAsync(1000, timeout: TimeSpan.FromSeconds(1), cancellationToken: token));

        Assert.StartsWith("two-solos did not reach head at slot 1000 (all) within 1 s: genesis in ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; g0-m0: head ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; g1-m0: head ", error.Message, StringComparison.Ordinal);
        Assert.Contains("finalized 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_RunningDevnet_EveryLoopbackNodeStopsListening()
    {
        var token = TestContext.Current.CancellationToken;
        var devnet = await TestDevnet.FromYamlAsync(TwoSolos, cancellationToken: token);
        var statuses = await devnet.GetStatusesAsync();
        var addresses = statuses.Select(s => Multiaddr.Parse(s.Address!).Components).ToList();
        Assert.All(addresses, a => Assert.Equal("127.0.0.1", a[0].ValueText));
        var ports = addresses.Select(a => int.Parse(a[1].ValueText, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        await devnet.DisposeAsync();

        foreach (var port in ports)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync("127.0.0.1", port, token));
        }
    }
}

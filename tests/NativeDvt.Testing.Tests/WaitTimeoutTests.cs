namespace NativeDvt.Testing.Tests;

[Trait("Category", "Devnet")]
public sealed class WaitTimeoutTests
{
    [Fact]
    public async Task WaitForSlot_NotReachedInTime_ThrowsSayingWhereEachIdentityIs()
    {
        var token = TestContext.Current.CancellationToken;
        await using var devnet = await TestDevnet.FromYamlAsync("""
            name: too-slow
            scheme: ed25519
            slotTime: 1s
            groups:
              - { n: 1, m: 1 }
            solos:
              count: 1
            """, cancellationToken: token);

        var error = await Assert.ThrowsAsync<DevnetWaitTimeoutException>(() => devnet.WaitForSlotAsync(1000, timeout: TimeSpan.FromSeconds(1), cancellationToken: token));

        Assert.StartsWith("too-slow did not reach head at slot 1000 (all) within 1 s: wall clock at slot ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; g0-m0: head ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; g1-m0: head ", error.Message, StringComparison.Ordinal);
        Assert.Contains("finalized 0", error.Message, StringComparison.Ordinal);
    }
}

namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>A devnet of one 3-of-4 BLS group (it proposes every slot), for the shorter runs.</summary>
internal static class OneGroup
{
    public const string Yaml = """
        name: one-group
        scheme: bls
        slotTime: 1s
        slotsPerEpoch: 4
        groups:
          - count: 1
            n: 4
            m: 3
        """;

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; fails with <paramref name="what"/> after <see cref="Wait"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

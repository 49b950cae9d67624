using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Testing.Tests;

/// <summary>The fixture as a user writes with it: a small Ed25519 devnet, one member stopped and started again.</summary>
[Trait("Category", "Devnet")]
public sealed class StopAndStartTests
{
    [Fact]
    public async Task Devnet_MemberStoppedAndStarted_ChainGoesOnAndFinalizes()
    {
        var token = TestContext.Current.CancellationToken;
        await using var devnet = await TestDevnet.FromYamlAsync("""
            name: stop-start
            scheme: ed25519
            slotTime: 1s
            slotsPerEpoch: 4
            groups:
              - { n: 3, m: 2 }
            solos:
              count: 1
            """, cancellationToken: token);

        var first = await devnet.WaitForEpochAsync(1, cancellationToken: token);
        Assert.Equal(4, first.Select(s => s.PeerId).Distinct().Count());

        // Two of three members still sign for group 0: the chain goes on without g0-m2.
        var stopped = await devnet.StopIdentitiesAsync("g0-m2");
        Assert.False(Assert.Single(stopped).Running);
        var without = await devnet.WaitForSlotAsync(first.Max(s => s.HeadSlot) + 3, cancellationToken: token);
        Assert.Equal(["g0-m0", "g0-m1", "g1-m0"], without.Where(s => s.Running).Select(s => s.Identity));

        var started = await devnet.StartIdentitiesAsync("g0/m2");
        Assert.True(Assert.Single(started).Running);
        Assert.Equal(first.Single(s => s.Identity == "g0-m2").PeerId, started[0].PeerId);

        var finalized = await devnet.WaitForFinalityAsync(1, cancellationToken: token);
        Assert.All(finalized, s => Assert.True(s.Running));
        Assert.Single(finalized.Select(s => s.Finalized.Root).Distinct());
        var events = await devnet.GetEventsAsync();
        Assert.Contains(events, e => e.Kind == DevnetEventKinds.IdentityStopped && e.Who == "g0/m2");
        Assert.Equal(2, events.Count(e => e.Kind == DevnetEventKinds.IdentityStarted && e.Who == "g0/m2"));
    }
}

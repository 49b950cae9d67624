using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Tests.Protocol;

namespace NativeDvt.Node.Tests.Signing;

[Trait("Category", "Simulation")]
public sealed class StatefulKeyRotationTests
{
    private const int Budget = 200;

    [Fact]
    public void OnTick_StatefulKeyRunningLow_RotatesThroughTheProtocolAndNeverStopsSigning()
    {
        var (scheme, node, events, _) = SoloNode(nextKey: true);

        var epochs = RunEpochs(node, 16);

        Assert.Equal(0, events.Count<SigningRefused>());
        Assert.True(events.Count<KeyRotationStarted>() >= 1);
        Assert.True(events.Count<KeyRotationIncluded>() >= 1);
        Assert.All(scheme.Used.Values, used => Assert.True(used <= Budget));
        Assert.True(scheme.Used.Values.Sum() > Budget, "the run signs more than one key's budget");
        Assert.Equal(new Slot(epochs * 8), node.HeadBlock.Slot);
    }

    [Fact]
    public void OnTick_StatefulKeyWithoutNextKey_RunsOutAsRefusalsNotExceptions()
    {
        var (_, node, events, _) = SoloNode(nextKey: false);

        RunEpochs(node, 16);

        Assert.True(events.Count<SigningRefused>() > 0);
        Assert.Contains(events.Of<SigningRefused>(), e => e.Detail.Contains("key used up", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Restart_AfterARotationTookEffect_SignsWithTheKeyInForceOnlyIfItHoldsIt(bool holdsRotatedKeys)
    {
        var (scheme, node, events, genesis) = SoloNode(nextKey: true);
        var now = RunUntil(node, TimeSpan.Zero, NodeFixture.Slot * (16 * 8));
        Assert.True(events.Count<KeyRotationIncluded>() >= 1);
        var anchor = node.HeadBlock.PostState;
        var restartedEvents = new RecordingEvents();
        var restarted = new DvtNode(Options(scheme, genesis, restartedEvents, nextKey: true) with
        {
            Anchor = anchor,
            // A host that kept the generations it handed out gives them back; one that did not has only the first key.
            HeldKeys = holdsRotatedKeys ? [.. Enumerable.Range(1, 4).Select(g => NodeFixture.SecretKey(10 + g))] : [],
            NextStatefulKey = (_, generation) => NodeFixture.SecretKey(14 + generation),
        }, new RecordingNetwork());
        restarted.Start(now);

        RunUntil(restarted, now, now + (NodeFixture.Slot * (4 * 8)));

        var advanced = restarted.HeadBlock.Slot.Value - anchor.Slot.Value;
        if (holdsRotatedKeys)
        {
            Assert.True(advanced >= 30, $"the restarted node's chain advanced {advanced} slots");
            Assert.Equal(0, restartedEvents.Count<SigningRefused>());
        }
        else
        {
            // It signs with a key the chain no longer has: its own blocks do not verify.
            Assert.Equal(0ul, advanced);
        }
    }

    private static TimeSpan RunUntil(DvtNode node, TimeSpan from, TimeSpan end)
    {
        var next = from;
        while (next <= end)
        {
            next = node.OnTick(next);
        }

        return next;
    }

    private static NodeOptions Options(LimitedScheme scheme, Consensus.State.BeaconState genesis, RecordingEvents events, bool nextKey) => new()
    {
        Identity = new MemberId(GroupIndex.Zero, 0),
        Genesis = genesis,
        SlotDuration = NodeFixture.Slot,
        Scheme = scheme,
        SecretKey = NodeFixture.SecretKey(0),
        States = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(scheme))),
        Events = events,
        NextStatefulKey = nextKey ? (_, generation) => NodeFixture.SecretKey(10 + generation) : null,
    };

    private static (LimitedScheme Scheme, DvtNode Node, RecordingEvents Events, Consensus.State.BeaconState Genesis) SoloNode(bool nextKey)
    {
        var scheme = new LimitedScheme(Budget);
        var config = new ChainConfig { SchemeName = scheme.Name, SchemeAggregates = false };
        var key = NodeFixture.SecretKey(0);
        var group = new GenesisGroup([Bytes.Wrap(scheme.DerivePublicKey(key))], 1, new Gwei(32_000_000_000));
        var genesis = GenesisBuilder.Build(config, [group], 0, Root.Zero).State!;
        var events = new RecordingEvents();
        var node = new DvtNode(Options(scheme, genesis, events, nextKey), new RecordingNetwork());
        node.Start(TimeSpan.Zero);
        return (scheme, node, events, genesis);
    }

    private static ulong RunEpochs(DvtNode node, ulong epochs)
    {
        var next = TimeSpan.Zero;
        var end = NodeFixture.Slot * (int)(epochs * 8);
        while (next <= end)
        {
            next = node.OnTick(next);
        }

        return epochs;
    }
}

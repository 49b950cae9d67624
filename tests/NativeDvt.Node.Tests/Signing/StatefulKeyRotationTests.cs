using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Node.Events;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Tests.Protocol;

namespace NativeDvt.Node.Tests.Signing;

[Trait("Category", "Unit")]
public sealed class StatefulKeyRotationTests
{
    private const int Budget = 200;

    [Fact]
    public void OnTick_StatefulKeyRunningLow_RotatesThroughTheProtocolAndNeverStopsSigning()
    {
        var (scheme, node, events) = SoloNode(nextKey: true);

        var epochs = RunEpochs(node, 16);

        Assert.Equal(0, events[nameof(CountingEvents.SigningRefused)]);
        Assert.True(events[nameof(CountingEvents.KeyRotationStarted)] >= 1);
        Assert.True(events[nameof(CountingEvents.KeyRotationIncluded)] >= 1);
        Assert.All(scheme.Used.Values, used => Assert.True(used <= Budget));
        Assert.True(scheme.Used.Values.Sum() > Budget, "the run signs more than one key's budget");
        Assert.Equal(new Slot(epochs * 8), node.HeadBlock.Slot);
    }

    [Fact]
    public void OnTick_StatefulKeyWithoutNextKey_RunsOutAsRefusalsNotExceptions()
    {
        var (_, node, events) = SoloNode(nextKey: false);

        RunEpochs(node, 16);

        Assert.True(events[nameof(CountingEvents.SigningRefused)] > 0);
        Assert.Contains(events.Details, d => d.Contains("key used up", StringComparison.Ordinal));
    }

    private static (LimitedScheme Scheme, DvtNode Node, CountingEvents Events) SoloNode(bool nextKey)
    {
        var scheme = new LimitedScheme(Budget);
        var config = new ChainConfig { SchemeName = scheme.Name, SchemeAggregates = false };
        var key = NodeFixture.SecretKey(0);
        var group = new GenesisGroup([Bytes.Wrap(scheme.DerivePublicKey(key))], 1, new Gwei(32_000_000_000));
        var genesis = GenesisBuilder.Build(config, [group], 0, Root.Zero).State!;
        var events = new CountingEvents();
        var node = new DvtNode(new NodeOptions
        {
            Identity = new MemberId(GroupIndex.Zero, 0),
            Genesis = genesis,
            SlotDuration = NodeFixture.Slot,
            Scheme = scheme,
            SecretKey = key,
            States = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(scheme))),
            Events = events,
            NextStatefulKey = nextKey ? (_, generation) => NodeFixture.SecretKey(10 + generation) : null,
        }, new RecordingNetwork());
        node.Start(TimeSpan.Zero);
        return (scheme, node, events);
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

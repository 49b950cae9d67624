using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Node.Events;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Node.Tests.Protocol;

/// <summary>One view serving several identities, like a beacon node with several validator keys.</summary>
[Trait("Category", "Unit")]
public sealed class SharedViewTests
{
    private static readonly InsecureFastScheme Scheme = new();

    [Fact]
    public void Constructor_TwoMembersOfOneGroup_Throws()
    {
        var fixture = new NodeFixture(3, 2);
        var options = new NodeOptions
        {
            Identity = new MemberId(GroupIndex.Zero, 0),
            Genesis = fixture.Genesis,
            SlotDuration = NodeFixture.Slot,
            Scheme = fixture.Scheme,
            SecretKey = Key(0),
            States = fixture.States,
            Events = new RecordingEvents(),
            MoreIdentities = [Identity(GroupIndex.Zero, 1)],
        };

        var error = Assert.Throws<ArgumentException>(() => new DvtNode(options, new RecordingNetwork()));
        Assert.Contains("independent views", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnTick_OneViewServingEverySolo_ProposesEverySlotAndAttestsForEachIdentity()
    {
        const int Solos = 4;
        var groups = Enumerable.Range(0, Solos)
            .Select(g => new GenesisGroup([Bytes.Wrap(Scheme.DerivePublicKey(Key(g)))], 1, new Gwei(32_000_000_000)))
            .ToList();
        var genesis = GenesisBuilder.Build(new ChainConfig { SchemeName = Scheme.Name, SchemeAggregates = false }, groups, 0, Root.Zero).State!;
        var events = new RecordingEvents();
        var network = new RecordingNetwork();
        var node = new DvtNode(new NodeOptions
        {
            Identity = new MemberId(GroupIndex.Zero, 0),
            Genesis = genesis,
            SlotDuration = NodeFixture.Slot,
            Scheme = Scheme,
            SecretKey = Key(0),
            States = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(Scheme))),
            Events = events,
            MoreIdentities = [.. Enumerable.Range(1, Solos - 1).Select(g => Identity(new GroupIndex((ulong)g), 0))],
        }, network);

        var next = node.Start(TimeSpan.Zero);
        var end = NodeFixture.Slot * (double)genesis.Preset.SlotsPerEpoch;
        while (next < end)
        {
            next = node.OnTick(next);
        }

        Assert.Equal(Solos, node.Identities.Count);
        Assert.Equal(Solos, network.Subscriptions.Count(node.Topics.IsMemberAttestation));
        Assert.Equal(new Slot(genesis.Preset.SlotsPerEpoch - 1), node.HeadBlock.Slot);
        Assert.Equal((int)genesis.Preset.SlotsPerEpoch - 1, events.Count<BlockAssembled>());
        Assert.Equal(Solos, events.Count<Attested>());
    }

    private static IdentityOptions Identity(GroupIndex group, int member) => new()
    {
        Identity = new MemberId(group, member),
        SecretKey = Key((int)group.Value + member),
    };

    private static byte[] Key(int index)
    {
        var key = new byte[32];
        key[0] = (byte)(index + 1);
        return key;
    }
}

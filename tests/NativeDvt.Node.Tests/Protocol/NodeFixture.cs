using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Node.Events;
using NativeDvt.Node.Mempool;
using NativeDvt.Node.Profiles;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node.Tests.Protocol;

/// <summary>A chain of one n-of-n group on the insecure-fast scheme, and nodes for its members.</summary>
internal sealed class NodeFixture
{
    public NodeFixture(int n, int m)
    {
        var keys = Enumerable.Range(0, n).Select(SecretKey).ToArray();
        var config = new ChainConfig { SchemeName = Scheme.Name, SchemeAggregates = false };
        var group = new GenesisGroup([.. keys.Select(k => Bytes.Wrap(Scheme.DerivePublicKey(k)))], (ulong)m, new Gwei((ulong)n * 32_000_000_000));
        Genesis = GenesisBuilder.Build(config, [group], 0, Root.Zero).State!;
        States = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(Scheme)));
    }

    public InsecureFastScheme Scheme { get; } = new();

    public BeaconState Genesis { get; }

    public SharedStateCache States { get; }

    public static TimeSpan Slot { get; } = TimeSpan.FromSeconds(2);

    public (DvtNode Node, RecordingNetwork Network) NodeOf(int member, INodeEventSink? events = null, IMempool? mempool = null, SigningJournal? journal = null, ClientProfile? profile = null)
    {
        var network = new RecordingNetwork();
        var node = new DvtNode(new NodeOptions
        {
            Identity = new MemberId(GroupIndex.Zero, member),
            Genesis = Genesis,
            SlotDuration = Slot,
            Scheme = Scheme,
            SecretKey = SecretKey(member),
            States = States,
            Events = events ?? new RecordingEvents(),
            Mempool = mempool ?? SimulatedMempool.Empty,
            Journal = journal ?? new SigningJournal(),
            Profile = profile ?? ClientProfile.Honest,
        }, network);
        node.Start(TimeSpan.Zero);
        return (node, network);
    }

    public static byte[] SecretKey(int member)
    {
        var key = new byte[32];
        key[0] = (byte)(member + 1);
        return key;
    }
}

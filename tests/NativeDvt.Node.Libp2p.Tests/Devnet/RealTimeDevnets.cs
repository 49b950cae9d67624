namespace NativeDvt.Node.Libp2p.Tests.Devnet;

/// <summary>Real-time devnets run one at a time: on a small machine two at once would eat each other's slot deadlines.</summary>
[CollectionDefinition(Name)]
public sealed class RealTimeDevnets
{
    public const string Name = "real-time devnets";
}

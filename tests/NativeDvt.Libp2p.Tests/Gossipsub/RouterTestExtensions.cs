using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Tests.Gossipsub;

internal static class RouterTestExtensions
{
    /// <summary>Delivers a hand-made RPC to the router as if <paramref name="peer"/> had sent it.</summary>
    public static Task InjectAsync(this GossipsubRouter router, string peer, Rpc rpc) =>
        router.HandleRpcAsync(peer, rpc, TestContext.Current.CancellationToken);
}

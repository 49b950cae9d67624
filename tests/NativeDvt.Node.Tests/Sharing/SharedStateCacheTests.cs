using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Sharing;
using NativeDvt.Node.Tests.Protocol;
using NativeDvt.Ssz;

namespace NativeDvt.Node.Tests.Sharing;

[Trait("Category", "Unit")]
public sealed class SharedStateCacheTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ValidateUnsigned_TransitionRunningOnAnotherThread_RunsAgainWithoutWaitingAndAllGetTheFirstStored()
    {
        var fixture = new NodeFixture(1, 1);
        var (node, network) = fixture.NodeOf(0);
        var genesis = node.HeadBlock;
        node.OnTick(NodeFixture.Slot);
        var block = SignedBeaconBlock.CodecFor(fixture.Genesis.Preset).Decode(network.Published.First(p => p.Topic == node.Topics.BeaconBlock).Data).Message;
        var root = node.HeadBlock.Root;
        using var verifier = new HoldingVerifier(new CachedSignatureVerifier(new VerificationCache(fixture.Scheme)));
        var states = new SharedStateCache(verifier);
        var anchor = states.AddAnchor(genesis.Root, genesis.PostState);

        var held = Task.Run(() => states.ValidateUnsigned(root, block, anchor), TestContext.Current.CancellationToken);
        Assert.True(verifier.Entered.Wait(Wait, TestContext.Current.CancellationToken));
        var second = await Task.Run(() => states.ValidateUnsigned(root, block, anchor), TestContext.Current.CancellationToken).WaitAsync(Wait, TestContext.Current.CancellationToken);
        verifier.Release.Set();
        var first = await held.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Null(second.Error);
        Assert.NotNull(second.Post);
        Assert.Same(second.Post, first.Post);
        Assert.Same(second.Post, states.ValidateUnsigned(root, block, anchor).Post);
        Assert.Equal(1, states.Transitions);
    }

    /// <summary>Holds the first thread that verifies anything until released; every other call goes straight through.</summary>
    private sealed class HoldingVerifier(ISignatureVerifier inner) : ISignatureVerifier, IDisposable
    {
        private int _held;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public string SchemeName => inner.SchemeName;

        public bool Aggregates => inner.Aggregates;

        public bool Verify(Bytes publicKey, Root message, Bytes signature)
        {
            Hold();
            return inner.Verify(publicKey, message, signature);
        }

        public bool FastAggregateVerify(IReadOnlyList<Bytes> publicKeys, Root message, Bytes aggregate)
        {
            Hold();
            return inner.FastAggregateVerify(publicKeys, message, aggregate);
        }

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }

        private void Hold()
        {
            if (Interlocked.Exchange(ref _held, 1) == 0)
            {
                Entered.Set();
                Release.Wait(Wait);
            }
        }
    }
}

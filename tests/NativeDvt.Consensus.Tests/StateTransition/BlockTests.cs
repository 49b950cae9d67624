using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.Tests.Support;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class BlockTests
{
    private static readonly (int N, int M)[] Groups = [.. Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? (4, 3) : (1, 1))];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Block_SignedByThreshold_IsValidUnderBothSignatureShapes(bool aggregates)
    {
        var chain = TestChain.Create(Groups, aggregates: aggregates);
        var state = chain.Run(chain.Genesis, 12);
        Assert.Equal(new Slot(12), state.Slot);
    }

    [Fact]
    public void Block_SignedBelowThreshold_IsInvalid()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((4, 3), 16)]);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1), signers: 2);
        Assert.Equal(BlockRule.VerifyBlockSignature, StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void Apply_VerifierOfAnotherScheme_Throws()
    {
        var chain = TestChain.Create(Groups);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1));
        Assert.Throws<ArgumentException>(() => StateTransitionFunction.TryApply(chain.Genesis, block, new InsecureTestScheme(aggregates: false)));
    }

    [Fact]
    public void Block_WrongProposer_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1));
        var other = new GroupIndex((block.Message.ProposerIndex.Value + 1) % 16);
        var wrong = block with { Message = block.Message with { ProposerIndex = other } };
        var error = StateTransitionFunction.TryApply(chain.Genesis, wrong, chain.Scheme, SignatureChecks.Skip).Error;
        Assert.Equal(BlockRule.ProcessBlockHeader, error?.Rule);
    }

    [Fact]
    public void Block_BadRandaoReveal_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1), b => b with { RandaoReveal = Bytes.Wrap(new byte[32]) });
        Assert.Equal(BlockRule.ProcessRandao, StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void Block_TransactionsOverConfiguredSize_IsInvalid()
    {
        var chain = TestChain.Create(Groups, TestChain.MinimalConfig() with { PayloadBytes = 16 });
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1), b => b with { Transactions = [Bytes.Wrap(new byte[9]), Bytes.Wrap(new byte[8])] });
        Assert.Equal(BlockRule.ProcessOperations, StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error?.Rule);
    }

    [Fact]
    public void Block_TransactionsAtConfiguredSize_IsValid()
    {
        var chain = TestChain.Create(Groups, TestChain.MinimalConfig() with { PayloadBytes = 16 });
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1), b => b with { Transactions = [Bytes.Wrap(new byte[8]), Bytes.Wrap(new byte[8])] });
        Assert.Null(StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error);
    }

    [Fact]
    public void Block_WrongStateRoot_IsInvalid()
    {
        var chain = TestChain.Create(Groups);
        var block = chain.ProduceBlock(chain.Genesis, new Slot(1));
        var wrong = block with { Message = block.Message with { StateRoot = Root.Zero } };
        Assert.Equal(BlockRule.StateTransition, StateTransitionFunction.TryApply(chain.Genesis, wrong, chain.Scheme, SignatureChecks.Skip).Error?.Rule);
    }

    [Fact]
    public void Block_Invalid_LeavesPreStateUntouched()
    {
        var chain = TestChain.Create(Groups);
        var root = chain.Genesis.HashTreeRoot();
        var block = chain.ProduceBlock(chain.Genesis, new Slot(3), b => b with { RandaoReveal = Bytes.Wrap(new byte[32]) });
        Assert.Equal(BlockRule.ProcessRandao, StateTransitionFunction.TryApply(chain.Genesis, block, chain.Scheme).Error?.Rule);
        Assert.Equal(root, chain.Genesis.HashTreeRoot());
        Assert.Equal(Slot.Zero, chain.Genesis.Slot);
    }

    [Fact]
    public void Proposer_OverManyEpochs_IsWeightedByGroupSize()
    {
        var chain = TestChain.Create([(16, 9), .. Enumerable.Repeat((1, 1), 16)]);
        var state = chain.Genesis.Copy();
        var bigGroupSlots = 0;
        const int slots = 800;
        for (var s = 1; s <= slots; s++)
        {
            state.Slot = new Slot((ulong)s);
            state.RandaoMixes[s % state.RandaoMixes.Length] = Root.FromHex(s.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));
            if (state.GetBeaconProposerIndex() == GroupIndex.Zero)
            {
                bigGroupSlots++;
            }
        }

        // Weight 16 of 32: about half the slots; solos share the rest.
        Assert.InRange(bigGroupSlots, slots * 35 / 100, slots * 65 / 100);
    }
}

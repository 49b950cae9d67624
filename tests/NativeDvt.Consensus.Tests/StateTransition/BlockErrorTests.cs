using NativeDvt.Consensus.StateTransition;

namespace NativeDvt.Consensus.Tests.StateTransition;

[Trait("Category", "Unit")]
public sealed class BlockErrorTests
{
    [Theory]
    [InlineData(BlockRule.StateTransition, "state_transition")]
    [InlineData(BlockRule.VerifyBlockSignature, "verify_block_signature")]
    [InlineData(BlockRule.ProcessAttesterSlashing, "process_attester_slashing")]
    [InlineData(BlockRule.ProcessRandao, "process_randao")]
    public void SpecName_IsTheSpecFunctionsName(BlockRule rule, string name) => Assert.Equal(name, rule.SpecName());

    [Fact]
    public void ToString_NamesTheSpecFunctionThenTheReason()
    {
        // Nodes report rejected blocks with this text, and the simulator groups its refusals by it.
        Assert.Equal("process_block_header: parent root mismatch", new BlockError(BlockRule.ProcessBlockHeader, "parent root mismatch").ToString());
    }
}

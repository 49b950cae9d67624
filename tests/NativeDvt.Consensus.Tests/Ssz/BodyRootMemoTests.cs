using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.Ssz;

/// <summary>The body root is kept per body object: it must still be the root of what the body holds.</summary>
[Trait("Category", "Unit")]
public sealed class BodyRootMemoTests
{
    [Fact]
    public void BodyRoot_SameObjectTwice_EqualsRootOfAFreshDecode()
    {
        var samples = new Samples(7);
        var codec = BeaconBlockBody.CodecFor(Samples.Preset);
        for (var i = 0; i < 20; i++)
        {
            var body = samples.Body();
            var first = SszRoots.Of(body, Samples.Preset);
            var again = SszRoots.Of(body, Samples.Preset);
            var fresh = SszRoots.Of(codec.Decode(codec.Encode(body)), Samples.Preset);
            Assert.Equal(first, again);
            Assert.Equal(fresh, first);
        }
    }

    [Fact]
    public void BodyRoot_ChangedByWith_IsHashedAfresh()
    {
        var samples = new Samples(8);
        var body = samples.Body();
        var before = SszRoots.Of(body, Samples.Preset);
        var changed = body with { Graffiti = samples.Root(), Attestations = [.. body.Attestations, samples.GroupAttestation()] };

        var after = SszRoots.Of(changed, Samples.Preset);

        Assert.NotEqual(before, after);
        var codec = BeaconBlockBody.CodecFor(Samples.Preset);
        Assert.Equal(SszRoots.Of(codec.Decode(codec.Encode(changed)), Samples.Preset), after);
    }

    [Fact]
    public void BlockRoot_NewBlockSharingTheBody_CoversItsOwnHeaderFields()
    {
        var samples = new Samples(9);
        var block = samples.Block();
        var root = SszRoots.Of(block, Samples.Preset);

        var restated = block with { StateRoot = samples.Root() };

        Assert.NotEqual(root, SszRoots.Of(restated, Samples.Preset));
        Assert.Equal(
            SszRoots.Of(new BeaconBlockHeader(restated.Slot, restated.ProposerIndex, restated.ParentRoot, restated.StateRoot, SszRoots.Of(restated.Body, Samples.Preset))),
            SszRoots.Of(restated, Samples.Preset));
    }
}

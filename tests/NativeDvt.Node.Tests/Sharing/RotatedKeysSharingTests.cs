using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Node.Tests.Sharing;

/// <summary>
/// Nodes of one process on different heads may hold different keys for one group (a key rotation included on one
/// fork only): a signature verdict must never travel from one key set to the other.
/// </summary>
[Trait("Category", "Unit")]
public sealed class RotatedKeysSharingTests
{
    private static readonly byte[] Message = [9, 9, 9];

    [Fact]
    public void Verify_OneSignatureUnderTheOldAndTheRotatedKey_EachVerdictStandsWhateverTheOrder()
    {
        var scheme = new CountingScheme();
        var verifier = new CachedSignatureVerifier(new VerificationCache(scheme));
        byte[] oldSecret = [1], newSecret = [2];
        var (oldKey, newKey) = (Bytes.Wrap(scheme.DerivePublicKey(oldSecret)), Bytes.Wrap(scheme.DerivePublicKey(newSecret)));
        var message = new Root(new byte[32]);
        var byNewKey = Bytes.Wrap(scheme.Sign(newSecret, message.ToArray()));

        // A view with the rotation checks first, then a view without it, then the first again.
        Assert.True(verifier.Verify(newKey, message, byNewKey));
        Assert.False(verifier.Verify(oldKey, message, byNewKey));
        Assert.True(verifier.Verify(newKey, message, byNewKey));
        Assert.Equal(2, scheme.Verifies);
    }

    [Fact]
    public void VerifiedWith_GroupRecordWithRotatedKeys_DoesNotShareTheVerdictWhereOtherChangesDo()
    {
        var keys = Enumerable.Range(0, 4).Select(i => Bytes.Wrap([(byte)i])).ToArray();
        var group = new Group { Pubkeys = keys, Threshold = 3, EffectiveBalance = new Gwei(128_000_000_000) };
        var rebalanced = group with { EffectiveBalance = new Gwei(127_000_000_000) };
        var rotated = group with
        {
            Pubkeys = [keys[0], Bytes.Wrap([7]), keys[2], keys[3]],
            KeyChanges = [new KeyChange(1, keys[1], Bytes.Wrap([7]), new Epoch(2))],
        };
        var message = new SharedMessage<int>(0, Root.Zero);

        message.MarkVerifiedWith(group);

        Assert.True(message.VerifiedWith(group));
        Assert.True(message.VerifiedWith(rebalanced));
        Assert.False(message.VerifiedWith(rotated));
    }
}

using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.Ssz;

[Trait("Category", "Unit")]
public sealed class CodecTests
{
    [Fact]
    public void EveryType_RandomValues_RoundTripByteExactly()
    {
        var samples = new Samples(1);
        foreach (var (name, sample, roundTrip) in samples.Codecs())
        {
            for (var i = 0; i < 20; i++)
            {
                var bytes = sample();
                Assert.True(bytes.AsSpan().SequenceEqual(roundTrip(bytes)), name);
            }
        }
    }

    [Fact]
    public void AttestationListRoot_SharedData_EqualsTheGenericListRoot()
    {
        var samples = new Samples(5);
        var shared = samples.AttestationData();
        var list = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? samples.GroupAttestation() : samples.GroupAttestation() with { Data = shared with { } }).ToArray();
        var preset = Samples.Preset;
        var generic = SszCodecs.List(GroupAttestation.Codec, (long)preset.MaxAttestations).HashTreeRoot(list);
        Assert.Equal(generic, GroupAttestation.ListRoot(list, preset.MaxAttestations));
    }

    [Fact]
    public void Checkpoint_HashTreeRoot_IsHashOfItsTwoChunks()
    {
        var checkpoint = new Checkpoint(new Epoch(7), Root.FromHex(new string('a', 64)));
        Assert.Equal(Hashing.Hash(Hashing.Chunk(7), checkpoint.Root), SszRoots.Of(checkpoint));
    }

    [Fact]
    public void ForkDataAndSigningData_CodecRoots_MatchDomainHelpers()
    {
        var version = new ForkVersion(1, 0, 0x0d, 0x7e);
        var genesisRoot = Root.FromHex(new string('b', 64));
        Assert.Equal(Domains.ComputeForkDataRoot(version, genesisRoot), ForkData.Codec.HashTreeRoot(new ForkData(version, genesisRoot)).ToRoot());
        var domain = Domains.ComputeDomain(Domains.BeaconAttester, version, genesisRoot);
        Assert.Equal(Domains.BeaconAttester.B0, domain.ToArray()[0]);
        var objectRoot = Root.FromHex(new string('c', 64));
        Assert.Equal(Domains.ComputeSigningRoot(objectRoot, domain), SigningData.Codec.HashTreeRoot(new SigningData(objectRoot, domain)).ToRoot());
    }

    [Fact]
    public void BeaconState_DecodedCopy_HasTheSameRoot()
    {
        var chain = TestChain.Create([.. Enumerable.Repeat((3, 2), 8)]);
        var state = chain.Run(chain.Genesis, 11);
        var codec = BeaconState.CodecFor(chain.Config);
        var decoded = codec.Decode(codec.Encode(state));
        Assert.Equal(state.HashTreeRoot(), decoded.HashTreeRoot());
        Assert.Equal(state.Groups.Count, decoded.Groups.Count);
    }

    [Fact]
    public void GroupAttestation_BadSignatureOffset_ThrowsSszExceptionNamingTheField()
    {
        var attestation = new Samples(2).GroupAttestation();
        var bytes = GroupAttestation.Codec.Encode(attestation);
        BitConverter.GetBytes(0xffff).CopyTo(bytes, 8 + 128);
        var error = Assert.Throws<SszException>(() => GroupAttestation.Codec.Decode(bytes));
        Assert.Equal("GroupAttestation.signature", error.Field);
    }

    [Fact]
    public void GroupAttestation_ShorterThanFixedPart_ThrowsSszException()
    {
        var bytes = GroupAttestation.Codec.Encode(new Samples(3).GroupAttestation());
        var error = Assert.Throws<SszException>(() => GroupAttestation.Codec.Decode(bytes.AsSpan(0, 100)));
        Assert.StartsWith("GroupAttestation", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupSignature_SeventeenBits_IsRejected()
    {
        // Bitlist[16] holding 17 bits: 0xff 0xff 0x03 (delimiter at bit 17) after a valid offset pair.
        var signature = GroupSignature.Codec.Encode(new GroupSignature(MemberBits.All(16), []));
        var bad = new byte[signature.Length + 1];
        signature.AsSpan(0, 8).CopyTo(bad);
        bad[8] = 0xff;
        bad[9] = 0xff;
        bad[10] = 0x03;
        BitConverter.GetBytes(11).CopyTo(bad, 4);
        var error = Assert.Throws<SszException>(() => GroupSignature.Codec.Decode(bad));
        Assert.Contains("participation_bits", error.Field, StringComparison.Ordinal);
    }
}

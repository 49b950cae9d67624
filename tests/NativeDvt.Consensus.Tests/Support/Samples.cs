using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Tests.Support;

/// <summary>Seeded random values of every consensus type, and each type's encoder and decoder under the minimal preset.</summary>
internal sealed class Samples(int seed)
{
    private readonly Random _random = new(seed);

    public static Preset Preset => Preset.Minimal;

    public static ChainConfig Config { get; } = TestChain.MinimalConfig();

    /// <summary>Name, a fresh sample's encoding, and a decode-then-re-encode function, per type.</summary>
    public IEnumerable<SampledCodec> Codecs()
    {
        yield return Entry("Fork", Fork, Types.Fork.Codec);
        yield return Entry("ForkData", () => new ForkData(new ForkVersion(1, 2, 3, 4), Root()), ForkData.Codec);
        yield return Entry("SigningData", () => new SigningData(Root(), Root()), SigningData.Codec);
        yield return Entry("Checkpoint", Checkpoint, Types.Checkpoint.Codec);
        yield return Entry("AttestationData", AttestationData, Types.AttestationData.Codec);
        yield return Entry("BeaconBlockHeader", Header, BeaconBlockHeader.Codec);
        yield return Entry("GroupSignature", () => GroupSignature(1 + _random.Next(16)), Types.GroupSignature.Codec);
        yield return Entry("Group", Group, Types.Group.Codec);
        yield return Entry("KeyChange", KeyChange, Types.KeyChange.Codec);
        yield return Entry("MemberAttestation", MemberAttestation, Types.MemberAttestation.Codec);
        yield return Entry("GroupAttestation", GroupAttestation, Types.GroupAttestation.Codec);
        yield return Entry("SignedBeaconBlockHeader", SignedHeader, SignedBeaconBlockHeader.Codec);
        yield return Entry("GroupProposerSlashing", () => new GroupProposerSlashing(SignedHeader(), SignedHeader()), GroupProposerSlashing.Codec);
        yield return Entry("GroupAttesterSlashing", () => new GroupAttesterSlashing(GroupAttestation(), GroupAttestation()), GroupAttesterSlashing.Codec);
        yield return Entry("KeyRotation", KeyRotation, Types.KeyRotation.Codec);
        yield return Entry("SignedKeyRotation", () => new SignedKeyRotation(KeyRotation(), GroupSignature(4)), SignedKeyRotation.Codec);
        yield return Entry("Registration", Registration, Types.Registration.Codec);
        yield return Entry("SignedRegistration", () => new SignedRegistration(Registration(), GroupSignature(3)), SignedRegistration.Codec);
        yield return Entry("FollowSignature", FollowSignature, Types.FollowSignature.Codec);
        yield return Entry("BeaconBlockBody", Body, BeaconBlockBody.CodecFor(Preset));
        yield return Entry("BeaconBlock", Block, BeaconBlock.CodecFor(Preset));
        yield return Entry("SignedBeaconBlock", () => new SignedBeaconBlock(Block(), GroupSignature(4)), SignedBeaconBlock.CodecFor(Preset));
        yield return Entry("GroupProposal", () => new GroupProposal(Block(), (ulong)_random.Next(16), Signature()), GroupProposal.CodecFor(Preset));
        yield return Entry("BeaconState", State, BeaconState.CodecFor(Config));
        yield return Entry("InclusionList", InclusionList, Types.InclusionList.Codec);
        yield return Entry("InclusionListProposal", () => new InclusionListProposal(InclusionList(), (ulong)_random.Next(16), Signature()), InclusionListProposal.Codec);
        yield return Entry("InclusionListFollow", () => new InclusionListFollow(new Slot(U64()), new GroupIndex(U64()), U64(), Root(), Signature()), InclusionListFollow.Codec);
        yield return Entry("SignedInclusionList", () => new SignedInclusionList(InclusionList(), GroupSignature(1 + _random.Next(16))), SignedInclusionList.Codec);
    }

    private static SampledCodec Entry<T>(string name, Func<T> sample, ISszCodec<T> codec) =>
        new(name, () => codec.Encode(sample()), bytes => codec.Encode(codec.Decode(bytes)))
        {
            Type = typeof(T),
            IsFixedSize = codec.IsFixedSize,
            SampleWithRoots = () =>
            {
                var value = sample();
                var bytes = codec.Encode(value);
                return new RootedSample(bytes, codec.GetSize(value), codec.HashTreeRoot(value), codec.HashTreeRoot(codec.Decode(bytes)));
            },
        };

    public Root Root()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return new Root(bytes);
    }

    public Bytes RandomBytes(int min, int max)
    {
        var bytes = new byte[_random.Next(min, max + 1)];
        _random.NextBytes(bytes);
        return Bytes.Wrap(bytes);
    }

    public Bytes PublicKey() => RandomBytes(32, 48);

    public Bytes Signature() => RandomBytes(64, 96);

    public ulong U64() => (ulong)_random.NextInt64() ^ ((ulong)_random.Next(2) << 63);

    public Fork Fork() => new(new ForkVersion(1, 2, 3, 4), new ForkVersion(5, 6, 7, 8), new Epoch(U64()));

    public Checkpoint Checkpoint() => new(new Epoch(U64()), Root());

    public AttestationData AttestationData() => new(new Slot(U64()), new CommitteeIndex(U64()), Root(), Checkpoint(), Checkpoint());

    public BeaconBlockHeader Header() => new(new Slot(U64()), new GroupIndex(U64()), Root(), Root(), Root());

    public GroupSignature GroupSignature(int n)
    {
        var mask = (ushort)(_random.Next(1 << n) | 1);
        var bits = new MemberBits(n, mask);
        var count = _random.Next(2) == 0 ? 1 : bits.Count;
        return new GroupSignature(bits, [.. Enumerable.Range(0, count).Select(_ => Signature())]);
    }

    public KeyChange KeyChange() => new((ulong)_random.Next(16), PublicKey(), PublicKey(), new Epoch(U64()));

    public Group Group()
    {
        var n = 1 + _random.Next(16);
        return new Group
        {
            Pubkeys = [.. Enumerable.Range(0, n).Select(_ => PublicKey())],
            Threshold = (ulong)(1 + _random.Next(n)),
            EffectiveBalance = new Gwei(U64()),
            Slashed = _random.Next(2) == 0,
            ActivationEligibilityEpoch = new Epoch(U64()),
            ActivationEpoch = new Epoch(U64()),
            ExitEpoch = new Epoch(U64()),
            WithdrawableEpoch = new Epoch(U64()),
            KeyChanges = [.. Enumerable.Range(0, _random.Next(3)).Select(_ => KeyChange())],
        };
    }

    public MemberAttestation MemberAttestation() => new(new GroupIndex(U64()), U64(), AttestationData(), Signature());

    public GroupAttestation GroupAttestation() => new(new GroupIndex(U64()), AttestationData(), GroupSignature(1 + _random.Next(16)));

    public SignedBeaconBlockHeader SignedHeader() => new(Header(), GroupSignature(1 + _random.Next(16)));

    public KeyRotation KeyRotation() => new(new GroupIndex(U64()), U64(), PublicKey(), new Epoch(U64()));

    public Registration Registration() => new([.. Enumerable.Range(0, 1 + _random.Next(16)).Select(_ => PublicKey())], U64(), new Gwei(U64()));

    public FollowSignature FollowSignature() => new(new Slot(U64()), new GroupIndex(U64()), U64(), Root(), Signature());

    public BeaconBlockBody Body() => new()
    {
        RandaoReveal = Signature(),
        RandaoMemberIndex = U64(),
        Graffiti = Root(),
        ProposerSlashings = [.. Enumerable.Range(0, _random.Next(2)).Select(_ => new GroupProposerSlashing(SignedHeader(), SignedHeader()))],
        AttesterSlashings = [.. Enumerable.Range(0, _random.Next(2)).Select(_ => new GroupAttesterSlashing(GroupAttestation(), GroupAttestation()))],
        Attestations = [.. Enumerable.Range(0, _random.Next(4)).Select(_ => GroupAttestation())],
        Registrations = [.. Enumerable.Range(0, _random.Next(2)).Select(_ => new SignedRegistration(Registration(), GroupSignature(2)))],
        KeyRotations = [.. Enumerable.Range(0, _random.Next(2)).Select(_ => new SignedKeyRotation(KeyRotation(), GroupSignature(3)))],
        Transactions = Transactions(),
    };

    public IReadOnlyList<Bytes> Transactions() => [.. Enumerable.Range(0, _random.Next(4)).Select(_ => RandomBytes(1, 48))];

    public InclusionList InclusionList() => new(new Slot(U64()), new GroupIndex(U64()), Root(), Transactions());

    public BeaconBlock Block() => new(new Slot(U64()), new GroupIndex(U64()), Root(), Root(), Body());

    public BeaconState State()
    {
        var state = new BeaconState(Config)
        {
            GenesisTime = U64(),
            GenesisValidatorsRoot = Root(),
            Slot = new Slot(U64()),
            Fork = Fork(),
            LatestBlockHeader = Header(),
            JustificationBits = (byte)_random.Next(16),
            PreviousJustifiedCheckpoint = Checkpoint(),
            CurrentJustifiedCheckpoint = Checkpoint(),
            FinalizedCheckpoint = Checkpoint(),
        };
        for (var i = 0; i < state.BlockRoots.Length; i++)
        {
            state.BlockRoots[i] = Root();
            state.StateRoots[i] = Root();
        }

        for (var i = 0; i < state.RandaoMixes.Length; i++)
        {
            state.RandaoMixes[i] = Root();
        }

        for (var i = 0; i < state.Slashings.Length; i++)
        {
            state.Slashings[i] = U64();
        }

        var count = _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            state.AddGroup(Group(), U64());
            state.PreviousEpochParticipation[i] = (byte)_random.Next(8);
            state.CurrentEpochMemberParticipation[i] = U64();
            state.InactivityScores[i] = U64();
        }

        return state;
    }
}

using System.Diagnostics;
using System.Globalization;
using NativeDvt.Consensus.Benchmarks;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Consensus.Tests.Support;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

// Console harness: process_epoch, per-slot state hashing and a block with a full slot of attestations,
// at 10,000 and 100,000 groups of mixed size, devnet preset, insecure test scheme.
// Usage: dotnet run -c Release --project benchmarks/NativeDvt.Consensus.Benchmarks [-- counts...]
var counts = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000];
foreach (var count in counts)
{
    Run(count);
}

static void Run(int count)
{
    var config = ChainConfig.Devnet with { SchemeName = InsecureTestScheme.Name };
    var preset = config.Preset;
    Console.WriteLine($"== {count:N0} groups (devnet preset, mixed n: half solos, the rest 2..16; m = n/2 + 1)");

    var timer = Stopwatch.StartNew();
    var groups = Enumerable.Range(0, count).Select(i =>
    {
        var n = i % 2 == 0 ? 1 : 2 + (i / 2 % 15);
        var keys = Enumerable.Range(0, n).Select(member => InsecureTestScheme.PublicKey(((ulong)i * 32) + (ulong)member)).ToArray();
        return new GenesisGroup(keys, (ulong)(n / 2) + 1, new Gwei((ulong)n * preset.MinActivationBalance));
    }).ToList();
    var (genesis, error) = GenesisBuilder.Build(config, groups, 0, Root.Zero);
    if (genesis is null)
    {
        throw new InvalidOperationException(error);
    }

    Console.WriteLine($"genesis (incl. hashing every group once): {timer.ElapsedMilliseconds} ms; members: {groups.Sum(g => g.Pubkeys.Count):N0}");

    var state = genesis.Copy();
    timer.Restart();
    PerSlotProcessing.ProcessSlots(state, new Slot((3 * preset.SlotsPerEpoch) + 2));
    var slotsRun = (3 * preset.SlotsPerEpoch) + 2;
    Console.WriteLine($"process_slots over {slotsRun} empty slots (3 epoch transitions): {timer.ElapsedMilliseconds} ms, {timer.ElapsedMilliseconds / (double)slotsRun:F1} ms/slot");

    var hashTimes = Measure(5, () => state.HashTreeRoot());
    Console.WriteLine($"state hash_tree_root, warm cache (no group changed): {hashTimes}");

    // process_epoch with realistic participation: 90% of groups earned every flag.
    var random = new Random(1);
    var epochState = state.Copy();
    PerSlotProcessing.ProcessSlots(epochState, new Slot((4 * preset.SlotsPerEpoch) - 1));
    for (var i = 0; i < count; i++)
    {
        epochState.PreviousEpochParticipation[i] = random.Next(10) == 0 ? (byte)0 : (byte)0b111;
        epochState.CurrentEpochParticipation[i] = random.Next(10) == 0 ? (byte)0 : (byte)0b111;
        epochState.Balances[i] += (ulong)random.Next(2_000_000_000);
    }

    var epochTimes = Measure(5, () => PerEpochProcessing.ProcessEpoch(epochState.Copy()));
    var copyTimes = Measure(5, () => epochState.Copy());
    Console.WriteLine($"process_epoch (on a fresh copy): {epochTimes}; the copy alone: {copyTimes}");

    // A block carrying every attestation of the previous slot.
    var verifier = new CountingVerifier(new InsecureTestScheme());
    var blockState = state.Copy();
    var attestedSlot = blockState.Slot - 1;
    var attestations = FullSlot(blockState, attestedSlot);
    var block = Block(blockState, attestations);
    BlockError? blockError = null;
    var copies = Enumerable.Range(0, 3).Select(_ => blockState.Copy()).ToArray();
    var run = 0;
    var blockTimes = Measure(3, () =>
    {
        verifier.Reset();
        blockError = PerBlockProcessing.ProcessBlock(copies[run++], block, verifier);
    });
    var bodySize = BeaconBlockBody.CodecFor(preset).GetSize(block.Body);
    Console.WriteLine($"block with a full slot ({attestations.Count:N0} group attestations, {bodySize / 1024.0 / 1024.0:F2} MiB body): " +
        $"process_block {blockTimes}, result {(blockError is null ? "valid" : blockError.ToString())}");
    Console.WriteLine($"  signature checks: {verifier.Aggregate:N0} aggregate verifications over {verifier.KeysInAggregates:N0} member keys, " +
        $"{verifier.Single:N0} single (RANDAO)");

    Console.WriteLine($"  of which the body's hash_tree_root: {Measure(3, () => SszRoots.Of(block.Body, preset))}");

    // The generated container codecs on the largest message: a decoded copy is a new body, so its root is not cached yet.
    var blockCodec = BeaconBlock.CodecFor(preset);
    var encoded = blockCodec.Encode(block);
    Console.WriteLine($"  block SSZ: encode {Measure(9, () => blockCodec.Encode(block))}; decode {Measure(9, () => blockCodec.Decode(encoded))}; " +
        $"hash_tree_root of a decoded copy {Measure(9, () => blockCodec.HashTreeRoot(blockCodec.Decode(encoded)))} (decode included)");
    Console.WriteLine($"  process_block without signature checks: {Measure(3, () => PerBlockProcessing.ProcessBlock(blockState.Copy(), block, verifier, SignatureChecks.Skip))}");
    var post = blockState.Copy();
    PerBlockProcessing.ProcessBlock(post, block, verifier, SignatureChecks.Skip);
    var rootTimes = Measure(3, () => post.HashTreeRoot());
    Console.WriteLine($"  post-block state hash_tree_root: {rootTimes}");
    Console.WriteLine();
}

// The machine is shared: report the process CPU time of each run (the work is single-threaded) beside wall time.
static string Measure(int runs, Action action)
{
    var wall = new List<double>();
    var cpu = new List<double>();
    using var process = Process.GetCurrentProcess();
    for (var i = 0; i < runs; i++)
    {
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        wall.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
    }

    wall.Sort();
    cpu.Sort();
    return $"median {wall[runs / 2]:F1} ms wall, {cpu[runs / 2]:F1} ms CPU";
}

static List<GroupAttestation> FullSlot(BeaconState state, Slot slot)
{
    var preset = state.Preset;
    var epoch = ChainTime.EpochAtSlot(preset, slot);
    var target = new Checkpoint(epoch, state.GetBlockRootAtSlot(ChainTime.StartSlot(preset, epoch)));
    var head = state.GetBlockRootAtSlot(slot);
    var domain = Domains.GetDomain(state.Fork, state.GenesisValidatorsRoot, Domains.BeaconAttester, epoch);
    var result = new List<GroupAttestation>();
    for (ulong c = 0; c < state.GetCommitteeCountPerSlot(epoch); c++)
    {
        var data = new AttestationData(slot, new CommitteeIndex(c), head, state.CurrentJustifiedCheckpoint, target);
        var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(data), domain);
        foreach (var index in state.GetBeaconCommittee(slot, new CommitteeIndex(c)).ToArray())
        {
            var group = state.Groups[index];
            var signers = Enumerable.Range(0, (int)group.Threshold).ToArray();
            var signature = InsecureTestScheme.Aggregate([.. signers.Select(i => InsecureTestScheme.Sign(group.Pubkeys[i], signingRoot))]);
            result.Add(new GroupAttestation(new GroupIndex((ulong)index), data, new GroupSignature(MemberBits.Of(group.Size, signers), [signature])));
        }
    }

    return result;
}

static BeaconBlock Block(BeaconState state, List<GroupAttestation> attestations)
{
    var proposer = state.GetBeaconProposerIndex();
    var group = state.Groups[proposer];
    var epoch = state.CurrentEpoch;
    var randaoRoot = Domains.ComputeSigningRoot(Hashing.Chunk(epoch.Value), Domains.GetDomain(state.Fork, state.GenesisValidatorsRoot, Domains.Randao, epoch));
    var body = new BeaconBlockBody { RandaoReveal = InsecureTestScheme.Sign(group.Pubkeys[0], randaoRoot), Attestations = attestations };
    return new BeaconBlock(state.Slot, proposer, SszRoots.Of(state.LatestBlockHeader), Root.Zero, body);
}

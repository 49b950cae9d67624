using System.CommandLine;
using System.Diagnostics;
using NativeDvt.Devnet;
using NativeDvt.Node.Libp2p;
using NativeDvt.Node.Libp2p.Devnet;
using NativeDvt.Node.Network;
using NativeDvt.Node.Timing;

namespace NativeDvt.Cli.Run;

/// <summary>
/// <c>ndvt run FILE.yaml [--epochs N] [--base-port P]</c>: runs a devnet file in this process over real libp2p on
/// 127.0.0.1 in real time (one host per member), printing a line per epoch and a summary.
/// </summary>
public static class RunCommand
{
    private static readonly TimeSpan GenesisDelay = TimeSpan.FromSeconds(2);

    /// <summary>The command, to add to the root command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "the devnet file (devnets/*.yaml)" };
        var epochs = new Option<int>("--epochs") { Description = "epochs to run", DefaultValueFactory = _ => 4 };
        var basePort = new Option<int>("--base-port") { Description = "node i listens on 127.0.0.1:(P + i); 0 lets the system pick", DefaultValueFactory = _ => 0 };
        var command = new Command("run", "run a devnet file over real libp2p on 127.0.0.1 in real time (no Orleans)") { file, epochs, basePort };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DevnetSpec spec;
            try
            {
                spec = DevnetFileReader.Load(parse.GetValue(file)!.FullName);
            }
            catch (Exception e) when (e is DevnetFileException or IOException)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }

            var epochCount = parse.GetValue(epochs);
            var port = parse.GetValue(basePort);
            if (epochCount < 1 || port is < 0 or > 65_535 - 1024)
            {
                await Console.Error.WriteLineAsync("--epochs must be at least 1 and --base-port between 0 and 64511").ConfigureAwait(false);
                return 2;
            }

            try
            {
                return await RunAsync(spec, epochCount, port, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 130;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(DevnetSpec spec, int epochs, int basePort, CancellationToken cancellationToken)
    {
        var events = new RunEvents();
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using var devnet = Libp2pDevnet.Create(spec, new Libp2pDevnetOptions { Events = events, BasePort = basePort, GenesisDelay = GenesisDelay });
        await devnet.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var running = Enumerable.Range(0, devnet.Nodes.Count).Count(devnet.IsRunning);
        var preset = devnet.Genesis.Preset;
        var epochDuration = devnet.SlotDuration * (double)preset.SlotsPerEpoch;
        Console.WriteLine($"devnet {spec.Name}: {spec.GroupCount} groups, {running} of {devnet.Nodes.Count} member nodes up, each on its own libp2p host on 127.0.0.1; scheme {spec.Scheme.ToString().ToLowerInvariant()}, slot {devnet.SlotDuration.TotalSeconds:0.###} s, {preset.SlotsPerEpoch} slots per epoch; genesis in {GenesisDelay.TotalSeconds:0} s");
        if (spec.Groups.Any(g => g.Members.Any(m => m.Kind == ProfileKind.Late)) || spec.Faults.Count > 0 || spec.Network.LateProposers.Count > 0)
        {
            Console.WriteLine("note: late profiles, network delays and faults of the file are simulator-only and not applied here");
        }

        Console.WriteLine();
        Console.WriteLine("epoch  finalized  justified  head slot  blocks  source   target   head");
        var observations = new List<EpochObservation>();
        for (var epoch = 0UL; epoch < (ulong)epochs; epoch++)
        {
            // Just before the epoch ends, after its last block had time to spread.
            var at = (epochDuration * (epoch + 1)) - SlotTiming.LeaderTimeoutOf(devnet.SlotDuration);
            var wait = at - devnet.SinceGenesis;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            if (await devnet.ObserveAsync(epoch).ConfigureAwait(false) is not { } seen)
            {
                Console.WriteLine($"{epoch,5}  no honest node running");
                continue;
            }

            observations.Add(seen);
            Console.WriteLine($"{seen.Epoch,5}  {seen.Finalized,9}  {seen.Justified,9}  {seen.HeadSlot,9}  {seen.Blocks,2}/{seen.ProposalSlots,-3}  {Percent(seen.Source)}  {Percent(seen.Target)}  {Percent(seen.Head)}");
        }

        watch.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var finalized = await devnet.FinalizedAsync().ConfigureAwait(false);
        PrintSummary(devnet, events, observations, finalized.Select(f => f.Epoch.Value).ToList());
        await Console.Error.WriteLineAsync($"wall time {watch.Elapsed.TotalSeconds:0.00} s, CPU {cpuUsed.TotalSeconds:0.00} s ({cpuUsed.TotalMilliseconds / Math.Max(1, epochs * (double)preset.SlotsPerEpoch):0} ms per slot)").ConfigureAwait(false);
        return 0;
    }

    private static void PrintSummary(Libp2pDevnet devnet, RunEvents events, List<EpochObservation> observations, List<ulong> finalized)
    {
        Console.WriteLine();
        var last = observations.LastOrDefault();
        var withFlags = observations.Where(o => o.Target is not null).ToList();
        Console.WriteLine($"finalized epoch {last?.Finalized ?? 0}, justified {last?.Justified ?? 0} (running nodes finalized: {string.Join(",", finalized.Distinct().Order())})");
        Console.WriteLine($"blocks: {observations.Sum(o => o.Blocks)} canonical of {observations.Sum(o => o.ProposalSlots)} proposal slots; {events.Assembled} assembled, {events.MeanSigners:0.0} signatures each on average; {events.Proposals} proposals, {events.FallbackProposals} by a fallback rank");
        if (withFlags.Count > 0)
        {
            Console.WriteLine($"participation (epochs 0..{withFlags[^1].Epoch - 1}): source {Percent(withFlags.Average(o => o.Source))}, target {Percent(withFlags.Average(o => o.Target))}, head {Percent(withFlags.Average(o => o.Head))}");
        }

        Console.WriteLine($"refusals: {events.Refusals} by slashing protection, {events.RejectedBlocks} blocks rejected; {events.SplitVotes} split votes, {events.Equivocations} member equivocations, {events.Slashings} group slashings built");
        Console.WriteLine($"inclusion lists: {events.InclusionListsAssembled} assembled, {events.InclusionListsMissed} missed; {events.BlocksFailingInclusionCheck} block imports failed the inclusion-list check");
        var nodes = devnet.Nodes.Where((_, i) => devnet.IsRunning(i)).ToList();
        Console.WriteLine($"node faults: {nodes.Sum(n => n.Runner.Faults)}; blocks fetched by root: {nodes.Sum(n => n.Network.BlocksFetched)}");
        Console.WriteLine();
        Console.WriteLine("topic                          published   pub. bytes   accepted   rejected    ignored");
        foreach (var topic in nodes.SelectMany(n => n.Network.Topics.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var counters = nodes.Select(n => n.Network.Topics.GetValueOrDefault(topic)).OfType<TopicCounters>().ToList();
            var name = GossipTopics.ShortName(topic);
            Console.WriteLine($"{name,-30} {counters.Sum(c => c.Published),9} {counters.Sum(c => c.PublishedBytes),12} {counters.Sum(c => c.Accepted),10} {counters.Sum(c => c.Rejected),10} {counters.Sum(c => c.Ignored),10}");
        }
    }

    private static string Percent(double? rate) => rate is { } r ? $"{r * 100,6:0.0}%" : "      -";
}

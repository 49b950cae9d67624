using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>
/// Reads the devnet's cluster once a second (statuses, activity, new log entries; the groups when the epoch turns and
/// every four slots) and publishes the <see cref="DevnetView"/> built from it to the <see cref="LiveFeed"/>. One reader
/// for every page and metric, so the cluster's load does not grow with the number of browsers.
/// </summary>
public sealed partial class DevnetMonitor(IGrainFactory grains, LiveFeed feed, TimeProvider time, ILogger<DevnetMonitor> logger) : BackgroundService
{
    /// <summary>How often the cluster is read.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>Log entries the view carries (the newest); the whole log stays at <c>/api/events</c>.</summary>
    public const int EventsShown = 200;

    /// <summary>Slots of observations kept and shown: what the identities keep.</summary>
    private const ulong ActivityWindow = 64;

    /// <summary>Slots behind the clock after which a slot's view no longer changes (its last imports are in).</summary>
    private const ulong SettledSlots = 8;

    /// <summary>Past slots kept for the fault ledger: an hour of 1 s slots.</summary>
    private const int SlotsKept = 4096;

    private readonly List<DevnetEvent> _events = [];
    private readonly HashSet<SlotObservation> _observations = [];
    private readonly TrafficWindow _traffic = new(TimeSpan.FromSeconds(30));
    private GroupSummary[] _groups = [];
    private DateTimeOffset _groupsRead = DateTimeOffset.MinValue;
    private ulong _groupsEpoch;
    private bool _startsSettled;
    private readonly Dictionary<string, ulong> _newestObserved = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, SortedDictionary<ulong, GroupEpochSummary>> _epochs = [];
    private readonly SortedDictionary<ulong, SlotView> _pastSlots = [];
    private readonly Dictionary<int, SlashingEvidence[]> _evidence = [];

    private IDevnetGrain Devnet => grains.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                // One round at a time, however long it takes: rounds share the monitor's state. A grain call that hangs ends
                // with Orleans' response timeout.
                if (await ReadAsync() is { } view)
                {
                    feed.Publish(view);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A silo failing over, a grain call timing out: the next round reads again.
                LogReadFailed(logger, error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: the view of now, or null before the devnet started.</summary>
    public async Task<DevnetView?> ReadAsync()
    {
        if (await Devnet.GetGenesisAsync() is not { } genesis)
        {
            return null;
        }

        var clock = ChainClock.Of(genesis);
        var now = time.GetUtcNow();
        var wallSlot = clock.SlotAt(now);
        var keys = await Devnet.GetIdentityKeysAsync();
        _events.AddRange(await Devnet.GetEventsAsync(_events.Count));
        var started = Started(now, keys.Length);
        var statuses = await Task.WhenAll(keys.Select(k => started.Contains(k) ? Identity(k).GetStatusAsync() : Task.FromResult(NotStarted(k))));
        var since = wallSlot > ActivityWindow ? wallSlot - ActivityWindow : 0;
        var activities = await Task.WhenAll(keys.Select(k => started.Contains(k)
            ? Identity(k).GetActivityAsync(Math.Max(since, _newestObserved.GetValueOrDefault(k)))
            : Task.FromResult(new IdentityActivity(k, false, 0, [], [], 0, ""))));

        // A group's settled epochs change once an epoch, and each read replays epoch transitions on a silo: read them when
        // the epoch turns, or after four slots for the members' liveness. A group grain reads its members, so not before
        // the keepers have dealt them out (see Started).
        var epoch = clock.EpochOf(wallSlot);
        if (_startsSettled && (_groups.Length == 0 || epoch != _groupsEpoch || now - _groupsRead >= clock.SlotDuration * 4))
        {
            _groupsEpoch = epoch;
            _groups = await Task.WhenAll(IdentityKeys.Groups(keys).Select(g => grains.GetGrain<IGroupGrain>((long)g).GetSummaryAsync()));
            _groupsRead = now;
            RememberEpochs();
        }

        Remember(activities, since);
        await ReadEvidenceAsync(statuses, clock);
        _traffic.Add(now, activities);
        var epochs = _epochs.ToDictionary(e => e.Key, e => e.Value.Values.ToArray());
        var view = DevnetViewBuilder.Build(new DevnetReadings(
            genesis, clock, now, statuses, activities, _groups, _events, _observations, _traffic.Rates(clock.SlotDuration), _traffic.Totals, epochs, [.. _pastSlots.Values], _evidence));
        RememberSlots(view);
        return view;
    }

    /// <summary>
    /// Reads both sides of each logged group slashing from the block that carried it, once: a running node's canonical
    /// block of the event's slot. A node that has not imported it yet is asked again next round; once the slot is below
    /// the reader's finalized epoch and the block is still not there, it was pruned (or reorged out) before any round read
    /// it, and the entry is kept empty: asked no more, and shown as lost.
    /// </summary>
    private async Task ReadEvidenceAsync(IdentityStatus[] statuses, ChainClock clock)
    {
        if (statuses.FirstOrDefault(s => s.Running) is not { } reader)
        {
            return;
        }

        for (var i = 0; i < _events.Count; i++)
        {
            if (_events[i] is { Kind: DevnetEventKinds.GroupSlashing, Slot: { } slot } && !_evidence.ContainsKey(i))
            {
                var evidence = await grains.GetGrain<IIdentityGrain>(reader.Identity).GetSlashingEvidenceAsync(slot);
                if (evidence.Length > 0 || slot < reader.Finalized.Epoch * clock.SlotsPerEpoch)
                {
                    _evidence[i] = evidence;
                }
            }
        }
    }

    /// <summary>
    /// The identities whose nodes a silo's keeper has started (an <c>identity-started</c> entry). The monitor calls no other
    /// identity grain: the placement director deals an activation over the silos active at the time, and while the devnet's
    /// silos are still joining the keepers wait (up to 20 s) so that identities start where they stay, where a read from
    /// here would place them early and make them move once the last silo joins. Once every identity has started, or no
    /// start was logged for 20 s (members the file keeps offline never start), the group grains may be read too.
    /// </summary>
    private HashSet<string> Started(DateTimeOffset now, int identities)
    {
        var starts = _events.Where(e => e.Kind == DevnetEventKinds.IdentityStarted).ToList();
        var started = starts.Select(e => KeyOf(e.Who)).ToHashSet(StringComparer.Ordinal);
        _startsSettled |= started.Count == identities || (starts.Count > 0 && now - starts.Max(e => e.At) > TimeSpan.FromSeconds(20));
        return started;
    }

    /// <summary><c>g3/m1</c>, as the log names a member, to its identity key <c>g3-m1</c>.</summary>
    private static string KeyOf(string who) => who.Replace('/', '-');

    private static IdentityStatus NotStarted(string key)
    {
        var zero = new CheckpointSummary(0, "0x" + new string('0', 64));
        return new IdentityStatus(key, false, "", null, 0, "", zero, zero, zero, null, "");
    }

    private IIdentityGrain Identity(string key) => grains.GetGrain<IIdentityGrain>(key);

    /// <summary>Keeps every settled epoch read: a node's chain view loses them once they fall below finality.</summary>
    private void RememberEpochs()
    {
        foreach (var group in _groups)
        {
            var epochs = _epochs.TryGetValue(group.Index, out var known) ? known : _epochs[group.Index] = [];
            foreach (var epoch in group.Chain?.Epochs ?? [])
            {
                epochs[epoch.Epoch] = epoch;
            }
        }
    }

    /// <summary>Keeps the slots about to leave the observations' window, for the fault ledger's older entries.</summary>
    private void RememberSlots(DevnetView view)
    {
        foreach (var slot in view.Slots.Where(s => s.Slot + SettledSlots < view.WallSlot))
        {
            _pastSlots[slot.Slot] = slot;
        }

        while (_pastSlots.Count > SlotsKept)
        {
            _pastSlots.Remove(_pastSlots.Keys.First());
        }
    }

    private void Remember(IdentityActivity[] activities, ulong oldest)
    {
        foreach (var activity in activities)
        {
            foreach (var observation in activity.Slots)
            {
                _observations.Add(observation);
                // Each identity is asked again from two slots before its newest: a slot's imports keep arriving after
                // its first observations, and one identity's clock is not another's.
                var from = observation.Slot > 2 ? observation.Slot - 2 : 0;
                _newestObserved[activity.Identity] = Math.Max(_newestObserved.GetValueOrDefault(activity.Identity), from);
            }
        }

        _observations.RemoveWhere(o => o.Slot < oldest);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Reading the devnet failed: {Reason}; reading again in a second")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}

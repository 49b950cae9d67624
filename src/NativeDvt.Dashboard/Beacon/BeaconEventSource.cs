using System.Globalization;
using System.Text.Json;
using NativeDvt.Dashboard.Live;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Beacon;

/// <summary>
/// Turns the monitor's views into the Beacon API's events: <c>head</c> and <c>block</c> when the devnet's head moves
/// (one block event per new head: the devnet sees heads, not every import), <c>chain_reorg</c> when the new head is not
/// later than the old (its depth is the slots between the two heads), <c>finalized_checkpoint</c> when finality moves,
/// and each new event-log entry on its own topic, <c>ndvt_</c> and its kind (<c>ndvt_group_slashing</c>).
/// </summary>
public sealed partial class BeaconEventSource(LiveFeed feed, BeaconEventHub hub, IGrainFactory grains, ILogger<BeaconEventSource> logger) : BackgroundService
{
    /// <summary>The standard topics served.</summary>
    public static readonly string[] StandardTopics = ["head", "block", "finalized_checkpoint", "chain_reorg"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private string? _headRoot;
    private ulong _headSlot;
    private ulong _finalized;
    private int _nextEvent = -1;

    /// <summary>The topic of the log's entries of <paramref name="kind"/>.</summary>
    public static string TopicOf(string kind) => "ndvt_" + kind.Replace('-', '_');

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = feed.Listen();
        await foreach (var _ in listener.Views.ReadAllAsync(stoppingToken))
        {
            if (feed.Latest is not { } view)
            {
                continue;
            }

            try
            {
                await OnViewAsync(view);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, error.Message);
            }
        }
    }

    private async Task OnViewAsync(DevnetView view)
    {
        foreach (var entry in view.Events.Where(e => e.Index >= _nextEvent))
        {
            if (_nextEvent >= 0)
            {
                hub.Publish(TopicOf(entry.Kind), JsonSerializer.Serialize(entry, Json));
            }
        }

        _nextEvent = view.Events.Length > 0 ? view.Events[^1].Index + 1 : Math.Max(_nextEvent, 0);
        if (view.Identities.Where(i => i.Status.Running).MaxBy(i => i.Status.HeadSlot)?.Status is not { } best)
        {
            return;
        }

        var identity = grains.GetGrain<IIdentityGrain>(best.Identity);
        if (best.HeadRoot != _headRoot && await identity.GetHeaderAsync(best.HeadRoot) is { } head)
        {
            var epochTransition = _headRoot is not null && head.Slot / view.SlotsPerEpoch != _headSlot / view.SlotsPerEpoch;
            if (_headRoot is not null && head.Slot <= _headSlot)
            {
                hub.Publish("chain_reorg", Serialize(new
                {
                    slot = Text(head.Slot),
                    depth = Text(_headSlot - head.Slot + 1),
                    old_head_block = _headRoot,
                    new_head_block = head.Root,
                    old_head_state = "",
                    new_head_state = head.StateRoot,
                    epoch = Text(head.Slot / view.SlotsPerEpoch),
                    execution_optimistic = false,
                }));
            }

            hub.Publish("block", Serialize(new { slot = Text(head.Slot), block = head.Root, execution_optimistic = false }));
            hub.Publish("head", Serialize(new
            {
                slot = Text(head.Slot),
                block = head.Root,
                state = head.StateRoot,
                epoch_transition = epochTransition,
                previous_duty_dependent_root = head.ParentRoot,
                current_duty_dependent_root = head.ParentRoot,
                execution_optimistic = false,
            }));
            (_headRoot, _headSlot) = (head.Root, head.Slot);
        }

        if (best.Finalized.Epoch > _finalized && await identity.GetHeaderAsync(best.Finalized.Root) is { } finalized)
        {
            hub.Publish("finalized_checkpoint", Serialize(new
            {
                block = finalized.Root,
                state = finalized.StateRoot,
                epoch = Text(best.Finalized.Epoch),
                execution_optimistic = false,
            }));
            _finalized = best.Finalized.Epoch;
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Beacon events: reading the head failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

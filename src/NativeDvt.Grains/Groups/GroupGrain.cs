using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Identities;

namespace NativeDvt.Grains.Groups;

/// <summary>
/// One group (<see cref="IGroupGrain"/>, key = registry index). Stateless but for the event-log cursor: the chain is read
/// from a running node on every call, and the log is append-only, so the group's entries are collected once per
/// activation and only the new ones read after.
/// </summary>
public sealed class GroupGrain : Grain, IGroupGrain
{
    /// <summary>How many settled epochs a summary reports, newest kept.</summary>
    public const int EpochsReported = 16;

    private readonly List<DevnetEvent> _slashings = [];
    private readonly List<DevnetEvent> _rotations = [];
    private DevnetSpec? _spec;
    private int _eventsRead;

    private ulong Index => (ulong)this.GetPrimaryKeyLong();

    private IDevnetGrain Devnet => GrainFactory.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

    /// <inheritdoc />
    public async Task<GroupSummary> GetSummaryAsync()
    {
        var spec = await SpecAsync();
        if (Index >= (ulong)spec.GroupCount)
        {
            throw new ArgumentOutOfRangeException($"the devnet has {spec.GroupCount} groups, no g{Index}", innerException: null);
        }

        var template = spec.TemplateOf((int)Index);
        var keys = Enumerable.Range(0, template.N).Select(m => IdentityKeys.Of(Index, m)).ToArray();
        var statuses = await Task.WhenAll(keys.Select(k => GrainFactory.GetGrain<IIdentityGrain>(k).GetStatusAsync()));
        var (readFrom, chain) = await ReadChainAsync(statuses);
        await ReadNewEventsAsync();

        var members = statuses.Select((status, m) => new GroupMemberSummary(
            status.Identity, m, DevnetIdentities.ProfileOf(spec, Index, m).ToString(), status.Running, status.Silo,
            chain is not null && m < chain.Pubkeys.Length ? chain.Pubkeys[m] : ""));
        return new GroupSummary(Index, template.N, template.M, [.. members], readFrom, chain, [.. _slashings], [.. _rotations]);
    }

    private async Task<DevnetSpec> SpecAsync()
    {
        if (_spec is null)
        {
            var file = await Devnet.GetFileAsync() ?? throw new InvalidOperationException("the devnet has not started");
            _spec = DevnetFileReader.Parse(file.Text, file.Path);
        }

        return _spec;
    }

    /// <summary>
    /// The group from a running member's node; when none of its members runs (all stopped, offline or slashed out), from
    /// another identity's, since every node holds the whole chain.
    /// </summary>
    private async Task<(string? ReadFrom, GroupChainView? Chain)> ReadChainAsync(IdentityStatus[] members)
    {
        var running = members.Where(s => s.Running).Select(s => s.Identity).ToList();
        var candidates = running.Count > 0 ? running : [.. await Devnet.GetIdentityKeysAsync()];
        foreach (var key in candidates)
        {
            if (await GrainFactory.GetGrain<IIdentityGrain>(key).GetGroupChainAsync(Index, EpochsReported) is { } chain)
            {
                return (key, chain);
            }
        }

        return (null, null);
    }

    private async Task ReadNewEventsAsync()
    {
        var events = await Devnet.GetEventsAsync(_eventsRead);
        _eventsRead += events.Length;
        var group = $"g{Index}";
        foreach (var entry in events.Where(e => e.Who == group || e.Who.StartsWith(group + "/", StringComparison.Ordinal)))
        {
            if (entry.Kind == DevnetEventKinds.GroupSlashing)
            {
                _slashings.Add(entry);
            }
            else if (entry.Kind == DevnetEventKinds.KeyRotation)
            {
                _rotations.Add(entry);
            }
        }
    }
}

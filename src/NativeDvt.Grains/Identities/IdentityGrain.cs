using Microsoft.Extensions.Logging;
using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Storage;
using NativeDvt.Libp2p.Core.Identity;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// One virtual identity (<see cref="IIdentityGrain"/>): while active and not stopped, it runs the identity's node. Kept
/// alive for the life of the devnet; when its silo dies, the next keeper call activates it on another silo, where it
/// starts the node again with the same host key (peer id) and the signing records the store holds. It activates on the
/// silo <see cref="IdentityDealing"/> gives it, whoever calls it first (<see cref="IdentityPlacementDirector"/>).
/// </summary>
[KeepAlive]
[IdentityPlacement]
public sealed partial class IdentityGrain(
    [PersistentState("identity", IdentityGrain.StorageName)] IPersistentState<IdentityState> state,
    SiloDevnets devnets,
    ISigningRecordStores records,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    IdentityNetwork network,
    ILoggerFactory loggers) : Grain, IIdentityGrain
{
    /// <summary>The grain storage identities keep their host key and stopped flag in (small: one table entity each).</summary>
    public const string StorageName = "Default";

    private readonly ILogger _logger = loggers.CreateLogger<IdentityGrain>();
    private IdentityNode? _node;

    private string Key => this.GetPrimaryKeyString();

    private IDevnetGrain Devnet => GrainFactory.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

    /// <inheritdoc />
    public async Task<IdentityStatus> EnsureRunningAsync()
    {
        if (_node is null && !state.State.Stopped)
        {
            await StartNodeAsync(ProfileOverride);
        }

        return await GetStatusAsync();
    }

    /// <inheritdoc />
    public async Task<IdentityStatus> StartAsync()
    {
        if (state.State.Stopped)
        {
            state.State.Stopped = false;
            await state.WriteStateAsync();
        }

        return await EnsureRunningAsync();
    }

    /// <inheritdoc />
    public async Task StopAsync()
    {
        state.State.Stopped = true;
        await state.WriteStateAsync();
        if (_node is { } node)
        {
            _node = null;
            await node.DisposeAsync();
            await Devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.IdentityStopped, null, Who, $"{Who} was stopped on {silo.Name}"));
        }
    }

    /// <inheritdoc />
    public async Task<IdentityStatus> GetStatusAsync() =>
        _node is { } node
            ? await node.StatusAsync(Key, silo.Name)
            : new IdentityStatus(Key, false, PeerIdText, null, 0, "", Zero, Zero, Zero, null, silo.Name);

    /// <inheritdoc />
    public async Task<HeaderSummary?> GetHeaderAsync(string blockId) => _node is { } node ? await node.HeaderAsync(blockId) : null;

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_node is { } node)
        {
            _node = null;
            await node.DisposeAsync();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private static CheckpointSummary Zero { get; } = new(0, "0x" + new string('0', 64));

    private string Who
    {
        get
        {
            var (group, member) = IdentityKeys.Parse(Key);
            return $"g{group}/m{member}";
        }
    }

    private string PeerIdText => state.State.HostKey is { } key ? PrivateKey.FromProtobuf(key).PeerId.ToString() : "";

    private async Task StartNodeAsync(MemberProfile? profile)
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            LogDevnetNotStarted(_logger, Key);
            return;
        }

        var movedFrom = state.State.Silo is { } last && last != silo.Name ? $", moved from {last}" : "";
        if (state.State.HostKey is null || state.State.Silo != silo.Name)
        {
            state.State.HostKey ??= PrivateKey.GenerateEd25519().ToProtobuf();
            state.State.Silo = silo.Name;
            await state.WriteStateAsync();
        }

        var store = await records.ForIdentityAsync(Key, CancellationToken.None);
        var anchor = await CheckpointSync.FindAnchorAsync(context, Key, GrainFactory, this.GetGrainId().Type, _logger);
        _node = await IdentityNode.StartAsync(Key, context, PrivateKey.FromProtobuf(state.State.HostKey), store, Devnet, anchor, network, profile, loggers, CancellationToken.None);
        var from = anchor is null ? "genesis" : $"the finalized block of slot {anchor.Slot.Value}";
        LogStarted(_logger, Key, _node.Address, silo.Name, from);
        await Devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.IdentityStarted, null, Who, $"{Who} started on {silo.Name} at {_node.Address}, its chain from {from}{movedFrom}"));
        await ApplyPartitionAsync();
        ApplyBlockDelay();
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Identity {Identity}: the devnet has not started; its node waits")]
    private static partial void LogDevnetNotStarted(ILogger logger, string identity);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Identity {Identity} runs at {Address} on {Silo}, its chain from {Anchor}")]
    private static partial void LogStarted(ILogger logger, string identity, string address, string silo, string anchor);
}

using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>What the dashboard reads of the identity besides its chain, and the faults applied to it alone.</summary>
public sealed partial class IdentityGrain
{
    private TimeSpan BlockDelay => TimeSpan.FromMilliseconds(state.State.BlockDelayMilliseconds);

    /// <inheritdoc />
    public Task<IdentityActivity> GetActivityAsync(ulong sinceSlot) => Task.FromResult(
        _node is { } node
            ? node.Activity(Key, sinceSlot)
            : new IdentityActivity(Key, false, 0, [], [], state.State.BlockDelayMilliseconds, state.State.Profile ?? ""));

    /// <inheritdoc />
    public async Task SetBlockDelayAsync(int milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        state.State.BlockDelayMilliseconds = milliseconds;
        await state.WriteStateAsync();
        ApplyBlockDelay();
    }

    /// <inheritdoc />
    public async Task SetProfileAsync(string? profile)
    {
        // Parsed before anything changes: a profile the node cannot run must not stop it.
        var parsed = profile is null ? null : MemberProfileText.Parse(profile);
        state.State.Profile = profile;
        await state.WriteStateAsync();
        if (_node is { } node)
        {
            _node = null;
            await node.DisposeAsync();
            await StartNodeAsync(parsed);
        }
    }

    /// <summary>The profile this identity's node runs when the fault controls said one, else null (the file's).</summary>
    private MemberProfile? ProfileOverride => state.State.Profile is { } text ? MemberProfileText.Parse(text) : null;

    /// <summary>A node that starts again (here or on another silo) keeps the late-proposer delay.</summary>
    private void ApplyBlockDelay()
    {
        if (_node is { } node)
        {
            node.BlockDelay = BlockDelay;
        }
    }
}

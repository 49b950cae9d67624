using NativeDvt.Devnet;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Grains.Identities;

namespace NativeDvt.Grains.Faults;

/// <summary>
/// The devnet's fault controls (<see cref="IFaultGrain"/>). Every request is resolved and checked in full first (a
/// selector that names nothing, a side twice, a profile the node cannot run), so a refused request has changed nothing;
/// one that passes is applied to every identity it names and logged once, with those identities as the entry's subjects.
/// </summary>
public sealed class FaultGrain(SiloDevnets devnets, TimeProvider time) : Grain, IFaultGrain
{
    private IDevnetGrain Devnet => GrainFactory.GetGrain<IDevnetGrain>(DevnetGrainKeys.Devnet);

    /// <inheritdoc />
    public Task<FaultOutcome> StopAsync(string identities) => ApplyToEachAsync(DevnetEventKinds.FaultStop, nameof(identities), identities, grain => grain.StopAsync());

    /// <inheritdoc />
    public Task<FaultOutcome> StartAsync(string identities) =>
        ApplyToEachAsync(DevnetEventKinds.FaultStart, nameof(identities), identities, grain => grain.StartAsync(), OfflineInFile);

    /// <inheritdoc />
    public async Task<FaultOutcome> RotateAsync(string identities)
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            return NotStarted();
        }

        if (Resolve(context, nameof(identities), identities, out var keys) is { } refused)
        {
            return refused;
        }

        // A stopped node cannot sign its share; the ones that run rotate, and the entry names only them.
        var started = await Task.WhenAll(keys.Select(async key => (key, rotated: await Identity(key).RotateKeyAsync())));
        var rotated = started.Where(x => x.rotated).Select(x => x.key).ToArray();
        if (rotated.Length == 0)
        {
            return FaultOutcome.Refused(nameof(identities), $"none of {string.Join(", ", keys)} runs: a stopped node cannot sign its rotation");
        }

        return await LogAsync(context, DevnetEventKinds.FaultRotate, identities, $"{string.Join(", ", rotated)} rotate to their next keys", rotated);
    }

    /// <inheritdoc />
    public async Task<FaultOutcome> PartitionAsync(string[] sides)
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            return NotStarted();
        }

        if (sides is not { Length: >= 2 })
        {
            return FaultOutcome.Refused(nameof(sides), "a partition needs at least two sides");
        }

        var sideOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var side = 0; side < sides.Length; side++)
        {
            if (Resolve(context, $"{nameof(sides)}[{side}]", sides[side], out var keys) is { } refused)
            {
                return refused;
            }

            foreach (var key in keys)
            {
                if (!sideOf.TryAdd(key, side))
                {
                    return FaultOutcome.Refused($"{nameof(sides)}[{side}]", $"{key} is on side {sideOf[key]} ('{sides[sideOf[key]]}') and side {side} ('{sides[side]}')");
                }
            }
        }

        var all = context.Identities().Select(i => i.Key).ToArray();
        var statuses = await Task.WhenAll(all.Select(key => Identity(key).GetStatusAsync()));
        // An identity that never ran has no host key yet, so no peer id: nothing of it can be admitted or refused.
        var peers = statuses.Where(s => s.PeerId.Length > 0).ToLookup(s => sideOf.GetValueOrDefault(s.Identity), s => s.PeerId);
        await Task.WhenAll(all.Select(key => Identity(key).SetPartitionAsync([.. peers[sideOf.GetValueOrDefault(key)]])));
        return await LogAsync(context, DevnetEventKinds.FaultPartition, "devnet", "sides: " + string.Join(" | ", sides), all);
    }

    /// <inheritdoc />
    public async Task<FaultOutcome> HealAsync()
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            return NotStarted();
        }

        var all = context.Identities().Select(i => i.Key).ToArray();
        await Task.WhenAll(all.Select(key => Identity(key).SetPartitionAsync(null)));
        return await LogAsync(context, DevnetEventKinds.FaultHeal, "devnet", "every identity admits every peer again", all);
    }

    /// <inheritdoc />
    public async Task<FaultOutcome> DelayAsync(string groups, int milliseconds)
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            return NotStarted();
        }

        if (milliseconds is < 0 or > 60_000)
        {
            return FaultOutcome.Refused(nameof(milliseconds), $"{milliseconds} is not a delay: 0 (none) to 60000 ms");
        }

        if (Resolve(context, nameof(groups), groups, out var selected) is { } refused)
        {
            return refused;
        }

        // A group's block leaves from whichever member assembles it: every member holds it back.
        var chosen = selected.Select(key => IdentityKeys.Parse(key).Group).ToHashSet();
        var members = context.Identities().Select(i => i.Key).Where(key => chosen.Contains(IdentityKeys.Parse(key).Group)).ToArray();
        await Task.WhenAll(members.Select(key => Identity(key).SetBlockDelayAsync(milliseconds)));
        var what = milliseconds == 0 ? "publish their blocks at once again" : $"hold their blocks back {milliseconds} ms";
        var kind = milliseconds == 0 ? DevnetEventKinds.FaultDelayOff : DevnetEventKinds.FaultDelay;
        return await LogAsync(context, kind, groups, $"the members of {Groups(chosen)} {what}", members);
    }

    /// <inheritdoc />
    public async Task<FaultOutcome> ProfileAsync(string identities, string profile)
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            return NotStarted();
        }

        var file = profile == "file";
        if (!file && Check(profile) is { } problem)
        {
            return FaultOutcome.Refused(nameof(profile), problem);
        }

        if (Resolve(context, nameof(identities), identities, out var keys) is { } refused)
        {
            return refused;
        }

        await Task.WhenAll(keys.Select(key => Identity(key).SetProfileAsync(file ? null : profile)));
        var what = file ? "the devnet file's profiles again" : profile;
        return await LogAsync(context, file ? DevnetEventKinds.FaultProfileReset : DevnetEventKinds.FaultProfile, identities, $"{string.Join(", ", keys)} run {what}", [.. keys]);
    }

    /// <summary>Why <paramref name="profile"/> cannot be switched to on a running identity, or null.</summary>
    private static string? Check(string? profile)
    {
        MemberProfile parsed;
        try
        {
            parsed = MemberProfileText.Parse(profile ?? "");
        }
        catch (FormatException error)
        {
            return error.Message + ", or file (the devnet file's own)";
        }

        return parsed.Kind switch
        {
            ProfileKind.Offline => "offline is not a profile a running identity switches to: use stop",
            // The grains' nodes take every block as it comes: a late member is a delay fault on its group.
            ProfileKind.Late => "late is not modelled by the devnet's nodes: use delay on the group",
            _ => null,
        };
    }

    /// <summary>
    /// Members the devnet file keeps offline run once an operator starts them: the entry says so, since the file no longer
    /// tells what runs.
    /// </summary>
    private static string OfflineInFile(DevnetContext context, IReadOnlyList<string> keys)
    {
        var offline = context.Identities().Where(i => i.Profile.Kind == ProfileKind.Offline && keys.Contains(i.Key)).Select(i => i.Key).ToList();
        return offline.Count == 0 ? "" : $" (kept offline by the devnet file until now: {string.Join(", ", offline)})";
    }

    private async Task<FaultOutcome> ApplyToEachAsync(
        string kind, string field, string selector, Func<IIdentityGrain, Task> apply, Func<DevnetContext, IReadOnlyList<string>, string>? note = null)
    {
        if (await devnets.GetAsync(Devnet) is not { } context)
        {
            return NotStarted();
        }

        if (Resolve(context, field, selector, out var keys) is { } refused)
        {
            return refused;
        }

        await Task.WhenAll(keys.Select(key => apply(Identity(key))));
        return await LogAsync(context, kind, selector, $"{kind["fault-".Length..]} {string.Join(", ", keys)}{note?.Invoke(context, keys)}", [.. keys]);
    }

    private static FaultOutcome? Resolve(DevnetContext context, string field, string? selector, out IReadOnlyList<string> keys)
    {
        keys = [];
        if (string.IsNullOrWhiteSpace(selector))
        {
            return FaultOutcome.Refused(field, "is empty: name identities like g0-m1, g3/m1, g0 or all");
        }

        try
        {
            keys = IdentitySelection.Resolve(context.Spec, selector);
            return null;
        }
        catch (ArgumentException error)
        {
            return FaultOutcome.Refused(field, FirstLine(error.Message));
        }
    }

    /// <summary>ArgumentException appends " (Parameter 'x')": the outcome names the request's field instead.</summary>
    private static string FirstLine(string message) =>
        message.IndexOf(" (Parameter '", StringComparison.Ordinal) is var at and >= 0 ? message[..at] : message;

    private static string Groups(IEnumerable<ulong> groups) => string.Join(", ", groups.Order().Select(g => $"g{g}"));

    private static FaultOutcome NotStarted() => FaultOutcome.Refused("devnet", "the devnet has not started yet");

    private IIdentityGrain Identity(string key) => GrainFactory.GetGrain<IIdentityGrain>(key);

    private async Task<FaultOutcome> LogAsync(DevnetContext context, string kind, string who, string details, string[] identities)
    {
        var entry = new DevnetEvent(kind, context.SlotAt(time.GetUtcNow()), who, details, Subjects: identities);
        var index = await Devnet.AppendEventAsync(entry);
        return new FaultOutcome(true, null, null, identities, index);
    }
}

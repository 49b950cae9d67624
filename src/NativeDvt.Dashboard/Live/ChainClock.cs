using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Dashboard.Live;

/// <summary>The devnet's slot clock, from its genesis.</summary>
/// <param name="GenesisTime">Slot 0's start.</param>
/// <param name="SlotDuration">Slot length.</param>
/// <param name="SlotsPerEpoch">Slots per epoch.</param>
public sealed record ChainClock(DateTimeOffset GenesisTime, TimeSpan SlotDuration, ulong SlotsPerEpoch)
{
    /// <summary>The clock of <paramref name="genesis"/>.</summary>
    public static ChainClock Of(GenesisSummary genesis) => new(
        DateTimeOffset.FromUnixTimeSeconds((long)genesis.GenesisTime), TimeSpan.FromSeconds(genesis.SecondsPerSlot), Math.Max(1, genesis.SlotsPerEpoch));

    /// <summary>The slot <paramref name="now"/> is in (0 before genesis).</summary>
    public ulong SlotAt(DateTimeOffset now) => now <= GenesisTime ? 0 : (ulong)((now - GenesisTime) / SlotDuration);

    /// <summary>The epoch of <paramref name="slot"/>.</summary>
    public ulong EpochOf(ulong slot) => slot / SlotsPerEpoch;

    /// <summary>When <paramref name="epoch"/> starts.</summary>
    public DateTimeOffset EpochStart(ulong epoch) => GenesisTime + (SlotDuration * (epoch * SlotsPerEpoch));
}

namespace NativeDvt.Devnet;

/// <summary>A fault at a slot.</summary>
/// <param name="Slot">When it happens (at the start of the slot).</param>
/// <param name="Kind">What happens.</param>
/// <param name="Targets">crash/restart: the nodes; rotate: the members whose keys rotate; partition: one selector per side; heal: none.</param>
/// <param name="Line">Where the fault is in the file.</param>
public sealed record FaultSpec(ulong Slot, FaultKind Kind, IReadOnlyList<IdentitySelector> Targets, int Line);

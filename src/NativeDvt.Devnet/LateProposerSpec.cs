namespace NativeDvt.Devnet;

/// <summary>Blocks of the selected groups are published <see cref="Delay"/> into their slot.</summary>
/// <param name="Groups">Which groups.</param>
/// <param name="Delay">How late.</param>
public sealed record LateProposerSpec(IdentitySelector Groups, TimeSpan Delay);

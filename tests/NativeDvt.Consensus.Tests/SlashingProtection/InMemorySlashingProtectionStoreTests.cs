using NativeDvt.Consensus.SlashingProtection;

namespace NativeDvt.Consensus.Tests.SlashingProtection;

/// <summary>The store contract for the in-memory store: a restart is a new protector over the same instance.</summary>
[Trait("Category", "Unit")]
public sealed class InMemorySlashingProtectionStoreTests : SlashingProtectionStoreContract
{
    private readonly InMemorySlashingProtectionStore _store = new();

    protected override ISlashingProtectionStore OpenStore() => _store;
}

using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Consensus.Tests.SlashingProtection;
using NativeDvt.Node.Signing;

namespace NativeDvt.Node.Tests.Signing;

[Trait("Category", "Unit")]
public sealed class SlashingProtectionRecordsTests : SlashingProtectionStoreContract
{
    private readonly InMemorySigningRecordStore _records = new();

    // A new adapter each time over the same records: a restart of the host.
    protected override ISlashingProtectionStore OpenStore() => new SlashingProtectionRecords(_records);
}

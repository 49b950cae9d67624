using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.SlashingProtection;
using NativeDvt.Node.Signing;

namespace NativeDvt.Grains.Identities;

public sealed partial class IdentityGrain
{
    /// <inheritdoc />
    /// <remarks>
    /// Read from the record store, which may run behind the node's memory only by records whose messages have not left
    /// yet: the journal releases a signature after its record is durable, so every signature that left is exported.
    /// </remarks>
    public async Task<string> ExportSlashingProtectionAsync() => await (await ProtectorAsync()).ExportAsync();

    /// <inheritdoc />
    /// <remarks>
    /// Stopped-only rather than through the node's journal: the journal is the node's write path, and a merge there would
    /// need the node to take foreign records into its in-memory histories mid-run, which the node does not offer. A stopped
    /// node has no such copy, the grain takes no other call while this one runs (start included), and the store's
    /// compare-and-swap makes each key's merge atomic.
    /// </remarks>
    public async Task ImportSlashingProtectionAsync(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (_node is not null)
        {
            throw new InvalidOperationException($"{Key} runs: stop it before importing slashing protection");
        }

        var protector = await ProtectorAsync();
        try
        {
            await protector.ImportAsync(json);
        }
        catch (InterchangeException error)
        {
            // The message only: a caller in another process need not know the consensus library's exception type.
            throw new ArgumentException(error.Message, nameof(json));
        }
    }

    private async Task<SlashingProtector> ProtectorAsync()
    {
        var genesis = await Devnet.GetGenesisAsync() ?? throw new InvalidOperationException("the devnet has not started");
        var store = await records.ForIdentityAsync(Key, CancellationToken.None);
        return new SlashingProtector(new SlashingProtectionRecords(store), Root.FromHex(genesis.GenesisValidatorsRoot));
    }
}

using NativeDvt.Grains.Abstractions;

namespace NativeDvt.Grains.Identities;

/// <summary>What an operator does to a running identity besides stopping it: rotate its key, move it to its dealt silo.</summary>
public sealed partial class IdentityGrain
{
    /// <inheritdoc />
    public async Task<bool> RotateKeyAsync()
    {
        if (_node is not { } node)
        {
            return false;
        }

        await node.RotateKeyAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> RebalanceAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        if (IdentityDealing.SiloFor(Key, snapshot) is not { } dealt || dealt.Equals(silo.SiloAddress))
        {
            return false;
        }

        // The node stops before the activation leaves (OnDeactivateAsync), and the placement director sends the next
        // activation to the dealt silo; the signing records' compare-and-swap covers any overlap.
        var to = snapshot.Members[dealt].Name;
        await Devnet.AppendEventAsync(new DevnetEvent(DevnetEventKinds.IdentityMoving, null, Who, $"{Who} moves from {silo.Name} to {to}, the silo the dealing now gives it"));
        this.MigrateOnIdle();
        return true;
    }
}

namespace NativeDvt.Grains.Abstractions;

/// <summary>The event kinds the dashboard knows; the log accepts others too.</summary>
public static class DevnetEventKinds
{
    /// <summary>The devnet grain fixed genesis.</summary>
    public const string DevnetStarted = "devnet-started";

    /// <summary>A member signed two conflicting messages.</summary>
    public const string MemberEquivocation = "member-equivocation";

    /// <summary>A group was slashed on chain.</summary>
    public const string GroupSlashing = "group-slashing";

    /// <summary>A member moved to a fresh key through a KeyRotation.</summary>
    public const string KeyRotation = "key-rotation";

    /// <summary>A member whose stateful key runs low started a rotation to a fresh key.</summary>
    public const string KeyRotationStarted = "key-rotation-started";

    /// <summary>A member's signing records could not be made durable: it signs nothing more until restarted.</summary>
    public const string SigningHalted = "signing-halted";

    /// <summary>A silo left the cluster and its identities moved.</summary>
    public const string SiloFailover = "silo-failover";

    /// <summary>An identity's node stopped.</summary>
    public const string IdentityStopped = "identity-stopped";

    /// <summary>An identity's node started (again).</summary>
    public const string IdentityStarted = "identity-started";

    /// <summary>An identity whose node started made its first signature (any duty): back on duty.</summary>
    public const string IdentityOnDuty = "identity-on-duty";

    /// <summary>The devnet was split into sides between which no gossip flows.</summary>
    public const string Partition = "partition";

    /// <summary>A partition ended: every identity may talk to every other again.</summary>
    public const string Heal = "heal";
}

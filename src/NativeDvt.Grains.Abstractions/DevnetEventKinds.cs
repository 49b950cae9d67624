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

    /// <summary>An identity left its silo for the one the dealing gives it (a silo joined); it starts there next.</summary>
    public const string IdentityMoving = "identity-moving";

    /// <summary>An identity's node stopped.</summary>
    public const string IdentityStopped = "identity-stopped";

    /// <summary>An identity's node started (again).</summary>
    public const string IdentityStarted = "identity-started";

    /// <summary>An identity whose node started made its first signature (any duty): back on duty.</summary>
    public const string IdentityOnDuty = "identity-on-duty";

    /// <summary>Fault controls (<see cref="IFaultGrain"/>): identities stopped on purpose.</summary>
    public const string FaultStop = "fault-stop";

    /// <summary>Fault controls: stopped identities started again.</summary>
    public const string FaultStart = "fault-start";

    /// <summary>Fault controls: members started key rotations (the operator's request).</summary>
    public const string FaultRotate = "fault-rotate";

    /// <summary>Fault controls: the devnet split into sides between which no gossip flows.</summary>
    public const string FaultPartition = "fault-partition";

    /// <summary>Fault controls: a partition ended, every identity may talk to every other again.</summary>
    public const string FaultHeal = "fault-heal";

    /// <summary>Fault controls: groups' blocks held back (or, with 0 ms, no longer).</summary>
    public const string FaultDelay = "fault-delay";

    /// <summary>Fault controls: a delay ended, the groups publish their blocks at once again.</summary>
    public const string FaultDelayOff = "fault-delay-off";

    /// <summary>Fault controls: identities back on the devnet file's profiles.</summary>
    public const string FaultProfileReset = "fault-profile-reset";

    /// <summary>Fault controls: identities switched to another client profile (or back to the file's).</summary>
    public const string FaultProfile = "fault-profile";

    /// <summary>An entry of the devnet file's schedule that the fault controls refused or that failed (its line and why); it was skipped.</summary>
    public const string ScheduleRefused = "schedule-refused";

    /// <summary>True for the fault controls' entries; each names the identities it applied to in <see cref="DevnetEvent.Subjects"/>.</summary>
    public static bool IsFault(string kind) => kind.StartsWith("fault-", StringComparison.Ordinal);
}

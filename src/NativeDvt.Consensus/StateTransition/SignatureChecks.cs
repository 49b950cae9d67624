namespace NativeDvt.Consensus.StateTransition;

/// <summary>Whether block processing verifies signatures (skip only for blocks already verified, e.g. replay from storage).</summary>
public enum SignatureChecks
{
    /// <summary>Verify every signature.</summary>
    Verify = 0,

    /// <summary>Trust every signature.</summary>
    Skip = 1,
}

namespace NativeDvt.Devnet;

/// <summary>
/// What the Orleans devnet refuses to run although the file is valid: the simulator accepts every valid file, the devnet
/// runs real nodes whose signatures must mean something.
/// </summary>
public static class DevnetAdmission
{
    /// <summary>Why the devnet cannot run <paramref name="spec"/>, or null when it can.</summary>
    public static string? Refusal(DevnetSpec spec) => spec.Scheme switch
    {
        SchemeName.InsecureFast =>
            "scheme: insecure-fast signatures can be forged by anyone; it is for simulations only (ndvt sim), the devnet refuses it: use bls, ed25519 or xmss",
        _ => null,
    };
}

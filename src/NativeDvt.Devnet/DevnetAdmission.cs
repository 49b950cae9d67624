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

    /// <summary>
    /// What of a valid file the Orleans devnet does not apply, one line each: its nodes gossip over real libp2p on
    /// loopback, so the simulator's network model has nothing to act on, and a member that receives blocks late has no
    /// counterpart in its nodes. The devnet still runs the rest.
    /// </summary>
    public static IEnumerable<string> Notes(DevnetSpec spec)
    {
        if (spec.Network.Latency != LatencySpec.Default || spec.Network.Loss > 0)
        {
            yield return "network.latency and network.loss model the simulator's network; the devnet's gossip goes over real libp2p on loopback";
        }

        if (spec.Groups.Any(g => g.Members.Any(m => m.Kind == ProfileKind.Late)))
        {
            yield return "late member profiles run as honest members here (a late proposer is network.lateProposers or the delay fault)";
        }
    }
}

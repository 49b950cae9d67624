using NativeDvt.Consensus.State;
using NativeDvt.Crypto;
using NativeDvt.Devnet;
using NativeDvt.Devnet.Setup;
using NativeDvt.Grains.Abstractions;
using NativeDvt.Node.Sharing;

namespace NativeDvt.Grains.Identities;

/// <summary>
/// What every identity of one silo shares for one devnet: the file's model, genesis (built once per silo, as the devnet
/// grain built it), the scheme, and the process-wide state cache, as the nodes of one process share it.
/// </summary>
public sealed class DevnetContext
{
    private DevnetContext(DevnetFile file, GenesisSummary summary)
    {
        Spec = DevnetFileReader.Parse(file.Text, file.Path);
        (Scheme, _) = DevnetSetup.Scheme(Spec.Scheme);
        SlotDuration = DevnetSetup.SlotDuration(Spec);
        Seed = Spec.Seed ?? 1;
        Genesis = DevnetSetup.Genesis(Spec, DevnetSetup.Config(Spec, Scheme, SlotDuration), Scheme, Seed);
        if (Genesis.GenesisValidatorsRoot.ToString() != summary.GenesisValidatorsRoot)
        {
            throw new InvalidOperationException($"this silo built genesis validators root {Genesis.GenesisValidatorsRoot} from {file.Path}, the devnet grain {summary.GenesisValidatorsRoot}");
        }

        GenesisTime = DateTimeOffset.FromUnixTimeSeconds((long)summary.GenesisTime);
        States = new SharedStateCache(new CachedSignatureVerifier(new VerificationCache(Scheme)));
    }

    /// <summary>The devnet file's model.</summary>
    public DevnetSpec Spec { get; }

    /// <summary>The scheme of every member key (a stateful one gets an instance per identity, over its own records).</summary>
    public ISignatureScheme Scheme { get; }

    /// <summary>The slot length.</summary>
    public TimeSpan SlotDuration { get; }

    /// <summary>The seed the member keys derive from.</summary>
    public ulong Seed { get; }

    /// <summary>The genesis state (shared, never mutated).</summary>
    public BeaconState Genesis { get; }

    /// <summary>Genesis on the wall clock.</summary>
    public DateTimeOffset GenesisTime { get; }

    /// <summary>The slot under way at <paramref name="now"/> (0 before genesis).</summary>
    public ulong SlotAt(DateTimeOffset now) => now <= GenesisTime ? 0 : (ulong)((now - GenesisTime) / SlotDuration);

    /// <summary>Post-states, decoded messages and verdicts shared by the silo's nodes.</summary>
    public SharedStateCache States { get; }

    /// <summary>The identity nodes of this devnet running in this silo.</summary>
    internal LocalNodes Nodes { get; } = new();

    /// <summary>The client profile of member <paramref name="member"/> of group <paramref name="group"/>.</summary>
    public MemberProfile ProfileOf(ulong group, int member) => DevnetIdentities.ProfileOf(Spec, group, member);

    /// <summary>Every identity the devnet file describes, as <see cref="IdentityKeys"/> keys, with its profile.</summary>
    public IEnumerable<(string Key, MemberProfile Profile)> Identities() => DevnetIdentities.Of(Spec);

    /// <summary>Builds the context (genesis: milliseconds to minutes, by scheme and size).</summary>
    public static DevnetContext Build(DevnetFile file, GenesisSummary summary) => new(file, summary);
}

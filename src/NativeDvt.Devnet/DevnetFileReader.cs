using NativeDvt.Consensus.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NativeDvt.Devnet;

/// <summary>
/// Reads a devnet file (docs/devnet-file.md). Strict: an unknown field, a value of the wrong kind
/// or a rule broken (m &gt; n, an unsafe threshold not allowed, a selector naming a missing node)
/// is a <see cref="DevnetFileException"/> naming the line and the field.
/// </summary>
public static class DevnetFileReader
{
    /// <summary>The deposit every member brings: MIN_ACTIVATION_BALANCE, 32 ETH in Gwei.</summary>
    public const ulong MinActivationBalanceGwei = 32_000_000_000;

    /// <summary>The largest group the protocol admits.</summary>
    public const int MaxGroupSize = 16;

    private static readonly string[] TopFields =
    [
        "name", "scheme", "preset", "slotTime", "slotsPerEpoch", "accounting", "proposalPolicy",
        "allowUnsafeThreshold", "silos", "seed", "groups", "solos", "network", "faults", "ilCommitteeSize", "mempool",
    ];

    private static readonly string[] FaultActions = ["crash", "restart", "partition", "heal", "rotate"];

    private static readonly Dictionary<string, SchemeName> Schemes = new()
    {
        ["bls"] = SchemeName.Bls,
        ["ed25519"] = SchemeName.Ed25519,
        ["xmss"] = SchemeName.Xmss,
        ["insecure-fast"] = SchemeName.InsecureFast,
    };

    private static readonly Dictionary<string, string> Presets = new()
    {
        ["devnet"] = "devnet",
        ["minimal"] = "minimal",
        ["mainnet"] = "mainnet",
    };

    private static readonly Dictionary<string, AccountingPolicy> Accountings = new()
    {
        ["whole"] = AccountingPolicy.Whole,
        ["component"] = AccountingPolicy.Component,
    };

    private static readonly Dictionary<string, ProposalPolicy> Policies = new()
    {
        ["leader-follow"] = ProposalPolicy.LeaderFollow,
        ["race"] = ProposalPolicy.Race,
    };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static DevnetSpec Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads devnet YAML; <paramref name="file"/> only names the source in errors.</summary>
    public static DevnetSpec Parse(string yaml, string? file = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new DevnetFileException(file, (int)e.Start.Line, (int)e.Start.Column, "(yaml)", e.InnerException?.Message ?? e.Message);
        }

        if (stream.Documents.Count != 1)
        {
            throw new DevnetFileException(file, 1, 1, "(file)", "expected exactly one YAML document");
        }

        return Read(new YamlField(stream.Documents[0].RootNode, string.Empty, file));
    }

    /// <summary>
    /// Reads a devnet from a YAML node that may sit inside another file (an experiment's scenario): errors keep that
    /// file's lines and the field's full path.
    /// </summary>
    internal static DevnetSpec Read(YamlField root)
    {
        var file = root.File;
        var top = root.Map(TopFields);
        var allowUnsafe = top["allowUnsafeThreshold"]?.Bool() ?? false;
        var groups = top.Required("groups").Items().Select(g => ReadGroup(g, allowUnsafe)).ToList();
        if (top["solos"] is { } solos)
        {
            groups.Add(ReadSolos(solos));
        }

        if (groups.Count == 0)
        {
            throw top.Required("groups").Error("a devnet needs at least one group");
        }

        var spec = new DevnetSpec(
            Name: top["name"]?.Scalar() ?? Path.GetFileNameWithoutExtension(file ?? "devnet"),
            Scheme: top["scheme"]?.Enum(Schemes) ?? SchemeName.Bls,
            Preset: top["preset"]?.Enum(Presets) ?? "devnet",
            SlotDuration: top["slotTime"]?.Duration(),
            SlotsPerEpoch: top["slotsPerEpoch"]?.Int(1, 1024),
            Accounting: top["accounting"]?.Enum(Accountings) ?? AccountingPolicy.Whole,
            ProposalPolicy: top["proposalPolicy"]?.Enum(Policies) ?? ProposalPolicy.LeaderFollow,
            AllowUnsafeThreshold: allowUnsafe,
            Silos: top["silos"]?.Int(1, 64) ?? 1,
            Seed: top["seed"]?.ULong(),
            Groups: groups,
            Network: top["network"] is { } network ? ReadNetwork(network) : NetworkSpec.Default,
            Faults: top["faults"]?.Items().Select(ReadFault).ToList() ?? [])
        {
            InclusionListCommitteeSize = top["ilCommitteeSize"]?.Int(0, 1024),
            Mempool = top["mempool"] is { } mempool ? ReadMempool(mempool) : MempoolSpec.Default,
        };
        if (spec.SlotDuration is { } slot && slot < TimeSpan.FromMilliseconds(100))
        {
            throw top.Required("slotTime").Error("a slot must last at least 100ms");
        }

        if (spec.Network.Views is { } views && spec.Groups.Max(g => g.N) is var largest && views < largest)
        {
            throw top.Required("network").Map("latency", "loss", "lateProposers", "views").Required("views").Error(
                $"{views} views cannot hold a group of {largest} members: members of one group must sit on different nodes");
        }

        DevnetSpecChecks.CheckSelectors(spec, top);
        return spec;
    }

    private static GroupSpec ReadGroup(YamlField field, bool allowUnsafe)
    {
        var map = field.Map("count", "n", "m", "balanceEth", "members", "operator");
        var n = map.Required("n").Int(1, MaxGroupSize);
        var m = map.Required("m").Int(1, n);
        var members = map["members"] is { } list ? ReadMembers(list, n) : Enumerable.Repeat(MemberProfile.Honest, n).ToList();
        var balance = map["balanceEth"] is { } eth ? ReadBalance(eth, n) : (ulong?)null;
        var group = new GroupSpec(map["count"]?.Int(1, 1_000_000) ?? 1, n, m, balance, members, map["operator"]?.Scalar(), (int)field.Node.Start.Line);
        if (group.IsUnsafeThreshold && !allowUnsafe)
        {
            throw map.Required("m").Error(
                $"m = {m} <= n/2 = {n / 2.0:0.#}: two honest halves could each reach m and get the group slashed; set allowUnsafeThreshold: true to run it anyway");
        }

        return group;
    }

    private static GroupSpec ReadSolos(YamlField field)
    {
        var map = field.Map("count", "operator", "profile");
        var profile = map["profile"] is { } p ? ReadProfile(p) : MemberProfile.Honest;
        return new GroupSpec(map.Required("count").Int(1, 1_000_000), 1, 1, null, [profile], map["operator"]?.Scalar(), (int)field.Node.Start.Line);
    }

    private static ulong ReadBalance(YamlField field, int n)
    {
        var eth = field.ULong();
        var minimum = (ulong)n * (MinActivationBalanceGwei / 1_000_000_000);
        if (eth < minimum)
        {
            throw field.Error($"a group of {n} needs at least {minimum} ETH (n x 32 ETH)");
        }

        return checked(eth * 1_000_000_000);
    }

    private static List<MemberProfile> ReadMembers(YamlField field, int n)
    {
        var members = field.Items().Select(ReadProfile).ToList();
        if (members.Count != n)
        {
            throw field.Error($"lists {members.Count} member profiles but the group has n = {n} members");
        }

        return members;
    }

    private static MemberProfile ReadProfile(YamlField field)
    {
        try
        {
            return MemberProfileText.Parse(field.Scalar());
        }
        catch (FormatException error)
        {
            throw field.Error(error.Message);
        }
    }

    private static NetworkSpec ReadNetwork(YamlField field)
    {
        var map = field.Map("latency", "loss", "lateProposers", "views");
        var latency = map["latency"] is { } l ? ReadLatency(l) : LatencySpec.Default;
        var late = map["lateProposers"]?.Items().Select(item =>
        {
            var entry = item.Map("groups", "delay");
            return new LateProposerSpec(entry.Required("groups").Selector(), entry.Required("delay").Duration());
        }).ToList() ?? [];
        return new NetworkSpec(latency, map["loss"]?.Probability() ?? 0, late) { Views = map["views"]?.Int(1, 1 << 20) };
    }

    private static MempoolSpec ReadMempool(YamlField field)
    {
        var map = field.Map("transactions", "transactionBytes", "visibility");
        var defaults = MempoolSpec.Default;
        return new MempoolSpec(
            map["transactions"]?.Int(0, 1024) ?? defaults.Transactions,
            map["transactionBytes"]?.Int(1, 65536) ?? defaults.TransactionBytes,
            map["visibility"]?.Probability() ?? defaults.Visibility);
    }

    private static LatencySpec ReadLatency(YamlField field)
    {
        if (field.Node is YamlScalarNode)
        {
            return new LatencySpec(LatencyKind.Fixed, field.Duration(), TimeSpan.Zero);
        }

        var map = field.Map("min", "max", "median", "p99");
        if (map["median"] is { } median)
        {
            var (m, p99) = (median.Duration(), map.Required("p99").Duration());
            return p99 >= m ? new LatencySpec(LatencyKind.LogNormal, m, p99) : throw map.Required("p99").Error("p99 must be at least the median");
        }

        var (min, max) = (map.Required("min").Duration(), map.Required("max").Duration());
        return max >= min ? new LatencySpec(LatencyKind.Uniform, min, max) : throw map.Required("max").Error("max must be at least min");
    }

    private static FaultSpec ReadFault(YamlField field)
    {
        var map = field.Map(["slot", .. FaultActions]);
        var slot = map.Required("slot").ULong();
        var actions = FaultActions.Where(a => map[a] is not null).ToList();
        if (actions.Count != 1)
        {
            throw field.Error("a fault has a slot and exactly one of: crash, restart, partition, heal, rotate");
        }

        var line = (int)field.Node.Start.Line;
        return actions[0] switch
        {
            "crash" => new FaultSpec(slot, FaultKind.Crash, [map.Required("crash").Selector()], line),
            "restart" => new FaultSpec(slot, FaultKind.Restart, [map.Required("restart").Selector()], line),
            "rotate" => new FaultSpec(slot, FaultKind.Rotate, [map.Required("rotate").Selector()], line),
            "heal" => map.Required("heal").Bool()
                ? new FaultSpec(slot, FaultKind.Heal, [], line)
                : throw map.Required("heal").Error("heal takes true"),
            _ => ReadPartition(map.Required("partition"), slot, line),
        };
    }

    private static FaultSpec ReadPartition(YamlField field, ulong slot, int line)
    {
        var sides = field.Items().Select(side => side.Selector()).ToList();
        return sides.Count >= 2 ? new FaultSpec(slot, FaultKind.Partition, sides, line) : throw field.Error("a partition needs at least two sides");
    }
}

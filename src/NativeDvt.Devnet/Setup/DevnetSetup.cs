using System.Buffers.Binary;
using System.Security.Cryptography;
using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Genesis;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Crypto.Bls;
using NativeDvt.Crypto.Ed25519;
using NativeDvt.Crypto.Insecure;
using NativeDvt.Crypto.KeyDerivation;
using NativeDvt.Crypto.Xmss;
using NativeDvt.Crypto;

namespace NativeDvt.Devnet.Setup;

/// <summary>
/// Turns a devnet file into a chain config, member keys and a genesis state, deterministically from the seed:
/// the simulator and the node over libp2p build the same chain from the same file.
/// </summary>
public static class DevnetSetup
{
    public static (ISignatureScheme Scheme, string? Note) Scheme(SchemeName name) => name switch
    {
        SchemeName.InsecureFast => (new InsecureFastScheme(), null),
        SchemeName.Ed25519 => (new Ed25519Scheme(), null),
        // A node's registry keys are decompressed and checked once, as a consensus client's pubkey cache does.
        SchemeName.Bls => (new BlsScheme(new BlsPublicKeyCache()), null),

        // One-time-key indices live in memory: a simulated crash keeps the process, so they survive it.
        SchemeName.Xmss => (new XmssScheme(new InMemoryXmssStateStore()), null),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown scheme"),
    };

    /// <summary>The slot length of <paramref name="spec"/>: the file's, else its preset's, else 2 s.</summary>
    public static TimeSpan SlotDuration(DevnetSpec spec) => spec.SlotDuration ?? TimeSpan.FromSeconds(Preset.ByName(spec.Preset)?.SecondsPerSlot ?? 2);

    public static ChainConfig Config(DevnetSpec spec, ISignatureScheme scheme, TimeSpan slotDuration, ulong? maxEffectiveBalance = null)
    {
        var preset = Preset.ByName(spec.Preset) ?? throw new ArgumentException($"unknown preset {spec.Preset}", nameof(spec));
        if (spec.SlotsPerEpoch is { } slotsPerEpoch)
        {
            preset = preset with { SlotsPerEpoch = (ulong)slotsPerEpoch };
        }

        if (maxEffectiveBalance is { } max)
        {
            preset = preset with { MaxEffectiveBalance = max };
        }

        if (spec.InclusionListCommitteeSize is { } committeeSize)
        {
            preset = preset with { InclusionListCommitteeSize = (ulong)committeeSize };
        }

        // The payload holds at least one slot of the mempool, so an honest proposer never has to drop a listed transaction.
        var mempoolBytes = (ulong)spec.Mempool.Transactions * (ulong)spec.Mempool.TransactionBytes;

        return new ChainConfig
        {
            Preset = preset,
            SecondsPerSlotOverride = (ulong)Math.Max(1, Math.Ceiling(slotDuration.TotalSeconds)),
            Accounting = spec.Accounting,
            Proposal = spec.ProposalPolicy,
            AllowUnsafeThreshold = spec.AllowUnsafeThreshold,
            SchemeName = scheme.Name,
            SchemeAggregates = scheme is IAggregatableScheme,
            PayloadBytes = Math.Min(preset.MaxPayloadBytes, Math.Max(new ChainConfig().PayloadBytes, mempoolBytes)),
        };
    }

    /// <summary>
    /// A member's secret key: SHA-256("ndvt-sim" || seed || group || member); for BLS that hash taken
    /// through EIP-2333's HKDF_mod_r (a raw hash is at least the group order about half the time), for
    /// XMSS stretched to its 96 bytes (SK_SEED || SK_PRF || PUB_SEED). Test keys, never for a real network.
    /// </summary>
    public static byte[] SecretKey(ISignatureScheme scheme, ulong seed, int group, int member) => SecretKey(scheme, seed, group, member, 0);

    /// <summary>A member's key after <paramref name="rotation"/> key rotations (0: its genesis key); the member index word carries it as member + 16 x rotation.</summary>
    public static byte[] SecretKey(ISignatureScheme scheme, ulong seed, int group, int member, int rotation)
    {
        var material = SecretKeyMaterial(seed, group, member + (16 * rotation));
        return scheme switch
        {
            BlsScheme => Eip2333.I2OSP32(Eip2333.HkdfModR(material)),
            XmssScheme => [.. SHA256.HashData([.. material, 1]), .. SHA256.HashData([.. material, 2]), .. SHA256.HashData([.. material, 3])],
            _ => material,
        };
    }

    private static byte[] SecretKeyMaterial(ulong seed, int group, int member)
    {
        Span<byte> input = stackalloc byte[8 + 8 + 8 + 8];
        "ndvt-sim"u8.CopyTo(input);
        BinaryPrimitives.WriteUInt64LittleEndian(input[8..], seed);
        BinaryPrimitives.WriteUInt64LittleEndian(input[16..], (ulong)group);
        BinaryPrimitives.WriteUInt64LittleEndian(input[24..], (ulong)member);
        return SHA256.HashData(input);
    }

    public static BeaconState Genesis(DevnetSpec spec, ChainConfig config, ISignatureScheme scheme, ulong seed)
    {
        var groups = new List<GenesisGroup>();
        var index = 0;
        foreach (var template in spec.Groups)
        {
            for (var c = 0; c < template.Count; c++, index++)
            {
                var keys = new List<Bytes>();
                for (var m = 0; m < template.N; m++)
                {
                    keys.Add(Bytes.Wrap(scheme.DerivePublicKey(SecretKey(scheme, seed, index, m))));
                }

                var balance = template.BalanceGwei ?? (ulong)template.N * config.Preset.MinActivationBalance;
                groups.Add(new GenesisGroup(keys, (ulong)template.M, new Gwei(balance)));
            }
        }

        var (state, error) = GenesisBuilder.Build(config, groups, 0, Hashing.Hash(Hashing.Chunk(seed), Root.Zero));
        return state ?? throw new ArgumentException($"genesis: {error}", nameof(spec));
    }
}

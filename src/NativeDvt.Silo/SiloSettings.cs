using System.Globalization;
using System.Net;

namespace NativeDvt.Silo;

/// <summary>A silo's settings as the AppHost hands them over (environment variables; any configuration source works).</summary>
/// <param name="StorageConnectionString">Azure Storage (Azurite) for clustering, grain state and reminders; null: localhost clustering and memory.</param>
/// <param name="ClusterId">Orleans' cluster id: silos and clients of one devnet share it.</param>
/// <param name="SiloPort">Silo-to-silo port on 127.0.0.1.</param>
/// <param name="GatewayPort">Client gateway port on 127.0.0.1.</param>
/// <param name="DevnetFile">The devnet file to start the devnet grain with, if any.</param>
/// <param name="GenesisTime">Unix seconds of genesis proposed to the devnet grain; null: 30 s after this silo starts.</param>
/// <param name="Address">
/// The address the silo and its identities' libp2p hosts listen on and advertise (<c>NDVT_HOST_ADDRESS</c>): 127.0.0.1
/// unless silos on several machines form one devnet (docs/scale-out.md).
/// </param>
public sealed record SiloSettings(
    string? StorageConnectionString,
    string ClusterId,
    int SiloPort,
    int GatewayPort,
    string? DevnetFile,
    ulong? GenesisTime,
    IPAddress Address)
{
    /// <summary>The connection string's name (<c>ConnectionStrings__ndvt-storage</c>).</summary>
    public const string StorageName = "ndvt-storage";

    /// <summary>Reads the settings; ports default to Orleans' 11111 and 30000.</summary>
    public static SiloSettings From(IConfiguration configuration) => new(
        StorageConnectionString: configuration.GetConnectionString(StorageName) is { Length: > 0 } storage ? storage : null,
        ClusterId: configuration["NDVT_CLUSTER_ID"] ?? "ndvt",
        SiloPort: int.Parse(configuration["NDVT_SILO_PORT"] ?? "11111", CultureInfo.InvariantCulture),
        GatewayPort: int.Parse(configuration["NDVT_GATEWAY_PORT"] ?? "30000", CultureInfo.InvariantCulture),
        DevnetFile: configuration["NDVT_DEVNET_FILE"],
        GenesisTime: configuration["NDVT_GENESIS_TIME"] is { } genesis ? ulong.Parse(genesis, CultureInfo.InvariantCulture) : null,
        Address: configuration["NDVT_HOST_ADDRESS"] is { Length: > 0 } address ? IPAddress.Parse(address) : IPAddress.Loopback);
}

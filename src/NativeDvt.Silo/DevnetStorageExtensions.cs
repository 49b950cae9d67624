using Azure.Data.Tables;
using Azure.Storage.Blobs;
using NativeDvt.Grains;
using Orleans.Configuration;

namespace NativeDvt.Silo;

/// <summary>Clustering, grain storage and reminders: Azure Table/Blob storage when given a connection string, memory otherwise.</summary>
public static class DevnetStorageExtensions
{
    /// <summary>The grain storage for grains that name none (identity state will live here: small entities, one row each).</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>
    /// Configures <paramref name="silo"/> from <paramref name="settings"/>. With storage, the silos find each other through
    /// the membership table only, so the same binaries form one cluster across machines against a real storage account.
    /// </summary>
    public static ISiloBuilder UseDevnetStorage(this ISiloBuilder silo, SiloSettings settings)
    {
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ClusterId;
        });

        // A devnet's epoch is 16 s at 2 s slots: a dead silo must be declared dead (and its identities moved) well within
        // one, not after Orleans' production defaults (tens of seconds), which guard against flaky networks we do not have.
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            options.NumMissedProbesLimit = 2;
            options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });

        if (settings.StorageConnectionString is not { } storage)
        {
            // No Azurite (no Node.js): one silo, state gone when it stops.
            return silo
                .UseLocalhostClustering(settings.SiloPort, settings.GatewayPort)
                .AddMemoryGrainStorage(DevnetGrain.StorageName)
                .AddMemoryGrainStorage(DefaultStorageName)
                .UseInMemoryReminderService();
        }

        // One address only (127.0.0.1 unless NDVT_HOST_ADDRESS names another), never every interface. The strongly consistent directory: when a
        // silo dies, the survivors' activations keep their entries, so a keeper's call never makes a second activation of
        // an identity whose node still runs (the classic directory did, and restarted every identity of the survivor).
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003

        // The directory holds a dead silo's grains under a lease (default about 20 s) before they may activate elsewhere, in
        // case the silo still runs: that alone took longer than an epoch. An identity needs no such lease against signing
        // twice: its signing records are compare-and-swap writes, so if a silo wrongly declared dead still ran its node beside
        // the new one, whichever node wrote second would find its write contested and halt before its message left
        // (docs/node.md, "durable signing records"); Orleans stops a silo that learns it was declared dead.
        silo.Configure<GrainDirectoryOptions>(options => options.RangeLeaseDuration = TimeSpan.FromSeconds(3));
        return silo
            .ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false)
            .UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(storage))
            .AddAzureBlobGrainStorage(DevnetGrain.StorageName, options => options.BlobServiceClient = new BlobServiceClient(storage))
            .AddAzureTableGrainStorage(DefaultStorageName, options => options.TableServiceClient = new TableServiceClient(storage))
            .UseAzureTableReminderService(options => options.TableServiceClient = new TableServiceClient(storage));
    }
}

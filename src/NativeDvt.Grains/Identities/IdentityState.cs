namespace NativeDvt.Grains.Identities;

/// <summary>An identity grain's durable state: what must survive a move to another silo besides its signing records.</summary>
[GenerateSerializer, Alias("ndvt.identity-state")]
public sealed class IdentityState
{
    /// <summary>The libp2p host key (protobuf), made on first activation: the same peer id on every silo.</summary>
    [Id(0)]
    public byte[]? HostKey { get; set; }

    /// <summary>True after <see cref="Abstractions.IIdentityGrain.StopAsync"/>: the keeper does not start it again.</summary>
    [Id(1)]
    public bool Stopped { get; set; }

    /// <summary>The silo its node last started on: a start elsewhere is a move, and the log says from where.</summary>
    [Id(2)]
    public string? Silo { get; set; }

    /// <summary>The client profile the fault controls set (a devnet file spelling), or null for the file's own.</summary>
    [Id(3)]
    public string? Profile { get; set; }

    /// <summary>The peer ids a partition admits (<see cref="Abstractions.IIdentityGrain.SetPartitionAsync"/>), or null: kept, so a move keeps its side.</summary>
    [Id(4)]
    public string[]? AdmittedPeers { get; set; }

    /// <summary>How long the fault controls hold its blocks back, in milliseconds (0: not at all); kept across moves.</summary>
    [Id(5)]
    public int BlockDelayMilliseconds { get; set; }
}

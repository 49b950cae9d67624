namespace NativeDvt.Grains.Tests;

/// <summary>Tests that share one <see cref="ClusterFixture"/> (starting a cluster takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "cluster";
}

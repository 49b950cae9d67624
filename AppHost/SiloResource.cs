namespace NativeDvt.AppHost;

/// <summary>A silo in the app model and its gateway port (the HTTP host's way in under localhost clustering).</summary>
/// <param name="Resource">The silo project resource.</param>
/// <param name="GatewayPort">Its client gateway port on 127.0.0.1.</param>
internal sealed record SiloResource(IResourceBuilder<ProjectResource> Resource, int GatewayPort);

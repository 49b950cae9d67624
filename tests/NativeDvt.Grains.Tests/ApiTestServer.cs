using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NativeDvt.Dashboard.Api;

namespace NativeDvt.Grains.Tests;

/// <summary>The devnet HTTP host's endpoints on ASP.NET's test server, over a given cluster client.</summary>
internal static class ApiTestServer
{
    public static async Task<WebApplication> StartAsync(IGrainFactory grains)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(grains);
        builder.Services.AddDevnetApi();
        var app = builder.Build();
        app.MapDevnetApi();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}

using Microsoft.Extensions.FileProviders;

namespace NativeDvt.Dashboard;

/// <summary>
/// The dashboard's pages (wwwroot: HTML, CSS and script, no build step), served from the assembly's embedded resources
/// so that any host of the API (the devnet's, a test's) serves the same pages without a web root on disk.
/// </summary>
public static class DashboardPages
{
    /// <summary>Serves <c>/</c> as <c>index.html</c> and the pages' files.</summary>
    public static IApplicationBuilder UseDashboardPages(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardPages).Assembly, "NativeDvt.Dashboard.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}

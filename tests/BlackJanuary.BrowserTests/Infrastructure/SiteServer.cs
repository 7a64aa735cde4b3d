using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>A folder served under a URL path such as "/memorial/".</summary>
public sealed record Mount(string PathBase, string Directory);

/// <summary>
/// A static file server on 127.0.0.1 that behaves like GitHub Pages for what the tests look at:
/// folders are served under a sub-path, "dir/" serves "dir/index.html", "dir" redirects to
/// "dir/", and a missing path gets status 404 with the mount's own 404.html.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiteServer(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>"http://127.0.0.1:port" without a trailing slash.</summary>
    public Uri Origin { get; }

    /// <summary>
    /// Starts on a port the OS picks, so parallel test runs never collide. The mounted folders may
    /// still be empty: files are looked up on every request, so a site built afterwards (with the
    /// port in its base URL) is served as it appears.
    /// </summary>
    public static async Task<SiteServer> StartAsync(IReadOnlyList<Mount> mounts)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var types = ContentTypes();
        foreach (var mount in mounts)
        {
            var files = new PhysicalFileProvider(mount.Directory);
            var path = new PathString(mount.PathBase.TrimEnd('/'));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = path });
            // As GitHub Pages, every file is served, a type it does not know as bytes.
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = path, ContentTypeProvider = types, ServeUnknownFileTypes = true, DefaultContentType = BlackJanuary.Model.ContentTypes.Unknown });
        }

        app.Run(context => NotFoundAsync(context, mounts));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SiteServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The types GitHub Pages sends for the files a site has; the rest are ASP.NET Core's defaults.</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".xml"] = "application/xml";
        types.Mappings[".svg"] = "image/svg+xml";
        types.Mappings[".png"] = "image/png";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".txt"] = "text/plain; charset=utf-8";
        foreach (var cite in new[] { ".bib", ".ris", ".cff" })
        {
            types.Mappings[cite] = BlackJanuary.Model.ContentTypes.Of(cite);
        }

        return types;
    }

    private static async Task NotFoundAsync(HttpContext context, IReadOnlyList<Mount> mounts)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        var path = context.Request.Path.Value ?? "/";
        var mount = mounts.FirstOrDefault(m => path.StartsWith(m.PathBase, StringComparison.Ordinal) || path == m.PathBase.TrimEnd('/'));
        var page = mount is null ? null : Path.Combine(mount.Directory, "404.html");
        if (page is not null && File.Exists(page))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(page);
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("404 Not Found");
        }
    }
}

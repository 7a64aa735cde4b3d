using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using BlackJanuary.Incremental;
using BlackJanuary.Model;

namespace BlackJanuary.Cli;

/// <summary>
/// 'blackjanuary serve': the site built in memory, served by Kestrel on loopback, rebuilt on
/// every save and reloaded in open tabs. A request is always answered from one finished build:
/// the last one that succeeded.
/// </summary>
internal sealed class DevServer : IDisposable
{
    public const string Prefix = "/__blackjanuary/";

    /// <summary>
    /// Editors save in bursts (temp file, rename, save again), all within a millisecond or two:
    /// build once the burst is over. Every millisecond here is one the editor waits on each save.
    /// </summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How long after a build, with no change since, the server collects what the build left
    /// behind: by then the browser has the new page. A collection in the middle of the next
    /// build would cost that build 10–30 ms at 10,000 pages; while the editor reads, none waits.
    /// </summary>
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(200);

    private readonly SiteBuilder _builder;
    private readonly Reporter _reporter;
    private readonly ConcurrentDictionary<Channel<string>, byte> _listeners = new();
    private readonly SemaphoreSlim _changes = new(0);
    private readonly ChangeLog _changed = new();
    private readonly SiteDiff _diff = new();
    private State _state = new(null, [], 0, 0);

    /// <summary>
    /// The last good build and its version (0 before there is one), the problems of the latest
    /// build (none when it succeeded), and a count of builds. Pages carry the version they come
    /// from, so a tab that loaded just before a build, and missed its reload event, still notices.
    /// </summary>
    private sealed record State(SiteSnapshot? Good, IReadOnlyList<Diagnostic> Problems, int Build, int Version);

    private DevServer(SiteBuilder builder, Reporter reporter) => (_builder, _reporter) = (builder, reporter);

    public static int Run(CommandLine.Serve serve, Reporter reporter)
    {
        var port = FreePort(serve.Port, out var wanted);
        if (!wanted && serve.PortGiven)
        {
            reporter.Failed($"blackjanuary: port {serve.Port} is in use; choose another with --port, or --port 0 for any free port.");
            return ExitCodes.Usage;
        }

        var address = $"http://127.0.0.1:{port}/";
        if (!wanted)
        {
            reporter.Always($"Port {serve.Port} is in use; serving on port {port} instead.");
        }

        // The preview's own address replaces base_url, so every link, canonical and feed URL leads
        // back to the preview rather than to the production host.
        var options = serve.Options with { BaseUrl = address };
        using var server = new DevServer(new SiteBuilder(options) { Progress = new App.ReporterProgress(reporter) }, reporter);
        // Watching starts before the first build: a save made while it runs is built right after.
        using var watchers = new WatcherSet([options.ContentDir, options.TemplatesDir], server._changed, () => server._changes.Release());
        server.Rebuild(Stopwatch.StartNew());

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        using var app = builder.Build();
        app.Run(server.Handle);
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            // Another program took the port between the check and now.
            reporter.Failed($"blackjanuary: cannot listen on 127.0.0.1:{port} ({e.Message}); try again, or choose another --port.");
            return ExitCodes.Usage;
        }

        reporter.Always($"Serving {address} — watching {options.ContentDir} and {options.TemplatesDir}. Press Ctrl+C to stop.");
        if (serve.Open)
        {
            OpenBrowser(address, reporter);
        }

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        // Ctrl+C and SIGTERM stop the host, which ends the loop.
        server.WatchLoop(lifetime.ApplicationStopping);
        foreach (var listener in server._listeners.Keys)
        {
            listener.Writer.TryComplete();
        }

        app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        reporter.Info("Stopped.");
        return ExitCodes.Ok;
    }

    public void Dispose() => _changes.Dispose();

    /// <summary>The wanted port when it is free, else any free one; <paramref name="wanted"/> says which.</summary>
    private static int FreePort(int port, out bool wanted)
    {
        foreach (var candidate in new[] { port, 0 })
        {
            try
            {
                var probe = new TcpListener(IPAddress.Loopback, candidate);
                probe.Start();
                var chosen = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                wanted = candidate == port;
                return chosen;
            }
            catch (SocketException) when (candidate != 0)
            {
                // Taken: fall through to a port the system picks.
            }
        }

        throw new UnreachableException();
    }

    private static void OpenBrowser(string address, Reporter reporter)
    {
        try
        {
            Process.Start(new ProcessStartInfo(address) { UseShellExecute = true })?.Dispose();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            reporter.Always($"Could not open a browser ({e.Message}); open {address} yourself.");
        }
    }

    /// <summary>Waits for changes, lets a burst of saves settle, and rebuilds; until stopped.</summary>
    private void WatchLoop(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                if (!_changes.Wait(Idle, stop))
                {
                    GC.Collect(1);
                    _changes.Wait(stop);
                }

                var clock = Stopwatch.StartNew();
                while (_changes.Wait(Quiet, stop))
                {
                    // Another change arrived within the quiet time: wait for the burst to end.
                }

                try
                {
                    Rebuild(clock);
                }
                catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
                {
                    // Bad content is always a diagnostic; this is a bug, but one that need not end the preview.
                    _reporter.Failed($"blackjanuary: internal error while rebuilding: {e.GetType().Name}: {e.Message}. This is a bug in blackjanuary; please report it. Still serving the last good build.");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or the host stopping.
        }
    }

    /// <param name="clock">Started at the first change of the burst: the editor's wait includes the quiet time.</param>
    private void Rebuild(Stopwatch clock)
    {
        var build = Stopwatch.StartNew();
        var snapshot = _builder.Build(_changed.Take());
        build.Stop();
        var previous = _state;
        if (!snapshot.Succeeded)
        {
            _state = previous with { Problems = snapshot.Diagnostics, Build = previous.Build + 1 };
            _reporter.Diagnostics(snapshot.Diagnostics);
            var serving = previous.Good is null ? "Serving a page that lists the problems" : "Still serving the last good build";
            _reporter.Failed($"Build failed: {App.Why(snapshot.Diagnostics, _builder.Options.Strict)} ({clock.ElapsedMilliseconds} ms). {serving}; fix the problems above and save.");
            Broadcast("problems", Problems(snapshot.Diagnostics));
            return;
        }

        var changed = _diff.Changed(snapshot);
        _state = new State(snapshot, [], previous.Build + 1, changed.Count > 0 ? previous.Version + 1 : previous.Version);
        _reporter.Diagnostics(snapshot.Diagnostics);
        if (previous.Build == 0)
        {
            _reporter.Info($"Built {snapshot.Pages} pages in {clock.ElapsedMilliseconds} ms.");
            return;
        }

        _reporter.Info($"Rebuilt in {build.ElapsedMilliseconds} ms ({clock.ElapsedMilliseconds} ms after the save): {snapshot.PagesRendered} of {snapshot.Pages} pages rendered, {changed.Count} file(s) changed.");
        foreach (var path in changed)
        {
            _reporter.Detail("  " + path);
        }
        if (previous.Problems.Count > 0 && changed.Count == 0)
        {
            Broadcast("problems", "[]");
        }
        else if (changed.Count > 0)
        {
            Broadcast("reload", JsonSerializer.Serialize(changed, PreviewJson.Default.IReadOnlyListString));
        }
    }

    private void Broadcast(string name, string json)
    {
        var message = $"event: {name}\ndata: {json}\n\n";
        foreach (var listener in _listeners.Keys)
        {
            listener.Writer.TryWrite(message);
        }
    }

    /// <summary>The diagnostics as the overlay shows them, with lines only from the site's own files.</summary>
    private string Problems(IReadOnlyList<Diagnostic> diagnostics) =>
        OverlayProblem.Json(diagnostics, [_builder.Options.ContentDir, _builder.Options.TemplatesDir]);

    private async Task Handle(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        http.Response.Headers.CacheControl = "no-store";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await Own(http, path[Prefix.Length..]);
            return;
        }

        var state = _state;
        if (state.Good is null)
        {
            // No build has succeeded yet: a page that shows the problems, and reloads once fixed.
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Inject(0, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body><main><h1>The site does not build yet</h1></main></body></html>"));
            return;
        }

        string key;
        SiteFile file;
        switch (SiteAddress.Of(state.Good.Files, path))
        {
            case SiteAddress.Redirect redirect:
                http.Response.Redirect(redirect.Location + http.Request.QueryString, permanent: false);
                return;
            case SiteAddress.Found found:
                (key, file) = (found.Path, found.File);
                break;
            case SiteAddress.Missing { NotFoundPage: { } page }:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                (key, file) = (page.Path, page.File);
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }

        http.Response.Headers.ContentSecurityPolicy = SecurityPolicy.ContentSecurityPolicy;
        http.Response.ContentType = ContentTypes.Of(key);
        if (file.Text is { } text)
        {
            if (ContentTypes.IsHtml(key))
            {
                text = Inject(state.Version, text);
            }

            await http.Response.WriteAsync(text);
        }
        else
        {
            try
            {
                await http.Response.SendFileAsync(file.SourceFile!);
            }
            catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && !http.Response.HasStarted)
            {
                // Deleted or renamed since the last good build; the next build drops it.
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }
    }

    /// <summary>
    /// Adds the live-reload script, an ordinary same-origin file the page's CSP allows, with the
    /// version of the build the page comes from.
    /// </summary>
    private static string Inject(int version, string html)
    {
        var script = $"<script src=\"{Prefix}live.js\" data-build=\"{version}\" defer></script>";
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + script : html.Insert(at, script);
    }

    private async Task Own(HttpContext http, string name)
    {
        switch (name)
        {
            case "live.js" or "live.css":
                http.Response.ContentType = ContentTypes.Of(name);
                await using (var resource = typeof(DevServer).Assembly.GetManifestResourceStream(name)!)
                {
                    await resource.CopyToAsync(http.Response.Body, http.RequestAborted);
                }

                return;
            case "events":
                await Events(http);
                return;
            default:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    /// <summary>Server-Sent Events: the current problems at once, then every change until the tab closes.</summary>
    private async Task Events(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        var channel = Channel.CreateUnbounded<string>();
        _listeners[channel] = 0;
        // A stream opened while the server stops is ended by the stop, not left to time out.
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(
            http.RequestAborted, http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        try
        {
            var state = _state;
            await http.Response.WriteAsync($"retry: 500\nevent: build\ndata: {state.Version}\n\nevent: problems\ndata: {Problems(state.Problems)}\n\n", ends.Token);
            await http.Response.Body.FlushAsync(ends.Token);
            await foreach (var message in channel.Reader.ReadAllAsync(ends.Token))
            {
                await http.Response.WriteAsync(message, ends.Token);
                await http.Response.Body.FlushAsync(ends.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab was closed or reloaded.
        }
        finally
        {
            _listeners.TryRemove(channel, out _);
        }
    }
}

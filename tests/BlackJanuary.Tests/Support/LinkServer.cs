using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlackJanuary.Tests.Support;

/// <summary>Kestrel on 127.0.0.1 with one path for each way a site can answer, recording what it is asked.</summary>
internal sealed class LinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LinkServer(WebApplication app, string baseUrl, ConcurrentQueue<string> requests)
    {
        _app = app;
        Base = baseUrl;
        Requests = requests;
    }

    /// <summary>"http://127.0.0.1:{port}", without a final slash.</summary>
    public string Base { get; }

    /// <summary>"METHOD /path" of every request, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; }

    public static async Task<LinkServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var requests = new ConcurrentQueue<string>();
        app.Run(async context => await AnswerAsync(context, requests));
        await app.StartAsync(cancellationToken);
        return new LinkServer(app, app.Urls.Single().TrimEnd('/'), requests);
    }

    private static async Task AnswerAsync(HttpContext context, ConcurrentQueue<string> requests)
    {
        var (method, path) = (context.Request.Method, context.Request.Path.Value);
        requests.Enqueue($"{method} {path}");
        if (path == "/slow")
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The checker gave up, which is what the test wants; there is no one left to answer.
                return;
            }
        }

        if (path == "/moved")
        {
            context.Response.Headers.Location = "/moved-here";
        }

        context.Response.StatusCode = (path, method) switch
        {
            ("/ok" or "/moved-here" or "/slow", _) => 200,
            ("/failing", _) => 500,
            ("/no-head", "HEAD") => 405,
            ("/no-head", _) => 200,
            ("/head-not-implemented", "HEAD") => 501,
            ("/moved", _) => 301,
            ("/busy", _) => 429,
            _ => 404,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }
}

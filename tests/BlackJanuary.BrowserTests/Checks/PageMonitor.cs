using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>
/// Records what a visitor's browser did while a page loaded: every request, failures, console
/// errors (Chromium reports Content-Security-Policy violations there too) and uncaught script
/// errors. Attach before navigating.
/// </summary>
public sealed class PageMonitor
{
    // Playwright raises events on its own thread while the test reads the lists.
    private readonly Lock _lock = new();
    private readonly List<string> _requests = [];
    private readonly List<(string Url, string Error)> _failures = [];
    private readonly List<(string Text, string Url, string Location)> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];

    private PageMonitor()
    {
    }

    public static PageMonitor Attach(IPage page)
    {
        var monitor = new PageMonitor();
        page.Request += (_, request) => monitor.Add(monitor._requests, request.Url);
        page.RequestFailed += (_, request) => monitor.Add(monitor._failures, (request.Url, request.Failure ?? "failed"));
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                monitor.Add(monitor._failures, (response.Url, $"HTTP {response.Status}"));
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                monitor.Add(monitor._consoleErrors, (message.Text, UrlOf(message.Location), message.Location));
            }
        };
        page.PageError += (_, error) => monitor.Add(monitor._pageErrors, error);
        return monitor;
    }

    public IReadOnlyList<string> Requests => Snapshot(_requests);

    /// <summary>Requests to any origin but <paramref name="origin"/>; data: and blob: URLs never leave the page.</summary>
    public IReadOnlyList<string> ThirdPartyRequests(Uri origin) => Requests
        .Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
        .Where(url => !Uri.TryCreate(url, UriKind.Absolute, out var u) || !SameOrigin(u, origin))
        .ToList();

    /// <summary>Network failures and responses with status 400 or more, except the URLs a test asked for on purpose.</summary>
    public IReadOnlyList<string> FailedRequests(params Uri[] expected) => Snapshot(_failures)
        .Where(f => !expected.Any(e => e.AbsoluteUri == f.Url))
        .Select(f => $"{f.Url}: {f.Error}")
        .ToList();

    public IReadOnlyList<string> ConsoleErrors => ConsoleErrorsExcept();

    /// <summary>
    /// Console errors, without Chromium's "Failed to load resource" notes for URLs a test asked for
    /// on purpose (such as a missing page); every other failed load is also in <see cref="FailedRequests"/>.
    /// </summary>
    public IReadOnlyList<string> ConsoleErrorsExcept(params Uri[] expected) => Snapshot(_consoleErrors)
        .Where(e => !(e.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && expected.Any(u => u.AbsoluteUri == e.Url)))
        .Select(e => $"{e.Text} (at {e.Location})")
        .ToList();

    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    /// <summary>The URL part of a console message location, "URL:line:column".</summary>
    private static string UrlOf(string location)
    {
        var end = location.Length;
        for (var i = 0; i < 2 && end > 0; i++)
        {
            end = location.LastIndexOf(':', end - 1);
        }

        return end > 0 ? location[..end] : location;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private void Add<T>(List<T> list, T item)
    {
        lock (_lock)
        {
            list.Add(item);
        }
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }
}

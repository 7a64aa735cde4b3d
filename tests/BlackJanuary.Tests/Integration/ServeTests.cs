using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using BlackJanuary.Testing;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// 'blackjanuary serve' as a real process on a loopback port, over a fixture site on disk that the
/// tests edit as an editor would; HTTP and Server-Sent Events read as a browser reads them.
/// </summary>
public sealed partial class ServeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, string> Files = new()
    {
        ["content/pages/about.md"] = "---\ntitle: About Testville\nweight: 2\n---\nThe first version.\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\nweight: 3\n---\nEvents.\n",
        ["content/timeline.yaml"] = "- date: 1901-05-06\n  title: The bridge opens\n",
    };

    /// <summary>A fixture site, 'serve' running over it, and an HTTP client for it; disposed in reverse.</summary>
    private sealed class Served(FixtureSite site, ServeProcess serve) : IAsyncDisposable
    {
        public FixtureSite Site => site;

        public ServeProcess Serve => serve;

        public HttpClient Http { get; } = new() { BaseAddress = serve.Address, Timeout = Wait };

        public ServerEvents Events() => ServerEvents.Open(Http, new Uri(serve.Address, "__blackjanuary/events"));

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await serve.DisposeAsync();
            site.Dispose();
        }
    }

    private static async Task<Served> StartAsync()
    {
        var site = new FixtureSite(Files);
        return new Served(site, await ServeProcess.StartAsync(Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates")));
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_saved_edit_is_served_and_open_tabs_are_told_to_reload()
    {
        await using (var served = await StartAsync())
        {
            var (site, serve, http) = (served.Site, served.Serve, served.Http);
            Assert.Contains("The first version.", await GetAsync(http, "about/"), StringComparison.Ordinal);
            await using var events = served.Events();
            Assert.Equal("[]", await events.NextAsync("problems", Wait));

            site.Write("content/pages/about.md", "---\ntitle: About Testville\nweight: 2\n---\nThe second version.\n");
            var changed = JsonSerializer.Deserialize<string[]>(await events.NextAsync("reload", Wait)) ?? [];
            Assert.Equal(["about/index.html"], changed);
            Assert.Contains("The second version.", await GetAsync(http, "about/"), StringComparison.Ordinal);
            Assert.Matches(RebuiltLine(), serve.Output);
        }
    }

    [Fact]
    public async Task A_site_that_never_built_answers_503_until_fixed_then_serves_and_tells_open_tabs_to_reload()
    {
        var site = new FixtureSite(new Dictionary<string, string>(Files) { ["content/pages/about.md"] = "---\ntitle: About Testville\nweight: two\n---\nThe broken version.\n" });
        await using (var served = new Served(site, await ServeProcess.StartAsync(Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates"))))
        {
            using (var response = await served.Http.GetAsync("about/", TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }

            await using var events = served.Events();
            Assert.Contains("BJ2002", await events.NextAsync("problems", Wait), StringComparison.Ordinal);

            site.Write("content/pages/about.md", "---\ntitle: About Testville\nweight: 2\n---\nThe fixed version.\n");
            var changed = JsonSerializer.Deserialize<string[]>(await events.NextAsync("reload", Wait)) ?? [];
            Assert.Contains("about/index.html", changed);
            Assert.Contains("The fixed version.", await GetAsync(served.Http, "about/"), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"Rebuilt in \d+ ms \(\d+ ms after the save\): 1 of 4 pages rendered, 1 file\(s\) changed\.")]
    private static partial Regex RebuiltLine();

    [Fact]
    public async Task A_broken_save_sends_the_problems_with_their_lines_keeps_the_last_good_page_and_clears_when_fixed()
    {
        await using (var served = await StartAsync())
        {
            var (site, serve, http) = (served.Site, served.Serve, served.Http);
            await using var events = served.Events();
            await events.NextAsync("problems", Wait);

            site.Write("content/pages/about.md", "---\ntitle: About Testville\nweight: two\n---\nThe broken version.\n");
            using var problems = JsonDocument.Parse(await events.NextAsync("problems", Wait));
            var problem = Assert.Single(problems.RootElement.EnumerateArray());
            Assert.Equal("error", problem.GetProperty("severity").GetString());
            Assert.Matches(@"about\.md\(3,9\): error BJ2002: ", problem.GetProperty("text").GetString());
            Assert.Equal(3, problem.GetProperty("line").GetInt32());
            var excerpt = problem.GetProperty("excerpt").EnumerateArray().Select(l => (l.GetProperty("number").GetInt32(), l.GetProperty("text").GetString())).ToList();
            Assert.Contains((3, "weight: two"), excerpt);
            Assert.Contains("error BJ2002", serve.Output, StringComparison.Ordinal);
            Assert.Contains("Still serving the last good build", serve.Output, StringComparison.Ordinal);

            // The tab keeps the last good page, and a new tab is told the problems at once.
            Assert.Contains("The first version.", await GetAsync(http, "about/"), StringComparison.Ordinal);
            await using (var second = served.Events())
            {
                Assert.Contains("BJ2002", await second.NextAsync("problems", Wait), StringComparison.Ordinal);
            }

            site.Write("content/pages/about.md", "---\ntitle: About Testville\nweight: 2\n---\nThe fixed version.\n");
            await events.NextAsync("reload", Wait);
            Assert.Contains("The fixed version.", await GetAsync(http, "about/"), StringComparison.Ordinal);
            await using var third = served.Events();
            Assert.Equal("[]", await third.NextAsync("problems", Wait));
        }
    }

    [Fact]
    public async Task A_burst_of_saves_never_serves_a_partial_page_and_ends_on_the_last_version()
    {
        await using (var served = await StartAsync())
        {
            var (site, serve, http) = (served.Site, served.Serve, served.Http);
            using var stop = new CancellationTokenSource();
            var seen = new List<string>();
            var reader = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    seen.Add(await GetAsync(http, "about/"));
                }
            }, TestContext.Current.CancellationToken);

            // Editors save through a temporary file and a rename, truncate and rewrite, and save again.
            var path = Path.Combine(site.Root, "content/pages/about.md");
            for (var i = 1; i <= 20; i++)
            {
                var temp = path + ".tmp~";
                File.WriteAllText(temp, $"---\ntitle: About Testville\nweight: 2\n---\nVersion {i}.\n");
                File.Move(temp, path, overwrite: true);
                File.WriteAllText(path, $"---\ntitle: About Testville\nweight: 2\n---\nVersion {i}, saved again.\n");
                await Task.Delay(i % 5 == 0 ? 100 : 3, TestContext.Current.CancellationToken);
            }

            var deadline = DateTime.UtcNow + Wait;
            while (!(await GetAsync(http, "about/")).Contains("Version 20, saved again.", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "the last save was never served");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            await stop.CancelAsync();
            await reader;
            Assert.NotEmpty(seen);
            Assert.All(seen, html =>
            {
                Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
                Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
                Assert.Matches(@"<main><h1>About Testville</h1><p>(The first version\.|Version \d+(, saved again)?\.)</p>", html);
            });
        }
    }

    [Fact]
    public async Task Deleting_or_renaming_a_page_removes_it_from_the_served_site()
    {
        await using (var served = await StartAsync())
        {
            var (site, serve, http) = (served.Site, served.Serve, served.Http);
            await using var events = served.Events();
            await events.NextAsync("problems", Wait);
            File.Move(Path.Combine(site.Root, "content/pages/about.md"), Path.Combine(site.Root, "content/pages/history.md"));
            await events.NextAsync("reload", Wait);
            using (var gone = await http.GetAsync("about/", TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }

            Assert.Contains("The first version.", await GetAsync(http, "history/"), StringComparison.Ordinal);
            Assert.DoesNotContain("/about/", await GetAsync(http, "sitemap.xml"), StringComparison.Ordinal);

            File.Delete(Path.Combine(site.Root, "content/pages/history.md"));
            await events.NextAsync("reload", Wait);
            using var deleted = await http.GetAsync("history/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        }
    }

    [Fact]
    public async Task A_template_edit_reloads_and_the_live_reload_script_is_only_in_served_pages()
    {
        await using (var served = await StartAsync())
        {
            var (site, serve, http) = (served.Site, served.Serve, served.Http);
            var home = await GetAsync(http, "");
            Assert.Contains("<script src=\"/__blackjanuary/live.js\" data-build=\"1\" defer></script></body>", home, StringComparison.Ordinal);
            Assert.Contains("EventSource", await GetAsync(http, "__blackjanuary/live.js"), StringComparison.Ordinal);

            await using var events = served.Events();
            await events.NextAsync("problems", Wait);
            site.Write("templates/layouts/page.html", "<h1 class=\"changed\">{{ page.title }}</h1>{{ page.content }}");
            var changed = JsonSerializer.Deserialize<string[]>(await events.NextAsync("reload", Wait)) ?? [];
            Assert.Equal(["about/index.html"], changed);
            Assert.Contains("<h1 class=\"changed\">", await GetAsync(http, "about/"), StringComparison.Ordinal);
            // Links and canonical URLs lead back to the preview, not to the production host.
            Assert.Contains($"href=\"/about/\"", home, StringComparison.Ordinal);
        }

        using var built = new FixtureSite(Files);
        Assert.Equal(0, built.Build().ExitCode);
        Assert.All(Directory.EnumerateFiles(built.Output, "*", SearchOption.AllDirectories),
            f => Assert.DoesNotContain("__blackjanuary", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_save_made_as_soon_as_the_server_says_it_serves_is_built()
    {
        await using var served = await StartAsync();
        served.Site.Write("content/pages/about.md", "---\ntitle: About Testville\nweight: 2\n---\nSaved at once.\n");
        var deadline = DateTime.UtcNow + Wait;
        while (!(await GetAsync(served.Http, "about/")).Contains("Saved at once.", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "a save made right after start was never built");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Drafts_are_served_only_with_the_drafts_option()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(Files) { ["content/pages/draft.md"] = "---\ntitle: Not yet\ndraft: true\n---\nUnfinished.\n" });
        string[] folders = [Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates")];
        await using (var plain = await ServeProcess.StartAsync(folders[0], folders[1]))
        {
            using var http = new HttpClient { BaseAddress = plain.Address };
            using var response = await http.GetAsync("draft/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await using var drafts = await ServeProcess.StartAsync(folders[0], folders[1], "--drafts");
        using var client = new HttpClient { BaseAddress = drafts.Address };
        Assert.Contains("Unfinished.", await GetAsync(client, "draft/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_server_and_releases_the_port()
    {
        await using (var served = await StartAsync())
        {
            var (site, serve, http) = (served.Site, served.Serve, served.Http);
            Assert.Equal(0, await serve.InterruptAsync());
            Assert.Contains("Stopped.", serve.Output, StringComparison.Ordinal);
            var listener = new TcpListener(IPAddress.Loopback, serve.Address.Port);
            listener.Start(); // throws if the port were still held
            listener.Stop();
        }
    }

    [Fact]
    public async Task The_default_port_in_use_is_replaced_by_a_free_one_and_said_so()
    {
        // Taken by this test, or already by another program: either way serve must move.
        var taken = new TcpListener(IPAddress.Loopback, 1990);
        try
        {
            taken.Start();
        }
        catch (SocketException)
        {
            taken = null;
        }

        try
        {
            using var site = new FixtureSite(Files);
            await using var serve = await ServeProcess.StartWithOptionsAsync(Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates"), []);
            Assert.Contains($"Port 1990 is in use; serving on port {serve.Address.Port} instead.", serve.Output, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = serve.Address };
            Assert.Contains("Welcome to Testville", await GetAsync(http, ""), StringComparison.Ordinal);
        }
        finally
        {
            taken?.Stop();
        }
    }

    [Fact]
    public void A_port_asked_for_and_in_use_is_an_error_that_says_what_to_do()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var site = new FixtureSite(Files);
            var run = site.Run("serve", "--port", port, "--content", Path.Combine(site.Root, "content"), "--templates", Path.Combine(site.Root, "templates"));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"port {port} is in use; choose another with --port, or --port 0 for any free port.", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task A_tab_that_loaded_before_a_build_it_missed_is_told_to_reload_when_it_connects()
    {
        await using var served = await StartAsync();
        var before = await GetAsync(served.Http, "about/");
        Assert.Contains("data-build=\"1\"", before, StringComparison.Ordinal);
        await using (var events = served.Events())
        {
            await events.NextAsync("problems", Wait);
            served.Site.Write("content/pages/about.md", "---\ntitle: About Testville\nweight: 2\n---\nChanged before the tab listened.\n");
            await events.NextAsync("reload", Wait);
        }

        // A tab whose page came from build 1 connects only now: the server says build 2 at once.
        await using var late = served.Events();
        Assert.Equal("2", await late.NextAsync("build", Wait));
    }
}

using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(SiteFixture))]

namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>
/// Built once for the whole run: the real memorial and the fixture site, generated into temporary
/// folders with the server's port in their base URL, one server for both and for the deliberately
/// broken pages, one browser and one run of the HTML checker. The browser and the checker start on
/// first use, so that a missing Chromium or Java fails only the tests that need them.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string Memorial = "memorial";
    public const string FixtureSite = "fixture";

    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"blackjanuary-browser-{Guid.NewGuid():N}");
    private readonly Dictionary<string, BuiltSite> _sites = new(StringComparer.Ordinal);
    private readonly Lazy<Task<BrowserSession>> _browser = new(BrowserSession.LaunchAsync);
    private readonly Lazy<Task<IReadOnlyList<VnuMessage>>> _vnu;
    private SiteServer? _server;

    public SiteFixture()
    {
        _vnu = new(() => Vnu.ValidateAsync([.. _sites.Values.Select(s => s.OutputDir), BrokenDir]));
    }

    /// <summary>The sites the per-page checks run on, as test data.</summary>
    public static TheoryData<string> SiteNames => [Memorial, FixtureSite];

    public static string BrokenDir => Path.Combine(Repository.Fixtures, "broken");

    public SiteServer Server => _server ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>Where the deliberately broken pages are served.</summary>
    public Uri BrokenUrl => new(Server.Origin, "/broken/");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public BuiltSite Site(string name) => _sites[name];

    public Task<BrowserSession> BrowserAsync() => _browser.Value;

    /// <summary>Nu Html Checker errors for every HTML file of both sites and of the broken pages, from one run.</summary>
    public Task<IReadOnlyList<VnuMessage>> VnuMessagesAsync() => _vnu.Value;

    public async ValueTask InitializeAsync()
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Memorial] = Repository.Content,
            [FixtureSite] = Path.Combine(Repository.Fixtures, "site"),
        };
        var mounts = new List<Mount> { new("/broken/", BrokenDir) };
        foreach (var name in sources.Keys)
        {
            var output = Path.Combine(_temp, name);
            Directory.CreateDirectory(output);
            mounts.Add(new Mount($"/{name}/", output));
        }

        // The port is only known once the server listens, and the sites' absolute URLs need it.
        _server = await SiteServer.StartAsync(mounts);
        foreach (var (name, content) in sources)
        {
            _sites[name] = new BuiltSite(name, Path.Combine(_temp, name), new Uri(_server.Origin, $"/{name}/"));
        }

        await Task.WhenAll(sources.Select(s => Task.Run(() => Build(s.Value, _sites[s.Key]))));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser.IsValueCreated && _browser.Value.IsCompletedSuccessfully)
        {
            await _browser.Value.Result.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Http.Dispose();
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static void Build(string content, BuiltSite site)
    {
        var result = new SiteBuilder(new BuildOptions(
            ContentDir: content,
            TemplatesDir: Repository.Templates,
            OutputDir: site.OutputDir,
            BaseUrl: site.BaseUrl.AbsoluteUri), BuildMode.Disk).Build();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"building {content} failed:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Format(Repository.Root)))}");
        }
    }
}

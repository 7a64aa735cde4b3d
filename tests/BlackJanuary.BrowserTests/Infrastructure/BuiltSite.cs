using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.Model;

namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>One HTML file of a built site and the URL it is served at.</summary>
public sealed record SitePage(string File, Uri Url)
{
    public bool IsNotFoundPage => File == "404.html";

    public override string ToString() => File;
}

/// <summary>One language of a built site: its code (as in hreflang and &lt;html lang&gt;) and its home page.</summary>
public sealed record SiteLanguage(string Code, SitePage Home)
{
    public override string ToString() => Code;
}

/// <summary>A site in an output folder, served by the test server at <see cref="BaseUrl"/>.</summary>
public sealed class BuiltSite
{
    public BuiltSite(string name, string outputDir, Uri baseUrl)
    {
        Name = name;
        OutputDir = outputDir;
        BaseUrl = baseUrl;
    }

    public string Name { get; }

    public string OutputDir { get; }

    /// <summary>Ends in a slash, e.g. http://127.0.0.1:41234/memorial/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// Every *.html file of the output but the redirect pages of aliases, read when asked so that
    /// it reflects the finished build.
    /// </summary>
    public IReadOnlyList<SitePage> Pages
    {
        get
        {
            var redirects = Redirects.Select(r => r.From.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
            return Directory
                .EnumerateFiles(OutputDir, "*.html", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(OutputDir, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .Select(f => new SitePage(f, new Uri(BaseUrl, UrlPathOf(f))))
                .Where(p => !redirects.Contains(p.Url.AbsoluteUri))
                .ToList();
        }
    }

    /// <summary>The redirects of the pages' aliases, as _redirects lists them ("/old/ /new/ 301"): each old address and the one it leads to.</summary>
    public IReadOnlyList<(Uri From, Uri To)> Redirects
    {
        get
        {
            var file = Path.Combine(OutputDir, "_redirects");
            return File.Exists(file)
                ? [.. File.ReadAllLines(file).Select(l => l.Split(' ')).Where(p => p.Length == 3).Select(p => (new Uri(BaseUrl, p[0]), new Uri(BaseUrl, p[1])))]
                : [];
        }
    }

    /// <summary>The pages a visitor can reach by links; 404.html is only shown for missing paths.</summary>
    public IReadOnlyList<SitePage> ContentPages => Pages.Where(p => !p.IsNotFoundPage).ToList();

    public SitePage Home => Pages.Single(p => p.File == "index.html");

    /// <summary>
    /// The site's languages in the order its pages list them, read from the home page's
    /// <c>&lt;link rel="alternate" hreflang&gt;</c> set (x-default left out); the default language
    /// first when the home page lists it first. A one-language site has no alternates: its one
    /// language is the home page's <c>&lt;html lang&gt;</c>.
    /// </summary>
    public IReadOnlyList<SiteLanguage> Languages
    {
        get
        {
            var home = MarkupChecks.Parse(ReadFile(Home.File));
            var alternates = LanguageChecks.Alternates(home).Where(a => a.HrefLang != LanguageChecks.XDefault).ToList();
            if (alternates.Count == 0)
            {
                return [new SiteLanguage(home.DocumentElement.GetAttribute("lang") ?? "", Home)];
            }

            return alternates
                .Select(a => new SiteLanguage(a.HrefLang, PageAt(new Uri(a.Href))
                    ?? throw new InvalidOperationException($"the home page's alternate {a.HrefLang} {a.Href} is not a page of {Name}")))
                .ToList();
        }
    }

    /// <summary>The page served at <paramref name="url"/> (fragment and query ignored), or null when no file of the output is.</summary>
    public SitePage? PageAt(Uri url)
    {
        var wanted = url.GetLeftPart(UriPartial.Path);
        return Pages.FirstOrDefault(p => p.Url.AbsoluteUri == wanted);
    }

    /// <summary>The language of a page: its <c>&lt;html lang&gt;</c>.</summary>
    public string LanguageOf(SitePage page) => MarkupChecks.Parse(ReadFile(page.File)).DocumentElement.GetAttribute("lang") ?? "";

    /// <summary>Whether <paramref name="page"/> is the home page of one of the site's languages.</summary>
    public bool IsHome(SitePage page) => Languages.Any(l => l.Home.File == page.File);

    public Uri UrlOf(string sitePath) => new(BaseUrl, sitePath);

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(OutputDir, relativePath));

    public override string ToString() => Name;

    /// <summary>Pretty URLs: "about/index.html" is linked as "about/".</summary>
    private static string UrlPathOf(string file) =>
        file == "index.html" ? "" : file.EndsWith("/index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;
}

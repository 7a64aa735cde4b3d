namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>One HTML file of a built site and the URL it is served at.</summary>
public sealed record SitePage(string File, Uri Url)
{
    public bool IsNotFoundPage => File == "404.html";

    public override string ToString() => File;
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

    /// <summary>Every *.html file of the output, read when asked so that it reflects the finished build.</summary>
    public IReadOnlyList<SitePage> Pages => Directory
        .EnumerateFiles(OutputDir, "*.html", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(OutputDir, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .Select(f => new SitePage(f, new Uri(BaseUrl, UrlPathOf(f))))
        .ToList();

    /// <summary>The pages a visitor can reach by links; 404.html is only shown for missing paths.</summary>
    public IReadOnlyList<SitePage> ContentPages => Pages.Where(p => !p.IsNotFoundPage).ToList();

    public SitePage Home => Pages.Single(p => p.File == "index.html");

    public Uri UrlOf(string sitePath) => new(BaseUrl, sitePath);

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(OutputDir, relativePath));

    public override string ToString() => Name;

    /// <summary>Pretty URLs: "about/index.html" is linked as "about/".</summary>
    private static string UrlPathOf(string file) =>
        file == "index.html" ? "" : file.EndsWith("/index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;
}

namespace BlackJanuary.Model;

/// <summary>The names of the files a site has besides its pages, which pages link to and hosts look for.</summary>
public static class GeneratedFiles
{
    public const string SitemapFile = "sitemap.xml";
    public const string FeedFile = "feed.xml";
    public const string RobotsFile = "robots.txt";
    public const string HeadersFile = "_headers";

    /// <summary>The redirects of the pages' aliases, for hosts that redirect themselves (Netlify, Cloudflare Pages).</summary>
    public const string RedirectsFile = "_redirects";

    /// <summary>Every lasting address of the build, one absolute URL a line (Output/PublishedUrls.cs).</summary>
    public const string PublishedUrlsFile = "published-urls.txt";

    /// <summary>The addresses a deployed site published, which every later build must keep: in the content folder, not the output (Output/PublishedUrls.cs).</summary>
    public const string UrlsLockFile = "urls.lock";

    /// <summary>Whether a file is read by hosts and never served, so that it has no address.</summary>
    public static bool IsForHosts(string path) => path is HeadersFile or RedirectsFile;

    /// <summary>
    /// Whether a generated file's address is one the site promises to keep (published-urls.txt,
    /// urls.lock): not one hosts never serve, nor a page's cite files, which move with their page
    /// (its aliases keep the page's old address, not theirs) and which the page always links afresh.
    /// </summary>
    public static bool IsLasting(string path) =>
        !IsForHosts(path) && System.IO.Path.GetFileName(path) is not (CiteCslJsonFile or CiteBibTeXFile or CiteRisFile);

    /// <summary>The register's published records for reuse, with their Frictionless description.</summary>
    public const string PeopleCsvFile = "people.csv";
    public const string PeopleJsonFile = "people.json";
    public const string DataPackageFile = "datapackage.json";

    /// <summary>A cited page's citation for reference managers, beside its index.html (<see cref="Citation.FileOf"/>): published addresses, never to change.</summary>
    public const string CiteCslJsonFile = "cite.json";
    public const string CiteBibTeXFile = "cite.bib";
    public const string CiteRisFile = "cite.ris";

    /// <summary>The Citation File Format file at the site root: how to cite the memorial as a whole.</summary>
    public const string CitationCffFile = "CITATION.cff";

    /// <summary>The search index of a language (Search/SearchIndex.cs): meta.json, which the search page fetches first, and the shards and chunks it names.</summary>
    public static string SearchFolder(string language) => "search-index/" + language + "/";

    public const string SearchMetaFile = "meta.json";

    /// <summary>The site files a page may link to (_headers is read by hosts, never served): one feed per language.</summary>
    /// <param name="register">Whether the site has a register of names, whose data files it then publishes.</param>
    public static IEnumerable<string> Linkable(SiteConfig config, bool register) =>
        config.Languages.Select(l => FeedPath(config, l.Code)).Append(SitemapFile).Append(RobotsFile).Append(CitationCffFile)
            .Concat(register ? [PeopleCsvFile, PeopleJsonFile, DataPackageFile] : []);

    /// <summary>Each language has its own feed, in its own URL tree: feed.xml, ru/feed.xml.</summary>
    public static string FeedPath(SiteConfig config, string language) => config.PrefixOf(language) + FeedFile;
}

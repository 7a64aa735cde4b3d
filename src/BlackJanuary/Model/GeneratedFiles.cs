namespace BlackJanuary.Model;

/// <summary>The names of the files a site has besides its pages, which pages link to and hosts look for.</summary>
public static class GeneratedFiles
{
    public const string SitemapFile = "sitemap.xml";
    public const string FeedFile = "feed.xml";
    public const string RobotsFile = "robots.txt";
    public const string HeadersFile = "_headers";

    /// <summary>Files a host reads for its own settings (headers, redirects: Netlify, Cloudflare Pages) and never serves at an address.</summary>
    public static bool IsHostSettings(string path) => path is HeadersFile or "_redirects";

    /// <summary>The register's published records for reuse, with their Frictionless description.</summary>
    public const string PeopleCsvFile = "people.csv";
    public const string PeopleJsonFile = "people.json";
    public const string DataPackageFile = "datapackage.json";

    /// <summary>The search index of a language (Search/SearchIndex.cs): meta.json, which the search page fetches first, and the shards and chunks it names.</summary>
    public static string SearchFolder(string language) => "search-index/" + language + "/";

    public const string SearchMetaFile = "meta.json";

    /// <summary>The site files a page may link to (_headers is read by hosts, never served): one feed per language.</summary>
    /// <param name="register">Whether the site has a register of names, whose data files it then publishes.</param>
    public static IEnumerable<string> Linkable(SiteConfig config, bool register) =>
        config.Languages.Select(l => FeedPath(config, l.Code)).Append(SitemapFile).Append(RobotsFile)
            .Concat(register ? [PeopleCsvFile, PeopleJsonFile, DataPackageFile] : []);

    /// <summary>Each language has its own feed, in its own URL tree: feed.xml, ru/feed.xml.</summary>
    public static string FeedPath(SiteConfig config, string language) => config.PrefixOf(language) + FeedFile;
}

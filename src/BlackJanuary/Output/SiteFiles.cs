using System.Globalization;
using System.Text;
using System.Xml;
using BlackJanuary.Model;
using BlackJanuary.Incremental;

namespace BlackJanuary.Output;

/// <summary>The files a site has besides its pages: sitemap.xml, feed.xml, robots.txt, _headers, the cite files (<see cref="CitationFiles"/>) and the register's data (<see cref="PeopleData"/>).</summary>
public static partial class SiteFiles
{
    /// <summary>Every site file of <paramref name="site"/>: its path in the output and its text.</summary>
    /// <param name="session">The session whose last build's files are kept when what they are made from is unchanged.</param>
    public static IEnumerable<(string Path, string Text)> All(Site site, Session? session = null)
    {
        var c = site.Config;
        return
        [
            // hreflang alternates come from the pages' translation keys.
            .. Session.Once(session, "output.sitemap", new PagesKey(c, new ByPlace<Page>(site.Pages, Page.SamePlace)), () => Sitemaps(site)),
            .. c.Languages.Select(l => (GeneratedFiles.FeedPath(c, l.Code), Session.Once(session, "output.feed." + l.Code, new FeedKey(c, NewestPages(site, l.Code, session)), () => AtomFeed(site, l.Code)))),
            (GeneratedFiles.RobotsFile, Robots(site)),
            (GeneratedFiles.HeadersFile, Headers(site)),
            .. c.DefaultLanguageInSubdir ? [("index.html", RootRedirect(site))] : Array.Empty<(string, string)>(),
            // People equal to the last build's, in the same order, make the same data: an edit elsewhere does not remake it.
            // A page's cite files read its title, dates and place: an edit of its text alone does not remake them.
            .. Session.Once(session, "output.cite", new PagesKey(c, new ByPlace<Page>(site.Pages, Citation.Same)), () => CitationFiles.All(site).ToList()),
            .. Session.Once(session, "output.people", new PeopleKey(c, new ByPlace<Person>(site.People, Person.SameInData), site.HasRegister), () => PeopleData.Files(site).ToList()),
        ];
    }

    private sealed record PeopleKey(SiteConfig Config, ByPlace<Person> People, bool Register);

    /// <summary>What the sitemap and the cite files read: the settings, and each page as the comparison the key is made with compares it.</summary>
    private sealed record PagesKey(SiteConfig Config, ByPlace<Page> Pages);

    /// <summary>What a feed reads: the settings and its entries, each compared whole.</summary>
    private sealed record FeedKey(SiteConfig Config, Values<Page> Entries);

    /// <summary>
    /// The newest pages of a language, for its feed: found again only when some page changed its
    /// date, path or language, the only things the finding reads.
    /// </summary>
    private static Values<Page> NewestPages(Site site, string language, Session? session)
    {
        var places = Session.Once(session, "output.newest." + language, new PagesKey(site.Config, new ByPlace<Page>(site.Pages, Page.SameDate)), () => FeedPlaces(site, language));
        return new Values<Page>([.. places.Select(i => site.Pages[i])]);
    }

    /// <summary>
    /// With every language in its own folder nothing lives at the root, where visitors arrive: it
    /// sends them on to the default language's home, without a script (the CSP allows none).
    /// </summary>
    public static string RootRedirect(Site site) =>
        Redirects.Page(site.Config, site.Config.Language, site.Config.DefaultLanguage.Title, site.Config.PrefixOf(site.Config.Language));

    /// <summary>
    /// A sitemap holds at most 50,000 addresses (sitemaps.org); a page's alternates in every
    /// language count here too, so that a file of a multilingual register stays far under the
    /// protocol's 50 MB as well.
    /// </summary>
    public const int SitemapLinks = 50_000;

    /// <summary>
    /// Every page but 404s, in sitemap.xml; a site with more pages than one sitemap may hold gets
    /// sitemap-1.xml, sitemap-2.xml, … and sitemap.xml becomes their index, which crawlers read
    /// the same way (robots.txt names it either way).
    /// </summary>
    public static List<(string Path, string Text)> Sitemaps(Site site)
    {
        var c = site.Config;
        var pages = site.Pages.Where(p => !p.IsNotFound).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var perFile = Math.Max(1, SitemapLinks / (c.IsMultilingual ? c.Languages.Count + 2 : 1));
        if (pages.Count <= perFile)
        {
            return [(GeneratedFiles.SitemapFile, Sitemap(site, pages))];
        }

        var parts = pages.Chunk(perFile).Select((chunk, i) => ($"sitemap-{i + 1}.xml", Sitemap(site, chunk))).ToList();
        var index = Xml(w =>
        {
            w.WriteStartElement("sitemapindex", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (path, _) in parts)
            {
                w.WriteStartElement("sitemap");
                w.WriteElementString("loc", c.AbsoluteUrlFor(path));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
        return [(GeneratedFiles.SitemapFile, index), .. parts];
    }

    /// <summary>
    /// A page with translations lists them all, itself included, with hreflang, and the default
    /// language's version as x-default, as search engines ask.
    /// </summary>
    private static string Sitemap(Site site, IReadOnlyList<Page> pages)
    {
        const string xhtml = "http://www.w3.org/1999/xhtml";
        var c = site.Config;
        return Xml(w =>
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            if (c.IsMultilingual)
            {
                w.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            }

            foreach (var page in pages)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", c.AbsoluteUrlFor(page.Path));
                var translations = c.IsMultilingual ? site.TranslationsOf(page) : [];
                if (translations.Count > 1)
                {
                    foreach (var translation in translations)
                    {
                        Alternate(w, xhtml, translation.Language, c.AbsoluteUrlFor(translation.Path));
                    }

                    if (translations.FirstOrDefault(t => t.Language == c.Language) is { } original)
                    {
                        Alternate(w, xhtml, "x-default", c.AbsoluteUrlFor(original.Path));
                    }
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    /// <summary>
    /// Entries in the feed. Readers fetch a feed again and again to see what is new; a memorial of
    /// thousands of pages would otherwise send megabytes each time, and rebuild them on every save.
    /// </summary>
    public const int FeedLimit = 20;

    /// <summary>
    /// An Atom feed of the newest <see cref="FeedLimit"/> dated pages, newest first. Its 'updated' is the newest page's date, not
    /// the build time, so that identical content gives an identical feed.
    /// </summary>
    public static string AtomFeed(Site site, string languageCode)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        var c = site.Config;
        var language = c.LanguageOf(languageCode);
        var home = c.PrefixOf(language.Code);
        var entries = FeedEntries(site, language.Code);
        var updated = entries.Count > 0 ? Stamp(entries[0].Date!) : "1970-01-01T00:00:00Z";
        return Xml(w =>
        {
            w.WriteStartElement("feed", atom);
            w.WriteAttributeString("xml", "lang", null, language.Code);
            w.WriteElementString("title", atom, language.Title);
            if (language.Tagline.Length > 0)
            {
                w.WriteElementString("subtitle", atom, language.Tagline);
            }

            w.WriteElementString("id", atom, c.AbsoluteUrlFor(home));
            w.WriteElementString("updated", atom, updated);
            Link(w, atom, "self", c.AbsoluteUrlFor(GeneratedFiles.FeedPath(c, language.Code)));
            Link(w, atom, "alternate", c.AbsoluteUrlFor(home));
            w.WriteStartElement("author", atom);
            w.WriteElementString("name", atom, c.Author);
            w.WriteEndElement();
            w.WriteStartElement("generator", atom);
            w.WriteString(Generator.Name);
            w.WriteEndElement();
            foreach (var page in entries)
            {
                w.WriteStartElement("entry", atom);
                w.WriteElementString("title", atom, page.Title);
                w.WriteElementString("id", atom, c.AbsoluteUrlFor(page.Path));
                w.WriteElementString("updated", atom, Stamp(page.Date!));
                w.WriteElementString("published", atom, Stamp(page.Date!));
                Link(w, atom, "alternate", c.AbsoluteUrlFor(page.Path));
                if (page.Summary.Length > 0)
                {
                    w.WriteElementString("summary", atom, page.Summary);
                }

                w.WriteStartElement("content", atom);
                w.WriteAttributeString("type", "html");
                w.WriteString(AbsoluteLinks(page.ContentHtml, c));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    /// <summary>The pages the feed shows, newest first.</summary>
    private static List<Page> FeedEntries(Site site, string language) => [.. FeedPlaces(site, language).Select(i => site.Pages[i])];

    /// <summary>The places in the site's pages of the newest dated pages of a language, newest first.</summary>
    private static List<int> FeedPlaces(Site site, string language)
    {
        // The newest few of thousands of pages: kept in order as they are met, instead of sorting all of them.
        var newest = new List<int>(FeedLimit + 1);
        for (var i = 0; i < site.Pages.Count; i++)
        {
            var page = site.Pages[i];
            if (page.Date is null || page.IsNotFound || page.Language != language || (newest.Count == FeedLimit && Newer(site.Pages[newest[^1]], page) <= 0))
            {
                continue;
            }

            var at = newest.FindIndex(n => Newer(page, site.Pages[n]) < 0);
            newest.Insert(at < 0 ? newest.Count : at, i);
            if (newest.Count > FeedLimit)
            {
                newest.RemoveAt(FeedLimit);
            }
        }

        return newest;
    }

    /// <summary>Below zero when <paramref name="a"/> comes first in the feed: the later date, then the path in ordinal order.</summary>
    private static int Newer(Page a, Page b) =>
        b.Date!.Start.CompareTo(a.Date!.Start) is var byDate and not 0 ? byDate : string.CompareOrdinal(a.Path, b.Path);

    public static string Robots(Site site) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {site.Config.AbsoluteUrlFor(GeneratedFiles.SitemapFile)}\n";

    /// <summary>
    /// Response headers for hosts that read a _headers file (Netlify, Cloudflare Pages): the same
    /// CSP as the pages' meta tag, plus long caching for fingerprinted assets.
    /// </summary>
    public static string Headers(Site site)
    {
        var b = site.Config.BasePath;
        return $"{b}*\n" +
            $"  Content-Security-Policy: {SecurityPolicy.ContentSecurityPolicy}; frame-ancestors 'none'\n" +
            "  X-Content-Type-Options: nosniff\n" +
            "  Referrer-Policy: no-referrer\n" +
            "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n" +
            $"{b}assets/*\n" +
            "  Cache-Control: public, max-age=31536000, immutable\n" +
            // The search index's shards and chunks are named by their content; its meta.json, which names them, is not.
            (site.Config.Languages.Any(l => site.SearchPathIn(l.Code) is not null)
                ? $"{b}search-index/*/t/*\n" +
                  "  Cache-Control: public, max-age=31536000, immutable\n" +
                  $"{b}search-index/*/d/*\n" +
                  "  Cache-Control: public, max-age=31536000, immutable\n"
                : "");
    }

    /// <summary>
    /// Feed readers show content away from the site and under no Content-Security-Policy, so each
    /// href and src is written as a browser reads it (<see cref="Urls.Normalize"/>): root-relative
    /// and protocol-relative ones with the site's scheme and host, and one that would run code not at
    /// all. Addresses that need no change keep their exact text.
    /// </summary>
    private static string AbsoluteLinks(string html, SiteConfig c)
    {
        var origin = c.BaseUrl.GetLeftPart(UriPartial.Authority);
        return UrlAttribute().Replace(html, m =>
        {
            var written = m.Groups["double"].Success ? m.Groups["double"].Value : m.Groups["single"].Value;
            var decoded = Markdig.Helpers.HtmlHelper.Unescape(written, removeBackSlash: false);
            var url = Urls.NormalizeAttribute(written);
            var absolute = Urls.RunsCode(url) ? ""
                : url.StartsWith("//", StringComparison.Ordinal) ? c.BaseUrl.Scheme + ":" + url
                : url.StartsWith('/') ? origin + url
                : url;
            return absolute == decoded && m.Groups["double"].Success
                ? m.Value
                : $"{m.Groups["name"].Value}=\"{absolute.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)}\"";
        });
    }

    /// <summary>An attribute a reader follows or loads, in a tag (text escapes its quotes, so a quoted value after one of these names is an attribute).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(?<name>\\b(?:href|src|cite|poster|action|formaction|background))\\s*=\\s*(?:\"(?<double>[^\"]*)\"|'(?<single>[^']*)')", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex UrlAttribute();

    private static string Stamp(PartialDate date) =>
        date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static void Alternate(XmlWriter w, string ns, string hreflang, string href)
    {
        w.WriteStartElement("xhtml", "link", ns);
        w.WriteAttributeString("rel", "alternate");
        w.WriteAttributeString("hreflang", hreflang);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string ns, string rel, string href)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Xml(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", OmitXmlDeclaration = false };
        using (var w = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            write(w);
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>StringWriter reports UTF-16, which XmlWriter would then declare; the files are UTF-8.</summary>
    private sealed class StringWriterUtf8(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}

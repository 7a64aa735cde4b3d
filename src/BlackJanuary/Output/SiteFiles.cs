using System.Globalization;
using System.Text;
using System.Xml;
using BlackJanuary.Model;
using BlackJanuary.Templates;

namespace BlackJanuary.Output;

/// <summary>The files a site has besides its pages: sitemap.xml, feed.xml, robots.txt, _headers.</summary>
public static partial class SiteFiles
{
    public const string SitemapFile = "sitemap.xml";
    public const string FeedFile = "feed.xml";
    public const string RobotsFile = "robots.txt";
    public const string HeadersFile = "_headers";

    /// <summary>The site files a page may link to (_headers is read by hosts, never served).</summary>
    public static readonly IReadOnlyList<string> Linkable = [FeedFile, SitemapFile, RobotsFile];

    /// <summary>Every site file of <paramref name="site"/>: its path in the output and its text.</summary>
    /// <param name="memo">The files of the session's last build, kept when what they are made from is unchanged.</param>
    public static IEnumerable<(string Path, string Text)> All(Site site, SiteFilesMemo? memo = null)
    {
        memo ??= new SiteFilesMemo();
        return
        [
            (SitemapFile, memo.Text(SitemapFile, [site.Config, site.Pages.Select(p => p.Path).ToArray()], () => Sitemap(site))),
            (FeedFile, memo.Text(FeedFile, [site.Config, FeedEntries(site)], () => AtomFeed(site))),
            (RobotsFile, Robots(site)),
            (HeadersFile, Headers(site)),
        ];
    }

    public static string Sitemap(Site site)
    {
        return Xml(w =>
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in site.Pages.Where(p => !p.IsNotFound).OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", site.Config.AbsoluteUrlFor(page.Path));
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
    public static string AtomFeed(Site site)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        var c = site.Config;
        var entries = FeedEntries(site);
        var updated = entries.Count > 0 ? Stamp(entries[0].Date!) : "1970-01-01T00:00:00Z";
        return Xml(w =>
        {
            w.WriteStartElement("feed", atom);
            w.WriteAttributeString("xml", "lang", null, c.Language);
            w.WriteElementString("title", atom, c.Title);
            if (c.Tagline.Length > 0)
            {
                w.WriteElementString("subtitle", atom, c.Tagline);
            }

            w.WriteElementString("id", atom, c.AbsoluteUrlFor(""));
            w.WriteElementString("updated", atom, updated);
            Link(w, atom, "self", c.AbsoluteUrlFor(FeedFile));
            Link(w, atom, "alternate", c.AbsoluteUrlFor(""));
            w.WriteStartElement("author", atom);
            w.WriteElementString("name", atom, c.Author);
            w.WriteEndElement();
            w.WriteStartElement("generator", atom);
            w.WriteString(TemplateModel.Generator);
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
    private static List<Page> FeedEntries(Site site) =>
        site.Pages.Where(p => p.Date is not null && !p.IsNotFound)
            .OrderByDescending(p => p.Date!.Start).ThenBy(p => p.Path, StringComparer.Ordinal).Take(FeedLimit).ToList();

    public static string Robots(Site site) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {site.Config.AbsoluteUrlFor(SitemapFile)}\n";

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
            "  Cache-Control: public, max-age=31536000, immutable\n";
    }

    /// <summary>Feed readers show content away from the site, so root-relative links must carry the host.</summary>
    private static string AbsoluteLinks(string html, Configuration.SiteConfig c)
    {
        var origin = c.BaseUrl.GetLeftPart(UriPartial.Authority);
        return RootRelative().Replace(html, m => $"{m.Groups[1].Value}=\"{origin}/");
    }

    /// <summary>href="/…" or src="/…" but not protocol-relative "//host/…".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("\\b(href|src)=\"/(?!/)")]
    private static partial System.Text.RegularExpressions.Regex RootRelative();

    private static string Stamp(PartialDate date) =>
        date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

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

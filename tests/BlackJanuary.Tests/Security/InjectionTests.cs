using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// A site in which every value an editor controls carries XSS payloads, built through the real
/// command line with the real theme and with the minimal one. Every output file is then parsed the
/// way a browser or a feed reader parses it, and compared with the same site built from plain
/// words: the payloads must land as text, and the pages must have exactly the elements and
/// attributes the plain site has. Values that cannot be written safely are refused with a diagnostic.
/// </summary>
public class InjectionTests
{
    /// <summary>
    /// One value that tries to break out of HTML text and attributes (both quotes), a &lt;script&gt;
    /// (JSON-LD), a comment, CDATA and an XML entity, and to run as a template or a URL; U+2028
    /// ends a line in older JavaScript.
    /// </summary>
    private const string Payload =
        "<script>alert(1)</script> \"><img src=x onerror=alert(1)> '><svg onload=alert(1)> javascript:alert(1) "
        + "</script><script>alert(1)</script> ]]> &lt; {{ 7*7 }} \u2028 --> <!--";

    /// <summary>The plain site: the same content with the payload replaced by harmless words.</summary>
    private const string Plain = "plain words";

    /// <summary>
    /// The parts of <see cref="Payload"/> that Markdown keeps as they are in text; it turns quotes into
    /// typographic ones, "--" into a dash, and reads "&amp;lt;" as the character it names.
    /// </summary>
    private static readonly string[] MarkdownPieces = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "{{ 7*7 }}", "]]>"];

    private const string Host = "https://memorial.example.org";

    private const string Base = "/sub/";

    private static string V(string field, string p) => field + " " + p;

    /// <summary>A YAML double-quoted scalar: U+2028 must be an escape, since YAML 1.1 reads it as a line break.</summary>
    private static string Yaml(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u2028", "\\u2028", StringComparison.Ordinal) + "\"";

    /// <summary>A media file whose name carries the attribute breakers (a file name cannot hold '/').</summary>
    // Only characters every host allows in a file name ('"', '<' and '>' are refused, BJ2009), so
    // the payload is the one that breaks out of single-quoted attributes and entities.
    private static string MediaName(string p) => p == Plain ? "plain-words.png" : "x' onerror=alert(1) &lt;svg onload=alert(1)&gt;.png";

    /// <summary>Markdown that puts the payload in every construct that writes text: at most one '*' per paragraph, so no emphasis forms.</summary>
    private static string Body(string p)
    {
        var bracketed = p.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        var quoted = p.Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"""
            # Heading {p}

            A [link {bracketed}](https://example.org/ "title {quoted}").

            ![alt {bracketed}](/media/photo.png)

            Noted.[^n] Autolink <https://example.org/"onmouseover=alert(1)>, [quote in URL](https://example.org/"onmouseover=alert(1)).

            | Head {p} | B |
            |---|---|
            | Cell {p} | `code {p}` |

            ~~~
            block {p}
            ~~~

            ^^^
            ![figure](/media/photo.png)
            ^^^ Caption {p}

            [^n]: Footnote {p}

            """;
    }

    private static Dictionary<string, string> Content(string p, bool siteNav)
    {
        var media = MediaName(p);
        var nav = siteNav
            ? $"""
                nav:
                  - title: {Yaml(V("nav-home", p))}
                    url: ""
                  - title: {Yaml(V("nav-path", p))}
                    url: {Yaml(p)}
                  - title: {Yaml(V("nav-external", p))}
                    url: {Yaml("https://example.org/?q=" + p)}
                """
            : "";
        string Page(string field, string extra, string body) => $"""
            ---
            title: {Yaml(V(field + "-title", p))}
            nav_title: {Yaml(V(field + "-nav", p))}
            {extra}
            ---
            {body}
            """;
        string Summary(string field) => $"summary: {Yaml(V(field + "-summary", p))}\n";
        return new Dictionary<string, string>
        {
            ["content/site.yaml"] = $"""
                title: {Yaml(V("site-title", p))}
                tagline: {Yaml(V("site-tagline", p))}
                description: {Yaml(V("site-description", p))}
                base_url: {Host}{Base}
                language: en
                author: {Yaml(V("site-author", p))}
                image: {Yaml("https://share.example.org/card.png?q=" + p)}
                {nav}
                """,
            ["content/pages/index.md"] = Page("home", Summary("home") + $"weight: 1\ndate: 2001-02-03\nimage: {Yaml("media/" + media)}\nimage_alt: {Yaml(V("home-image-alt", p))}", Body(p)),
            ["content/pages/about.md"] = Page("about", Summary("about") + $"weight: 2\ndate: 2001-02-04\nimage: {Yaml("/media/" + media)}\nimage_alt: {Yaml(V("about-image-alt", p))}", Body(p)),
            ["content/pages/timeline.md"] = Page("timeline", Summary("timeline") + "weight: 3\nlayout: timeline", $"Short {p}"),
            ["content/pages/404.md"] = Page("missing", "", $"Gone {p}"),
            ["content/timeline.yaml"] = $"""
                - date: 1990-01-20
                  title: {Yaml(V("event-title", p))}
                  place: {Yaml(V("event-place", p))}
                  body: {Yaml(Body(p))}
                  image: {Yaml("media/" + media)}
                  image_alt: {Yaml(V("event-image-alt", p))}
                  sources:
                    - title: {Yaml(V("source-online", p))}
                      url: {Yaml("https://example.org/source?q=" + p)}
                    - title: {Yaml(V("source-printed", p))}
                - date: 1990
                  end_date: 1991-02
                  title: {Yaml(V("span-title", p))}
                  body: {Yaml("Short " + p)}
                """,
        };
    }

    /// <summary>A built site: every output file's text by its path, with the media file's name made plain.</summary>
    private sealed record Built(CliRun Run, IReadOnlyDictionary<string, string> Files);

    private static Built Build(IReadOnlyDictionary<string, string> content, bool realTheme, IEnumerable<string>? media = null)
    {
        using var site = new FixtureSite(new Dictionary<string, string>(), withTheme: !realTheme, withContent: false);
        foreach (var (path, text) in content)
        {
            // As bytes: FixtureSite.Write would make U+2028 a line break.
            site.WriteBytes(path, Encoding.UTF8.GetBytes(text));
        }

        foreach (var name in media ?? [])
        {
            site.WriteBytes("content/media/" + name, TestImages.Png());
        }

        var run = realTheme
            ? site.Run("build", "--content", site.Content, "--templates", Path.Combine(RepoPaths.Root, "templates"), "--output", site.Output)
            : site.Build();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(site.Output))
        {
            foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(site.Output, file).Replace('\\', '/');
                files[PlainMediaPath(path)] = File.ReadAllText(file);
            }
        }

        return new Built(run, files);
    }

    /// <summary>The payload's media file and each of its sizes ('media/x….24.15ec26f08e.avif') by the plain file's name.</summary>
    private static string PlainMediaPath(string path)
    {
        if (!path.StartsWith("media/x", StringComparison.Ordinal))
        {
            return path;
        }

        var size = System.Text.RegularExpressions.Regex.Match(path, @"(\.\d+\.[0-9a-f]{10}\.[a-z]+)$");
        return "media/" + (size.Success ? Path.GetFileNameWithoutExtension(MediaName(Plain)) + size.Value : MediaName(Plain));
    }

    private static Built BuildWith(string p, bool realTheme, bool siteNav)
    {
        var built = Build(Content(p, siteNav), realTheme, [MediaName(p), "photo.png"]);
        Assert.True(built.Run.ExitCode == 0, built.Run.Stdout + built.Run.Stderr);
        return built;
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Each element in document order, with the names of its attributes: what a page is made of, whatever its text.</summary>
    private static List<string> Shape(IDocument doc) =>
        doc.All.Select(e => e.LocalName + "[" + string.Join(' ', e.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal)) + "]").ToList();

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "poster", "cite", "data", "srcset", "xlink:href", "background"];

    /// <summary>What no page may contain, whatever its theme: handlers, code-running URLs, inline style, scripts other than JSON-LD.</summary>
    private static void AssertNothingRuns(IParentNode root, string where)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: <{element.LocalName} {attribute.Name}=…>");
                Assert.False(attribute.Name == "style", $"{where}: <{element.LocalName} style=…> breaks the CSP");
                if (UrlAttributes.Contains(attribute.Name))
                {
                    var scheme = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("data:", StringComparison.Ordinal)
                        || scheme.StartsWith("vbscript:", StringComparison.Ordinal), $"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }

            if (element.LocalName == "script" && element.GetAttribute("type") == "module")
            {
                // The search page's script: the theme's own file, nothing written inside.
                Assert.Matches(@"/assets/js/search\.[0-9a-f]{10}\.js$", element.GetAttribute("src"));
                Assert.Empty(element.TextContent);
            }
            else if (element.LocalName == "script")
            {
                Assert.Equal("application/ld+json", element.GetAttribute("type"));
                // A '<' could open "<!--" or "</script", which change where a browser ends the script.
                Assert.DoesNotContain('<', element.TextContent);
            }
        }

        // The theme's own forms are the search field and the search page's, which submit to the site's search page.
        Assert.Empty(root.QuerySelectorAll("iframe, object, embed, form:not(.site-search, .search-form), svg, math, style, base, meta[http-equiv=refresh]"));
        Assert.All(root.QuerySelectorAll("form"), f => Assert.EndsWith("/search/", f.GetAttribute("action"), StringComparison.Ordinal));
    }

    private static string Text(IDocument doc, string selector) =>
        doc.QuerySelector(selector)?.TextContent ?? throw new Xunit.Sdk.XunitException($"no {selector} in {doc.DocumentElement.OuterHtml}");

    private static string Attr(IDocument doc, string selector, string attribute) =>
        doc.QuerySelector(selector)?.GetAttribute(attribute) ?? throw new Xunit.Sdk.XunitException($"no {selector}[{attribute}]");

    private static string Encoded(string name) => Uri.EscapeDataString(name);

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Payloads_in_every_editor_value_land_as_text_and_add_no_element_or_attribute(bool realTheme, bool siteNav)
    {
        var plain = BuildWith(Plain, realTheme, siteNav);
        var hostile = BuildWith(Payload, realTheme, siteNav);
        // The search index's shards hold the pages' words, which the payloads change; its files are data that no page runs.
        static IEnumerable<string> Names(IEnumerable<string> paths) => paths.Where(p => !p.StartsWith("search-index/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(Names(plain.Files.Keys), Names(hostile.Files.Keys));

        foreach (var (path, text) in hostile.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = Parse(text);
            Assert.True(Shape(Parse(plain.Files[path])).SequenceEqual(Shape(doc)), $"{path} is not made of the same elements as in the plain site:\n{text}");
            AssertNothingRuns(doc, path);
            // 'language' must be a language code (BJ2008 otherwise, in DiagnosticsTests), so it carries no payload.
            Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        }

        var p = Payload;
        var about = Parse(hostile.Files["about/index.html"]);
        var timeline = Parse(hostile.Files["timeline/index.html"]);
        // The event with the full Markdown body; the span of 1990 comes before it.
        const string theEvent = "li[id^='1990-01-20']";
        var missing = Parse(hostile.Files["404.html"]);
        var navTitles = siteNav ? new[] { V("nav-home", p), V("nav-path", p), V("nav-external", p) } : [V("home-nav", p), V("about-nav", p), V("timeline-nav", p)];
        var navUrls = siteNav ? new[] { Base, Base + string.Join('/', p.Split('/').Select(Encoded)), "https://example.org/?q=" + p } : [Base, Base + "about/", Base + "timeline/"];
        var nav = about.QuerySelectorAll(realTheme ? ".site-nav a" : "nav a");
        Assert.Equal(navTitles, nav.Select(a => a.TextContent));
        Assert.Equal(navUrls, nav.Select(a => a.GetAttribute("href")));

        if (realTheme)
        {
            Assert.Equal(V("about-title", p) + " — " + V("site-title", p), Text(about, "title"));
            Assert.Equal(V("site-title", p) + " — " + V("site-tagline", p), Text(Parse(hostile.Files["index.html"]), "title"));
            Assert.Equal(V("missing-title", p) + " — " + V("site-title", p), Text(missing, "title"));
            Assert.Equal(V("about-title", p), Text(about, ".page-header h1"));
            Assert.Equal(V("about-summary", p), Text(about, ".page-header .lead"));
            Assert.Equal(V("about-summary", p), Attr(about, "meta[name=description]", "content"));
            Assert.Equal(V("site-description", p), Attr(missing, "meta[name=description]", "content"));
            Assert.Equal(V("site-title", p), Text(about, ".site-title"));
            Assert.Equal(V("site-tagline", p), Text(about, ".site-tagline"));
            Assert.Equal("© " + V("site-author", p), Text(about, ".copyright"));
            Assert.Equal(Host + Base + "media/" + Encoded(MediaName(p)), Attr(about, "meta[property='og:image']", "content"));
            Assert.Equal(V("about-image-alt", p), Attr(about, "meta[property='og:image:alt']", "content"));
            Assert.Equal("https://share.example.org/card.png?q=" + p, Attr(timeline, "meta[property='og:image']", "content"));
            Assert.Equal(V("event-title", p), Text(timeline, theEvent + " .event-title"));
            Assert.Equal(V("event-place", p), Text(timeline, theEvent + " .event-place"));
            Assert.Equal(V("event-image-alt", p), Attr(timeline, theEvent + " .event-figure img", "alt"));
            // The image's JPEG of the largest width for every browser: its name, then the width and hash.
            Assert.StartsWith(Base + "media/" + Encoded(Path.GetFileNameWithoutExtension(MediaName(p))) + ".24.", Attr(timeline, theEvent + " .event-figure img", "src"), StringComparison.Ordinal);
            Assert.Equal([V("source-online", p), V("source-printed", p)], timeline.QuerySelectorAll(theEvent + " .event-sources li").Select(li => li.TextContent));
            Assert.Equal("https://example.org/source?q=" + p, Attr(timeline, theEvent + " .event-sources a", "href"));
            AssertJsonLd(hostile);
        }
        else
        {
            Assert.Equal(V("about-title", p) + " | " + V("site-title", p), Text(about, "title"));
            Assert.Equal(V("about-title", p), Text(about, "h1"));
            Assert.Contains(V("event-title", p), Text(timeline, theEvent), StringComparison.Ordinal);
        }

        AssertMarkdownIsText(about.QuerySelector("main")!, "about/index.html");
        AssertMarkdownIsText(timeline.QuerySelector(theEvent)!, "the event body");
        AssertXml(hostile);
    }

    /// <summary>The payload inside each Markdown construct is text of that construct, not markup.</summary>
    private static void AssertMarkdownIsText(IElement body, string where)
    {
        var texts = new Dictionary<string, string>
        {
            ["heading"] = body.QuerySelector("h1[id^=heading]")?.TextContent ?? "",
            ["link text"] = body.QuerySelector("a[href='https://example.org/']")?.TextContent ?? "",
            ["link title"] = body.QuerySelector("a[href='https://example.org/']")?.GetAttribute("title") ?? "",
            ["image alt"] = body.QuerySelector("img[src*='/media/photo.']")?.GetAttribute("alt") ?? "",
            ["table head"] = body.QuerySelector("th")?.TextContent ?? "",
            ["table cell"] = body.QuerySelector("td")?.TextContent ?? "",
            ["footnote"] = body.QuerySelector(".footnotes li")?.TextContent ?? "",
            ["figure caption"] = body.QuerySelector("figcaption")?.TextContent ?? "",
        };
        foreach (var (construct, text) in texts)
        {
            foreach (var piece in MarkdownPieces)
            {
                Assert.True(text.Contains(piece, StringComparison.Ordinal), $"{where}: the {construct} '{text}' lacks '{piece}'");
            }
        }

        // Code is written exactly as it is, and its links are quoted, not broken out of.
        Assert.Equal(["code " + Payload, "block " + Payload + "\n"], body.QuerySelectorAll("code").Select(c => c.TextContent));
        Assert.All(body.QuerySelectorAll("a[href*=onmouseover]"), a => Assert.Equal("https://example.org/%22onmouseover=alert(1)", a.GetAttribute("href")));
    }

    private static void AssertJsonLd(Built hostile)
    {
        var p = Payload;
        JsonElement Graph(string path)
        {
            var script = Parse(hostile.Files[path]).QuerySelectorAll("script").Single();
            return JsonDocument.Parse(script.TextContent).RootElement.GetProperty("@graph");
        }

        var article = Graph("index.html")[0];
        Assert.Equal(V("home-title", p), article.GetProperty("headline").GetString());
        Assert.Equal(V("home-summary", p), article.GetProperty("description").GetString());
        Assert.Equal("en", article.GetProperty("inLanguage").GetString());
        Assert.Equal(V("site-author", p), article.GetProperty("author").GetProperty("name").GetString());
        var crumbs = Graph("about/index.html")[0].GetProperty("itemListElement");
        Assert.Equal([V("site-title", p), V("about-title", p)], crumbs.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var timeline = Graph("timeline/index.html");
        var ev = timeline.EnumerateArray().Single(x => x.GetProperty("@type").GetString() == "Event");
        Assert.Equal(V("event-title", p), ev.GetProperty("name").GetString());
        Assert.Equal(V("event-place", p), ev.GetProperty("location").GetProperty("name").GetString());
    }

    private static void AssertXml(Built hostile)
    {
        var p = Payload;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(hostile.Files["feed.xml"]).Root!;
        Assert.Equal("en", feed.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal(V("site-title", p), feed.Element(atom + "title")?.Value);
        Assert.Equal(V("site-tagline", p), feed.Element(atom + "subtitle")?.Value);
        Assert.Equal(V("site-author", p), feed.Element(atom + "author")?.Element(atom + "name")?.Value);
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal([V("about-title", p), V("home-title", p)], entries.Select(e => e.Element(atom + "title")?.Value));
        Assert.Equal([V("about-summary", p), V("home-summary", p)], entries.Select(e => e.Element(atom + "summary")?.Value));
        foreach (var entry in entries)
        {
            // Feed readers show the content as HTML, without the site's CSP.
            var content = Parse("<body>" + entry.Element(atom + "content")?.Value);
            AssertNothingRuns(content, "feed.xml");
            Assert.Empty(content.QuerySelectorAll("script, img[onerror]"));
            AssertMarkdownIsText(content.Body!, "feed.xml");
        }

        var locs = XDocument.Parse(hostile.Files["sitemap.xml"]).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value);
        Assert.All(locs, loc => Assert.StartsWith(Host + Base, loc, StringComparison.Ordinal));
    }

    private const string MinimalSite = "title: Fictional Memorial\nbase_url: https://memorial.example.org/sub/\n";

    private const string AboutPage = "---\ntitle: About\n---\nText.\n";

    private static Dictionary<string, string> With(params (string Path, string Text)[] files)
    {
        var content = new Dictionary<string, string>
        {
            ["content/site.yaml"] = MinimalSite,
            ["content/pages/index.md"] = "---\ntitle: Home\n---\nWelcome.\n",
            ["content/pages/about.md"] = AboutPage,
        };
        foreach (var (path, text) in files)
        {
            content[path] = text;
        }

        return content;
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "a javascript: nav url", "content/site.yaml", MinimalSite + "nav:\n  - title: Home\n    url: javascript:alert(1)\n", "content/site.yaml(5,10): error BJ3002: nav url 'javascript:alert(1)' would run code in the reader's browser; write a site path (like 'about/') or an http(s) address instead" },
        { "a nav url with a tab in its scheme", "content/site.yaml", MinimalSite + "nav:\n  - title: Home\n    url: \"Java\\tScript:alert(1)\"\n", "content/site.yaml(5,10): error BJ3002" },
        { "a data: nav url", "content/site.yaml", MinimalSite + "nav:\n  - title: Home\n    url: \"data:text/html,<script>alert(1)</script>\"\n", "content/site.yaml(5,10): error BJ3002" },
        { "a vbscript: nav url", "content/site.yaml", MinimalSite + "nav:\n  - title: Home\n    url: vbscript:msgbox(1)\n", "content/site.yaml(5,10): error BJ3002" },
        { "a javascript: site image", "content/site.yaml", MinimalSite + "image: javascript:alert(1)\n", "content/site.yaml(3,8): error BJ3002: image 'javascript:alert(1)' would run code in the reader's browser;" },
        { "a javascript: base_url", "content/site.yaml", "title: T\nbase_url: javascript:alert(1)\n", "content/site.yaml(2,11): error BJ2008" },
        { "a javascript: page image", "content/pages/about.md", "---\ntitle: About\nimage: javascript:alert(1)\nimage_alt: x\n---\n", "content/pages/about.md(3,8): error BJ3002: image 'javascript:alert(1)' would run code in the reader's browser; use a file of content/media/ (media/photo.jpg) or an http(s) address instead" },
        { "a data: page image", "content/pages/about.md", "---\ntitle: About\nimage: \"data:image/svg+xml,<svg onload=alert(1)>\"\nimage_alt: x\n---\n", "content/pages/about.md(3,8): error BJ3002" },
        { "a payload slug", "content/pages/about.md", $"---\ntitle: About\nslug: {Yaml(Payload)}\n---\n", "content/pages/about.md(3,7): error BJ2007" },
        { "a payload date", "content/pages/about.md", $"---\ntitle: About\ndate: {Yaml(Payload)}\n---\n", "content/pages/about.md(3,7): error BJ2003" },
        { "a payload layout", "content/pages/about.md", $"---\ntitle: About\nlayout: {Yaml(Payload)}\n---\n", "content/pages/about.md(3,9): error BJ2009" },
        { "a payload media file name", "content/media/x\"><svg onload=alert(1)>.txt", "a fictional note", "content/media/x\"><svg onload=alert(1)>.txt: error BJ2009: the name" },
        { "a javascript: Markdown link", "content/pages/about.md", "---\ntitle: About\n---\n[x](javascript:alert(1))\n", "content/pages/about.md(4,1): error BJ3002" },
        { "a data: Markdown image", "content/pages/about.md", "---\ntitle: About\n---\n![x](data:image/svg+xml,x)\n", "content/pages/about.md(4,1): error BJ3002" },
        { "a javascript: autolink", "content/pages/about.md", "---\ntitle: About\n---\n<javascript:alert(1)>\n", "content/pages/about.md(4,1): error BJ3002" },
        { "a payload event id", "content/timeline.yaml", $"- date: 1990\n  title: T\n  id: {Yaml(Payload)}\n", "content/timeline.yaml(3,7): error BJ2007" },
        { "a payload event date", "content/timeline.yaml", $"- date: {Yaml(Payload)}\n  title: T\n", "content/timeline.yaml(1,9): error BJ2003" },
        { "a javascript: event image", "content/timeline.yaml", "- date: 1990\n  title: T\n  image: javascript:alert(1)\n  image_alt: x\n", "content/timeline.yaml(3,10): error BJ3005" },
        { "a javascript: source url", "content/timeline.yaml", "- date: 1990\n  title: T\n  sources:\n    - title: S\n      url: javascript:alert(1)\n", "content/timeline.yaml(5,12): error BJ2008" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_value_that_cannot_be_written_safely_is_refused_with_a_diagnostic(string what, string file, string text, string expected)
    {
        var built = Build(With((file, text)), realTheme: false);
        Assert.True(built.Run.ExitCode == 1, what + ": " + built.Run.Stdout + built.Run.Stderr);
        Assert.Contains(expected, built.Run.Stderr, StringComparison.Ordinal);
        Assert.Empty(built.Files);
    }

    private const string RawPage = """
        ---
        title: Raw
        ---
        <script>alert(1)</script>

        <style>body { display: none }</style>

        <p onclick="alert(1)" style="color: red" class="note" id="kept">Kept: <a href="https://example.org/" title="A title">web</a>, <a href="javascript:alert(1)">code</a>, <a href="mailto:editors@example.org">mail</a>, <a href="/sub/about/">page</a>.</p>

        <iframe src="https://example.org/"></iframe>

        <object data="movie.swf"></object>

        <embed src="movie.swf">

        <form action="https://example.org/"><input name="q"></form>

        <img src="data:image/svg+xml,x" alt="Data"> <img src="https://tracker.example.org/p.gif" alt="Tracker"> <img src="/sub/media/photo.png" alt="A photo">

        <svg onload="alert(1)"></svg>

        <details><summary>More</summary><p><abbr title="Abbreviation">abbr</abbr> <sup>1</sup> <sub>2</sub> <code>code</code></p></details>

        <figure><img src="/sub/media/photo.png" alt="In a figure"><figcaption>Caption</figcaption></figure>

        <h2 id="raw-heading">Raw heading</h2>

        <!-- a note for editors -->

        ## Markdown heading {#chosen .special onclick="alert(1)" style="color: red"}

        Some *Markdown*, a [link](about.md), a table and a note.[^1]

        | A | B |
        |:--|--:|
        | 1 | 2 |

        [^1]: The note.

        """;

    /// <summary>What the sanitiser removes from <see cref="RawPage"/>, in the words of its warnings.</summary>
    private static readonly string[] RemovedFromRawPage =
    [
        "<script>", "<style>", "the onclick attribute of <p>", "the style attribute of <p>", "href=\"javascript:alert(1)\" of <a>",
        "<iframe>", "<object>", "<embed>", "<form>", "src=\"data:image/svg+xml,x\" of <img>", "src=\"https://tracker.example.org/p.gif\" of <img>",
        "<svg>", "the onclick attribute of <h2>", "the style attribute of <h2>",
    ];

    private const string RawEvent = "- date: 1990\n  title: T\n  body: '<b onclick=\"alert(1)\">Bold</b> <script>alert(1)</script>'\n";

    private static Dictionary<string, string> RawSite(string markdownSettings) => With(
        ("content/site.yaml", MinimalSite + markdownSettings),
        ("content/pages/raw.md", RawPage),
        ("content/pages/timeline.md", "---\ntitle: Timeline\nlayout: timeline\n---\n"),
        ("content/timeline.yaml", RawEvent));

    private static Built BuildRaw(string markdownSettings)
    {
        var built = Build(RawSite(markdownSettings), realTheme: false, ["photo.png"]);
        Assert.True(built.Run.ExitCode == 0, built.Run.Stdout + built.Run.Stderr);
        return built;
    }

    private static string[] Warnings(Built built) =>
        built.Run.Stderr.Split('\n').Where(l => l.Contains("BJ3011", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void With_unsafe_html_raw_html_keeps_its_markup_and_loses_what_runs_loads_or_styles_each_with_a_warning()
    {
        var built = BuildRaw("markdown:\n  unsafe_html: true\n");
        var doc = Parse(built.Files["raw/index.html"]);
        var main = doc.QuerySelector("main")!;
        AssertNothingRuns(main, "raw/index.html");
        Assert.Empty(main.QuerySelectorAll("script, input, noscript"));
        Assert.Empty(main.Descendants<IComment>());

        var kept = main.QuerySelector("p#kept.note")!;
        Assert.Equal(["class", "id"], kept.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["https://example.org/ A title", " ", "mailto:editors@example.org ", "/sub/about/ "],
            kept.QuerySelectorAll("a").Select(a => $"{a.GetAttribute("href")} {a.GetAttribute("title")}"));
        Assert.Equal(["Data ", "Tracker ", "A photo /sub/media/photo.png", "In a figure /sub/media/photo.png"],
            main.QuerySelectorAll("img").Select(i => $"{i.GetAttribute("alt")} {i.GetAttribute("src")}"));
        Assert.NotNull(main.QuerySelector("details > summary + p > abbr[title=Abbreviation] ~ sup ~ sub ~ code"));
        Assert.NotNull(main.QuerySelector("figure > img + figcaption"));
        Assert.NotNull(main.QuerySelector("h2#raw-heading"));
        Assert.Equal(["class", "id"], main.QuerySelector("h2#chosen.special")!.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal));

        // Markdown's own output comes through: emphasis, checked links, tables with their alignment classes, footnotes.
        Assert.NotNull(main.QuerySelector("em"));
        Assert.NotNull(main.QuerySelector("a[href='/sub/about/']"));
        Assert.Equal(["align-left", "align-right"], main.QuerySelectorAll("td").Select(td => td.ClassName));
        Assert.NotNull(main.QuerySelector(".footnotes li#fn\\:1"));

        var timeline = Parse(built.Files["timeline/index.html"]).QuerySelector("main")!;
        AssertNothingRuns(timeline, "timeline/index.html");
        Assert.Equal("Bold", timeline.QuerySelector("b")?.TextContent);

        Assert.Equal(
            RemovedFromRawPage.Select(what => $"content/pages/raw.md(4,1): warning BJ3011: removed {what} from the raw HTML; ")
                .Concat(["content/timeline.yaml(1,3): warning BJ3011: removed the onclick attribute of <b> from the raw HTML; ",
                    "content/timeline.yaml(1,3): warning BJ3011: removed <script> from the raw HTML; "]).Order(StringComparer.Ordinal),
            Warnings(built).Select(w => w[..(w.IndexOf("; ", StringComparison.Ordinal) + 2)]).Order(StringComparer.Ordinal));
        Assert.Contains("content/pages/raw.md(4,1): warning BJ3011: removed <script> from the raw HTML; raw HTML may only contain text markup", built.Run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitised_raw_html_is_the_same_bytes_on_every_build()
    {
        var first = BuildRaw("markdown:\n  unsafe_html: true\n");
        var second = BuildRaw("markdown:\n  unsafe_html: true\n");
        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public void With_trusted_html_raw_html_is_written_as_it_is()
    {
        var built = BuildRaw("markdown:\n  trusted_html: true\n");
        var page = built.Files["raw/index.html"];
        Assert.Contains("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.Contains("<p onclick=\"alert(1)\" style=\"color: red\" class=\"note\" id=\"kept\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"javascript:alert(1)\">", page, StringComparison.Ordinal);
        Assert.Contains("<!-- a note for editors -->", page, StringComparison.Ordinal);
        Assert.Contains("<b onclick=\"alert(1)\">Bold</b>", built.Files["timeline/index.html"], StringComparison.Ordinal);
        Assert.Empty(Warnings(built));
    }

    [Fact]
    public void Without_either_setting_raw_html_stays_escaped_text()
    {
        var built = BuildRaw("");
        var main = Parse(built.Files["raw/index.html"]).QuerySelector("main")!;
        AssertNothingRuns(main, "raw/index.html");
        Assert.Empty(main.QuerySelectorAll("script, p#kept, img, details"));
        Assert.Contains("<script>alert(1)</script>", main.TextContent, StringComparison.Ordinal);
        Assert.Equal(["class", "id"], main.QuerySelector("h2#chosen.special")!.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", built.Files["timeline/index.html"], StringComparison.Ordinal);
        Assert.Empty(Warnings(built));
    }

    [Fact]
    public void With_unsafe_html_markdown_links_that_run_code_are_still_refused()
    {
        var built = Build(With(
            ("content/site.yaml", MinimalSite + "markdown:\n  unsafe_html: true\n"),
            ("content/pages/about.md", "---\ntitle: About\n---\n[x](javascript:alert(1)) ![y](https://tracker.example.org/p.gif)\n")), realTheme: false);
        Assert.Equal(1, built.Run.ExitCode);
        Assert.Contains("content/pages/about.md(4,1): error BJ3002: link 'javascript:alert(1)' would run code", built.Run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/pages/about.md(4,26): error BJ3005: image 'https://tracker.example.org/p.gif' is on another site", built.Run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void With_unsafe_html_payloads_in_every_markdown_body_still_inject_nothing()
    {
        var content = Content(Payload, siteNav: false);
        content["content/site.yaml"] += "markdown:\n  unsafe_html: true\n";
        var built = Build(content, realTheme: true, [MediaName(Payload), "photo.png"]);
        Assert.True(built.Run.ExitCode == 0, built.Run.Stdout + built.Run.Stderr);
        Assert.NotEmpty(Warnings(built));
        foreach (var (path, text) in built.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            AssertNothingRuns(Parse(text), path);
        }

        foreach (var entry in XDocument.Parse(built.Files["feed.xml"]).Descendants().Where(e => e.Name.LocalName == "content"))
        {
            AssertNothingRuns(Parse("<body>" + entry.Value), "feed.xml");
        }
    }
}

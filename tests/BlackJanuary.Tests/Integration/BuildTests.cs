using System.Xml.Linq;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

public class BuildTests
{
    private static readonly Dictionary<string, string> Fictional = new()
    {
        ["content/site.yaml"] = """
            title: Testville Remembers
            tagline: A fictional memorial
            description: Test site for a town that never existed.
            base_url: https://memorial.example.org/sub/
            author: The Testville Society
            """,
        ["content/pages/index.md"] = """
            ---
            title: Welcome to Testville
            date: 2001-02-03
            summary: The fictional founding of Testville.
            weight: 1
            ---
            # The town

            Read [about us](about.md), the [timeline](timeline.md#1901-05-06-the-bridge-opens), "quoted" -- text.
            """,
        ["content/pages/about.md"] = """
            ---
            title: About <Testville> & "friends"
            weight: 3
            ---
            <script>alert("raw html")</script>

            | A | B |
            |---|---|
            | 1 | 2 |

            Footnoted.[^1]

            [^1]: A fictional note.
            """,
        ["content/pages/timeline.md"] = """
            ---
            title: Timeline
            layout: timeline
            weight: 2
            ---
            What happened in Testville.
            """,
        ["content/pages/draft.md"] = "---\ntitle: Not yet\ndraft: true\n---\n",
        ["content/pages/history/early-days.md"] = "---\ntitle: Early days\ndate: 1999-12-31\n---\nBack to [home](../index.md).\n",
        ["content/timeline.yaml"] = """
            - date: 1901-05-06
              title: The bridge opens
              place: Testville
              body: A *fictional* bridge.
              sources:
                - title: Testville Gazette
                  url: https://gazette.example.org/bridge
            - date: 1900
              title: The town is founded
            - date: 1901-05
              end_date: 1901-07
              title: A summer of fairs
              sources:
                - title: A book with no web address
            """,
        ["content/media/plan.txt"] = "fictional plan\n",
    };

    [Fact]
    public void Writes_pretty_urls_for_every_page_and_leaves_drafts_out()
    {
        using var site = new FixtureSite(Fictional);
        var run = site.Build();
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var page in new[] { "index.html", "about/index.html", "timeline/index.html", "history/early-days/index.html", "404.html" })
        {
            Assert.True(site.Exists(page), page);
        }

        Assert.False(site.Exists("draft/index.html"));
        Assert.Contains("Built 5 pages", run.Stdout, StringComparison.Ordinal);
        Assert.True(site.Build("--drafts").ExitCode == 0);
        Assert.True(site.Exists("draft/index.html"));
    }

    [Fact]
    public void A_rebuild_keeps_unchanged_files_as_they_were_and_writes_only_changed_ones()
    {
        using var site = new FixtureSite(Fictional);
        Assert.Equal(0, site.Build().ExitCode);
        string[] kept = ["about/index.html", "media/plan.txt", "404.html"];
        var before = kept.ToDictionary(f => f, f => (Time: File.GetLastWriteTimeUtc(Path.Combine(site.Output, f)), Inode: Inode(Path.Combine(site.Output, f))));
        var earlyDays = Path.Combine(site.Output, "history/early-days/index.html");
        var earlyDaysInode = Inode(earlyDays);
        // An output file changed by hand is not the previous build's: it must be written again.
        File.WriteAllText(Path.Combine(site.Output, "timeline/index.html"), "changed by hand");
        site.Write("content/pages/history/early-days.md", "---\ntitle: Early days\ndate: 1999-12-31\n---\nBack [home](../index.md), edited.\n");
        Thread.Sleep(20); // so that a rewritten file would get another time

        Assert.Equal(0, site.Build().ExitCode);
        foreach (var file in kept)
        {
            var path = Path.Combine(site.Output, file);
            Assert.Equal(before[file], (File.GetLastWriteTimeUtc(path), Inode(path)));
        }

        Assert.NotEqual(earlyDaysInode, Inode(earlyDays));
        Assert.Contains("edited", File.ReadAllText(earlyDays), StringComparison.Ordinal);
        Assert.Contains("<h1", site.Read("timeline/index.html"), StringComparison.Ordinal);
    }

    private static long Inode(string path)
    {
        var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var text = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Links_respect_a_sub_path_base_url_and_markdown_links_become_page_urls()
    {
        using var site = new FixtureSite(Fictional);
        Assert.Equal(0, site.Build().ExitCode);
        var home = site.Read("index.html");
        Assert.Contains("href=\"/sub/about/\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/sub/timeline/#1901-05-06-the-bridge-opens\"", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/sub/\">home</a>", site.Read("history/early-days/index.html"), StringComparison.Ordinal);
        Assert.Matches("href=\"/sub/assets/css/site\\.[0-9a-f]{10}\\.css\"", home);
        Assert.Contains("<a href=\"/sub/\">Home</a>", site.Read("404.html"), StringComparison.Ordinal);

        Assert.Equal(0, site.Build("--base-url", "http://127.0.0.1:8000").ExitCode);
        Assert.Contains("href=\"/about/\"", site.Read("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_output_is_escaped_and_raw_html_in_markdown_is_off_by_default()
    {
        using var site = new FixtureSite(Fictional);
        Assert.Equal(0, site.Build().ExitCode);
        var about = site.Read("about/index.html");
        Assert.Contains("<title>About &lt;Testville&gt; &amp; &quot;friends&quot; | Testville Remembers</title>", about, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", about, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", about, StringComparison.Ordinal);
        Assert.Contains("<table>", about, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", about, StringComparison.Ordinal);
        Assert.Contains("&ldquo;quoted&rdquo; &ndash; text", site.Read("index.html"), StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"the-town\">The town</h1>", site.Read("index.html"), StringComparison.Ordinal);

        site.Write("content/site.yaml", Fictional["content/site.yaml"] + "\nmarkdown:\n  trusted_html: true\n");
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Contains("<script>alert(\"raw html\")</script>", site.Read("about/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_is_chronological_grouped_by_year_with_dates_in_their_precision()
    {
        using var site = new FixtureSite(Fictional);
        Assert.Equal(0, site.Build().ExitCode);
        var timeline = site.Read("timeline/index.html");
        var founded = timeline.IndexOf("id=\"1900-the-town-is-founded\"", StringComparison.Ordinal);
        var fairs = timeline.IndexOf("id=\"1901-05-a-summer-of-fairs\"", StringComparison.Ordinal);
        var bridge = timeline.IndexOf("id=\"1901-05-06-the-bridge-opens\"", StringComparison.Ordinal);
        Assert.True(founded > 0 && founded < fairs && fairs < bridge, timeline);
        Assert.Contains("<time datetime=\"1900\">1900</time>", timeline, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"1901-05\">May 1901</time>", timeline, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"1901-05-06\">6 May 1901</time>", timeline, StringComparison.Ordinal);
        Assert.Contains("<h2>1900</h2>", timeline, StringComparison.Ordinal);
        Assert.Contains("<h2>1901</h2>", timeline, StringComparison.Ordinal);
        Assert.Contains("A <em>fictional</em> bridge.", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_files_are_valid_and_use_absolute_urls()
    {
        using var site = new FixtureSite(Fictional);
        Assert.Equal(0, site.Build().ExitCode);

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(site.Read("sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Equal(
            ["https://memorial.example.org/sub/", "https://memorial.example.org/sub/about/", "https://memorial.example.org/sub/history/early-days/", "https://memorial.example.org/sub/timeline/"],
            locs);

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(site.Read("feed.xml")).Root!;
        Assert.Equal(atom + "feed", feed.Name);
        Assert.Equal("2001-02-03T00:00:00Z", feed.Element(atom + "updated")!.Value);
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(["Welcome to Testville", "Early days"], entries.Select(e => e.Element(atom + "title")!.Value));
        Assert.Contains("href=\"https://memorial.example.org/sub/about/\"", entries[0].Element(atom + "content")!.Value, StringComparison.Ordinal);

        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://memorial.example.org/sub/sitemap.xml\n", site.Read("robots.txt"));
        Assert.Contains("Content-Security-Policy: default-src 'none'; script-src 'self'", site.Read("_headers"), StringComparison.Ordinal);
        Assert.Equal("fictional plan\n", site.Read("media/plan.txt"));
    }

    [Fact]
    public void Identical_input_gives_byte_identical_output()
    {
        using var site = new FixtureSite(Fictional);
        Assert.Equal(0, site.Build().ExitCode);
        var first = DiagnosticsTests.Snapshot(site.Output);
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Equal(first, DiagnosticsTests.Snapshot(site.Output));
    }

    [Fact]
    public void A_site_can_override_one_theme_template()
    {
        using var site = new FixtureSite(Fictional);
        site.Write("content/templates/layouts/page.html", "<h1 class=\"mine\">{{ page.title }}</h1>");
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Contains("<h1 class=\"mine\">Early days</h1>", site.Read("history/early-days/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"mine\"", site.Read("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_attributes_keep_ids_and_classes_but_not_event_handlers()
    {
        using var site = new FixtureSite(Fictional);
        site.Write("content/pages/about.md", "---\ntitle: About\n---\n## Named {#named .wide onclick=\"alert(1)\" style=\"color:red\"}\n\nSee [the plan](/media/plan.txt?v=1) and [a file](/media/a%20b.txt).\n");
        site.Write("content/media/a b.txt", "x");
        Assert.Equal(0, site.Build().ExitCode);
        var about = site.Read("about/index.html");
        Assert.Contains("<h2 id=\"named\" class=\"wide\">Named</h2>", about, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", about, StringComparison.Ordinal);
        Assert.DoesNotContain("color:red", about, StringComparison.Ordinal);
        Assert.Contains("href=\"/sub/media/a%20b.txt\"", about, StringComparison.Ordinal);
        Assert.Contains("href=\"/sub/media/plan.txt?v=1\"", about, StringComparison.Ordinal);
    }

    [Fact]
    public void Trusted_html_is_written_as_it_is_even_where_the_template_indents_it()
    {
        using var site = new FixtureSite(Fictional);
        site.Write("templates/layouts/page.html", "<div>\n    {{ page.content }}\n</div>");
        site.Write("content/pages/about.md", "---\ntitle: About\n---\n```\nfirst line\nsecond line\n```\n");
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Contains("<pre><code>first line\nsecond line\n</code></pre>", site.Read("about/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Addresses_are_percent_encoded_everywhere()
    {
        using var site = new FixtureSite(Fictional);
        site.Write("content/media/Black January.txt", "x");
        site.Write("content/pages/şəhər.md", "---\ntitle: City\n---\nSee [the file](/media/Black%20January.txt).\n");
        site.Write("templates/layouts/page.html", "<a href=\"{{ url \"media/Black January.txt\" }}\">f</a>{{ page.content }}");
        var run = site.Build("--strict");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("href=\"/sub/media/Black%20January.txt\">f</a>", site.Read("about/index.html"), StringComparison.Ordinal);
        Assert.Contains("href=\"/sub/media/Black%20January.txt\">the file", site.Read("səhər/index.html"), StringComparison.Ordinal);
        Assert.Contains("<loc>https://memorial.example.org/sub/s%C9%99h%C9%99r/</loc>", site.Read("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_theme_links_external_and_optional_pages_without_false_warnings()
    {
        using var site = new FixtureSite(Fictional);
        site.Write("templates/layouts/page.html",
            "<a href=\"{{ url \"//cdn.example.org/x\" }}\">a</a><a href=\"{{ url \"mailto:ed@example.org\" }}\">b</a>" +
            "{{ t = find_page \"timeline\" }}<a href=\"{{ t.url }}\">{{ t.title }}</a><a href=\"{{ timeline.page.url }}\">c</a>");
        var run = site.Build("--strict");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("<a href=\"/sub/timeline/\">Timeline</a><a href=\"/sub/timeline/\">c</a>", site.Read("about/index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nav:\n", "<nav><a href=\"/sub/\">Welcome to Testville</a><a href=\"/sub/timeline/\">Timeline</a><a href=\"/sub/about/\" aria-current=\"page\">About &lt;Testville&gt; &amp; &quot;friends&quot;</a></nav>")]
    [InlineData("nav: []\n", "<nav></nav>")]
    [InlineData("nav:\n  - title: Start\n    url: /\n  - title: Elsewhere\n    url: https://example.org/\n", "<nav><a href=\"/sub/\">Start</a><a href=\"https://example.org/\">Elsewhere</a></nav>")]
    public void Navigation_is_automatic_unless_site_yaml_lists_it(string nav, string expected)
    {
        using var site = new FixtureSite(Fictional);
        site.Write("content/site.yaml", Fictional["content/site.yaml"] + "\n" + nav);
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Contains(expected, site.Read("about/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_404_page_is_known_by_its_address_not_its_layout()
    {
        using var site = new FixtureSite(Fictional);
        site.Write("content/pages/404.md", "---\ntitle: Lost in Testville\nlayout: page\n---\n");
        site.Write("content/pages/gone.md", "---\ntitle: Gone\nlayout: 404\n---\n");
        site.Write("templates/layouts/page.html", "{{ page.kind }}");
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Contains("<main>404</main>", site.Read("404.html"), StringComparison.Ordinal);
        var sitemap = site.Read("sitemap.xml");
        Assert.DoesNotContain("404", sitemap, StringComparison.Ordinal);
        Assert.Contains("/sub/gone/", sitemap, StringComparison.Ordinal);
    }

    /// <summary>Templates may come from strangers' pull requests: what they must not be able to do.</summary>
    [Theory]
    [InlineData("read a file outside the theme", "{{ include \"../content/site.yaml\" }}", "(1,4): error BJ4003: template error: no template '../content/site.yaml'")]
    [InlineData("loop for ever", "{{ while true }}x{{ end }}", "(1,4): error BJ4003: template error:")]
    [InlineData("recurse for ever", "{{ func f; f; end; f }}", "error BJ4003: template error:")]
    [InlineData("give include arguments it would drop", "{{ include \"partials/nav.html\" title: \"x\" }}", "(1,4): error BJ4003: template error: include takes exactly one argument, the template's name")]
    [InlineData("change the timeline other pages share", "{{ timeline.events[0].title = \"changed\" }}", "(1,4): error BJ4003: template error:")]
    public void A_template_cannot(string what, string template, string expected)
    {
        using var site = new FixtureSite(Fictional);
        site.Write("templates/layouts/page.html", template);
        var run = site.Build();
        Assert.True(run.ExitCode == 1, $"{what}: {run.Stderr}");
        Assert.Contains("templates/layouts/page.html" + (expected.StartsWith('(') ? "" : "("), run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }
}

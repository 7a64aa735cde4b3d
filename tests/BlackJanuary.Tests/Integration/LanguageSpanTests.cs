using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Words in another language inside a page: <c>[words]{lang=en}</c> is a span with that language,
/// and <c>{lang=en}</c> after a heading gives it to the heading, so that screen readers pronounce
/// an English citation title in an Azerbaijani page as English. Only well-formed codes pass.
/// </summary>
public class LanguageSpanTests
{
    /// <summary>Markdown of a page body → the HTML it renders to (the whole first element).</summary>
    public static TheoryData<string, string> Renderings => new()
    {
        { "A title: [Ten years on]{lang=en}.", "<p>A title: <span lang=\"en\">Ten years on</span>.</p>" },
        { "[Fictional *and* emphasised]{lang=en-GB}", "<p><span lang=\"en-GB\">Fictional <em>and</em> emphasised</span></p>" },
        { "[Outer [inner]{lang=ru} words]{lang=en}", "<p><span lang=\"en\">Outer <span lang=\"ru\">inner</span> words</span></p>" },
        { "[See [the timeline](timeline.md) here]{lang=en}", "<p><span lang=\"en\">See <a href=\"/sub/timeline/\">the timeline</a> here</span></p>" },
        { "A [span]{lang=en}\nends a line, [another]{lang=en}  \nand spaces.", "<p>A <span lang=\"en\">span</span>\nends a line, <span lang=\"en\">another</span><br />\nand spaces.</p>" },
        { "## Heading of Testville {lang=en}", "<h2 id=\"heading-of-testville\" lang=\"en\">Heading of Testville</h2>" },
        // Not spans: a link, plain brackets, brackets inside code, attributes that are not a span's.
        { "[A link](timeline.md){lang=ru}", "<p><a href=\"/sub/timeline/\" lang=\"ru\">A link</a></p>" },
        { "Plain [brackets] stay.", "<p>Plain [brackets] stay.</p>" },
        { "A `[code]{lang=en}` span.", "<p>A <code>[code]{lang=en}</code> span.</p>" },
        // A ']' inside code still counts as a bracket: there is no span, and attributes ending a
        // paragraph are the paragraph's, as Markdig's generic attributes make them.
        { "[a `]` b]{lang=en}", "<p lang=\"en\">[a <code>]</code> b]</p>" },
        { "[a `]{lang=en}` b]", "<p>[a <code>]{lang=en}</code> b]</p>" },
        // Any attribute but an id, a class and a language is raw HTML by another name: dropped.
        { "[Click]{lang=en onclick=\"alert(1)\" style=\"color:red\"}", "<p><span lang=\"en\">Click</span></p>" },
        { "[Styled]{.note #kept}", "<p><span id=\"kept\" class=\"note\">Styled</span></p>" },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void A_bracketed_span_renders_with_its_language(string markdown, string html)
    {
        using var site = SiteWith(markdown);
        var run = site.Build("--strict");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(html, site.Read("about/index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Before [words]{lang=EN!} after.", 4, "'{lang=EN!}' is not a language code")]
    [InlineData("Line one.\nThen [words]{lang=\"e n\"} after.", 5, "'{lang=e n}' is not a language code")]
    [InlineData("## Heading {lang=123}", 4, "'{lang=123}' is not a language code")]
    public void A_malformed_language_is_reported_where_it_is_written_and_dropped(string markdown, int line, string message)
    {
        using var site = SiteWith(markdown);
        var run = site.Build();

        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.Stderr.Split('\n'), l => l.Contains("BJ3030", StringComparison.Ordinal));
        Assert.StartsWith($"content/pages/about.md({line},", warning, StringComparison.Ordinal);
        Assert.Contains(message, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(" lang=", Body(site.Read("about/index.html")), StringComparison.Ordinal);
        Assert.NotEqual(0, site.Build("--strict").ExitCode);
    }

    private static FixtureSite SiteWith(string markdown) => new(new Dictionary<string, string>
    {
        ["content/pages/about.md"] = "---\ntitle: About Testville\n---\n" + markdown + "\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
    });

    private static string Body(string html) => html[html.IndexOf("<h1>", StringComparison.Ordinal)..];
}

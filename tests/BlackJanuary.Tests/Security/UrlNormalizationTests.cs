using BlackJanuary.Model;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// A URL is judged as a browser reads it (the WHATWG URL parser after the HTML parser): a src or
/// href that a browser takes to another host, or to script, never passes as a path of the site,
/// in raw HTML, in Markdown links and images, or in the Atom feed.
/// </summary>
public class UrlNormalizationTests
{
    [Theory]
    [InlineData("/\\evil.example/x.png", "//evil.example/x.png")]
    [InlineData("\\\\evil.example/x.png", "//evil.example/x.png")]
    [InlineData("/&#x5C;evil.example/x.png", "//evil.example/x.png")]
    [InlineData("/&#92;evil.example/x.png", "//evil.example/x.png")]
    [InlineData("/&#92evil.example/x.png", "//evil.example/x.png")]
    [InlineData("/\t/evil.example/x.png", "//evil.example/x.png")]
    [InlineData("/\n/evil.example/x.png", "//evil.example/x.png")]
    [InlineData("/&Tab;/evil.example/x.png", "//evil.example/x.png")]
    [InlineData(" \u0001//evil.example/x.png\u001f ", "//evil.example/x.png")]
    [InlineData("https:\\\\evil.example\\x.png", "https://evil.example/x.png")]
    public void A_url_in_html_a_browser_reads_as_another_host_is_external(string url, string normalized)
    {
        Assert.Equal(normalized, Urls.NormalizeAttribute(url));
        Assert.True(Urls.IsExternal(Urls.NormalizeAttribute(url)));
    }

    [Theory]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java&#x09;script:alert(1)")]
    [InlineData("&#x01; javascript:alert(1)")]
    [InlineData("\njavascript:alert(1)")]
    [InlineData("JaVa&#83;cript:alert(1)")]
    [InlineData("data&colon;text/html,x")]
    public void A_url_in_html_a_browser_reads_as_script_runs_code(string url) => Assert.True(Urls.RunsCode(Urls.NormalizeAttribute(url)));

    [Theory]
    [InlineData("/media/Black%20January.jpg")]
    [InlineData("about/#the-mill")]
    [InlineData("mailto:editor\\desk@example.org")]
    public void A_path_of_the_site_stays_as_it_is(string url) => Assert.Equal(url, Urls.NormalizeAttribute(url));

    [Fact]
    public void A_url_from_yaml_is_not_decoded_as_html_because_templates_escape_it()
    {
        Assert.Equal("media/a &lt;b&gt;.png", Urls.Normalize("media/a &lt;b&gt;.png"));
        Assert.False(Urls.IsExternal("/&#x5C;evil.example/"));
        Assert.True(Urls.IsExternal("/\\evil.example/"));
    }

    private static FixtureSite Site(string rawHtml, string body) => new(new Dictionary<string, string>
    {
        ["content/site.yaml"] = $"title: Fictional Memorial\nbase_url: https://memorial.example.org/sub/\nmarkdown:\n  {rawHtml}: true\n",
        ["content/pages/news.md"] = "---\ntitle: News of Testville\ndate: 1990-01-20\n---\n" + body,
    });

    [Theory]
    [InlineData("<img src=\"/\\evil.example/x.png\" alt=\"x\">")]
    [InlineData("<img src=\"\\\\evil.example/x.png\" alt=\"x\">")]
    [InlineData("<img src=\"/&#x5C;evil.example/x.png\" alt=\"x\">")]
    [InlineData("<img src=\"/&#9;/evil.example/x.png\" alt=\"x\">")]
    [InlineData("<img src=\"/\t/evil.example/x.png\" alt=\"x\">")]
    [InlineData("<img src=\"https:\\\\evil.example/x.png\" alt=\"x\">")]
    public void A_raw_html_image_a_browser_loads_from_another_host_is_removed(string html)
    {
        using var site = Site("unsafe_html", html + "\n");

        var run = site.Build();

        Assert.Contains("content/pages/news.md(5,1): warning BJ3011: removed src=", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", site.Read("news/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", site.Read("feed.xml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#x01;javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java\tscript:alert(1)\">x</a>")]
    public void A_raw_html_link_a_browser_reads_as_script_is_removed(string html)
    {
        using var site = Site("unsafe_html", html + "\n");

        var run = site.Build();

        Assert.Contains("warning BJ3011: removed href=", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("script:", site.Read("news/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_html_link_to_another_host_is_written_as_the_browser_reads_it()
    {
        using var site = Site("unsafe_html", "<a href=\"/&#x5C;elsewhere.example/\">x</a>\n");

        site.Build("--strict");

        Assert.Contains("<a href=\"//elsewhere.example/\">x</a>", site.Read("news/index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![A fictional pond](/\\evil.example/pond.png)")]
    [InlineData("![A fictional pond](/&#x5C;evil.example/pond.png)")]
    [InlineData("![A fictional pond](<\\\\\\\\evil.example/pond.png>)")]
    public void A_markdown_image_a_browser_loads_from_another_host_is_refused(string markdown)
    {
        using var site = Site("unsafe_html", markdown + "\n");

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/news.md(5,1): error BJ3005: image '", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_feed_writes_every_link_as_an_absolute_address_and_none_that_runs_code_even_from_trusted_html()
    {
        using var site = Site("trusted_html",
            "<a href=\"/&#x5C;elsewhere.example/\">a</a> <a href='/about/'>b</a> <a href=\"java&#x09;script:alert(1)\">c</a> "
            + "<img src=\"//elsewhere.example/p.png\" alt=\"d\"> [e](/news/) <video poster=\"/&#x5C;elsewhere.example/v.png\"></video>\n");

        site.Build();
        var feed = site.Read("feed.xml");

        Assert.Contains("&lt;a href=\"https://elsewhere.example/\"&gt;a&lt;/a&gt;", feed, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=\"https://memorial.example.org/about/\"&gt;b&lt;/a&gt;", feed, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=\"\"&gt;c&lt;/a&gt;", feed, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=\"https://elsewhere.example/p.png\"", feed, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=\"https://memorial.example.org/sub/news/\"&gt;e&lt;/a&gt;", feed, StringComparison.Ordinal);
        Assert.Contains("&lt;video poster=\"https://elsewhere.example/v.png\"&gt;", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("script:", feed, StringComparison.Ordinal);
    }
}

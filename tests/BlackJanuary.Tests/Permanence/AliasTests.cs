using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Register;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Permanence;

/// <summary>
/// 'aliases:' keeps a page's old addresses alive: a redirect page at each, and the same redirects
/// in _redirects, from one list; an alias that another page's address already is, is an error.
/// </summary>
public sealed class AliasTests
{
    private static FixtureSite Site(string aboutFrontMatter) => new(new Dictionary<string, string>
    {
        ["content/pages/about.md"] = $"---\ntitle: About Testville\n{aboutFrontMatter}---\nThe fictional town's story.\n",
        ["content/pages/history.md"] = "---\ntitle: History\n---\nOld times.\n",
    });

    [Fact]
    public void Each_alias_gets_a_redirect_page_without_script_and_a_line_of_redirects_that_agree()
    {
        using var site = Site("aliases: [/old-about/, /2019/about-us.html, \"/старое/\"]\n");
        var run = site.Build();
        Assert.True(run.ExitCode == 0, run.Stderr);

        var parser = new HtmlParser();
        var targets = new Dictionary<string, string>();
        foreach (var (file, address) in new[] { ("old-about/index.html", "/sub/old-about/"), ("2019/about-us.html", "/sub/2019/about-us.html"), ("старое/index.html", "/sub/%D1%81%D1%82%D0%B0%D1%80%D0%BE%D0%B5/") })
        {
            var page = parser.ParseDocument(site.Read(file));
            Assert.Empty(page.Scripts);
            Assert.Equal("0; url=/sub/about/", page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
            Assert.Equal("https://memorial.example.org/sub/about/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Equal("/sub/about/", page.QuerySelector("body a")?.GetAttribute("href"));
            Assert.Equal("About Testville", page.QuerySelector("body a")?.TextContent);
            Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            targets[address] = "/sub/about/";
        }

        var lines = site.Read("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(targets.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal(["301"], l[2..]));
        Assert.Equal(targets, lines.ToDictionary(l => l[0], l => l[1]));
    }

    [Fact]
    public void A_site_without_aliases_has_no_redirects_file()
    {
        using var site = Site("");
        Assert.Equal(0, site.Build().ExitCode);
        Assert.False(site.Exists("_redirects"));
    }

    [Fact]
    public void An_alias_that_is_the_address_of_a_page_the_site_publishes_is_an_error_at_the_alias()
    {
        using var site = Site("aliases:\n  - /old-about/\n  - /history/\n  - /about/\n");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/about.md(5,5): error BJ2004: alias '/history/' is the address of content/pages/history.md, which the site publishes, so it cannot also lead here; remove the alias, or move that page", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/pages/about.md(6,5): error BJ2004: alias '/about/' is this page's own address; remove it", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Two_pages_with_the_same_alias_are_an_error_naming_both()
    {
        using var site = Site("aliases: [/story/]\n");
        site.Write("content/pages/history.md", "---\ntitle: History\naliases: [/Story/]\n---\nOld times.\n");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BJ2004: alias '/Story/' is also written in content/pages/about.md, line 3; an old address can lead to one page only, so remove one of them", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://elsewhere.example/about/", "alias 'https://elsewhere.example/about/' is another site's address")]
    [InlineData("/about/?lang=en", "alias '/about/?lang=en' has a '?', '#' or '\\'")]
    [InlineData("/a/../../etc/", "alias '/a/../../etc/' has an empty, '.' or '..' part")]
    [InlineData("/media/old.pdf", "alias '/media/old.pdf' names a file that is not a page")]
    [InlineData("/", "an alias cannot be the site's home page")]
    public void An_alias_that_is_no_old_address_of_this_site_is_an_error_at_the_item(string alias, string message)
    {
        using var site = Site($"aliases:\n  - /fine/\n  - \"{alias}\"\n");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/pages/about.md(5,5): error BJ2020: {message}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_alias_leads_to_their_page_in_the_language_its_path_starts_with()
    {
        using var register = new RegisterFixture();
        var file = Path.Combine(register.Content, "people", "test-person-one.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("---\nname:", "---\naliases: [/people/person-one/, /en/people/person-one/]\nname:", StringComparison.Ordinal));
        var run = register.Build();
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Contains("url=/memorial/people/test-person-one/\"", register.Read("people/person-one/index.html"), StringComparison.Ordinal);
        Assert.Contains("url=/memorial/en/people/test-person-one/\"", register.Read("en/people/person-one/index.html"), StringComparison.Ordinal);
        Assert.Equal(
            "/memorial/en/people/person-one/ /memorial/en/people/test-person-one/ 301\n/memorial/people/person-one/ /memorial/people/test-person-one/ 301\n",
            string.Concat(register.Read("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(l => l + "\n")));
    }

    [Fact]
    public void A_hidden_persons_aliases_make_no_redirect()
    {
        using var register = new RegisterFixture();
        var file = Path.Combine(register.Content, "people", "hidden-person.md");
        File.WriteAllText(file, "---\naliases: [/people/old-hidden-address/]\n" + File.ReadAllText(file)[4..]);
        Assert.Equal(0, register.Build().ExitCode);
        Assert.False(register.Exists("people/old-hidden-address/index.html"));
        Assert.Empty(RegisterFixture.Leaks(register.Output, ["old-hidden-address"]));
    }
}

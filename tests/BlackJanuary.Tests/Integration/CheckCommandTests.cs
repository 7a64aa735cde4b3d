using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>'blackjanuary check' through the real command line, on fixture sites on disk.</summary>
public class CheckCommandTests
{
    /// <summary>One fictional site with one of each problem check looks for.</summary>
    private static readonly Dictionary<string, string> Broken = new()
    {
        ["content/pages/about.md"] = "---\ntitle: About Testville\n---\nSee [nowhere](missing.md), [a lost anchor](history.md#no-such-part) and [a bad address](https:/half-written).\n\n![](/media/bridge.png)\n",
        ["content/pages/history.md"] = "---\ntitle: About Testville\nimage: media/brige.png\n---\n## The mill\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
        ["content/pages/History.md"] = "---\ntitle: Another history\nslug: history\n---\nSame address.\n",
        ["content/timeline.yaml"] = "- date: 1901-02-30\n  title: The bridge opens\n- date: 1902\n  title: The mill burns\n  sources:\n    - title: Gazette\n      url: gazette.example.org/mill\n",
        ["templates/partials/nav.html"] = "<nav><a href=\"{{ url \"contact/\" }}\">Contact</a></nav>",
    };

    private static CliRun Check(FixtureSite site, params string[] extra) =>
        site.Run(["check", "--content", Path.Combine(site.Root, "content"), "--templates", Path.Combine(site.Root, "templates"), .. extra]);

    [Fact]
    public void Check_reports_every_kind_of_problem_at_its_place_and_writes_nothing()
    {
        using var site = new FixtureSite(Broken);
        var run = Check(site);
        Assert.Equal(1, run.ExitCode);
        string[] expected =
        [
            "content/pages/history.md: error BJ2004: this page and History.md both want the URL /history/",
            "content/timeline.yaml(1,9): error BJ2003: ",             // 30 February
            "content/timeline.yaml(7,12): error BJ2008: ",            // a source that is not an address
        ];
        foreach (var line in expected)
        {
            Assert.Contains(line, run.Stderr, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(site.Output), "check must not write the site");
        Assert.Contains("Check failed: 3 error(s), 0 warning(s)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_errors_are_fixed_check_reports_links_images_alt_text_titles_and_template_links()
    {
        using var site = new FixtureSite(Broken);
        File.Delete(Path.Combine(site.Root, "content/pages/History.md"));
        site.Write("content/timeline.yaml", "- date: 1901-02-03\n  title: The bridge opens\n");
        site.WriteBytes("content/media/bridge.png", TestImages.Png());
        var run = Check(site);
        string[] expected =
        [
            "content/pages/about.md(4,5): error BJ3001: broken link 'missing.md'",
            "content/pages/about.md(4,28): error BJ3001: broken link 'history.md#no-such-part'",
            "content/pages/about.md(4,73): warning BJ3009: external link 'https:/half-written' is malformed",
            "content/pages/about.md(6,1): warning BJ3007: image '/media/bridge.png' has no alt text",
            "content/pages/history.md(3,8): error BJ3006: image 'media/brige.png' is not a file in content/media/; did you mean 'media/bridge.png'?",
            "content/pages/history.md(3,8): warning BJ3007: ",
            "content/pages/history.md(2,8): warning BJ3008: this page has the same title as about.md",
            "templates/partials/nav.html(1,18): error BJ3001: broken link: the template links to /contact/",
        ];
        foreach (var line in expected)
        {
            Assert.Contains(line, run.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Warnings_alone_pass_unless_strict()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\nsumary: a typo\n---\nSee [home](index.md).\n",
        });
        var run = Check(site);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning BJ2006", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Checked 3 pages", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Check(site, "--strict").ExitCode);
    }

    [Fact]
    public void A_broken_internal_link_or_anchor_fails_check_without_strict()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\n---\n## Here\n\nSee [here](#here), [there](#there) and [nowhere](missing.md).\n",
        });
        var run = Check(site);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/about.md(6,20): error BJ3001: broken link '#there': /about/ has no anchor #there", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/pages/about.md(6,40): error BJ3001: broken link 'missing.md'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, run.Stderr.Split("BJ3001").Length - 1);
    }

    [Fact]
    public void Check_lists_the_links_to_other_sites_without_fetching_them()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About Testville\n---\nThe [gazette](https://gazette.example.org/bridge) tells of it.\n",
            ["content/timeline.yaml"] = "- date: 1901\n  title: The bridge opens\n  sources:\n    - title: Chronicle\n      url: https://chronicle.example.org/1901\n",
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
        });
        var run = Check(site, "--strict", "--verbose");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("https://gazette.example.org/bridge", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("https://chronicle.example.org/1901", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 2 external link(s), not fetched (use --external)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_memorial_passes_check_strictly_and_links_nowhere_it_could_not_verify()
    {
        // Its one source is cited by title, publisher and date: the article's address could not be
        // verified, so the memorial gives none (listing external links is tested above and below).
        var run = new FixtureSite(new Dictionary<string, string>(), withTheme: false, withContent: false).Run(
            "check", "--content", Path.Combine(RepoPaths.Root, "content"), "--templates", Path.Combine(RepoPaths.Root, "templates"), "--strict", "--verbose");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("no problems", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 0 external link(s), not fetched (use --external)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_fetches_each_link_and_reports_the_broken_ones_where_they_are_written()
    {
        await using var server = await LinkServer.StartAsync(TestContext.Current.CancellationToken);
        var line = $"A [live]({server.Base}/ok) and a [dead]({server.Base}/gone) link.";
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = $"---\ntitle: About\n---\n{line}\n",
        });
        var run = Check(site, "--external");
        Assert.Contains($"content/pages/about.md(4,{line.IndexOf("[dead]", StringComparison.Ordinal) + 1}): warning BJ3010: link '{server.Base}/gone' answered 404", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("/ok'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 external link(s) fetched", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, Check(site, "--external", "--strict").ExitCode);
    }
}

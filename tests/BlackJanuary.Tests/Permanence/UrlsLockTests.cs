using BlackJanuary.Tests.Register;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Permanence;

/// <summary>
/// published-urls.txt lists every lasting address of a build; content/urls.lock, written by
/// 'urls update', is the promise that each keeps working: a build that loses one fails, naming it,
/// the file that made it and the fix.
/// </summary>
public sealed class UrlsLockTests
{
    private static FixtureSite Site() => new(new Dictionary<string, string>
    {
        ["content/pages/about.md"] = "---\ntitle: About Testville\n---\nThe fictional town's story.\n",
        ["content/pages/history.md"] = "---\ntitle: History\n---\nOld times.\n",
        ["content/media/plan.txt"] = "A fictional plan of the square.\n",
    });

    private static CliRun UrlsUpdate(FixtureSite site) =>
        site.Run("urls", "update", "--content", site.Content, "--templates", Path.Combine(site.Root, "templates"));

    private static string LockFile(FixtureSite site) => Path.Combine(site.Content, "urls.lock");

    [Fact]
    public void Every_build_lists_its_lasting_addresses_sorted_and_leaves_out_what_is_named_by_its_content()
    {
        using var site = Site();
        site.WriteBytes("content/media/square.png", TestImages.Png(800, 600));
        Assert.Equal(0, site.Build().ExitCode);

        var listed = site.Read("published-urls.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        string[] expected =
        [
            "https://memorial.example.org/sub/", "https://memorial.example.org/sub/404.html", "https://memorial.example.org/sub/about/",
            "https://memorial.example.org/sub/feed.xml", "https://memorial.example.org/sub/history/", "https://memorial.example.org/sub/media/plan.txt",
            "https://memorial.example.org/sub/media/square.png", "https://memorial.example.org/sub/robots.txt", "https://memorial.example.org/sub/sitemap.xml",
        ];
        Assert.Equal(expected, listed.Intersect(expected));
        // The stylesheet and the image's sizes are named by their content, and pages always link to them afresh.
        Assert.DoesNotContain(listed, l => l.Contains("site.", StringComparison.Ordinal) || l.Contains("square.", StringComparison.Ordinal) && !l.EndsWith("square.png", StringComparison.Ordinal));
        Assert.DoesNotContain(listed, l => l.EndsWith("_headers", StringComparison.Ordinal) || l.EndsWith("published-urls.txt", StringComparison.Ordinal));
        // Every address listed is a file of the build.
        Assert.All(listed, l => Assert.True(site.Exists(Served(l["https://memorial.example.org/sub/".Length..])), l));
    }

    private static string Served(string path) => path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;

    [Fact]
    public void Urls_update_records_each_address_with_the_file_that_makes_it()
    {
        using var site = Site();
        var run = UrlsUpdate(site);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("content/urls.lock: 9 addresses (9 new, 0 no longer kept)", run.Stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(LockFile(site)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Contains("/about/\tcontent/pages/about.md", lines);
        Assert.Contains("/media/plan.txt\tcontent/media/plan.txt", lines);
        Assert.Contains("/feed.xml\tthe generated feed.xml", lines);
        Assert.False(Directory.Exists(site.Output), "urls update writes no site");
    }

    [Fact]
    public void Removing_a_locked_page_fails_the_build_with_the_address_the_file_and_the_fix_and_an_alias_mends_it()
    {
        using var site = Site();
        Assert.Equal(0, UrlsUpdate(site).ExitCode);
        var line = Array.IndexOf(File.ReadAllLines(LockFile(site)), "/history/\tcontent/pages/history.md") + 1;
        File.Delete(Path.Combine(site.Content, "pages", "history.md"));

        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/urls.lock({line},1): error BJ3022: /history/ was published (made by content/pages/history.md), and this build no longer serves it, so links to it from elsewhere would break; "
            + "add 'aliases: [/history/]' to the front matter of the page that replaces it, or, if it is gone on purpose, run 'blackjanuary urls update'", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("BJ3022", StringComparison.Ordinal));
        Assert.Equal(1, site.Run("check", "--content", site.Content, "--templates", Path.Combine(site.Root, "templates")).ExitCode);

        site.Write("content/pages/about.md", "---\ntitle: About Testville\naliases: [/history/]\n---\nThe story, and its history.\n");
        var mended = site.Build();
        Assert.True(mended.ExitCode == 0, mended.Stderr);
        Assert.Contains("url=/sub/about/", site.Read("history/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_moved_to_a_new_slug_builds_with_an_alias_from_its_old_address_and_not_without()
    {
        using var site = Site();
        Assert.Equal(0, UrlsUpdate(site).ExitCode);
        site.Write("content/pages/history.md", "---\ntitle: History\nslug: the-past\n---\nOld times.\n");
        Assert.Contains("error BJ3022: /history/ was published", site.Build().Stderr, StringComparison.Ordinal);

        site.Write("content/pages/history.md", "---\ntitle: History\nslug: the-past\naliases: [/history/]\n---\nOld times.\n");
        var run = site.Build();
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("https://memorial.example.org/sub/the-past/", site.Read("published-urls.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_locked_document_that_is_gone_is_asked_back_at_its_path()
    {
        using var site = Site();
        Assert.Equal(0, UrlsUpdate(site).ExitCode);
        File.Delete(Path.Combine(site.Content, "media", "plan.txt"));
        Assert.Contains("error BJ3022: /media/plan.txt was published (made by content/media/plan.txt), and this build no longer serves it, so links to it from elsewhere would break; publish a file at that path again, or, if it is gone on purpose, run 'blackjanuary urls update'",
            site.Build().Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void New_addresses_are_fine_and_urls_update_after_a_deliberate_removal_lets_the_build_pass()
    {
        using var site = Site();
        Assert.Equal(0, UrlsUpdate(site).ExitCode);
        site.Write("content/pages/news.md", "---\ntitle: News\n---\nNew.\n");
        Assert.Equal(0, site.Build().ExitCode);

        File.Delete(Path.Combine(site.Content, "pages", "history.md"));
        Assert.Equal(1, site.Build().ExitCode);
        var update = UrlsUpdate(site);
        Assert.True(update.ExitCode == 0, update.Stderr);
        Assert.Contains("(1 new, 1 no longer kept)", update.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, site.Build().ExitCode);
    }

    [Fact]
    public void A_line_of_the_lock_that_is_no_address_is_an_error_at_its_line()
    {
        using var site = Site();
        site.Write("content/urls.lock", "# addresses\n/about/\tcontent/pages/about.md\nhistory/\tcontent/pages/history.md\n");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/urls.lock(3,1): error BJ2021: 'history/' is not an address from the site's root, like '/about/'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_the_family_asks_to_keep_out_of_view_leaves_the_lock_without_failing_the_build()
    {
        using var register = new RegisterFixture();
        var update = ScratchFolder.Run(["urls", "update", "--content", register.Content, "--templates", Path.Combine(register.Root, "templates"), "--now", RegisterFixture.Today]);
        Assert.True(update.ExitCode == 0, update.Stderr);
        var lockFile = File.ReadAllText(Path.Combine(register.Content, "urls.lock"));
        Assert.Contains("/people/test-person-two/\t", lockFile, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-person", lockFile, StringComparison.Ordinal);

        var file = Path.Combine(register.Content, "people", "test-person-two.md");
        File.WriteAllText(file, "---\npublish: false\n" + File.ReadAllText(file)[4..]);
        var run = register.Build();
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.False(register.Exists("people/test-person-two/index.html"));
        Assert.DoesNotContain("test-person-two", register.Read("published-urls.txt"), StringComparison.Ordinal);
    }
}

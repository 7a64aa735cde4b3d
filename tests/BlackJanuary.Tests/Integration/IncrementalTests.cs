using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Output;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// One builder, rebuilt after edits as the dev server does. After every edit the rebuilt site must
/// be exactly what a fresh build makes, and only the pages the edit concerns may be rendered again.
/// </summary>
public class IncrementalTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["content/pages/about.md"] = "---\ntitle: About Testville\nweight: 2\n---\nSee the [timeline](timeline.md) and the [history](history.md#the-mill).\n",
        ["content/pages/history.md"] = "---\ntitle: History\n---\n## The mill\n\nA fictional mill.\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\nweight: 3\n---\nEvents.\n",
        ["content/pages/plain.md"] = "---\ntitle: Plain\n---\nNothing links here.\n",
        ["content/timeline.yaml"] = "- date: 1901-05-06\n  title: The bridge opens\n  body: A fictional bridge.\n",
    };

    private static BuildOptions Options(FixtureSite site) =>
        new(Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates"), site.Output);

    /// <summary>Edits, rebuilds, and checks the result against a fresh build of the same files.</summary>
    /// <param name="changes">What a watcher saw, if the rebuild is told; else it looks at every file.</param>
    private static SiteSnapshot Rebuild(SiteBuilder session, FixtureSite site, FileChanges? changes = null)
    {
        var incremental = session.Build(changes);
        var fresh = new SiteBuilder(Options(site), BuildMode.Memory).Build();
        Assert.Equal(fresh.Diagnostics, incremental.Diagnostics);
        Assert.Equal(fresh.Files.Keys.Order(), incremental.Files.Keys.Order());
        foreach (var (path, file) in fresh.Files)
        {
            Assert.True(file == incremental.Files[path], $"{path} differs from a fresh build");
        }

        return incremental;
    }

    [Fact]
    public void A_first_build_renders_every_page_and_an_unchanged_rebuild_renders_none()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        Assert.Equal(6, session.Build().PagesRendered); // home, about, history, timeline, plain, 404
        Assert.Equal(0, Rebuild(session, site).PagesRendered);
    }

    private static readonly Dictionary<string, string> TwoLanguages = new()
    {
        ["content/site.yaml"] = "title: Fictional Memorial\nbase_url: https://memorial.example.org/\nlanguage: en\nlanguages:\n  en:\n    name: English\n    culture: en-GB\n  ru:\n    name: Русский\n    culture: ru-RU\n",
        ["content/pages/index.ru.md"] = "---\ntitle: Главная\nweight: 1\n---\nВымысел. [Хронология](timeline.md).\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\nweight: 3\n---\nEvents.\n",
        ["content/pages/timeline.ru.md"] = "---\ntitle: Хронология\nlayout: timeline\nweight: 3\n---\nСобытия.\n",
        ["content/timeline.yaml"] = "- date: 1901-05-06\n  id: bridge\n  title:\n    en: The bridge opens\n    ru: Открывается мост\n",
    };

    [Fact]
    public void In_several_languages_an_edit_renders_what_it_concerns_and_a_new_translation_updates_its_siblings()
    {
        using var site = new FixtureSite(TwoLanguages);
        var session = new SiteBuilder(Options(site));
        Assert.Equal(5, session.Build().PagesRendered); // two homes, two timelines, 404
        Assert.Equal(0, Rebuild(session, site).PagesRendered);

        site.Write("content/pages/index.ru.md", "---\ntitle: Главная\nweight: 1\n---\nВымысел, ещё раз. [Хронология](timeline.md).\n");
        Assert.Equal(1, Rebuild(session, site).PagesRendered);

        // The Russian title of an event: only the timelines read it.
        site.Write("content/timeline.yaml", "- date: 1901-05-06\n  id: bridge\n  title:\n    en: The bridge opens\n    ru: Мост открыт\n");
        var after = Rebuild(session, site);
        Assert.Equal(2, after.PagesRendered);
        Assert.Contains("Мост открыт", after.Files["ru/timeline/index.html"].Text, StringComparison.Ordinal);

        // A new translation: every page's switcher and alternates may change.
        site.Write("content/pages/about.ru.md", "---\ntitle: О сайте\n---\nВымысел.\n");
        after = Rebuild(session, site);
        Assert.True(after.Files.ContainsKey("ru/about/index.html"));
        site.Write("content/pages/about.md", "---\ntitle: About\n---\nInvented.\n");
        after = Rebuild(session, site);
        Assert.Contains("hreflang=\"en\" href=\"https://memorial.example.org/about/\"", after.Files["sitemap.xml"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_page_body_renders_only_that_page()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/plain.md", "---\ntitle: Plain\n---\nNothing links here, still.\n");
        var after = Rebuild(session, site);
        Assert.Equal(1, after.PagesRendered);
        Assert.Contains("Nothing links here, still.", after.Files["plain/index.html"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_timeline_event_renders_only_the_pages_that_read_the_timeline()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/timeline.yaml", "- date: 1901-05-06\n  title: The bridge opens at last\n  body: A fictional bridge.\n");
        var after = Rebuild(session, site);
        Assert.Equal(1, after.PagesRendered);
        Assert.Contains("The bridge opens at last", after.Files["timeline/index.html"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_layout_renders_only_the_pages_that_use_it_and_a_partial_every_page_that_includes_it()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("templates/layouts/timeline.html", "<h1>{{ page.title }}</h1><p>Changed layout</p>{{ for e in timeline.events }}<p id=\"{{ e.id }}\">{{ e.title }}</p>{{ end }}");
        Assert.Equal(1, Rebuild(session, site).PagesRendered);

        site.Write("templates/partials/nav.html", "<nav>{{ for item in site.nav }}<a href=\"{{ item.url }}\">{{ item.title }}</a> {{ end }}</nav>");
        Assert.Equal(6, Rebuild(session, site).PagesRendered);
    }

    [Fact]
    public void Adding_a_missing_partial_or_layout_renders_the_pages_that_asked_for_it()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        site.Write("templates/layouts/page.html", "<h1>{{ page.title }}</h1>{{ include \"partials/footer.html\" }}{{ page.content }}");
        site.Write("content/pages/plain.md", "---\ntitle: Plain\nlayout: special\n---\nNothing links here.\n");
        var broken = session.Build();
        Assert.Contains(broken.Diagnostics, d => d.Code == "BJ4003" && d.Message.Contains("partials/footer.html", StringComparison.Ordinal));
        Assert.Contains(broken.Diagnostics, d => d.Code == "BJ4002");

        site.Write("templates/partials/footer.html", "<footer>Made in Testville</footer>");
        site.Write("templates/layouts/special.html", "<h1 class=\"special\">{{ page.title }}</h1>");
        var after = Rebuild(session, site);
        Assert.True(after.Succeeded, string.Join('\n', after.Diagnostics));
        Assert.Contains("<footer>Made in Testville</footer>", after.Files["about/index.html"].Text, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"special\">Plain</h1>", after.Files["plain/index.html"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Turning_raw_html_on_reads_headings_again()
    {
        using var site = new FixtureSite(Files);
        site.Write("content/pages/history.md", "---\ntitle: History\n---\n## The <b>old</b> mill\n");
        site.Write("content/pages/about.md", "---\ntitle: About\n---\nSee [the mill](history.md#the-old-mill).\n");
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/site.yaml", "title: Fictional Memorial\nbase_url: https://memorial.example.org/sub/\nmarkdown:\n  unsafe_html: true\n");
        Rebuild(session, site);
    }

    /// <summary>Where a link leads does not depend on its anchor: a heading's page is rendered again, and the links to it only checked again.</summary>
    [Fact]
    public void Renaming_a_heading_renders_its_page_alone_and_checks_the_links_to_it_again()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/history.md", "---\ntitle: History\n---\n## The old mill\n\nA fictional mill.\n");
        var after = Rebuild(session, site);
        Assert.Equal(1, after.PagesRendered);
        Assert.Contains(after.Diagnostics, d => d.Code == "BJ3001" && d.Location.File.EndsWith("about.md", StringComparison.Ordinal) && d.Message.Contains("#the-mill", StringComparison.Ordinal));

        site.Write("content/pages/history.md", Files["content/pages/history.md"]);
        var back = Rebuild(session, site);
        Assert.Equal(1, back.PagesRendered);
        Assert.DoesNotContain(back.Diagnostics, d => d.Code == "BJ3001");
    }

    [Fact]
    public void Retitling_a_page_in_the_navigation_renders_every_page()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/about.md", "---\ntitle: About the town\nweight: 2\n---\nSee the [timeline](timeline.md) and the [history](history.md#the-mill).\n");
        var after = Rebuild(session, site);
        Assert.Equal(6, after.PagesRendered);
        Assert.All(after.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)), f => Assert.Contains("About the town", f.Value.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_and_deleting_pages_changes_the_site_and_its_sitemap()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/new.md", "---\ntitle: New page\n---\nFresh.\n");
        var added = Rebuild(session, site);
        Assert.Contains("new/index.html", added.Files.Keys);
        Assert.Contains("/sub/new/", added.Files["sitemap.xml"].Text, StringComparison.Ordinal);

        File.Delete(Path.Combine(site.Root, "content/pages/plain.md"));
        var deleted = Rebuild(session, site);
        Assert.DoesNotContain("plain/index.html", deleted.Files.Keys);
        Assert.DoesNotContain("/sub/plain/", deleted.Files["sitemap.xml"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_edit_fails_with_its_diagnostic_and_fixing_it_builds_again()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/plain.md", "---\ntitle: [unclosed\n---\nBody.\n");
        var broken = Rebuild(session, site);
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "BJ1004" && d.Location.File.EndsWith("plain.md", StringComparison.Ordinal));
        Assert.Empty(broken.Files);

        site.Write("content/pages/plain.md", "---\ntitle: Plain again\n---\nBody.\n");
        var fixedSite = Rebuild(session, site);
        Assert.True(fixedSite.Succeeded);
        Assert.Contains("Plain again", fixedSite.Files["plain/index.html"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_same_size_save_within_one_clock_tick_is_still_seen()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        var path = Path.Combine(site.Root, "content/pages/plain.md");
        var stamp = File.GetLastWriteTimeUtc(path);
        session.Build();
        site.Write("content/pages/plain.md", "---\ntitle: Plain\n---\nNothing links HERE.\n");
        File.SetLastWriteTimeUtc(path, stamp); // same size, same time: only the content differs
        Assert.Contains("Nothing links HERE.", Rebuild(session, site).Files["plain/index.html"].Text, StringComparison.Ordinal);
    }

    /// <summary>What a watcher reports: full paths of the files written in place, and of those created, deleted or renamed.</summary>
    private static FileChanges Seen(FixtureSite site, string[] written, params string[] moved) =>
        new(written.Select(f => Path.GetFullPath(Path.Combine(site.Root, f))).ToHashSet(), moved.Select(f => Path.GetFullPath(Path.Combine(site.Root, f))).ToHashSet());

    [Fact]
    public void An_edit_the_watcher_names_is_built_without_looking_at_other_files()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/plain.md", "---\ntitle: Plain\n---\nNothing links here, still.\n");
        var after = Rebuild(session, site, Seen(site, ["content/pages/plain.md"]));
        Assert.Equal(1, after.PagesRendered);
        Assert.Contains("Nothing links here, still.", after.Files["plain/index.html"].Text, StringComparison.Ordinal);

        site.Write("templates/layouts/page.html", "<h1 class=\"page\">{{ page.title }}</h1>{{ page.content }}");
        Assert.Equal(3, Rebuild(session, site, Seen(site, ["templates/layouts/page.html"])).PagesRendered); // about, history, plain
    }

    /// <summary>
    /// Saves the watcher names, one file at a time, each of a kind that a rebuild takes by place
    /// unless it changes what the whole site is made of: the slug, the title that tells two pages
    /// apart, the share image, the date that orders the feed, draft or not, the title of a page
    /// every page finds, a heading another page's link names. Each rebuild must equal a fresh build.
    /// </summary>
    [Fact]
    public void Watched_saves_that_change_what_the_whole_site_is_made_of_build_as_a_fresh_build_does()
    {
        using var site = new FixtureSite(new Dictionary<string, string>(Files)
        {
            ["content/pages/news.md"] = "---\ntitle: News\ndate: 2001-02-03\n---\nFirst news, see [the pond](plain.md#the-pond).\n",
            ["content/pages/older.md"] = "---\ntitle: Older news\ndate: 2001-01-01\n---\nOlder.\n",
            ["templates/layouts/page.html"] = "<h1>{{ page.title }}</h1>{{ page.content }}{{ h = find_page \"history/\" }}<p>See {{ h.title }}</p>",
        });
        // More dated pages than the feed shows (20): the oldest is outside it.
        for (var day = 1; day <= 21; day++)
        {
            site.Write($"content/pages/notes/note-{day}.md", $"---\ntitle: Note {day}\ndate: 2000-01-{day:D2}\n---\nA fictional note.\n");
        }

        site.WriteBytes("content/media/pond.gif", TestImages.Of(".gif"));
        var session = new SiteBuilder(Options(site));
        session.Build();
        SiteSnapshot Save(string file, string text)
        {
            site.Write(file, text);
            return Rebuild(session, site, Seen(site, [file]));
        }

        Assert.Contains(session.Build().Diagnostics, d => d.Code == "BJ3001");
        var pond = Save("content/pages/plain.md", "---\ntitle: Plain\n---\nNothing links here.\n\n## The pond\n");
        Assert.Equal(1, pond.PagesRendered);
        Assert.DoesNotContain(pond.Diagnostics, d => d.Code == "BJ3001");
        Assert.Contains("plain-2/index.html", Save("content/pages/plain.md", "---\ntitle: Plain\nslug: plain-2\n---\nMoved.\n\n## The pond\n").Files.Keys);
        Assert.Contains(Save("content/pages/plain.md", "---\ntitle: History\nslug: plain-2\n---\nMoved.\n\n## The pond\n").Diagnostics, d => d.Code == "BJ3008");
        Assert.Contains(Save("content/pages/plain.md", "---\ntitle: Plain\nimage: media/pond.gif\n---\nBack.\n\n## The pond\n").Diagnostics, d => d.Code == "BJ3007");
        Save("content/pages/plain.md", "---\ntitle: Plain\nimage: media/pond.gif\nimage_alt: A fictional pond\n---\nBack.\n\n## The pond\n");
        Assert.Contains("Older.", Save("content/pages/older.md", "---\ntitle: Older news\ndate: 2002-01-01\n---\nOlder.\n").Files["feed.xml"].Text, StringComparison.Ordinal);
        Assert.Contains("Note 1<", Save("content/pages/notes/note-1.md", "---\ntitle: Note 1\ndate: 2030-01-01\n---\nA fictional note.\n").Files["feed.xml"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("older/index.html", Save("content/pages/older.md", "---\ntitle: Older news\ndraft: true\n---\nOlder.\n").Files.Keys);
        Assert.Contains("older/index.html", Save("content/pages/older.md", "---\ntitle: Older news\n---\nOlder.\n").Files.Keys);
        var retitled = Save("content/pages/history.md", "---\ntitle: The history\n---\n## The mill\n\nA fictional mill.\n");
        Assert.Contains("<p>See The history</p>", retitled.Files["about/index.html"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_moved_to_another_line_is_reported_at_its_new_line()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        SiteSnapshot Save(string text)
        {
            site.Write("content/pages/plain.md", text);
            return Rebuild(session, site, Seen(site, ["content/pages/plain.md"]));
        }

        var before = Save("---\ntitle: History\nimage: media/pond.gif\n---\nSame.\n");
        var after = Save("---\nsummary: Moved down\ntitle: History\nimage: media/pond.gif\n---\nSame.\n");

        Assert.Equal([(2, 8), (3, 8), (3, 8)], before.Diagnostics.Where(d => d.Code is "BJ3006" or "BJ3007" or "BJ3008").Select(d => (d.Location.Line, d.Location.Column)));
        Assert.Equal([(3, 8), (4, 8), (4, 8)], after.Diagnostics.Where(d => d.Code is "BJ3006" or "BJ3007" or "BJ3008").Select(d => (d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void A_save_through_a_temporary_file_and_new_and_deleted_pages_are_seen_as_moved()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/plain.md~", "---\ntitle: Plain\n---\nSaved through a temporary file.\n");
        File.Move(Path.Combine(site.Root, "content/pages/plain.md~"), Path.Combine(site.Root, "content/pages/plain.md"), overwrite: true);
        var saved = Rebuild(session, site, Seen(site, [], "content/pages/plain.md~", "content/pages/plain.md"));
        Assert.Contains("Saved through a temporary file.", saved.Files["plain/index.html"].Text, StringComparison.Ordinal);

        site.Write("content/pages/more/new.md", "---\ntitle: New page\n---\nFresh.\n");
        var added = Rebuild(session, site, Seen(site, [], "content/pages/more"));
        Assert.Contains("more/new/index.html", added.Files.Keys);
        Assert.Contains("/sub/more/new/", added.Files["sitemap.xml"].Text, StringComparison.Ordinal);

        Directory.Delete(Path.Combine(site.Root, "content/pages/more"), recursive: true);
        var deleted = Rebuild(session, site, Seen(site, [], "content/pages/more"));
        Assert.DoesNotContain("more/new/index.html", deleted.Files.Keys);
    }

    [Fact]
    public void A_symbolic_link_made_during_a_session_is_refused_at_the_next_build_and_forgiven_once_removed()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        var link = Path.Combine(site.Root, "content/pages/more/linked.md");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, Path.Combine(site.Root, "content/pages/plain.md"));

        // The watcher names only the folder made; the walk for links below pages/ must happen again.
        var linked = Rebuild(session, site, Seen(site, [], "content/pages/more"));
        Assert.Contains(linked.Diagnostics, d => d.Code == DiagnosticCodes.UnsafePath && d.Location.File == link);

        File.Delete(link);
        var unlinked = Rebuild(session, site, Seen(site, [], "content/pages/more/linked.md"));
        Assert.DoesNotContain(unlinked.Diagnostics, d => d.Code == DiagnosticCodes.UnsafePath);

        // A page saved in place adds no link: the walk is not needed, and its findings (none) hold.
        site.Write("content/pages/plain.md", "---\ntitle: Plain\n---\nSaved in place.\n");
        Assert.Equal(1, Rebuild(session, site, Seen(site, ["content/pages/plain.md"])).PagesRendered);
    }

    [Fact]
    public void A_file_the_watcher_names_without_a_change_renders_nothing()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        File.SetLastWriteTimeUtc(Path.Combine(site.Root, "content/pages/plain.md"), DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(0, Rebuild(session, site, Seen(site, ["content/pages/plain.md", "content/timeline.yaml"])).PagesRendered);
    }

    [Fact]
    public void A_build_told_of_no_change_keeps_what_it_had_and_one_told_nothing_looks_at_every_file()
    {
        using var site = new FixtureSite(Files);
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/plain.md", "---\ntitle: Plain\n---\nAn edit the watcher missed.\n");
        // Trusting the watcher is the point: what it does not name is not looked at.
        Assert.DoesNotContain("An edit the watcher missed.", session.Build(Seen(site, [])).Files["plain/index.html"].Text, StringComparison.Ordinal);
        // A watcher that lost track (its buffer overflowed) names nothing, and everything is looked at.
        Assert.Contains("An edit the watcher missed.", Rebuild(session, site).Files["plain/index.html"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_dated_page_changes_the_feed_and_clashing_media_fail_until_one_goes()
    {
        using var site = new FixtureSite(Files);
        site.Write("content/pages/news.md", "---\ntitle: News\ndate: 2001-02-03\n---\nFirst news.\n");
        var session = new SiteBuilder(Options(site));
        session.Build();
        site.Write("content/pages/news.md", "---\ntitle: News\ndate: 2001-02-03\n---\nSecond news.\n");
        Assert.Contains("Second news.", Rebuild(session, site, Seen(site, ["content/pages/news.md"])).Files["feed.xml"].Text, StringComparison.Ordinal);

        // The first bytes of a JPEG: only the names are in question.
        site.WriteBytes("content/media/Photo.jpg", TestImages.Jpeg(shade: 1));
        site.WriteBytes("content/media/photo.jpg", TestImages.Jpeg(shade: 2));
        var clash = Rebuild(session, site, Seen(site, [], "content/media/Photo.jpg", "content/media/photo.jpg"));
        Assert.Contains(clash.Diagnostics, d => d.Code == "BJ5001");
        File.Delete(Path.Combine(site.Root, "content/media/Photo.jpg"));
        Assert.True(Rebuild(session, site, Seen(site, [], "content/media/Photo.jpg")).Succeeded);
    }
}

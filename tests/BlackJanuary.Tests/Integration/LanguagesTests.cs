using System.Xml.Linq;
using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Sites in two and three languages, built end to end through the command line with the real
/// theme: URL trees, hreflang links, the language switcher, dates and sorting by culture, and
/// what is reported when a translation or a UI string is missing. Every name is invented.
/// </summary>
public class LanguagesTests
{
    private static readonly string Theme = Path.Combine(RepoPaths.Root, "templates");

    /// <summary>Azerbaijani by default; the about page exists in Azerbaijani and Russian only; one event lacks its Russian text.</summary>
    private static Dictionary<string, string> ThreeLanguages() => new()
    {
        ["content/site.yaml"] = """
            title: Fictional Memorial
            base_url: https://memorial.example.org/sub/
            language: az
            languages:
              az:
                name: Azərbaycanca
                culture: az-Latn-AZ
                title: Uydurma Xatirə
              en:
                name: English
                culture: en-GB
              ru:
                name: Русский
                culture: ru-RU
                title: Вымышленная память
            """,
        ["content/pages/index.md"] = "---\ntitle: Ana səhifə\nweight: 1\n---\nUydurma şəhər. [Haqqında](about.md), [xronologiya](timeline.md).\n",
        ["content/pages/index.en.md"] = "---\ntitle: Home\nweight: 1\n---\nAn invented town. [Timeline](timeline.md).\n",
        ["content/pages/index.ru.md"] = "---\ntitle: Главная\nweight: 1\n---\nВымышленный город. [О сайте](about.md), [хронология](timeline.md).\n",
        ["content/pages/about.az.md"] = "---\ntitle: Haqqında\nweight: 3\n---\nUydurma.\n",
        ["content/pages/about.ru.md"] = "---\ntitle: О сайте\nweight: 3\n---\nВымысел.\n",
        ["content/pages/timeline.md"] = "---\ntitle: Xronologiya\nlayout: timeline\nweight: 2\n---\n",
        ["content/pages/timeline.en.md"] = "---\ntitle: Timeline\nlayout: timeline\nweight: 2\n---\n",
        ["content/pages/timeline.ru.md"] = "---\ntitle: Хронология\nlayout: timeline\nweight: 2\n---\n",
        ["content/timeline.yaml"] = """
            - date: 1901-05-06
              id: 1901-05-06-bridge
              title:
                az: Körpü açılır
                en: The bridge opens
                ru: Открывается мост
              place:
                az: Uydurmakənd
                en: Inventedtown
                ru: Выдумкино
              sources:
                - title: The Inventedtown Gazette
                  url: https://gazette.example.org/bridge
                  language: en
            - date: 1902-03
              id: 1902-03-fair
              title:
                az: Yarmarka
                en: A fair
              body:
                az: Uydurma *yarmarka*.
                en: An invented *fair*.
            - date: 1903
              id: 1903-flood
              title: Daşqın
            """,
    };

    private static (FixtureSite Site, CliRun Run) Build(Dictionary<string, string> files, params string[] extra)
    {
        var site = new FixtureSite(files, withTheme: false, withContent: false);
        return (site, site.Run(["build", "--content", site.Content, "--templates", Theme, "--output", site.Output, .. extra]));
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Page(FixtureSite site, string path) => new HtmlParser().ParseDocument(site.Read(path));

    [Fact]
    public void Each_language_has_its_own_url_tree_and_the_default_one_is_at_the_root()
    {
        var (site, run) = Build(ThreeLanguages());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var page in new[] { "index.html", "about/index.html", "timeline/index.html", "en/index.html", "en/timeline/index.html", "ru/index.html", "ru/about/index.html", "ru/timeline/index.html", "404.html", "feed.xml", "en/feed.xml", "ru/feed.xml" })
        {
            Assert.True(site.Exists(page), page);
        }

        Assert.False(site.Exists("en/about/index.html"));
        Assert.Equal("az", Page(site, "index.html").DocumentElement.GetAttribute("lang"));
        Assert.Equal("ru", Page(site, "ru/about/index.html").DocumentElement.GetAttribute("lang"));
        Assert.Contains("Вымышленная память", Page(site, "ru/index.html").Title, StringComparison.Ordinal);
        // The English title is the site-wide one: en gives none of its own.
        Assert.Contains("Fictional Memorial", Page(site, "en/index.html").Title, StringComparison.Ordinal);
        // Links written without a language code lead to the same language's page.
        var ruLinks = Page(site, "ru/index.html").QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/sub/ru/about/", ruLinks);
        Assert.Contains("/sub/ru/timeline/", ruLinks);
        Assert.Contains("/sub/timeline/", Page(site, "index.html").QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        // Each language's navigation is made of its own pages.
        Assert.Equal(["Главная", "Хронология", "О сайте"], Page(site, "ru/index.html").QuerySelectorAll(".site-nav a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Hreflang_links_resolve_and_point_back_and_the_sitemap_lists_them()
    {
        var (site, run) = Build(ThreeLanguages());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        const string origin = "https://memorial.example.org/sub/";
        string FileOf(string url) => url[origin.Length..] + (url.EndsWith('/') ? "index.html" : "");
        var checkedPages = 0;
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')))
        {
            var doc = Page(site, file);
            var alternates = doc.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
            if (file.EndsWith("404.html", StringComparison.Ordinal))
            {
                Assert.Empty(alternates);
                continue;
            }

            var self = doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            Assert.Equal(self, alternates[doc.DocumentElement.GetAttribute("lang")!]);
            foreach (var (lang, href) in alternates.Where(a => a.Key != "x-default"))
            {
                Assert.True(site.Exists(FileOf(href)), $"{file}: hreflang {lang} leads to {href}, which was not built");
                var back = Page(site, FileOf(href)).QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("href"));
                Assert.Contains(self, back);
                Assert.Equal(lang, Page(site, FileOf(href)).DocumentElement.GetAttribute("lang"));
            }

            // x-default is the default language's version, when there is one.
            Assert.Equal(alternates.GetValueOrDefault("az"), alternates.GetValueOrDefault("x-default"));
            checkedPages++;
        }

        // Three pages in two or three languages, the 404 page, and the search page of each language.
        Assert.Equal(11, checkedPages);
        Assert.Equal(["az", "ru"], Page(site, "about/index.html").QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")).Where(h => h != "x-default"));

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = XDocument.Parse(site.Read("sitemap.xml")).Root!.Elements(sm + "url").ToDictionary(u => u.Element(sm + "loc")!.Value);
        Assert.Equal(11, urls.Count);
        var ruAbout = urls[origin + "ru/about/"].Elements(xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, l.Attribute("href")!.Value)).ToList();
        Assert.Equal([("az", origin + "about/"), ("ru", origin + "ru/about/"), ("x-default", origin + "about/")], ruAbout);
    }

    [Fact]
    public void The_switcher_leads_to_the_same_page_or_says_it_leads_to_that_languages_home()
    {
        var (site, run) = Build(ThreeLanguages());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        var switcher = Page(site, "ru/about/index.html").QuerySelectorAll(".lang-nav a").ToList();
        Assert.Equal(["/sub/about/", "/sub/en/", "/sub/ru/about/"], switcher.Select(a => a.GetAttribute("href")));
        Assert.Equal(["az", "en", "ru"], switcher.Select(a => a.GetAttribute("hreflang")));
        Assert.Equal(["Azərbaycanca", "English", "Русский"], switcher.Select(a => a.ChildNodes[0].TextContent.Trim()));
        Assert.NotNull(switcher[2].GetAttribute("aria-current"));
        Assert.Null(switcher[0].GetAttribute("aria-current"));
        // English has no about page: its link goes to the English home page and says so, in Russian.
        Assert.Contains("перевода нет", switcher[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("перевода нет", switcher[0].TextContent, StringComparison.Ordinal);
        // The 404 page is shown at every missing address, so no entry leads back to it: each leads to its language's home page.
        var notFound = Page(site, "404.html").QuerySelectorAll(".lang-nav a").ToList();
        Assert.Equal(["/sub/", "/sub/en/", "/sub/ru/"], notFound.Select(a => a.GetAttribute("href")));
        Assert.NotNull(notFound[0].GetAttribute("aria-current"));
        Assert.Equal([false, true, true], notFound.Select(a => a.QuerySelector(".lang-hint") is not null));
        // A translated 404 page does not lead to the other 404 pages either.
        var files = ThreeLanguages();
        files["content/pages/404.ru.md"] = "---\ntitle: Не найдено\n---\nТакой страницы нет.\n";
        var (translated, translatedRun) = Build(files);
        using var __ = translated;
        Assert.True(translatedRun.ExitCode == 0, translatedRun.Stderr);
        var ruNotFound = Page(translated, "ru/404.html").QuerySelectorAll(".lang-nav a").ToList();
        Assert.Equal(["/sub/", "/sub/en/", "/sub/ru/"], ruNotFound.Select(a => a.GetAttribute("href")));
        Assert.Equal([true, true, false], ruNotFound.Select(a => a.QuerySelector(".lang-hint") is not null));
        Assert.Equal("/sub/ru/", Page(translated, "404.html").QuerySelectorAll(".lang-nav a")[2].GetAttribute("href"));
        // A site in one language has no switcher and no alternates.
        using var single = new FixtureSite(new Dictionary<string, string>(), withTheme: false);
        Assert.Equal(0, single.Run("build", "--content", single.Content, "--templates", Theme, "--output", single.Output).ExitCode);
        Assert.Empty(Page(single, "index.html").QuerySelectorAll(".lang-nav, link[hreflang]"));
    }

    [Fact]
    public void Dates_are_written_as_each_language_writes_them_and_keep_their_precision()
    {
        var (site, run) = Build(ThreeLanguages());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        // ICU puts a no-break space (narrow in newer versions) before "г.": which one is the library's choice.
        string Times(string page) => string.Join(" | ", Page(site, page).QuerySelectorAll("main time").Select(t => t.TextContent.Trim().Replace('\u00a0', ' ').Replace('\u202f', ' ')));
        Assert.Equal("6 may 1901 | mart 1902 | 1903", Times("timeline/index.html"));
        Assert.Equal("6 May 1901 | March 1902 | 1903", Times("en/timeline/index.html"));
        Assert.Equal("6 мая 1901 г. | март 1902 г. | 1903", Times("ru/timeline/index.html"));
    }

    [Fact]
    public void A_span_of_dates_reads_as_each_language_says_a_range_to_screen_readers()
    {
        var files = ThreeLanguages();
        files["content/timeline.yaml"] = "- date: 1987\n  end_date: 1990-01\n  id: a-span\n  title: Uzun illər\n";
        var (site, run) = Build(files);
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        // What a screen reader hears: the line without what is hidden from it, with what is hidden only from the eye.
        string Heard(string page)
        {
            var meta = Page(site, page).QuerySelector("#a-span .event-meta")!;
            foreach (var hidden in meta.QuerySelectorAll("[aria-hidden=true]").ToList())
            {
                hidden.Remove();
            }

            return string.Join(' ', meta.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.Equal("с 1987 по январь 1990 г.", Heard("ru/timeline/index.html"));
        Assert.Equal("1987 to January 1990", Heard("en/timeline/index.html"));
        Assert.Equal("1987 ilə yanvar 1990 arası", Heard("timeline/index.html"));
    }

    [Fact]
    public void An_event_without_a_translation_shows_the_default_languages_text_marked_with_its_language()
    {
        var (site, run) = Build(ThreeLanguages());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        var ru = Page(site, "ru/timeline/index.html");
        var bridge = ru.GetElementById("1901-05-06-bridge")!;
        Assert.Contains("Открывается мост", bridge.TextContent, StringComparison.Ordinal);
        Assert.Empty(bridge.QuerySelectorAll("[lang=az]"));
        var fair = ru.GetElementById("1902-03-fair")!;
        Assert.Contains("Yarmarka", fair.TextContent, StringComparison.Ordinal);
        Assert.Contains(fair.QuerySelectorAll("[lang=az]"), e => e.TextContent.Contains("Yarmarka", StringComparison.Ordinal));
        // A citation keeps its own language, marked where the page is in another.
        Assert.Equal("en", bridge.QuerySelector(".event-sources cite")!.GetAttribute("lang"));
        Assert.Null(Page(site, "en/timeline/index.html").GetElementById("1901-05-06-bridge")!.QuerySelector(".event-sources cite")!.GetAttribute("lang"));
        // Ids, and so links to events, are the same in every language.
        Assert.NotNull(Page(site, "en/timeline/index.html").GetElementById("1902-03-fair"));
    }

    [Fact]
    public void Check_lists_what_each_language_has_not_translated_without_failing()
    {
        var (site, _) = Build(ThreeLanguages());
        using var __ = site;
        var run = site.Run("check", "--content", site.Content, "--templates", Theme, "--strict");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var table = (run.Stdout + run.Stderr).Split('\n').SkipWhile(l => !l.StartsWith("Translations:", StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^\s+az \(Azərbaycanca\)\s+0\s+0$", table.Single(l => l.Contains("az (", StringComparison.Ordinal)));
        Assert.Matches(@"^\s+en \(English\)\s+1\s+0\s+about\.md$", table.Single(l => l.Contains("en (", StringComparison.Ordinal)));
        Assert.Matches(@"^\s+ru \(Русский\)\s+0\s+1\s+event 1902-03-fair$", table.Single(l => l.Contains("ru (", StringComparison.Ordinal)));
    }

    [Fact]
    public void Lists_sort_by_the_pages_language()
    {
        var files = ThreeLanguages();
        files["content/templates/layouts/places.html"] = """
            <ol id="places">{{ for p in sort_text ["Zaqatala", "Şəki", "Çənbərəkənd", "Ağdam", "Xaçmaz", "İsmayıllı", "Cəlilabad", "Ismayil"] }}<li>{{ p }}</li>{{ end }}</ol>
            <ol id="towns">{{ for p in sort_text ["Жуковка", "Есино", "Ёлкино", "Елабуга"] }}<li>{{ p }}</li>{{ end }}</ol>
            """;
        files["content/pages/places.md"] = "---\ntitle: Yerlər\nlayout: places\n---\n";
        files["content/pages/places.ru.md"] = "---\ntitle: Места\nlayout: places\n---\n";
        var (site, run) = Build(files);
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        string Order(string page, string id) => string.Join(", ", Page(site, page).GetElementById(id)!.Children.Select(li => li.TextContent));
        // The Azerbaijani alphabet: a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z.
        Assert.Equal("Ağdam, Cəlilabad, Çənbərəkənd, Xaçmaz, Ismayil, İsmayıllı, Şəki, Zaqatala", Order("places/index.html", "places"));
        // Russian sorts ё with е; code points would put Ё first.
        Assert.Equal("Елабуга, Ёлкино, Есино, Жуковка", Order("ru/places/index.html", "towns"));
    }

    [Fact]
    public void A_missing_ui_string_is_a_warning_naming_the_language_and_key_and_the_default_languages_text_is_shown()
    {
        var (site, run) = Build(ThreeLanguages());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        // A theme whose Russian file lacks one string and which has no English file at all.
        var theme = ThemeWithout(site, "skip_to_content", "ru");
        File.Delete(Path.Combine(theme, "i18n", "en.yaml"));

        run = site.Run("build", "--content", site.Content, "--templates", theme, "--output", site.Output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("warning BJ4005: no UI string 'skip_to_content' in 'ru' (Русский)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("warning BJ4005: the theme has no UI strings in 'en' (English)", run.Stderr, StringComparison.Ordinal);
        // Once per language and key, not once per page.
        Assert.Equal(1, run.Stderr.Split('\n').Count(l => l.Contains("'skip_to_content' in 'ru'", StringComparison.Ordinal)));
        var azSkip = Page(site, "index.html").QuerySelector(".skip-link")!.TextContent;
        Assert.Equal(azSkip, Page(site, "ru/index.html").QuerySelector(".skip-link")!.TextContent);
        Assert.Equal(azSkip, Page(site, "en/index.html").QuerySelector(".skip-link")!.TextContent);
        Assert.Equal(1, site.Run("build", "--content", site.Content, "--templates", theme, "--output", site.Output, "--strict").ExitCode);
    }

    [Fact]
    public void A_string_missing_in_the_default_language_too_is_said_to_be_shown_in_english()
    {
        var (site, run) = Build(ThreeLanguages());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        var theme = ThemeWithout(site, "skip_to_content", "az", "ru");

        run = site.Run("build", "--content", site.Content, "--templates", theme, "--output", site.Output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("no UI string 'skip_to_content' in 'ru' (Русский); pages in Русский show it in 'en' until", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no UI string 'skip_to_content' in 'az' (Azərbaycanca); pages in Azərbaycanca show it in 'en' until", run.Stderr, StringComparison.Ordinal);
        var enSkip = Page(site, "en/index.html").QuerySelector(".skip-link")!.TextContent;
        Assert.Equal(enSkip, Page(site, "ru/index.html").QuerySelector(".skip-link")!.TextContent);
        Assert.Equal(enSkip, Page(site, "index.html").QuerySelector(".skip-link")!.TextContent);
    }

    [Fact]
    public void The_default_language_can_live_in_its_own_folder_with_a_redirect_at_the_root()
    {
        var files = ThreeLanguages();
        files["content/site.yaml"] = files["content/site.yaml"].Replace("language: az\n", "language: az\ndefault_language_in_subdir: true\n", StringComparison.Ordinal);
        files["content/pages/404.md"] = "---\ntitle: Tapılmadı\n---\nBu ünvanda səhifə yoxdur.\n";
        var (site, run) = Build(files);
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(site.Exists("az/index.html"));
        Assert.True(site.Exists("az/about/index.html"));
        Assert.True(site.Exists("az/feed.xml"));
        // Hosts look for the not-found page at the root, whatever the layout of URLs.
        Assert.Contains("Tapılmadı", Page(site, "404.html").Title, StringComparison.Ordinal);
        Assert.False(site.Exists("az/404.html"));
        var root = Page(site, "index.html");
        Assert.Equal("0; url=/sub/az/", root.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("/sub/az/", root.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("content/pages/about.de.md", "---\ntitle: Über\n---\n", "content/pages/about.de.md: error BJ2008: the file name ends in '.de', which is not a language of the site (az, en, ru)")]
    [InlineData("content/pages/index.az.md", "---\ntitle: İkinci\n---\n", "both want the URL /; give one of them another 'slug' or file name (a file without a language code is in the default language, 'az')")]
    [InlineData("content/pages/index.ru.md", null, "content/pages/index.ru.md: error BJ1007: the site has no home page in Русский ('ru'); create pages/index.ru.md")]
    public void Wrong_language_files_are_clear_errors(string path, string? text, string expected)
    {
        var files = ThreeLanguages();
        if (text is null)
        {
            files.Remove(path);
        }
        else
        {
            files[path] = text;
        }

        var (site, run) = Build(files);
        using var _ = site;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("  ru:\n    name: Русский\n    culture: ru-RU\n", "  ru:\n    name: Русский\n    culture: xx-Nowhere\n", "error BJ2008: culture 'xx-Nowhere' is unknown")]
    [InlineData("language: az\n", "language: de\n", "error BJ2008: language 'de' is not one of 'languages' (az, en, ru)")]
    [InlineData("language: az\n", "language: \"<b>\"\n", "error BJ2008: language '<b>' is not a language code")]
    [InlineData("  en:\n", "  EN:\n", "error BJ2008: 'EN' is not a language code")]
    [InlineData("    ru: Открывается мост\n", "    de: Brücke\n", "error BJ2008: the event has a text in 'de', which is not a language of the site (az, en, ru); add it to 'languages' in site.yaml")]
    [InlineData("      language: en\n", "      language: English\n", "error BJ2008: source language 'English' is not a language code")]
    public void Wrong_language_settings_are_clear_errors_at_their_place(string find, string replace, string expected)
    {
        var files = ThreeLanguages();
        var file = files["content/timeline.yaml"].Contains(find, StringComparison.Ordinal) ? "content/timeline.yaml" : "content/site.yaml";
        var before = files[file];
        files[file] = before.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(before, files[file]);
        var (site, run) = Build(files);
        using var _ = site;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"content/(site|timeline)\.yaml\(\d+,\d+\): error", run.Stderr);
    }

    /// <summary>A copy of the default theme in the fixture site, whose strings files in <paramref name="codes"/> lack <paramref name="key"/>.</summary>
    private static string ThemeWithout(FixtureSite site, string key, params string[] codes)
    {
        var theme = Path.Combine(site.Root, "theme");
        CopyFolder(Theme, theme);
        foreach (var code in codes)
        {
            var file = Path.Combine(theme, "i18n", code + ".yaml");
            File.WriteAllLines(file, File.ReadAllLines(file).Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)));
        }

        return theme;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

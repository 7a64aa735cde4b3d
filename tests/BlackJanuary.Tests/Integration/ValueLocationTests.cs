using BlackJanuary.Diagnostics;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// The model keeps where each value was written, so that a check made long after loading reports
/// at the value, never at the top of its file, and never reads the file again to find it.
/// </summary>
public class ValueLocationTests
{
    private static (string File, int Line, int Column) At(FixtureSite site, SourceLocation location) =>
        (Path.GetRelativePath(site.Root, location.File).Replace('\\', '/'), location.Line, location.Column);

    [Fact]
    public void A_page_keeps_where_its_title_slug_and_image_are_written()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\nsummary: First\ntitle: About\nimage:   media/photo.jpg\nslug: about-us\n---\n",
        });

        var page = Assert.Single(site.LoadAndRender().Site!.Pages, p => p.Title == "About");

        Assert.Equal(("content/pages/about.md", 3, 8), At(site, page.TitleLocation));
        Assert.Equal(("content/pages/about.md", 4, 10), At(site, page.ImageLocation));
        Assert.Equal(("content/pages/about.md", 5, 7), At(site, page.PathLocation));
    }

    [Fact]
    public void A_page_without_a_slug_has_its_address_from_its_file_which_has_no_line()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\n---\n",
        });

        var page = Assert.Single(site.LoadAndRender().Site!.Pages, p => p.Title == "About");

        Assert.Equal(("content/pages/about.md", 0, 0), At(site, page.PathLocation));
    }

    [Fact]
    public void Site_yaml_keeps_where_its_image_and_each_nav_url_are_written()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = """
                title: Fictional Memorial
                base_url: https://memorial.example.org/
                image: media/share.jpg
                nav:
                  - title: Home
                    url: /
                languages:
                  en: { name: English, culture: en-GB }
                  ru:
                    name: Русский
                    culture: ru-RU
                    nav:
                      - title: Архив
                        url: https://archive.example.org/
                """,
            ["content/pages/index.ru.md"] = "---\ntitle: Главная\n---\n",
        });

        var config = site.LoadAndRender().Site!.Config;

        Assert.Equal(("content/site.yaml", 3, 8), At(site, config.ImageLocation));
        Assert.Equal(
            [("", ("content/site.yaml", 6, 10)), ("https://archive.example.org/", ("content/site.yaml", 14, 14))],
            config.NavLinks.Select(l => (l.Url, At(site, l.At))));
    }

    [Fact]
    public void An_event_keeps_where_its_image_is_written_and_one_without_has_its_own_start()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
            ["content/timeline.yaml"] = "- date: 1990-01-19\n  title: Plain\n- date: 1990-01-20\n  title: Shown\n  image: media/photo.jpg\n",
        });

        var events = site.LoadAndRender().Site!.Timeline;

        Assert.Equal([("content/timeline.yaml", 1, 3), ("content/timeline.yaml", 5, 10)], events.Select(e => At(site, e.ImageLocation)));
    }
}

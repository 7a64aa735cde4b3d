using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Addresses that a reader cannot tell from others are warned about: a slug that mixes Latin,
/// Cyrillic or Greek letters (the Cyrillic 'а' in /аbout/), and one written wholly in another
/// script that reads the same as an existing one. A slug in one script, of any language, is fine.
/// </summary>
public class LookAlikeAddressTests
{
    /// <summary>The first bytes of a JPEG image: media files are published only when their content is what their name says.</summary>
    private static readonly byte[] JpegStart = TestImages.Jpeg();

    private static readonly Dictionary<string, string> About = new()
    {
        ["content/pages/about.md"] = "---\ntitle: About Testville\n---\n",
    };

    private static FixtureSite With(params (string Path, string Text)[] files)
    {
        var all = new Dictionary<string, string>(About);
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }

        return new FixtureSite(all);
    }

    [Fact]
    public void A_file_name_with_a_Cyrillic_letter_among_Latin_ones_is_a_warning_at_the_page()
    {
        using var site = With(("content/pages/\u0430bout.md", "---\ntitle: About Testville, forged\n---\n"));

        var run = site.Build();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("content/pages/\u0430bout.md: warning BJ2013: the address /\u0430bout/ mixes Latin and Cyrillic letters (the Cyrillic '\u0430', U+0430, in '\u0430bout'), so it looks like an address it is not; write each slug in one script", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, site.Build("--strict").ExitCode);
    }

    [Theory]
    [InlineData("p\u0430ge", "Latin and Cyrillic letters (the Cyrillic '\u0430', U+0430, in 'p\u0430ge')")]
    [InlineData("\u03b1bout-us", "Latin and Greek letters (the Greek '\u03b1', U+03B1, in '\u03b1bout-us')")]
    [InlineData("\u043c\u0435\u043c\u043e\u0440\u0438\u0430\u043b-x", "Latin and Cyrillic letters (the Latin 'x', U+0078, in '\u043c\u0435\u043c\u043e\u0440\u0438\u0430\u043b-x')")]
    public void A_slug_that_mixes_scripts_is_a_warning(string slug, string mix)
    {
        using var site = With(("content/pages/forged.md", $"---\ntitle: Forged\nslug: {slug}\n---\n"));

        var run = site.Build();

        Assert.Contains($"content/pages/forged.md(3,7): warning BJ2013: the address /{slug}/ mixes {mix}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slug_written_wholly_in_another_script_that_reads_like_an_existing_address_is_a_warning()
    {
        using var site = With(("content/pages/coco.md", "---\ntitle: Coco\n---\n"), ("content/pages/\u0441\u043e\u0441\u043e.md", "---\ntitle: Forged Coco\n---\n"));

        var run = site.Build();

        Assert.Contains("content/pages/\u0441\u043e\u0441\u043e.md: warning BJ2013: the address /\u0441\u043e\u0441\u043e/ looks the same as /coco/ (coco.md) but is another address, written in letters of another script; rename one of them", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Slugs_each_in_one_script_in_any_language_are_not_warned_about()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = """
                title: Fictional Memorial
                base_url: https://memorial.example.org/
                language: en
                languages:
                  en: {name: English, culture: en-GB}
                  ru: {name: Русский, culture: ru-RU}
                  el: {name: Ελληνικά, culture: el-GR}
                """,
            ["content/pages/index.ru.md"] = "---\ntitle: Добро пожаловать\n---\n",
            ["content/pages/index.el.md"] = "---\ntitle: Καλώς ήρθατε\n---\n",
            ["content/pages/about.md"] = "---\ntitle: About Testville\n---\n",
            ["content/pages/about.ru.md"] = "---\ntitle: О Тествилле\nslug: о-городе\n---\n",
            ["content/pages/about.el.md"] = "---\ntitle: Σχετικά\nslug: σχετικα-με-εμας\n---\n",
            ["content/pages/history.md"] = "---\ntitle: History of Şəki\nslug: səki-tarixi-1990\n---\n",
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
            ["content/timeline.yaml"] = "- date: 1901\n  title: Открытие мельницы\n- date: 1902\n  title: The mill burns\n",
        });
        site.WriteBytes("content/media/фото.jpg", JpegStart);

        var run = site.Build("--strict");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(site.Exists("ru/о-городе/index.html"));
    }

    [Fact]
    public void Event_ids_and_media_names_are_checked_as_addresses_too()
    {
        using var site = With(
            ("content/pages/timeline.md", "---\ntitle: Timeline\nlayout: timeline\n---\n"),
            ("content/timeline.yaml", "- date: 1901\n  title: The mill opens\n- date: 1902\n  title: \u0422he mill burns\n- date: 1903\n  id: \u043epening\n  title: Opening\n"));
        site.WriteBytes("content/media/\u0440hoto.jpg", JpegStart);

        var run = site.Build();

        Assert.Contains("content/timeline.yaml(3,3): warning BJ2013: the address #1902-\u0442he-mill-burns mixes Latin and Cyrillic letters (the Cyrillic '\u0442', U+0442", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/timeline.yaml(5,3): warning BJ2013: the address #\u043epening mixes Latin and Cyrillic letters", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/media/\u0440hoto.jpg: warning BJ2013: the address /media/\u0440hoto.jpg mixes Latin and Cyrillic letters", run.Stderr, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Support;
using NetVips;

namespace BlackJanuary.Tests.Media;

/// <summary>
/// Photos on a memorial's pages: every raster image of media/ that a page, person or event shows
/// becomes a &lt;picture&gt; of sizes and formats made without its metadata, with its colours in
/// sRGB, its credit beside it, and made once for all builds that share the cache.
/// </summary>
public sealed class ImageTests : IDisposable
{
    private readonly FixtureSite _site = new(new Dictionary<string, string>
    {
        ["content/site.yaml"] = """
            title: Fictional Memorial
            base_url: https://memorial.example.org/sub/
            images:
              widths: [320, 640, 1024]
            """,
        ["content/pages/index.md"] = """
            ---
            title: Welcome to Testville
            ---
            A fictional town for tests.
            """,
        ["content/pages/history/mill.md"] = """
            ---
            title: The mill
            image: media/mill.jpg
            image_alt: The fictional mill of Testville
            ---
            The mill, as the fictional archive keeps it:

            ![The mill from the river](media/mill.jpg "The mill in 1989")

            A small ![sign](/media/sign.png) on the door.
            """,
        ["content/media/mill.jpg.yaml"] = """
            credit: Fictional Archive of Testville
            license: https://creativecommons.org/licenses/by/4.0/
            source: Box 12, folder 3
            date: "1989"
            caption:
              en: The mill, seen from the river
            """,
    }, withTheme: false);

    public ImageTests()
    {
        _site.WriteBytes("content/media/mill.jpg", Exif.Into(TestImages.Jpeg(1200, 800)));
        _site.WriteBytes("content/media/sign.png", TestImages.Png(200, 100, alpha: true));
    }

    public void Dispose() => _site.Dispose();

    private CliRun Build(params string[] extra) =>
        _site.Run(["build", "--content", _site.Content, "--templates", Path.Combine(RepoPaths.Root, "templates"), "--output", _site.Output, "--strict", .. extra]);

    private AngleSharp.Html.Dom.IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, path)));

    private IEnumerable<string> PublishedImages() =>
        Directory.EnumerateFiles(Path.Combine(_site.Output, "media")).Where(f => Path.GetExtension(f) is ".jpg" or ".png" or ".webp" or ".avif");

    [Fact]
    public void A_markdown_image_alone_in_its_paragraph_is_a_figure_of_a_picture_in_avif_webp_and_jpeg_at_each_width_with_its_size_and_credit()
    {
        var run = Build();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var figure = Page("history/mill/index.html").QuerySelector("main figure.media")!;
        var sources = figure.QuerySelectorAll("picture source").Select(s => (s.GetAttribute("type"), s.GetAttribute("srcset"))).ToList();
        Assert.Equal(["image/avif", "image/webp"], sources.Select(s => s.Item1));
        foreach (var (_, srcset) in sources)
        {
            Assert.Matches(@"^/sub/media/mill\.320\.[0-9a-f]{10}\.\w+ 320w, /sub/media/mill\.640\.[0-9a-f]{10}\.\w+ 640w, /sub/media/mill\.1024\.[0-9a-f]{10}\.\w+ 1024w$", srcset);
        }

        var img = figure.QuerySelector("picture img")!;
        Assert.Equal(("1024", "683", "The mill from the river"), (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")));
        Assert.Matches(@"^/sub/media/mill\.1024\.[0-9a-f]{10}\.jpg$", img.GetAttribute("src"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("The mill in 1989 Photo: Fictional Archive of Testville (Licence)", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", figure.QuerySelector("figcaption a[rel=license]")!.GetAttribute("href"));
        // Every file the markup names exists, as the format it claims, at the width it claims.
        foreach (var url in sources.SelectMany(s => s.Item2!.Split(", ")).Append(img.GetAttribute("srcset")!).SelectMany(s => s.Split(", ")))
        {
            var (path, width) = (url.Split(' ')[0]["/sub/".Length..], int.Parse(url.Split(' ')[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture));
            using var image = Image.NewFromFile(Path.Combine(_site.Output, path));
            Assert.Equal(width, image.Width);
        }
    }

    [Fact]
    public void An_image_in_a_sentence_is_a_picture_that_loads_lazily_and_keeps_its_transparency()
    {
        Build();

        var img = Page("history/mill/index.html").QuerySelector("main p picture img[alt=sign]")!;
        Assert.Equal(("lazy", "200", "100"), (img.GetAttribute("loading"), img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.EndsWith(".png", img.GetAttribute("src"), StringComparison.Ordinal);
        using var png = Image.NewFromFile(Path.Combine(_site.Output, img.GetAttribute("src")!["/sub/".Length..]));
        Assert.True(png.HasAlpha());
    }

    [Fact]
    public void No_published_image_keeps_the_camera_the_position_or_any_other_metadata()
    {
        var source = Path.Combine(_site.Content, "media", "mill.jpg");
        Assert.Contains("GPSLatitude", ExifTool(source), StringComparison.Ordinal);

        Build();

        var images = PublishedImages().ToList();
        Assert.True(images.Count >= 10, $"only {images.Count} images published");
        foreach (var file in images)
        {
            var tags = ExifTool(file);
            Assert.DoesNotContain("GPS", tags, StringComparison.Ordinal);
            Assert.DoesNotContain(Exif.Make, tags, StringComparison.Ordinal);
            Assert.DoesNotContain(Exif.Model, tags, StringComparison.Ordinal);
            using var image = Image.NewFromFile(file);
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data");
        }
    }

    [Fact]
    public void A_photo_turned_by_its_orientation_is_published_upright_with_its_width_and_height_swapped()
    {
        _site.WriteBytes("content/media/mill.jpg", Exif.Into(TestImages.Jpeg(1200, 800), orientation: 6));

        Build();

        var img = Page("history/mill/index.html").QuerySelector("main figure img")!;
        Assert.Equal(("800", "1200"), (img.GetAttribute("width"), img.GetAttribute("height")));
        using var largest = Image.NewFromFile(Path.Combine(_site.Output, "media", "mill.jpg"));
        Assert.Equal((800, 1200), (largest.Width, largest.Height));
    }

    [Fact]
    public void A_photo_in_display_p3_is_converted_to_srgb_rather_than_shown_with_its_profile_dropped()
    {
        using (var srgb = TestImages.Gradient(400, 300))
        using (var p3 = srgb.IccTransform("p3", inputProfile: "srgb"))
        {
            _site.WriteBytes("content/media/mill.jpg", p3.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.Icc));
        }

        Build();

        using var published = Image.NewFromFile(Path.Combine(_site.Output, "media", "mill.jpg"));
        using var original = TestImages.Gradient(400, 300);
        Assert.Equal((3, Enums.Interpretation.Srgb), (published.Bands, published.Interpretation));
        // Converted through the profiles, the colours come back near the original; P3's numbers taken as sRGB would not.
        using var difference = (published - original).Abs();
        using var dropped = (Image.NewFromBuffer(File.ReadAllBytes(Path.Combine(_site.Content, "media", "mill.jpg"))) - original).Abs();
        Assert.True(difference.Avg() < 3 && dropped.Avg() > 2 * difference.Avg(), $"the colours moved by {difference.Avg():F1} on average; without the profile, by {dropped.Avg():F1}");
    }

    [Fact]
    public void A_second_build_with_the_same_photos_takes_every_image_from_the_cache_and_makes_none()
    {
        var cache = Path.Combine(_site.Root, "shared-cache");
        Build("--cache", cache);
        var made = Directory.EnumerateFiles(Path.Combine(cache, "images"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var first = PublishedImages().ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        Directory.Delete(_site.Output, recursive: true);
        Build("--cache", cache);

        Assert.Equal(made, Directory.EnumerateFiles(Path.Combine(cache, "images"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(first, PublishedImages().ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes));
    }

    [Fact]
    public void The_credit_licence_and_source_of_the_pages_image_are_in_its_json_ld_image_object()
    {
        Build();

        var json = Page("history/mill/index.html").QuerySelector("script[type='application/ld+json']")!.TextContent;
        var image = JsonDocument.Parse(json).RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "ImageObject");
        Assert.Equal("https://memorial.example.org/sub/media/mill.jpg", image.GetProperty("contentUrl").GetString());
        Assert.Equal("Fictional Archive of Testville", image.GetProperty("creditText").GetString());
        Assert.Equal("Fictional Archive of Testville", image.GetProperty("copyrightNotice").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", image.GetProperty("license").GetString());
        Assert.Equal("Box 12, folder 3", image.GetProperty("isBasedOn").GetString());
    }

    [Fact]
    public void An_image_with_a_content_warning_waits_closed_behind_it_and_a_page_with_one_says_so_first()
    {
        _site.Write("content/media/mill.jpg.yaml", "content_warning:\n  en: Damage after the fictional flood\n");
        _site.Write("content/pages/flood.md", "---\ntitle: The flood\ncontent_warning: Photographs of the fictional flood\n---\n![The square under water](media/sign.png)\n");

        Build();

        var mill = Page("history/mill/index.html");
        var details = mill.QuerySelector("main details.content-warning")!;
        Assert.Null(details.GetAttribute("open"));
        Assert.Contains("Damage after the fictional flood", details.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector("figure picture img[alt='The mill from the river']"));
        var flood = Page("flood/index.html");
        Assert.Contains("Photographs of the fictional flood", flood.QuerySelector("main .content-warning-notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(flood.QuerySelector("main details.content-warning picture img[alt='The square under water']"));
    }

    /// <summary>Every tag exiftool reads from the file, as text ("Group:Tag: value" lines).</summary>
    private static string ExifTool(string file)
    {
        var start = new ProcessStartInfo("exiftool", ["-a", "-G1", "-s", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("exiftool did not start; install libimage-exiftool-perl (tests/run.sh does)");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}

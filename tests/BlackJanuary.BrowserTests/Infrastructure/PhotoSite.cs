using NetVips;

namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>
/// A fictional archive's page of photos, generated as the build's own images are (NetVips), built
/// with the default theme and served under /photos/: three photos in the text, the second of them
/// behind a content warning. Built once for the test class that uses it.
/// </summary>
public sealed class PhotoSite : IAsyncLifetime
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"blackjanuary-photos-{Guid.NewGuid():N}");
    private SiteServer? _server;
    private BuiltSite? _site;

    public BuiltSite Site => _site ?? throw new InvalidOperationException("the photo site has not been built");

    public Uri Page => Site.UrlOf("archive/");

    public async ValueTask InitializeAsync()
    {
        var content = Path.Combine(_temp, "content");
        var output = Path.Combine(_temp, "photos");
        Directory.CreateDirectory(Path.Combine(content, "pages"));
        Directory.CreateDirectory(Path.Combine(content, "media"));
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(content, "site.yaml"), "title: Fictional Archive\nbase_url: https://example.org/photos/\nlanguage: en\n");
        File.WriteAllText(Path.Combine(content, "pages", "index.md"), "---\ntitle: Home\n---\nThe [archive](archive.md).\n");
        File.WriteAllText(Path.Combine(content, "pages", "archive.md"), """
            ---
            title: The archive
            ---
            The fictional mill, as the archive keeps it.

            ![The mill from the river](media/mill.jpg "The mill in 1989")

            A long text before the next photo, so that it loads only when the reader comes near it.

            ![The square after the flood](media/square.jpg)

            ![The fictional mill's sign](media/sign.png)
            """);
        File.WriteAllText(Path.Combine(content, "media", "mill.jpg.yaml"), "credit: Fictional Archive of Testville\n");
        File.WriteAllText(Path.Combine(content, "media", "square.jpg.yaml"), "content_warning: Damage after the fictional flood\n");
        Write(Path.Combine(content, "media", "mill.jpg"), 2400, 1600, 0);
        Write(Path.Combine(content, "media", "square.jpg"), 1800, 1200, 1);
        Write(Path.Combine(content, "media", "sign.png"), 900, 300, 2);
        _server = await SiteServer.StartAsync([new Mount("/photos/", output)]);
        _site = new BuiltSite("photos", output, new Uri(_server.Origin, "/photos/"));
        await Task.Run(() =>
        {
            var result = new SiteBuilder(new BuildOptions(content, Repository.Templates, output, _site.BaseUrl.AbsoluteUri, CacheDir: Path.Combine(_temp, "cache")), BuildMode.Disk).Build();
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"building the photo site failed:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Format(_temp)))}");
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    /// <summary>A smooth gradient, as a camera's photo compresses.</summary>
    private static void Write(string file, int width, int height, int shade)
    {
        using var xy = Image.Xyz(width, height);
        using var red = xy[0] * (255.0 / width);
        using var green = xy[1] * (255.0 / height);
        using var blue = (xy[0] + xy[1] + (shade * 60)) * (127.0 / (width + height));
        using var rgb = red.Bandjoin(green, blue);
        using var image = rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        image.WriteToFile(file);
    }
}

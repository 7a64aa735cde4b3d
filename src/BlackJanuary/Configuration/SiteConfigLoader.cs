using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Configuration;

public static partial class SiteConfigLoader
{
    private static readonly string[] Keys = ["title", "tagline", "description", "base_url", "language", "languages", "default_language_in_subdir", "author", "image", "nav", "markdown", "media", "images"];
    private static readonly string[] LanguageKeys = ["name", "culture", "title", "tagline", "description", "nav"];
    private static readonly string[] MarkdownKeys = ["unsafe_html", "trusted_html"];
    private static readonly string[] MediaKeys = ["allow_active_files", "max_file_mb"];
    private static readonly string[] ImageKeys = ["widths", "quality", "sizes", "max_pixels"];
    private static readonly string[] QualityKeys = ["avif", "webp", "jpeg"];
    private static readonly string[] NavKeys = ["title", "url"];

    /// <summary>Reads site.yaml; <paramref name="baseUrlOverride"/> (from --base-url) wins over the file.</summary>
    public static SiteConfig? Load(string file, string? baseUrlOverride, DiagnosticBag diagnostics)
    {
        if (!SafeFolder.Required(file, isFolder: false, "site.yaml not found; every content folder needs one with at least 'title' and 'base_url'", diagnostics))
        {
            return null;
        }

        var text = TextFile.Read(file, diagnostics);
        var root = text is null ? null : YamlDocument.Parse(text, file, 1, diagnostics);
        var fields = root is null ? null : YamlFields.Of(root, file, 1, diagnostics, "site.yaml");
        if (fields is null)
        {
            return null;
        }

        var title = fields.Text("title", required: true);
        var baseUrl = baseUrlOverride is null
            ? ParseBaseUrl(fields.Text("base_url", required: true), fields.ValueLocationOf("base_url"), diagnostics)
            : ParseBaseUrl(baseUrlOverride, new SourceLocation("--base-url"), diagnostics);
        var markdown = fields.Map("markdown");
        var unsafeHtml = markdown?.Bool("unsafe_html") ?? false;
        var trustedHtml = markdown?.Bool("trusted_html") ?? false;
        markdown?.WarnUnknownKeys(MarkdownKeys);
        var media = fields.Map("media");
        var allowActiveMedia = media?.Bool("allow_active_files") ?? false;
        var maxMediaMb = Positive(media, "max_file_mb", 1, 4096, diagnostics);
        media?.WarnUnknownKeys(MediaKeys);
        var images = LoadImages(fields.Map("images"), diagnostics);
        var navLinks = new List<WrittenLink>();
        var nav = fields.Has("nav") ? LoadNav(fields.List("nav"), file, navLinks, diagnostics) : null;
        var tagline = fields.Text("tagline") ?? "";
        var description = fields.Text("description") ?? "";
        var language = fields.Text("language") ?? "en";
        var author = fields.Text("author");
        var image = RefuseCode(fields.Text("image"), "image", fields.ValueLocationOf("image"), diagnostics) ?? "";
        var inSubdir = fields.Bool("default_language_in_subdir") ?? false;
        var languages = title is null ? null : LoadLanguages(fields, language, new SiteLanguage(language, language, "", title, tagline, description, nav), file, navLinks, diagnostics);
        fields.WarnUnknownKeys(Keys);

        if (title is null || baseUrl is null || languages is null)
        {
            return null;
        }

        return new SiteConfig(
            Title: title,
            Tagline: tagline,
            Description: description,
            BaseUrl: baseUrl,
            Language: language,
            Author: author ?? title,
            Image: image,
            ImageLocation: fields.ValueLocationOf("image"),
            Nav: nav,
            NavLinks: navLinks,
            RawHtml: trustedHtml ? RawHtml.Trusted : unsafeHtml ? RawHtml.Sanitized : RawHtml.Escaped,
            SourceFile: file,
            Languages: languages,
            DefaultLanguageInSubdir: inSubdir,
            AllowActiveMedia: allowActiveMedia)
        {
            Images = images,
            MaxMediaBytes = maxMediaMb is { } mb ? mb * 1024L * 1024 : SiteConfig.DefaultMaxMediaBytes,
        };
    }

    /// <summary>'images': widths, quality (one number, or one per format), sizes and the pixel limit; the defaults for what is not given.</summary>
    private static ImageSettings LoadImages(YamlFields? images, DiagnosticBag diagnostics)
    {
        var defaults = ImageSettings.Default;
        if (images is null)
        {
            return defaults;
        }

        images.WarnUnknownKeys(ImageKeys);
        var widths = defaults.Widths;
        if (images.Has("widths"))
        {
            var given = new SortedSet<int>();
            foreach (var text in images.Texts("widths"))
            {
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && width is >= 16 and <= 8192)
                {
                    given.Add(width);
                }
                else
                {
                    diagnostics.Error(DiagnosticCodes.InvalidValue, images.ValueLocationOf("widths"),
                        $"'{text}' in 'widths' is not a width; each must be a whole number of pixels from 16 to 8192, like [320, 640, 1024, 1600]");
                }
            }

            widths = given.Count > 0 ? [.. given] : widths;
        }

        var (avif, webp, jpeg) = (defaults.AvifQuality, defaults.WebpQuality, defaults.JpegQuality);
        if (images.Map("quality") is { } quality)
        {
            quality.WarnUnknownKeys(QualityKeys);
            avif = Positive(quality, "avif", 1, 100, diagnostics) ?? avif;
            webp = Positive(quality, "webp", 1, 100, diagnostics) ?? webp;
            jpeg = Positive(quality, "jpeg", 1, 100, diagnostics) ?? jpeg;
        }
        else if (Positive(images, "quality", 1, 100, diagnostics) is { } all)
        {
            (avif, webp, jpeg) = (all, all, all);
        }

        var sizes = images.Text("sizes") ?? defaults.Sizes;
        var maxPixels = images.Has("max_pixels") ? Positive(images, "max_pixels", 1, int.MaxValue, diagnostics) ?? defaults.MaxPixels : defaults.MaxPixels;
        return new ImageSettings(widths, avif, webp, jpeg, sizes, maxPixels);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null (reported when it is given and is not).</summary>
    private static int? Positive(YamlFields? fields, string key, int min, int max, DiagnosticBag diagnostics)
    {
        if (fields?.Number(key) is not { } number)
        {
            return null;
        }

        if (number >= min && number <= max)
        {
            return number;
        }

        diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf(key), $"'{key}' must be a whole number from {min} to {max}");
        return null;
    }

    /// <summary>
    /// The site's languages, the default first. Without 'languages' the site has one, described
    /// by the top-level settings; with it, 'language' must name one of them. Null after an error.
    /// </summary>
    private static List<SiteLanguage>? LoadLanguages(YamlFields fields, string defaultCode, SiteLanguage single, string file, List<WrittenLink> navLinks, DiagnosticBag diagnostics)
    {
        if (!LanguageCode.IsValid(defaultCode))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf("language"),
                $"language '{defaultCode}' is not a language code; write a lower-case code such as en, az or ru");
            return null;
        }

        if (fields.Map("languages") is not { } map)
        {
            return [single];
        }

        var languages = new List<SiteLanguage>();
        var valid = true;
        foreach (var code in map.Keys)
        {
            var at = map.LocationOf(code);
            if (!LanguageCode.IsValid(code))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, at,
                    $"'{code}' is not a language code; languages are keyed by lower-case codes such as en, az or ru (a region may follow: pt-br)");
                valid = false;
                continue;
            }

            if (map.Map(code) is not { } entry)
            {
                diagnostics.Error(DiagnosticCodes.WrongType, at, $"language '{code}' must be a mapping with at least 'name' and 'culture'");
                valid = false;
                continue;
            }

            var name = entry.Text("name", required: true);
            var culture = entry.Text("culture", required: true) is { } c ? CultureFor(c, entry.ValueLocationOf("culture"), diagnostics) : null;
            var nav = entry.Has("nav") ? LoadNav(entry.List("nav"), file, navLinks, diagnostics) : null;
            entry.WarnUnknownKeys(LanguageKeys);
            if (name is null || culture is null)
            {
                valid = false;
                continue;
            }

            languages.Add(new SiteLanguage(code, name, culture,
                entry.Text("title") ?? single.Title, entry.Text("tagline") ?? single.Tagline, entry.Text("description") ?? single.Description,
                nav ?? (code == defaultCode ? single.Nav : null)));
        }

        if (valid && !languages.Any(l => l.Code == defaultCode))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.ValueLocationOf("language"),
                $"language '{defaultCode}' is not one of 'languages' ({string.Join(", ", languages.Select(l => l.Code))}); set 'language' to the default one of them");
            valid = false;
        }

        return valid ? [.. languages.Where(l => l.Code == defaultCode), .. languages.Where(l => l.Code != defaultCode)] : null;
    }

    /// <summary>The culture's name when .NET knows it (dates, numbers and sorting come from it), else null after reporting.</summary>
    private static string? CultureFor(string culture, SourceLocation at, DiagnosticBag diagnostics)
    {
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(culture, predefinedOnly: true).Name;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, at,
                $"culture '{culture}' is unknown; write a culture such as en-GB, az-Latn-AZ or ru-RU (language, optional script, region)");
            return null;
        }
    }

    private static Uri? ParseBaseUrl(string? text, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
        {
            // Links are built by appending to the base, so its path must end in a slash.
            return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
        }

        diagnostics.Error(DiagnosticCodes.InvalidValue, at,
            $"base_url '{text}' is not an absolute http(s) URL; write it like https://example.org/ or https://example.github.io/memorial/");
        return null;
    }

    /// <summary>
    /// Null (after reporting) for a URL that would run code in the reader's browser: nav URLs are
    /// links, and the share image is written into every page's head and JSON-LD.
    /// </summary>
    private static string? RefuseCode(string? url, string what, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (url is null || !Urls.RunsCode(url))
        {
            return url;
        }

        diagnostics.Error(DiagnosticCodes.UnsafeLink, at,
            $"{what} '{url}' would run code in the reader's browser; write a site path (like 'about/') or an http(s) address instead");
        return null;
    }

    /// <param name="links">Gets each url with where it is written, for the checks of links to other sites.</param>
    private static List<NavItem> LoadNav(IReadOnlyList<YamlDotNet.RepresentationModel.YamlNode> items, string file, List<WrittenLink> links, DiagnosticBag diagnostics)
    {
        var nav = new List<NavItem>();
        foreach (var item in items)
        {
            var fields = YamlFields.Of(item, file, 1, diagnostics, "a nav entry");
            if (fields is null)
            {
                continue;
            }

            var title = fields.Text("title", required: true);
            // Required, but "" is a value: it is the home page (docs/content.md, Navigation).
            var url = RefuseCode(fields.Text("url", required: !fields.Has("url")), "nav url", fields.ValueLocationOf("url"), diagnostics);
            fields.WarnUnknownKeys(NavKeys);
            if (title is not null && url is not null)
            {
                nav.Add(new NavItem(title, url.TrimStart('/')));
                links.Add(new WrittenLink(url.TrimStart('/'), fields.ValueLocationOf("url")));
            }
        }

        return nav;
    }
}

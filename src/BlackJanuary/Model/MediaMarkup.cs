using System.Globalization;
using System.Net;
using System.Text;

namespace BlackJanuary.Model;

/// <summary>
/// The one markup of media on a page, written the same way for an image in Markdown, a person's
/// photo and an event's picture: a &lt;picture&gt; the browser picks a source from, a figure with
/// its caption and credit, a content warning that hides what it warns of until the reader opens
/// it, a recording with its transcript, a document with its size. No script is needed for any.
/// </summary>
public static class MediaMarkup
{
    /// <summary>The theme's words for media, in the language of the page being written.</summary>
    /// <param name="Credit">Before a credit: "Photo".</param>
    public sealed record Words(string Credit, string License, string ContentWarning, string Show, string Transcript, string Pages, string Download);

    /// <summary>How one image is to be shown.</summary>
    /// <param name="Eager">The first image of a page loads at once; the others when they come near the screen.</param>
    /// <param name="Sizes">How wide the layout shows it (the 'sizes' attribute).</param>
    public sealed record ImageUse(string Alt, string? AltLanguage, bool Eager, string Sizes, string? ImgClass = null);

    /// <summary>A raster image as a &lt;picture&gt;: AVIF and WebP sources and a JPEG or PNG every browser shows, sized so that nothing moves as it loads.</summary>
    public static string Picture(SiteConfig config, MediaFile media, RasterImage image, ImageUse use)
    {
        var set = ImageVariants.Of(media, image, config.Images);
        var html = new StringBuilder("<picture>");
        foreach (var sources in (IReadOnlyList<ImageVariant>[])[set.Avif, set.Webp])
        {
            html.Append("<source type=\"").Append(sources[0].MimeType).Append("\" srcset=\"").Append(SrcSet(config, sources))
                .Append("\" sizes=\"").Append(Encode(use.Sizes)).Append("\">");
        }

        var shown = set.Largest;
        html.Append("<img src=\"").Append(Encode(config.PathFor(set.Default.OutputPath))).Append("\" srcset=\"").Append(SrcSet(config, set.Fallback))
            .Append("\" sizes=\"").Append(Encode(use.Sizes)).Append("\" width=\"").Append(shown.Width.ToString(CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(shown.Height.ToString(CultureInfo.InvariantCulture)).Append("\" alt=\"").Append(Encode(use.Alt)).Append('"');
        if (use.AltLanguage is { Length: > 0 } lang)
        {
            html.Append(" lang=\"").Append(Encode(lang)).Append('"');
        }

        if (use.ImgClass is { Length: > 0 } css)
        {
            html.Append(" class=\"").Append(Encode(css)).Append('"');
        }

        html.Append(use.Eager ? " decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">");
        return html.Append("</picture>").ToString();
    }

    /// <summary>An image that is not resized (SVG): the file as it is, with its alt text.</summary>
    public static string Plain(SiteConfig config, MediaFile media, ImageUse use) =>
        $"<img src=\"{Encode(config.PathFor(media.OutputPath))}\" alt=\"{Encode(use.Alt)}\""
        + (use.AltLanguage is { Length: > 0 } lang ? $" lang=\"{Encode(lang)}\"" : "")
        + (use.ImgClass is { Length: > 0 } css ? $" class=\"{Encode(css)}\"" : "")
        + (use.Eager ? " decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">");

    /// <summary>An image of the site's media, resized or not.</summary>
    public static string Image(SiteConfig config, MediaFile media, ImageUse use) =>
        media.Raster is { } raster ? Picture(config, media, raster, use) : Plain(config, media, use);

    /// <summary>
    /// What a figure says under its image: the caption (given in the page, else the sidecar's in
    /// the page's language) and the credit, with the licence as a link when it is an address.
    /// Empty when there is neither.
    /// </summary>
    public static string Caption(MediaRights rights, string caption, string credit, Words words)
    {
        var license = rights.License.Length == 0 ? ""
            : Urls.IsExternal(rights.License) ? $" (<a href=\"{Encode(Urls.Normalize(rights.License))}\" rel=\"license\">{Encode(words.License)}</a>)"
            : $" ({Encode(rights.License)})";
        var creditHtml = credit.Length == 0 ? "" : $"<span class=\"media-credit\">{Encode(words.Credit)}: {Encode(credit)}{license}</span>";
        if (caption.Length == 0 && creditHtml.Length == 0)
        {
            return "";
        }

        return "<figcaption>" + Encode(caption) + (caption.Length > 0 && creditHtml.Length > 0 ? " " : "") + creditHtml + "</figcaption>";
    }

    /// <summary>A figure of <paramref name="inner"/> and its caption.</summary>
    public static string Figure(string inner, string caption, string? cssClass = null) =>
        $"<figure class=\"media{(cssClass is { Length: > 0 } c ? " " + Encode(c) : "")}\">{inner}{caption}</figure>";

    /// <summary>
    /// <paramref name="inner"/> closed behind a warning: the reader sees the warning and opens the
    /// image only if they choose to, with no script (a &lt;details&gt; element).
    /// </summary>
    public static string Warned(string warning, string inner, Words words) =>
        $"<details class=\"content-warning\"><summary><span class=\"content-warning-label\">{Encode(words.ContentWarning)}:</span> {Encode(warning)} <span class=\"content-warning-show\">{Encode(words.Show)}</span></summary>{inner}</details>";

    /// <summary>
    /// A recording with a player and, when it has one in the page's language (or the default
    /// transcript), its transcript as text: each cue's time a link into the recording
    /// ('#t=' media fragment), which the player follows when script runs and the browser's own
    /// player follows when it does not.
    /// </summary>
    public static string Recording(SiteConfig config, MediaFile media, string title, string language, Words words)
    {
        var url = config.PathFor(media.OutputPath);
        var element = media.Kind == MediaKind.Video ? "video" : "audio";
        var transcript = media.Transcripts.FirstOrDefault(t => t.Language == language)
            ?? media.Transcripts.FirstOrDefault(t => t.Language == "" && language == config.Language)
            ?? media.Transcripts.FirstOrDefault(t => t.Language == "");
        var html = new StringBuilder($"<{element} controls preload=\"metadata\" src=\"{Encode(url)}\"");
        html.Append(" aria-label=\"").Append(Encode(title)).Append("\">");
        foreach (var t in media.Transcripts.Where(_ => element == "video"))
        {
            var lang = t.Language.Length > 0 ? t.Language : config.Language;
            html.Append(CultureInfo.InvariantCulture, $"<track kind=\"captions\" src=\"{Encode(config.PathFor(t.OutputPath))}\" srclang=\"{Encode(lang)}\" label=\"{Encode(config.LanguageOf(lang).Name)}\"{(t == transcript ? " default" : "")}>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(url)}\">{Encode(words.Download)}: {Encode(title)}</a></{element}>");
        if (transcript is not null && transcript.Cues.Count > 0)
        {
            var lang = transcript.Language.Length > 0 ? transcript.Language : config.Language;
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"transcript\" open><summary>{Encode(words.Transcript)}</summary><ol class=\"transcript-cues\"{(lang != language ? $" lang=\"{Encode(lang)}\"" : "")}>");
            foreach (var cue in transcript.Cues)
            {
                var seconds = cue.Start.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture, $"<li><a class=\"cue-time\" href=\"{Encode(url)}#t={seconds}\" data-start=\"{seconds}\">{Clock(cue.Start)}</a> ");
                if (cue.Voice.Length > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<span class=\"cue-voice\">{Encode(cue.Voice)}:</span> ");
                }

                html.Append(Encode(cue.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</li>");
            }

            html.Append("</ol></details>");
        }

        return html.ToString();
    }

    /// <summary>A document as a link with what it is and how big: "PDF, 12 pages, 1.4 MB".</summary>
    public static string Document(SiteConfig config, MediaFile media, string title, Words words)
    {
        var facts = new List<string> { "PDF" };
        if (media.Pages is { } pages)
        {
            facts.Add($"{words.Pages}: {pages.ToString(CultureInfo.InvariantCulture)}");
        }

        facts.Add(Size(media.Bytes));
        return $"<a class=\"media-document\" href=\"{Encode(config.PathFor(media.OutputPath))}\" type=\"application/pdf\"><span class=\"media-document-title\">{Encode(title)}</span> <span class=\"media-document-facts\">({Encode(string.Join(", ", facts))})</span></a>";
    }

    /// <summary>"1.4 MB", "820 KB": decimal units, as file managers show sizes.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1_000_000 => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1_000 => (bytes / 1_000.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    /// <summary>"1:05", "1:02:03": a cue's start as a player shows it.</summary>
    public static string Clock(TimeSpan at) =>
        at.TotalHours >= 1 ? at.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : at.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static string SrcSet(SiteConfig config, IReadOnlyList<ImageVariant> variants) =>
        string.Join(", ", variants.Select(v => Encode(config.PathFor(v.OutputPath)) + " " + v.Width.ToString(CultureInfo.InvariantCulture) + "w"));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>
/// The theme's words for media in each language, for the stages that write media before the
/// templates run (Markdown). Compared by <paramref name="Key"/>, the theme strings' hash: other
/// words make other pages.
/// </summary>
public sealed record MediaWording(string Key, Func<string, MediaMarkup.Words> In)
{
    /// <summary>The words of a build without a theme's strings (tests of one stage): English.</summary>
    public static MediaWording English { get; } = new("en", _ => new MediaMarkup.Words("Photo", "Licence", "Content warning", "Show", "Transcript", "Pages", "Download"));

    public bool Equals(MediaWording? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}

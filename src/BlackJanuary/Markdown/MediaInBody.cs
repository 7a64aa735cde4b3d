using System.Globalization;
using System.Text;
using BlackJanuary.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BlackJanuary.Markdown;

/// <summary>The site's media by the path a link resolves to, and the words to show them with: the same for every body of a build.</summary>
internal sealed class MediaShown(Dictionary<string, MediaFile> byPath, SiteConfig config, MediaWording wording)
{
    public static MediaShown Of(Site site, MediaWording wording) =>
        new(site.Media.ToDictionary(m => m.OutputPath, StringComparer.Ordinal), site.Config, wording);

    public MediaFile? At(string path) => byPath.GetValueOrDefault(path);

    public SiteConfig Config => config;

    public MediaWording Wording => wording;
}

/// <summary>
/// The media one body shows, written by <see cref="MediaMarkup"/> instead of Markdig's plain
/// &lt;img&gt;: an image of the site becomes a &lt;picture&gt;, and alone in its paragraph a
/// figure with its caption and credit; a recording a player with its transcript; a document a
/// link with its size. Markdig renders a mark in each one's place and the markup goes in after
/// the raw-HTML sanitiser has run, which would otherwise take the &lt;picture&gt; for an editor's.
/// </summary>
/// <param name="language">The body's language: captions, alt texts and words in it.</param>
/// <param name="firstEager">Whether the body's first image loads at once (the top of a page) rather than when it comes near.</param>
/// <param name="warning">The page's content warning: every image of the body is hidden behind it.</param>
internal sealed class MediaInBody(MediaShown shown, string language, bool firstEager, string warning)
{
    private readonly List<(LinkInline Node, MediaFile Media)> _found = [];
    private readonly List<(string Mark, string Block, string Inline)> _marks = [];

    /// <summary>What a body's image says of itself: whether its file gives an alt text, so that an empty one is not a mistake.</summary>
    public sealed record Taken(bool HasAlt);

    /// <summary>Notes an image link of the body that names a file of the site's media; null for any other.</summary>
    public Taken? Take(LinkInline node, string url, Page? page, LinkTargets targets)
    {
        var resolved = targets.Resolve(page, url);
        if (resolved.IsExternal || resolved.Problem is not null || shown.At(resolved.Path) is not { Kind: not MediaKind.Other } media)
        {
            return null;
        }

        _found.Add((node, media));
        return new Taken(!media.Rights.Alt.IsEmpty);
    }

    /// <summary>Puts a mark in place of each noted link, once the walk over the document is done (a walk must not change what it walks).</summary>
    public void Place()
    {
        var config = shown.Config;
        var words = shown.Wording.In(language);
        var eager = firstEager;
        foreach (var (node, media) in _found)
        {
            var written = string.Concat(node.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
            var alt = written.Length > 0 ? written : media.Rights.Alt.In(language, config.Language);
            var caption = node.Title is { Length: > 0 } title ? title : media.Rights.Caption.In(language, config.Language);
            var hidden = media.Rights.ContentWarning.In(language, config.Language) is { Length: > 0 } own ? own : warning;
            string block, inline;
            switch (media.Kind)
            {
                case MediaKind.Image:
                    var picture = MediaMarkup.Image(config, media, new MediaMarkup.ImageUse(alt, null, eager && hidden.Length == 0, config.Images.Sizes));
                    eager = false;
                    var figcaption = MediaMarkup.Caption(media.Rights, caption, media.Rights.Credit, words);
                    block = figcaption.Length > 0 ? MediaMarkup.Figure(picture, figcaption) : $"<p>{picture}</p>";
                    inline = picture;
                    break;
                case MediaKind.Audio or MediaKind.Video:
                    var name = caption.Length > 0 ? caption : alt;
                    block = MediaMarkup.Figure(MediaMarkup.Recording(config, media, name, language, words), MediaMarkup.Caption(media.Rights, caption, media.Rights.Credit, words), "media-recording");
                    inline = Link(config, media, name);
                    break;
                default:
                    inline = MediaMarkup.Document(config, media, alt.Length > 0 ? alt : caption, words);
                    block = $"<p>{inline}</p>";
                    break;
            }

            if (hidden.Length > 0)
            {
                // A warning needs a block of its own (<details>); in the middle of a sentence the image becomes a link to it.
                block = MediaMarkup.Warned(hidden, block, words);
                inline = $"{Link(config, media, alt)} ({System.Net.WebUtility.HtmlEncode(words.ContentWarning)}: {System.Net.WebUtility.HtmlEncode(hidden)})";
            }

            var mark = "\uE000bj" + _marks.Count.ToString(CultureInfo.InvariantCulture) + "\uE001";
            _marks.Add((mark, Alone(node) ? block : inline, inline));
            node.ReplaceBy(new LiteralInline(mark), copyChildren: false);
        }
    }

    /// <summary>The rendered body with each mark replaced by its media's markup: a figure where the mark is a paragraph of its own.</summary>
    public string Fill(string html)
    {
        if (_marks.Count == 0)
        {
            return html;
        }

        var filled = new StringBuilder(html);
        foreach (var (mark, block, inline) in _marks)
        {
            filled.Replace("<p>" + mark + "</p>", block).Replace(mark, inline);
        }

        return filled.ToString();
    }

    private static string Link(SiteConfig config, MediaFile media, string text) =>
        $"<a href=\"{System.Net.WebUtility.HtmlEncode(config.PathFor(media.OutputPath))}\">{System.Net.WebUtility.HtmlEncode(text.Length > 0 ? text : Path.GetFileName(media.OutputPath))}</a>";

    /// <summary>Whether the link is all its paragraph holds, apart from spaces and line breaks.</summary>
    private static bool Alone(LinkInline node) =>
        node.Parent is { ParentBlock: ParagraphBlock } parent && parent.Parent is null
        && parent.All(i => i == node || i is LineBreakInline || (i is LiteralInline l && l.Content.IsEmptyOrWhitespace()));
}

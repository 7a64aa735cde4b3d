using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BlackJanuary.Archive;

/// <summary>A page's title and the text a reader sees, for pages.jsonl, where replay tools search them.</summary>
internal static class PageText
{
    public sealed record Extract(string Title, string Text);

    private static readonly HtmlParser Parser = new();

    /// <summary>The title and visible text of an HTML page; null for a redirect page (an old address's alias), which is no page to list.</summary>
    public static Extract? Of(byte[] html)
    {
        using var document = Parser.ParseDocument(Encoding.UTF8.GetString(html));
        if (document.QuerySelector("meta[http-equiv='refresh' i]") is not null)
        {
            return null;
        }

        // What is not shown: scripts, styles, templates and anything hidden.
        foreach (var unseen in document.QuerySelectorAll("script, style, template, [hidden]").ToList())
        {
            unseen.Remove();
        }

        var text = new StringBuilder();
        if (document.Body is { } body)
        {
            Append(body, text);
        }

        return new Extract(document.Title?.Trim() ?? "", string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>The node's text, with a space around each block, so that a heading and the paragraph after it stay two words apart.</summary>
    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement element)
            {
                var block = !Inline.Contains(element.LocalName);
                text.Append(block ? " " : "");
                Append(element, text);
                text.Append(block ? " " : "");
            }
        }
    }

    /// <summary>Elements that sit inside a line of text; every other one starts a block of its own.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins",
    };
}

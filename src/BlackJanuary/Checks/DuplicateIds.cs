using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Checks;

/// <summary>
/// Finds ids used twice in a rendered page: a heading called "Main" gets the id the theme gives
/// &lt;main&gt;, and then the skip link and every "#main" link lead to the wrong place.
/// </summary>
public static class DuplicateIds
{
    private const string Attribute = "id=\"";

    public static void Check(RenderedPage rendered, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in Ids(rendered.Html))
        {
            if (!seen.Add(id))
            {
                diagnostics.Warning(DiagnosticCodes.DuplicateId, new SourceLocation(rendered.Page.SourcePath),
                    $"the page has two elements with id '{id}', so links to #{id} are ambiguous; give a heading its own id with {{#another-id}} or rename it");
            }
        }
    }

    /// <summary>
    /// The values of id attributes. Every page is scanned, so this is a search for the attribute
    /// rather than a parse: text and attribute values escape '"', so 'id="' after white space
    /// occurs only as an attribute, and the last '&lt;' before it (after any '&gt;') puts it in a tag.
    /// </summary>
    internal static IEnumerable<string> Ids(string html)
    {
        for (var at = html.IndexOf(Attribute, StringComparison.Ordinal); at > 0; at = html.IndexOf(Attribute, at + Attribute.Length, StringComparison.Ordinal))
        {
            var start = at + Attribute.Length;
            var end = html.IndexOf('"', start);
            if (end > start && char.IsWhiteSpace(html[at - 1]) && html.LastIndexOf('<', at) > html.LastIndexOf('>', at))
            {
                yield return html[start..end];
            }
        }
    }
}

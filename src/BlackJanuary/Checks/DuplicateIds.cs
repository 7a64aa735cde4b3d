using System.Text.RegularExpressions;
using BlackJanuary.Diagnostics;
using BlackJanuary.Templates;

namespace BlackJanuary.Checks;

/// <summary>
/// Finds ids used twice in a rendered page: a heading called "Main" gets the id the theme gives
/// &lt;main&gt;, and then the skip link and every "#main" link lead to the wrong place.
/// </summary>
public static partial class DuplicateIds
{
    [GeneratedRegex("""<[a-zA-Z][^>]*?\sid="([^"]+)"[^>]*>""")]
    private static partial Regex IdAttribute();

    public static void Check(RenderedPage rendered, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(rendered.Html))
        {
            var id = m.Groups[1].Value;
            if (!seen.Add(id))
            {
                diagnostics.Warning(DiagnosticCodes.DuplicateId, new SourceLocation(rendered.Page.SourcePath),
                    $"the page has two elements with id '{id}', so links to #{id} are ambiguous; give a heading its own id with {{#another-id}} or rename it");
            }
        }
    }
}

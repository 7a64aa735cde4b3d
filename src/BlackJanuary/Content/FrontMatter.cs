using BlackJanuary.Diagnostics;

namespace BlackJanuary.Content;

/// <summary>A Markdown file split into its YAML front matter and its body.</summary>
public sealed record FrontMatter(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    /// <summary>
    /// Splits "---\n yaml \n---\n body". A file without front matter is all body, which the
    /// caller reports as a page without a title. The '---' lines may end in spaces, which
    /// editors do not show.
    /// </summary>
    public static FrontMatter? Split(string text, string file, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // Said plainly: "the front matter has no 'title'" would speak of something the file lacks.
            diagnostics.Error(DiagnosticCodes.EmptyPage, new SourceLocation(file, 1, 1),
                "the page is empty; start it with front matter: a line '---', a line 'title: …' and a line '---'");
            return null;
        }

        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (text[..(firstEnd < 0 ? text.Length : firstEnd)].TrimEnd() != "---")
        {
            return new FrontMatter("", 1, text, 1);
        }

        // Line by line without splitting the file: a page's body is most of it, and is cut out once.
        var lineNumber = 2;
        for (var start = firstEnd + 1; firstEnd >= 0 && start <= text.Length; lineNumber++)
        {
            var end = text.IndexOf('\n', start);
            var lineEnd = end < 0 ? text.Length : end;
            if (text.AsSpan(start, lineEnd - start).TrimEnd() is "---" or "...")
            {
                var yaml = start > firstEnd + 1 ? text[(firstEnd + 1)..(start - 1)] : "";
                return new FrontMatter(yaml, 2, end < 0 ? "" : text[(end + 1)..], lineNumber + 1);
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, new SourceLocation(file, 1, 1),
            "front matter opened with '---' is never closed; add a line '---' after the last front matter key");
        return null;
    }
}

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

        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]);
                return new FrontMatter(yaml, 2, body, i + 2);
            }
        }

        diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, new SourceLocation(file, 1, 1),
            "front matter opened with '---' is never closed; add a line '---' after the last front matter key");
        return null;
    }
}

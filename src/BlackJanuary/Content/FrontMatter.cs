using BlackJanuary.Diagnostics;

namespace BlackJanuary.Content;

/// <summary>A Markdown file split into its YAML front matter and its body.</summary>
public sealed record FrontMatter(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    /// <summary>
    /// Splits "---\n yaml \n---\n body". A file without front matter is all body, which the
    /// caller reports as a page without a title.
    /// </summary>
    public static FrontMatter? Split(string text, string file, DiagnosticBag diagnostics)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text != "---")
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

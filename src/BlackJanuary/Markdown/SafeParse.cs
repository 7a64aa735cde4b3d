using BlackJanuary.Diagnostics;
using Markdig;
using Markdig.Syntax;

namespace BlackJanuary.Markdown;

/// <summary>
/// Markdig with the limits hostile input needs: what would take Markdig seconds (thousands of
/// link definitions, nesting a thousand levels deep, runs of inline markers) is refused with a
/// located diagnostic before it parses, and what Markdig refuses by throwing (nesting past its
/// 128 levels) is bad content, not a crash.
/// </summary>
internal static partial class SafeParse
{
    /// <summary>
    /// Markdig, like cmark before its fix, reads a run of link reference definitions in quadratic
    /// time: 50,000 of them (2 MB) take 8 s. No page needs a thousand.
    /// </summary>
    public const int MaxLinkDefinitions = 1_000;

    [System.Text.RegularExpressions.GeneratedRegex(@"^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex LinkDefinition();

    /// <summary>
    /// Nesting deeper than Markdig's limit (about 128 levels) is refused anyway, but only after
    /// Markdig has spent time on every level: 1,000 nested list items take seconds. Lines indented
    /// this far could only be such nesting, so they are refused before parsing.
    /// </summary>
    public const int MaxIndent = 256;

    public static MarkdownDocument? Parse(string markdown, MarkdownPipeline pipeline, SourceLocation at, DiagnosticBag diagnostics)
    {
        var (tooIndented, definitionLines) = ScanLines(markdown);
        if (definitionLines > MaxLinkDefinitions && LinkDefinition().Count(markdown) is var definitions and > MaxLinkDefinitions)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at,
                $"the Markdown defines {definitions} link references ('[name]: address'), more than the {MaxLinkDefinitions} that can be read quickly; write the links inline, [text](address), or split the page");
            return null;
        }

        if (InlineLimits.Problem(markdown) is { } slow)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooSlow, at, slow);
            return null;
        }

        if (tooIndented is > 0 and var line)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at,
                $"line {line} of the Markdown is indented more than {MaxIndent} columns, further than any nesting the page can show; reduce the nesting of lists or quotes");
            return null;
        }

        try
        {
            return Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException e)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, at, $"the Markdown cannot be read: {e.Message}; reduce the nesting of quotes, lists or emphasis");
            return null;
        }
    }

    /// <summary>
    /// One pass over the lines of a body: the first indented past <see cref="MaxIndent"/> columns
    /// (a tab reaching the next multiple of 4), or 0; and how many lines could define a link
    /// reference (up to 3 spaces, then '['), so that only a body with very many of them is searched
    /// for definitions with the pattern.
    /// </summary>
    private static (int TooIndented, int DefinitionLines) ScanLines(string markdown)
    {
        var (line, tooIndented, definitionLines) = (1, 0, 0);
        for (var start = 0; start < markdown.Length; line++)
        {
            var (columns, at) = (0, start);
            for (; at < markdown.Length && markdown[at] is ' ' or '\t' && columns <= MaxIndent; at++)
            {
                columns = markdown[at] == ' ' ? columns + 1 : (columns / 4 + 1) * 4;
            }

            if (columns > MaxIndent && tooIndented == 0)
            {
                tooIndented = line;
            }

            if (at - start <= 3 && at < markdown.Length && markdown[at] == '[')
            {
                definitionLines++;
            }

            var end = markdown.IndexOf('\n', at);
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return (tooIndented, definitionLines);
    }
}

namespace BlackJanuary.Markdown;

/// <summary>
/// Limits on inline Markdown that Markdig reads in quadratic time, checked in one pass before
/// Markdig sees the text, so that every page up to the 4 MiB file limit is read in seconds:
/// <list type="bullet">
/// <item>every '](' starts a link address that Markdig reads up to the next space, so a run of
/// text without spaces that opens many links ("[a]([a]([a](…") is read again for each;</item>
/// <item>emphasis markers (* _ ~ ^ + =) without partners are each matched against every earlier
/// one of their paragraph;</item>
/// <item>a table row's cells are found again for each '|' of its line.</item>
/// </list>
/// And one on the size of what Markdig builds: each line becomes objects of its syntax tree, so a
/// 4 MiB page of a million short lines (headings, table rows) took 5–10 s and over 1 GB even in
/// the native command. No page a reader can read needs a hundred thousand lines.
/// The limits are far above what a page shows: no one writes 32 links without a space between them.
/// </summary>
internal static class InlineLimits
{
    public const int MaxLinksPerWord = 32;

    public const int MaxEmphasisMarkers = 2_000;

    public const int MaxPipesPerLine = 256;

    public const int MaxLines = 100_000;

    /// <summary>What in <paramref name="markdown"/> passes a limit, with its line and what to do; or null.</summary>
    public static string? Problem(string markdown)
    {
        var (line, links, markers, pipes) = (1, 0, 0, 0);
        var (lineStart, underline) = (true, false);
        var previous = '\n';
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (lineStart && c is not (' ' or '\t' or '>'))
            {
                lineStart = false;
                // A blank line, a list item or a heading starts a new paragraph, whose markers Markdig
                // matches on their own; a line of '=' or '-' alone underlines a heading and ends one.
                underline = c is '=' or '-' && IsUnderline(markdown, i);
                if (c == '\n' || underline || StartsBlock(markdown, i))
                {
                    markers = 0;
                }
            }

            switch (c)
            {
                case '\n' when line == MaxLines && i + 1 < markdown.Length:
                    return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"the Markdown has more than {MaxLines:N0} lines, more than a page can show its readers and very long to read; split it into several pages");
                case '\n':
                    (line, pipes, links, lineStart, underline) = (line + 1, 0, 0, true, false);
                    break;
                case ' ' or '\t':
                    links = 0;
                    break;
                case '\\' when i + 1 < markdown.Length && markdown[i + 1] != '\n':
                    // An escaped character is text, not a marker.
                    i++;
                    break;
                case '(' when previous == ']' && ++links > MaxLinksPerWord:
                    return $"line {line} of the Markdown opens more than {MaxLinksPerWord} links ('](') without a space between them, which takes very long to read; "
                        + "put a space between links, or escape the brackets as \\[ and \\]";
                case '|' when ++pipes > MaxPipesPerLine:
                    return $"line {line} of the Markdown has more than {MaxPipesPerLine} '|', more columns than a table can show and very long to read; "
                        + "split the table, or escape '|' that is not a column as \\|";
                // '[^' opens a footnote reference, not superscript.
                case '*' or '_' or '~' or '^' or '+' or '=' when c != previous && !underline && !(c == '^' && previous == '[') && ++markers > MaxEmphasisMarkers:
                    return $"the paragraph that ends at line {ParagraphEnd(markdown, i, line)} of the Markdown has more than {MaxEmphasisMarkers} emphasis markers (* _ ~ ^ + =), which take very long to match; "
                        + "split the paragraph with blank lines, or escape markers that are text (\\*)";
            }

            previous = c;
        }

        return null;
    }

    /// <summary>Whether the line at <paramref name="i"/> (past its indentation and quote markers) starts a list item or a heading.</summary>
    private static bool StartsBlock(string markdown, int i)
    {
        var next = i + 1 < markdown.Length ? markdown[i + 1] : '\n';
        if (markdown[i] is '-' or '*' or '+')
        {
            return next is ' ' or '\t' or '\n';
        }

        if (markdown[i] == '#')
        {
            return true;
        }

        var digits = i;
        while (digits < markdown.Length && digits - i < 10 && char.IsAsciiDigit(markdown[digits]))
        {
            digits++;
        }

        return digits > i && digits + 1 < markdown.Length && markdown[digits] is '.' or ')' && markdown[digits + 1] is ' ' or '\t';
    }

    /// <summary>Whether the line from <paramref name="i"/> on is one character repeated, with spaces only around it.</summary>
    private static bool IsUnderline(string markdown, int i)
    {
        var end = markdown.IndexOf('\n', i);
        var rest = markdown.AsSpan(i, (end < 0 ? markdown.Length : end) - i).TrimEnd(" \t\r");
        return !rest.ContainsAnyExcept(markdown[i]);
    }

    /// <summary>The line where the paragraph around <paramref name="i"/> ends, to point the editor at it.</summary>
    private static int ParagraphEnd(string markdown, int i, int line)
    {
        var blank = markdown.IndexOf("\n\n", i, StringComparison.Ordinal);
        return line + (blank < 0 ? markdown.AsSpan(i).Count('\n') : markdown.AsSpan(i, blank - i).Count('\n'));
    }
}

using System.Text.Json;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Cli;

/// <summary>A problem as the overlay in the browser shows it (Preview/live.js), with the lines of the file around it.</summary>
internal sealed record OverlayProblem(string Severity, string Text, int Line, IReadOnlyList<ExcerptLine> Excerpt)
{
    /// <summary>The diagnostics as the overlay shows them, as JSON.</summary>
    /// <param name="roots">The site's own folders: lines are shown only from files below them.</param>
    public static string Json(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> roots)
    {
        var cwd = Directory.GetCurrentDirectory();
        var full = roots.Select(Path.GetFullPath).ToList();
        return JsonSerializer.Serialize(
            diagnostics.Select(d => new OverlayProblem(d.Severity == Diagnostics.Severity.Error ? "error" : "warning", d.Format(cwd), d.Location.Line, LinesAround(d.Location, full))).ToList(),
            PreviewJson.Default.ListOverlayProblem);
    }

    private static List<ExcerptLine> LinesAround(SourceLocation at, IReadOnlyList<string> roots)
    {
        var lines = new List<ExcerptLine>();
        var file = Path.GetFullPath(at.File);
        // Only the site's own files, never anything a crafted path could name elsewhere.
        if (at.Line <= 0 || !roots.Any(r => file.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)) || !File.Exists(file))
        {
            return lines;
        }

        var number = 0;
        try
        {
            foreach (var text in File.ReadLines(file))
            {
                number++;
                if (number >= at.Line - 2 && number <= at.Line + 2)
                {
                    lines.Add(new ExcerptLine(number, Printable.Escape(text.Length > 300 ? text[..300] + "…" : text)));
                }

                if (number > at.Line + 2)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Deleted or locked since the build: the message alone still says what is wrong.
        }

        return lines;
    }
}

internal sealed record ExcerptLine(int Number, string Text);

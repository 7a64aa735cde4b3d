using System.Globalization;
using System.Net;
using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>
/// Reads a WebVTT transcript (https://www.w3.org/TR/webvtt1/) into the cues a page lists beside
/// its recording. Blocks are found as the W3C parser finds them, so that the page shows the cues
/// the browser's player shows; but where that parser silently drops a cue it cannot read, this
/// reports it at its place, because a testimony whose transcript skips a passage misquotes the
/// witness. A transcript with any error is not shown at all, for the same reason.
/// </summary>
internal static class WebVtt
{
    /// <summary>Far beyond any recording (a cue a second for a day is 86,400), and a bound on the page a hostile file can make.</summary>
    private const int MaxCues = 100_000;

    /// <summary>Hours that still fit a <see cref="TimeSpan"/>; the format itself sets no limit.</summary>
    private const long MaxHours = 99_999_999;

    private const string TimeForm = "write mm:ss.ttt or hh:mm:ss.ttt, with three digits of milliseconds, like 00:01.500";

    private const string Arrow = "-->";

    public static IReadOnlyList<TranscriptCue>? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        // The spec's preprocessing: a byte-order mark is not text, NUL cannot reach a page, and only
        // CR and LF end lines (ReplaceLineEndings would also break at form feeds and U+2028).
        var lines = (text.StartsWith('\uFEFF') ? text[1..] : text).Replace('\0', '\uFFFD').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (!IsHeader(lines[0]))
        {
            diagnostics.Error(DiagnosticCodes.TranscriptSyntax, new SourceLocation(file, 1, 1),
                "the transcript does not start with WEBVTT, so no player reads it; write WEBVTT alone on the first line, then a blank line before the first cue");
            return null;
        }

        var cues = new List<TranscriptCue>();
        var (failed, latest) = (false, TimeSpan.MinValue);
        // The header's own lines (metadata in older files) run to a blank line or to a timing line.
        var i = 1;
        while (i < lines.Length && lines[i].Length > 0 && !lines[i].Contains(Arrow, StringComparison.Ordinal))
        {
            i++;
        }

        while (true)
        {
            while (i < lines.Length && lines[i].Length == 0)
            {
                i++;
            }

            if (i == lines.Length)
            {
                break;
            }

            // A block ends at a blank line; a line with an arrow is its timing line when it comes
            // first or after an identifier, and otherwise starts the next block.
            var (block, timing) = (i, -1);
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                if (lines[i].Contains(Arrow, StringComparison.Ordinal))
                {
                    if (timing >= 0 || i - block > 1)
                    {
                        break;
                    }

                    timing = i;
                }
            }

            if (timing < 0)
            {
                if (!IsSkipped(lines[block]))
                {
                    diagnostics.Add(Unknown(lines, block, i, file));
                    failed = true;
                }

                continue;
            }

            var line = lines[timing];
            if (Cue(line, string.Join('\n', lines[(timing + 1)..i]), new SourceLocation(file, timing + 1), diagnostics) is not { } cue)
            {
                failed = true;
                continue;
            }

            if (cues.Count == MaxCues)
            {
                diagnostics.Error(DiagnosticCodes.TranscriptSyntax, new SourceLocation(file, timing + 1, 1),
                    "the transcript has more than 100,000 cues, more than a page can list; split the recording and its transcript into parts");
                return null;
            }

            if (cue.Start < latest)
            {
                diagnostics.Warning(DiagnosticCodes.TranscriptSyntax, new SourceLocation(file, timing + 1, Indent(line) + 1),
                    $"cues must be in order of time: this one starts at {Format(cue.Start)}, before a cue above it that starts at {Format(latest)}; move it after the cues that start earlier");
            }

            latest = cue.Start > latest ? cue.Start : latest;
            cues.Add(cue);
        }

        return failed ? null : cues;
    }

    /// <summary>"WEBVTT", then nothing, or a space or tab before any title.</summary>
    private static bool IsHeader(string line) =>
        line.StartsWith("WEBVTT", StringComparison.Ordinal) && (line.Length == 6 || line[6] is ' ' or '\t');

    /// <summary>A comment, or a style sheet or region the page has no use for: the player's concern.</summary>
    private static bool IsSkipped(string first) =>
        first.TrimEnd(' ', '\t') is "NOTE" or "STYLE" or "REGION" || first.StartsWith("NOTE ", StringComparison.Ordinal) || first.StartsWith("NOTE\t", StringComparison.Ordinal);

    /// <summary>Why the lines [<paramref name="start"/>, <paramref name="end"/>) are not a cue: most often a blank line inside one, sometimes a timing line without its arrow.</summary>
    private static Diagnostic Unknown(string[] lines, int start, int end, string file)
    {
        for (var i = start; i < Math.Min(end, start + 2); i++)
        {
            var at = Indent(lines[i]);
            if (Time(lines[i], ref at) is not null)
            {
                at += Indent(lines[i][at..]);
                return new Diagnostic(Severity.Error, DiagnosticCodes.TranscriptSyntax, new SourceLocation(file, i + 1, at + 1),
                    "the cue's timing line has no '-->' after its start time; write the start, an arrow and the end, like 00:01.000 --> 00:04.000");
            }
        }

        return new Diagnostic(Severity.Error, DiagnosticCodes.TranscriptSyntax, new SourceLocation(file, start + 1, 1),
            "this block has no timing line, so it is neither a cue nor a NOTE, STYLE or REGION block; a blank line ends a cue, so remove any inside a cue's text, "
            + "or write a timing line like 00:01.000 --> 00:04.000 before the text, or start a comment with NOTE");
    }

    /// <summary>The cue of a timing line and its text, or null when the line is reported.</summary>
    private static TranscriptCue? Cue(string line, string text, SourceLocation at, DiagnosticBag diagnostics)
    {
        void Error(int index, string message) =>
            diagnostics.Error(DiagnosticCodes.TranscriptSyntax, at with { Column = index + 1 }, message);

        var i = Indent(line);
        var startAt = i;
        if (Time(line, ref i) is not { } start)
        {
            Error(startAt, NotATime(line, startAt));
            return null;
        }

        i += Indent(line[i..]);
        if (!line.AsSpan(i).StartsWith(Arrow, StringComparison.Ordinal))
        {
            Error(i, $"'{Token(line, i)}' stands where the arrow belongs; write the start, '-->' and the end, like 00:01.000 --> 00:04.000, and any settings after them");
            return null;
        }

        i += Arrow.Length;
        i += Indent(line[i..]);
        var endAt = i;
        if (Time(line, ref i) is not { } end)
        {
            Error(endAt, NotATime(line, endAt));
            return null;
        }

        if (end <= start)
        {
            Error(endAt, $"the cue ends at {Format(end)}, which is not after its start at {Format(start)}; write the time the passage ends");
            return null;
        }

        // What follows the end is settings of position and alignment, the player's concern.
        var (words, voice) = Content(text);
        return new TranscriptCue(start, end, words, voice);
    }

    private static string NotATime(string line, int at) =>
        Token(line, at) is { Length: > 0 } token ? $"'{token}' is not a WebVTT time; {TimeForm}" : $"a time is missing here; {TimeForm}";

    /// <summary>What stands at <paramref name="at"/>, to quote: up to a space or an arrow.</summary>
    private static string Token(string line, int at)
    {
        var end = at;
        while (end < line.Length && line[end] is not (' ' or '\t' or '\f') && !line.AsSpan(end).StartsWith(Arrow, StringComparison.Ordinal))
        {
            end++;
        }

        return line[at..end];
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '\t', '\f').Length;

    /// <summary>
    /// A WebVTT timestamp at <paramref name="at"/>, which is left after it; null when there is none.
    /// As in the spec, a first field of other than two digits, or over 59, is the hours.
    /// </summary>
    private static TimeSpan? Time(string line, ref int at)
    {
        var (first, firstDigits) = Digits(line, ref at);
        if (firstDigits == 0 || !Take(line, ref at, ':'))
        {
            return null;
        }

        var (second, secondDigits) = Digits(line, ref at);
        if (secondDigits != 2)
        {
            return null;
        }

        var (hours, minutes, seconds) = (0L, first, second);
        if (firstDigits != 2 || first > 59 || (at < line.Length && line[at] == ':'))
        {
            if (!Take(line, ref at, ':'))
            {
                return null;
            }

            var (third, thirdDigits) = Digits(line, ref at);
            if (thirdDigits != 2)
            {
                return null;
            }

            (hours, minutes, seconds) = (first, second, third);
        }

        if (!Take(line, ref at, '.'))
        {
            return null;
        }

        var (milliseconds, millisecondDigits) = Digits(line, ref at);
        return millisecondDigits == 3 && minutes <= 59 && seconds <= 59 && hours <= MaxHours
            ? new TimeSpan(hours * TimeSpan.TicksPerHour + minutes * TimeSpan.TicksPerMinute + seconds * TimeSpan.TicksPerSecond + milliseconds * TimeSpan.TicksPerMillisecond)
            : null;
    }

    /// <summary>The ASCII digits at <paramref name="at"/>: their value (held at a bound past any field's limit, so it cannot overflow) and how many there are.</summary>
    private static (long Value, int Count) Digits(string line, ref int at)
    {
        var (value, start) = (0L, at);
        for (; at < line.Length && char.IsAsciiDigit(line[at]); at++)
        {
            value = Math.Min(value * 10 + (line[at] - '0'), MaxHours + 1);
        }

        return (value, at - start);
    }

    private static bool Take(string line, ref int at, char c)
    {
        if (at < line.Length && line[at] == c)
        {
            at++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The cue's words and first speaker. Every tag goes (voice, class, italics, ruby, language,
    /// karaoke timestamps: a page of text has no use for them) but the words inside stay; as in
    /// the spec, a '&lt;' that no '&gt;' closes swallows the rest of the cue.
    /// </summary>
    private static (string Text, string Voice) Content(string cue)
    {
        var text = new StringBuilder(cue.Length);
        string? voice = null;
        for (var i = 0; i < cue.Length; i++)
        {
            if (cue[i] != '<')
            {
                text.Append(cue[i]);
                continue;
            }

            var close = cue.IndexOf('>', i + 1);
            if (close < 0)
            {
                break;
            }

            var tag = cue[(i + 1)..close];
            if (voice is null && tag.StartsWith('v') && (tag.Length == 1 || tag[1] is '.' or ' ' or '\t' or '\n' or '\f'))
            {
                voice = Annotation(tag);
            }

            i = close;
        }

        return (WebUtility.HtmlDecode(text.ToString()), voice ?? "");
    }

    /// <summary>What follows a tag's name and classes, with its spaces collapsed as the spec does.</summary>
    private static string Annotation(string tag)
    {
        var space = tag.AsSpan().IndexOfAny(" \t\n\f");
        return space < 0 ? "" : WebUtility.HtmlDecode(string.Join(' ', tag[space..].Split([' ', '\t', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>A time as a transcript writes it, for messages.</summary>
    private static string Format(TimeSpan time) =>
        time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}");
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace BlackJanuary.Diagnostics;

/// <summary>
/// Text from content (file names, keys, values, slugs, URLs) made safe to print on one line of a
/// terminal or CI log. A line break in a file name would start a line of its own, which a CI
/// system reads as a command (GitHub's '::error::') and an editor as a diagnostic; an escape
/// sequence drives the terminal; a bidirectional control reorders what the reader sees. Each is
/// shown as an escape instead: "\n", "\t", "\x1B", "\u202E".
/// </summary>
public static class Printable
{
    // C0, DEL and C1 controls; the bidirectional marks, embeddings, overrides and isolates (the
    // "Trojan Source" characters); and the line and paragraph separators.
    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x9F - 0x7F + 1).Select(c => (char)c),
         '\u061C', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    /// <summary>
    /// <paramref name="text"/> with every such character escaped. A backslash stays as it is, so
    /// that escaping twice changes nothing and Windows-style paths read as they are.
    /// </summary>
    public static string Escape(string text)
    {
        var next = text.AsSpan().IndexOfAny(Unprintable);
        if (next < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        var done = 0;
        while (next >= 0)
        {
            var at = done + next;
            sb.Append(text, done, next);
            var c = text[at];
            sb.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                <= '\u009F' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:X2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}"),
            });
            done = at + 1;
            next = text.AsSpan(done).IndexOfAny(Unprintable);
        }

        return sb.Append(text, done, text.Length - done).ToString();
    }
}

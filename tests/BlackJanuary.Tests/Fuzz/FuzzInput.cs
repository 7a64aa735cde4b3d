using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace BlackJanuary.Tests.Fuzz;

/// <summary>
/// Generators of hostile input: text built from the pieces YAML and Markdown give meaning to,
/// mixed with any character at all, and raw bytes; with shrinkers that cut input down to the
/// few bytes that still fail, so that a failure reads as a regression test.
/// </summary>
internal static class FuzzInput
{
    private static readonly string[] YamlPieces =
    [
        "\n", "\n", "\n", "\r\n", "\r", "  ", "  ", " ", "\t", ": ", ":", "- ", "-", "---", "...", "? ",
        "[", "]", "{", "}", ",", "\"", "'", "|", "|-", ">", ">+", "#", "&a ", "*a", "&b ", "*b",
        "!!str ", "!!map ", "!!seq ", "!!binary ", "!t ", "%YAML 1.2\n", "%TAG ! tag:x:\n", "<<: *a",
        "~", "null", "true", "yes", "no", "0x1F", "1e9", "-1", "1990", "1990-01", "1990-01-20", "1990-02-30", "0000", "9999-12",
        "title", "date", "end_date", "summary", "layout", "draft", "slug", "image", "image_alt", "weight",
        "nav_title", "place", "body", "sources", "url", "id", "base_url", "nav", "markdown", "unsafe_html",
        "tagline", "description", "language", "author",
        "https://example.org/", "javascript:alert(1)", "media/a.jpg", "/media/b.png", "../../etc/passwd", "timeline", "404",
        "\\x01", "\\0", "\\uD800", "\\uDC00", "\\U0001F600", "\\U00110000", "\\e", "\\N", "\\L", "\\P", "\\_", "\\",
        "\uFEFF", "\u2028", "\u2029", "\u0085", "\u00A0", "ə", "İ", "Bakı", "<script>", "{{ x }}",
    ];

    private static readonly string[] MarkdownPieces =
    [
        "\n", "\n", "\n\n", "\r\n", " ", "  ", "    ", "\t", "#", "## ", "###### ", "* ", "- ", "+ ", "1. ", "9999999999. ",
        "> ", ">", "*", "**", "_", "__", "`", "```", "~~~", "~~", "[", "]", "(", ")", "](", "![", "[^1]", "[^1]: ", "[^x]",
        "{#id}", "{#main}", "{.c}", "|", "|---|", ":--", "--:", "<", ">", "</", "<div>", "</div>", "<script>alert(1)</script>",
        "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "\\", "https://example.org/", "http://",
        "javascript:alert(1)", "JaVa\tScRiPt:x", "data:text/html,x", "vbscript:x", "//evil.example/", "mailto:a@b",
        "about.md", "index.md", "timeline.md", "sources.md#rules", "#rules", "../x.md", "../../../../etc/passwd", "/media/a.png",
        "media/a.png", "^^^", "---", "***", "===", "$$", "==", "++", ":smile:", "\"", "'", "...", "--", "{{ page.title }}",
        "[link]: ", "<https://a.example>", "<javascript:x>", "www.example.org", "\u00A0", "ə", "\u200B", "\uFEFF", "\u2028",
    ];

    /// <summary>Characters from everywhere, printable ASCII the most, lone surrogate halves and controls the least.</summary>
    public static readonly Gen<char> AnyChar = Gen.Frequency(
        (8, Gen.Choose(0x20, 0x7E).Select(i => (char)i)),
        (1, Gen.Choose(0, 0x1F).Select(i => (char)i)),
        (2, Gen.Choose(0x7F, 0x2FF).Select(i => (char)i)),
        (1, Gen.Choose(0x300, 0x36F).Select(i => (char)i)),
        (2, Gen.Elements("əƏşŞçÇğĞıIİiöÖüÜßẞǅŉΣσςﬁ가가٠١٢three٣".ToCharArray())),
        (1, Gen.Choose(0x370, 0xFFFF).Select(i => (char)i)));

    public static readonly Gen<string> AnyText = Sized(AnyChar.Select(c => c.ToString()));

    public static readonly Gen<string> YamlText = Sized(Gen.Frequency((5, Gen.Elements(YamlPieces)), (1, AnyChar.Select(c => c.ToString()))));

    public static readonly Gen<string> MarkdownText = Sized(Gen.Frequency((5, Gen.Elements(MarkdownPieces)), (1, AnyChar.Select(c => c.ToString()))));

    private static readonly Gen<Func<byte[], byte[]>> Edit = Gen.OneOf(
        Gen.Two(Gen.Choose(0, int.MaxValue)).Zip(Gen.Choose(1, 255), (at, mask) => (Func<byte[], byte[]>)(b =>
            b.Length == 0 ? b : b.Select((x, i) => i == at.Item1 % b.Length ? (byte)(x ^ mask) : x).ToArray())),
        Gen.Choose(0, int.MaxValue).Zip(Gen.OneOf(
            Gen.Elements(YamlPieces.Concat(MarkdownPieces).ToArray()).Select(Utf8),
            Gen.Elements<byte[]>([0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0], [0x0B], [0xE2, 0x80])),
            (at, insert) => (Func<byte[], byte[]>)(b => [.. b[..(at % (b.Length + 1))], .. insert, .. b[(at % (b.Length + 1))..]])),
        Gen.Two(Gen.Choose(0, int.MaxValue)).Select(r => (Func<byte[], byte[]>)(b =>
        {
            var from = r.Item1 % (b.Length + 1);
            var to = Math.Min(b.Length, from + (r.Item2 % 16));
            return [.. b[..from], .. b[to..]];
        })),
        Gen.Choose(0, int.MaxValue).Select(r => (Func<byte[], byte[]>)(b => b[..(r % (b.Length + 1))])),
        Gen.Two(Gen.Choose(0, int.MaxValue)).Select(r => (Func<byte[], byte[]>)(b =>
        {
            // A line said twice, or put elsewhere: duplicate keys, broken indentation, reordered fences.
            var lines = Encoding.UTF8.GetString(b).Split('\n');
            var line = lines[r.Item1 % lines.Length];
            var at = r.Item2 % (lines.Length + 1);
            return Utf8(string.Join('\n', lines[..at].Append(line).Concat(lines[at..])));
        })));

    /// <summary>Raw bytes: anything, or UTF-8 text with some bytes changed, often behind a byte-order mark.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.OneOf(
        ArbMap.Default.GeneratorFor<byte[]>(),
        Gen.OneOf(YamlText, MarkdownText, AnyText).Select(Utf8).SelectMany(Mutated),
        Gen.OneOf(YamlText, MarkdownText).Select(t => (byte[])[0xEF, 0xBB, 0xBF, .. Utf8(t)]));

    /// <summary>Any of the texts above, printed as a C# literal when a property fails.</summary>
    public static readonly Arbitrary<FuzzText> Texts = Arb.From(
        Gen.OneOf(AnyText, YamlText, MarkdownText).Select(t => new FuzzText(t)),
        t => ShrinkText(t.Value).Select(v => new FuzzText(v)));

    /// <summary><see cref="Bytes"/>, printed as a C# literal when a property fails.</summary>
    public static readonly Arbitrary<FuzzBytes> ByteArrays = Arb.From(
        Bytes.Select(b => new FuzzBytes(b)),
        b => ShrinkBytes(b.Value).Select(v => new FuzzBytes(v)));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>One to four blind edits of <paramref name="bytes"/>: flips, insertions, deletions, truncation, a repeated line.</summary>
    public static Gen<byte[]> Mutated(byte[] bytes) =>
        Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Edit, n)).Select(edits => edits.Aggregate(bytes, (b, edit) => edit(b)));

    /// <summary>Up to the current size of pieces, joined.</summary>
    private static Gen<string> Sized(Gen<string> piece) =>
        Gen.Sized(size => Gen.Choose(0, size).SelectMany(n => Gen.ArrayOf(piece, n))).Select(string.Concat);

    /// <summary>Smaller versions: without halves, quarters, … down to single elements (those only in short input).</summary>
    private static IEnumerable<T[]> Shrink<T>(T[] items)
    {
        if (items.Length == 0)
        {
            yield break;
        }

        yield return [];
        for (var chunk = items.Length / 2; chunk >= (items.Length > 256 ? 8 : 1); chunk /= 2)
        {
            for (var i = 0; i + chunk <= items.Length; i += chunk)
            {
                yield return [.. items[..i], .. items[(i + chunk)..]];
            }
        }
    }

    public static IEnumerable<byte[]> ShrinkBytes(byte[] bytes) => Shrink(bytes);

    public static IEnumerable<string> ShrinkText(string text) => Shrink(text.ToCharArray()).Select(c => new string(c));

    /// <summary>A C# string literal of <paramref name="text"/>, so a failing case can be pasted into a test.</summary>
    public static string Literal(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x20 || c > 0x7E => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Bytes as a C# literal: a string when they are valid UTF-8, hex otherwise.</summary>
    public static string Literal(byte[] bytes)
    {
        try
        {
            return Literal(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes)) + "u8";
        }
        catch (DecoderFallbackException)
        {
            return "[" + string.Join(", ", bytes.Select(b => string.Create(CultureInfo.InvariantCulture, $"0x{b:X2}"))) + "]";
        }
    }
}

/// <summary>A generated text that prints as the C# literal a regression test needs.</summary>
internal sealed record FuzzText(string Value)
{
    public override string ToString() => FuzzInput.Literal(Value);
}

/// <summary>Generated bytes that print as the C# literal a regression test needs.</summary>
internal sealed record FuzzBytes(byte[] Value)
{
    public override string ToString() => FuzzInput.Literal(Value);
}

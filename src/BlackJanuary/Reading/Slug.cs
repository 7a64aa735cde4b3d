using System.Globalization;
using System.Text;

namespace BlackJanuary.Reading;

public static class Slug
{
    /// <summary>
    /// Lower-case words joined by hyphens: "Soviet troops enter Baku!" → "soviet-troops-enter-baku".
    /// Accents are dropped where Unicode can separate them; other letters (ə, ş) are kept, since
    /// URLs and ids may hold them and stripping them would merge distinct titles.
    /// </summary>
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in WholeCharacters(text).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                pendingHyphen = true;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The text with each half of a surrogate pair that stands alone, and the noncharacter U+FFFE,
    /// replaced by U+FFFD, which separates words like any symbol: Normalize throws on them. Files
    /// cannot hold them (invalid UTF-8 and U+FFFE are refused on reading), but a program calling
    /// the engine can pass them.
    /// </summary>
    private static string WholeCharacters(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !text.Contains('\uFFFE', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            sb.Append(rune.Value == 0xFFFE ? Rune.ReplacementChar.ToString() : rune.ToString());
        }

        return sb.ToString();
    }

    /// <summary>
    /// The most bytes a slug may have in UTF-8. It becomes a folder name in the built site, and
    /// file systems allow 255 bytes in a name (ext4, APFS; NTFS 255 UTF-16 units); the rest is
    /// room for what hosts, CDNs and archiving tools add to a name ('.html', '.br', a hash).
    /// </summary>
    public const int MaxBytes = 200;

    /// <summary>Why <paramref name="slug"/> is too long for a folder name, or null; the caller names where it comes from.</summary>
    public static string? LengthProblem(string slug)
    {
        var bytes = Encoding.UTF8.GetByteCount(slug);
        return bytes <= MaxBytes
            ? null
            : $"'{(slug.Length > 40 ? slug[..40] + "…" : slug)}' is {bytes} bytes long in UTF-8 ({slug.Length} characters), and a slug becomes a folder name, "
              + $"which file systems limit to 255 bytes: a slug may have at most {MaxBytes} bytes (about {MaxBytes} Latin or {MaxBytes / 2} Cyrillic letters)";
    }

    /// <summary>True when <paramref name="slug"/> is one safe URL segment (what <see cref="From"/> produces).</summary>
    public static bool IsValid(string slug) => slug.Length > 0 && From(slug) == slug;
}

using System.Globalization;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Checks;

/// <summary>
/// Addresses that look like other addresses. Slugs may be written in any script, so the
/// Cyrillic 'а' in /аbout/ makes a page beside /about/ that no reader can tell from it: a way to
/// publish a forged page under a trusted-looking address. After Unicode's UTS #39: a slug whose
/// letters mix Latin, Cyrillic and Greek, and two addresses whose letters map to the same
/// "skeleton" through the confusables those scripts share, are warned about. A slug written
/// wholly in one script (/ru/о-сайте/) is fine.
/// </summary>
internal static class LookAlikeAddresses
{
    /// <summary>One address and where it comes from; <paramref name="Shown"/> is how a reader sees it.</summary>
    private readonly record struct Address(string Shown, IReadOnlyList<string> Segments, SourceLocation At);

    public static void Check(Site site, DiagnosticBag diagnostics)
    {
        // Pages and media share the site's addresses; event ids share the timeline page's anchors.
        Check([
            .. site.Pages.Select(p => new Address("/" + p.Path, p.Path.Split('/'), p.PathLocation)),
            // A file's extension is a name of its own: 'фото.jpg' is written in one script.
            .. site.Media.Select(m => new Address("/" + m.OutputPath, m.OutputPath.Split('/', '.'), new SourceLocation(m.SourceFile))),
        ], diagnostics);
        Check([.. site.Timeline.Select(e => new Address("#" + e.Id, [e.Id], e.Location))], diagnostics);
    }

    private static void Check(IReadOnlyList<Address> addresses, DiagnosticBag diagnostics)
    {
        var bySkeleton = new Dictionary<string, Address>(StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            if (address.Segments.Select(Mixed).FirstOrDefault(m => m is not null) is { } mixed)
            {
                diagnostics.Warning(DiagnosticCodes.LookAlikeAddress, address.At,
                    $"the address {address.Shown} mixes {mixed}, so it looks like an address it is not; write each slug in one script");
                continue;
            }

            var skeleton = Skeleton(address.Shown);
            if (bySkeleton.TryGetValue(skeleton, out var other) && other.Shown != address.Shown)
            {
                diagnostics.Warning(DiagnosticCodes.LookAlikeAddress, address.At,
                    $"the address {address.Shown} looks the same as {other.Shown} ({Path.GetFileName(other.At.File)}) but is another address, written in letters of another script; rename one of them");
            }
            else
            {
                bySkeleton.TryAdd(skeleton, address);
            }
        }
    }

    private enum Script
    {
        Other,
        Latin,
        Greek,
        Cyrillic,
    }

    /// <summary>The blocks of the three scripts whose letters are confused with each other; slugs are lower-case and composed (NFC).</summary>
    private static Script ScriptOf(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F' or >= '\u0250' and <= '\u02AF' or >= '\u1E00' and <= '\u1EFF'
            or >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF' or >= '\uAB30' and <= '\uAB6F' when char.IsLetter(c) => Script.Latin,
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' when char.IsLetter(c) => Script.Greek,
        >= '\u0400' and <= '\u052F' or >= '\u1C80' and <= '\u1C8F' or >= '\u2DE0' and <= '\u2DFF' or >= '\uA640' and <= '\uA69F' when char.IsLetter(c) => Script.Cyrillic,
        _ => Script.Other,
    };

    /// <summary>"Latin and Cyrillic letters (the Cyrillic 'а', U+0430, in 'аbout')" when <paramref name="segment"/> mixes the scripts; else null.</summary>
    private static string? Mixed(string segment)
    {
        var letters = segment.Where(c => ScriptOf(c) != Script.Other).ToList();
        var scripts = letters.Select(ScriptOf).Distinct().Order().ToList();
        if (scripts.Count < 2)
        {
            return null;
        }

        // The letter of the script with fewest letters is the likely intruder.
        var intruder = scripts.MinBy(s => letters.Count(c => ScriptOf(c) == s));
        var letter = letters.First(c => ScriptOf(c) == intruder);
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(" and ", scripts)} letters (the {intruder} '{letter}', U+{(int)letter:X4}, in '{segment}')");
    }

    /// <summary>
    /// The address with each Cyrillic and Greek letter that looks like a Latin one replaced by
    /// it, after the prototypes of Unicode's confusables.txt: two addresses with the same
    /// skeleton are read as the same.
    /// </summary>
    private static string Skeleton(string address) =>
        string.Create(address.Length, address, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = Prototypes.GetValueOrDefault(text[i], text[i]);
            }
        });

    private static readonly Dictionary<char, char> Prototypes = new()
    {
        // Cyrillic
        ['а'] = 'a', ['с'] = 'c', ['ԁ'] = 'd', ['е'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ј'] = 'j', ['ӏ'] = 'l', ['о'] = 'o',
        ['р'] = 'p', ['ԛ'] = 'q', ['ѕ'] = 's', ['ԝ'] = 'w', ['х'] = 'x', ['у'] = 'y', ['ү'] = 'y',
        // Greek
        ['α'] = 'a', ['ι'] = 'i', ['ο'] = 'o', ['ρ'] = 'p', ['υ'] = 'u', ['ν'] = 'v', ['γ'] = 'y', ['χ'] = 'x',
    };
}

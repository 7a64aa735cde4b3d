using System.Text.Json.Serialization;
using AngleSharp.Dom;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>One <c>&lt;link rel="alternate" hreflang href&gt;</c> of a page.</summary>
public sealed record Alternate(string HrefLang, string Href)
{
    public override string ToString() => $"{HrefLang} {Href}";
}

/// <summary>One link of the language switcher as the browser shows it.</summary>
public sealed class SwitcherLink
{
    [JsonPropertyName("hreflang")] public string HrefLang { get; set; } = "";

    [JsonPropertyName("lang")] public string Lang { get; set; } = "";

    /// <summary>The value of aria-current, or null when the link has none.</summary>
    [JsonPropertyName("current")] public string? Current { get; set; }

    /// <summary>The language's name: the link's own text, without the text of elements inside it (such as a hint).</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";

    /// <summary>The text of elements inside the link, such as "(no translation, opens the home page)".</summary>
    [JsonPropertyName("hint")] public string Hint { get; set; } = "";

    /// <summary>The lang of the element that holds the hint, or "" when there is none.</summary>
    [JsonPropertyName("hintLang")] public string HintLang { get; set; } = "";

    /// <summary>The absolute URL the link goes to.</summary>
    [JsonPropertyName("href")] public string Href { get; set; } = "";

    public bool IsCurrent => Current is not null && Current != "false";

    public override string ToString() => $"the {HrefLang} link \"{Name}\"";
}

/// <summary>The language switcher(s) of a page: a &lt;nav&gt; whose links carry hreflang.</summary>
public sealed class SwitcherReport
{
    [JsonPropertyName("count")] public int Count { get; set; }

    [JsonPropertyName("label")] public string Label { get; set; } = "";

    [JsonPropertyName("htmlLang")] public string HtmlLang { get; set; } = "";

    [JsonPropertyName("links")] public SwitcherLink[] Links { get; set; } = [];
}

/// <summary>
/// Checks of a site in several languages: the <c>hreflang</c> alternates of each page and the
/// language switcher that visitors use. Like the other checks they return problems, one line each.
/// </summary>
public static class LanguageChecks
{
    public const string XDefault = "x-default";

    /// <summary>Finds the language switcher: every &lt;nav&gt; with a link that has hreflang.</summary>
    private const string SwitchersJs = "Array.from(document.querySelectorAll('nav')).filter(n => n.querySelector('a[href][hreflang]'))";

    /// <summary>The page's <c>&lt;link rel="alternate" hreflang&gt;</c> set in document order (feeds, which have no hreflang, left out).</summary>
    public static IReadOnlyList<Alternate> Alternates(IDocument page) =>
        page.QuerySelectorAll("link[rel~='alternate'][hreflang]")
            .Select(l => new Alternate(l.GetAttribute("hreflang") ?? "", l.GetAttribute("href") ?? ""))
            .ToList();

    /// <summary>
    /// The alternate set of one page of a site whose languages are <paramref name="languages"/>:
    /// one link per language and an x-default, absolute URLs, hreflang values unique, and the page
    /// itself among them under its own &lt;html lang&gt;, at its canonical URL.
    /// </summary>
    public static IReadOnlyList<string> AlternateSetProblems(IReadOnlyList<Alternate> alternates, string htmlLang, string? canonical, IReadOnlyList<string> languages)
    {
        var problems = new List<string>();
        if (languages.Count < 2)
        {
            if (alternates.Count > 0)
            {
                problems.Add($"a one-language site has hreflang alternates: {string.Join(", ", alternates)}");
            }

            return problems;
        }

        problems.AddRange(alternates.GroupBy(a => a.HrefLang, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"hreflang=\"{g.Key}\" is given {g.Count()} times"));
        problems.AddRange(alternates.Where(a => !Uri.TryCreate(a.Href, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            .Select(a => $"the alternate {a} is not an absolute http(s) URL"));
        problems.AddRange(alternates.Where(a => a.HrefLang != XDefault && !languages.Contains(a.HrefLang, StringComparer.Ordinal))
            .Select(a => $"the alternate {a} is in a language the site does not have ({string.Join(", ", languages)})"));
        var codes = alternates.Select(a => a.HrefLang).ToHashSet(StringComparer.Ordinal);
        if (!codes.Contains(XDefault))
        {
            problems.Add("no <link rel=\"alternate\" hreflang=\"x-default\">");
        }

        var self = alternates.FirstOrDefault(a => a.HrefLang == htmlLang);
        if (self is null)
        {
            problems.Add($"the alternates do not list the page itself under its own language (<html lang=\"{htmlLang}\">): {string.Join(", ", alternates)}");
        }
        else if (canonical is not null && self.Href != canonical)
        {
            problems.Add($"the alternate for its own language {self} is not the page's canonical URL {canonical}");
        }

        return problems;
    }

    /// <summary>The language switcher as the browser shows it.</summary>
    public static async Task<SwitcherReport> SwitcherAsync(IPage page) =>
        await page.EvaluateAsync<SwitcherReport>($$"""
            () => {
              const navs = {{SwitchersJs}};
              const nav = navs[0];
              const ownText = el => Array.from(el.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').replace(/\s+/g, ' ').trim();
              return {
                count: navs.length,
                label: nav ? (nav.getAttribute('aria-label') || (nav.getAttribute('aria-labelledby') && document.getElementById(nav.getAttribute('aria-labelledby'))?.textContent) || '').trim() : '',
                htmlLang: document.documentElement.lang,
                links: nav ? Array.from(nav.querySelectorAll('a[href]'), a => {
                  const inner = a.querySelector('[lang]') || a.firstElementChild;
                  return {
                    hreflang: a.getAttribute('hreflang') || '',
                    lang: a.getAttribute('lang') || '',
                    current: a.getAttribute('aria-current'),
                    name: ownText(a),
                    hint: Array.from(a.children, c => c.textContent).join(' ').replace(/\s+/g, ' ').trim(),
                    hintLang: inner ? (inner.closest('[lang]')?.getAttribute('lang') || '') : '',
                    href: a.href,
                  };
                }) : [],
              };
            }
            """);

    /// <summary>
    /// The switcher of one page of a site with <paramref name="languages"/> (code and home URL, in
    /// the site's order), where <paramref name="alternates"/> are the page's hreflang alternates:
    /// one labelled &lt;nav&gt; listing every language in that order, each link with lang and
    /// hreflang of its language and a name; the page's own language marked aria-current and
    /// linking to the page itself (on the 404 page, shown at every missing address, to its
    /// language's home); every other language linking to the page's alternate in that language
    /// or, when there is none, to that language's home with a hint in the page's language that
    /// says so.
    /// </summary>
    public static IReadOnlyList<string> SwitcherProblems(SwitcherReport switcher, Uri pageUrl, bool isNotFoundPage, IReadOnlyList<(string Code, Uri Home)> languages, IReadOnlyList<Alternate> alternates)
    {
        var problems = new List<string>();
        if (languages.Count < 2)
        {
            if (switcher.Count > 0)
            {
                problems.Add($"a one-language site shows a language switcher ({switcher.Links.Length} links)");
            }

            return problems;
        }

        if (switcher.Count != 1)
        {
            problems.Add(switcher.Count == 0 ? "no language switcher (a <nav> of links with hreflang)" : $"{switcher.Count} language switchers");
            if (switcher.Count == 0)
            {
                return problems;
            }
        }

        if (switcher.Label.Length == 0)
        {
            problems.Add("the language switcher's <nav> has no aria-label, so it cannot be told from the main navigation");
        }

        var listed = switcher.Links.Select(l => l.HrefLang).ToList();
        var expected = languages.Select(l => l.Code).ToList();
        if (!listed.SequenceEqual(expected, StringComparer.Ordinal))
        {
            problems.Add($"the switcher lists [{string.Join(", ", listed)}], not the site's languages [{string.Join(", ", expected)}]");
        }

        var current = switcher.Links.Where(l => l.IsCurrent).ToList();
        if (current.Count != 1 || current[0].HrefLang != switcher.HtmlLang)
        {
            problems.Add($"the switcher marks [{string.Join(", ", current)}] with aria-current, not only the page's language '{switcher.HtmlLang}'");
        }

        foreach (var link in switcher.Links)
        {
            if (link.Lang != link.HrefLang)
            {
                problems.Add($"{link} has lang=\"{link.Lang}\" and hreflang=\"{link.HrefLang}\"; both must name its language");
            }

            if (link.Name.Length == 0)
            {
                problems.Add($"the {link.HrefLang} link shows no name of its own");
            }
            else if (string.Equals(link.Name, link.HrefLang, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{link} shows a code, not the language's name");
            }

            var alternate = alternates.FirstOrDefault(a => a.HrefLang == link.HrefLang);
            var home = languages.FirstOrDefault(l => l.Code == link.HrefLang).Home;
            if (link.IsCurrent && isNotFoundPage)
            {
                if (link.Href != home?.AbsoluteUri)
                {
                    problems.Add($"{link} is the current language of the 404 page, which is shown at every missing address, but goes to {link.Href}, not to that language's home {home}");
                }
            }
            else if (link.IsCurrent)
            {
                if (Strip(link.Href) != Strip(pageUrl.AbsoluteUri))
                {
                    problems.Add($"{link} is the current language but goes to {link.Href}, not to the page itself {pageUrl}");
                }
            }
            else if (alternate is not null)
            {
                if (link.Href != alternate.Href)
                {
                    problems.Add($"{link} goes to {link.Href}, not to the page's alternate in that language {alternate.Href}");
                }

                if (link.Hint.Length > 0)
                {
                    problems.Add($"{link} says \"{link.Hint}\" although the page is translated");
                }
            }
            else if (home is not null)
            {
                if (link.Href != home.AbsoluteUri)
                {
                    problems.Add($"{link}: the page has no {link.HrefLang} translation, so the link must go to that language's home {home}, not to {link.Href}");
                }

                if (link.Hint.Length == 0)
                {
                    problems.Add($"{link} goes to the home page of its language without saying so");
                }
                else if (link.HintLang != switcher.HtmlLang)
                {
                    problems.Add($"{link}: its hint \"{link.Hint}\" is marked lang=\"{link.HintLang}\", not the page's language '{switcher.HtmlLang}'");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Presses Tab up to <paramref name="tabs"/> times on a freshly loaded page and checks every
    /// link of the language switcher as it gets focus: each must be reached, be on screen and
    /// show a focus indicator (an outline or a box shadow) while it matches :focus-visible.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SwitcherFocusProblemsAsync(IPage page, int tabs)
    {
        var total = await page.EvaluateAsync<int>($"() => ({SwitchersJs}).flatMap(n => Array.from(n.querySelectorAll('a[href]'))).length");
        if (total == 0)
        {
            return ["no language switcher links to focus"];
        }

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= tabs && seen.Count < total; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]?>($$"""
                async () => {
                  const el = document.activeElement;
                  if (!el || !({{SwitchersJs}}).some(n => n.contains(el))) return null;
                  const shown = () => {
                    const s = getComputedStyle(el);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                  };
                  if (!shown()) await Promise.all(el.getAnimations({ subtree: true }).map(a => a.finished.catch(() => {})));
                  const problems = [];
                  const name = `the switcher link "${el.textContent.trim().replace(/\s+/g, ' ')}"`;
                  if (!el.matches(':focus-visible')) problems.push(`${name} does not match :focus-visible when reached by Tab`);
                  if (!shown()) problems.push(`${name} has no visible focus indicator (outline or box-shadow)`);
                  const r = el.getBoundingClientRect();
                  if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth)
                    problems.push(`${name} is focused off screen`);
                  return [el.getAttribute('hreflang') || el.href, ...problems];
                }
                """);
            if (focus is null)
            {
                continue;
            }

            seen.Add(focus[0]);
            problems.AddRange(focus.Skip(1));
        }

        if (seen.Count < total)
        {
            problems.Add($"only {seen.Count} of the {total} switcher links were reached in {tabs} presses of Tab");
        }

        return problems;
    }

    private static string Strip(string url) => new Uri(url).GetLeftPart(UriPartial.Path);
}

using System.Globalization;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>
/// Checks of a page as the browser laid it out. Each returns the problems it found, one readable
/// line each, and an empty list when the page is fine; none of them asserts, so a test can show
/// them failing on a deliberately broken page.
/// </summary>
public static class PageChecks
{
    /// <summary>The links of every &lt;nav&gt;, as a JavaScript expression for <see cref="SmallTargetsAsync"/>.</summary>
    public const string NavLinks = "Array.from(document.querySelectorAll('nav a[href]'))";

    /// <summary>Each list item's link to itself (a[href="#its-id"]), the timeline's "link to this event" controls.</summary>
    public const string Permalinks =
        "Array.from(document.querySelectorAll('main li[id]'), li => li.querySelector(`a[href=\"#${CSS.escape(li.id)}\"]`)).filter(Boolean)";

    // Names an element in messages: tag, id, classes and the start of its text.
    private const string DescribeJs = """
        const describe = el => {
          let s = el.tagName.toLowerCase();
          if (el.id) s += '#' + el.id;
          if (el.classList.length) s += '.' + Array.from(el.classList).join('.');
          const href = el.getAttribute('href') || el.getAttribute('src');
          if (href) s += `[${el.hasAttribute('href') ? 'href' : 'src'}="${href}"]`;
          const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
          return text ? `${s} "${text}"` : s;
        };
        """;

    // Lets the focused element's transitions (a skip link sliding in, an outline fading in) finish,
    // so that it is measured as a visitor sees it once it has settled. Only waited for when the
    // first look fails, since most focus styles apply at once.
    private const string SettleJs = "await Promise.all(el.getAnimations({ subtree: true }).map(a => a.finished.catch(() => {})));";

    /// <summary>Images that did not load. Lazy images are scrolled into view first so that they are requested.</summary>
    public static async Task<IReadOnlyList<string>> BrokenImagesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>($$"""
            async () => {
              {{DescribeJs}}
              for (const img of document.images) {
                img.scrollIntoView();
                if (!img.complete) {
                  await Promise.race([
                    new Promise(r => { img.addEventListener('load', r, { once: true }); img.addEventListener('error', r, { once: true }); }),
                    new Promise(r => setTimeout(r, 5000)),
                  ]);
                }
              }
              window.scrollTo(0, 0);
              return Array.from(document.images)
                .filter(img => !img.complete || img.naturalWidth === 0)
                .map(img => `${describe(img)} did not load`);
            }
            """);

    /// <summary>Horizontal scrolling at the current viewport width, naming the elements that stick out.</summary>
    public static async Task<IReadOnlyList<string>> HorizontalOverflowAsync(IPage page) =>
        await page.EvaluateAsync<string[]>($$"""
            () => {
              {{DescribeJs}}
              const width = window.innerWidth;
              const scroll = document.documentElement.scrollWidth;
              if (scroll <= width) return [];
              // The innermost elements that reach past the right edge are the ones to fix.
              const wide = Array.from(document.body.querySelectorAll('*'))
                .filter(el => el.getBoundingClientRect().right > width + 0.5)
                .filter(el => !Array.from(el.children).some(c => c.getBoundingClientRect().right > width + 0.5))
                .slice(0, 5)
                .map(el => `${describe(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)} px)`);
              return [`page is ${scroll} px wide in a ${width} px viewport: ${wide.join('; ') || 'no single element found'}`];
            }
            """);

    /// <summary>
    /// Visible buttons whose label runs past their padding: a button a flex row squeezes below
    /// the width of its one-line label shows the word against, or beyond, its edge.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CrampedButtonsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>($$"""
            () => {
              {{DescribeJs}}
              return Array.from(document.querySelectorAll('button'))
                .filter(b => b.offsetParent !== null && b.textContent.trim() !== '')
                .flatMap(b => {
                  const style = getComputedStyle(b);
                  const box = b.getBoundingClientRect();
                  const range = document.createRange();
                  range.selectNodeContents(b);
                  const text = range.getBoundingClientRect();
                  const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
                  const right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
                  return text.left < left - 0.5 || text.right > right + 0.5
                    ? [`${describe(b)}: its label spans ${Math.round(text.left)}–${Math.round(text.right)} px, past its padding at ${Math.round(left)}–${Math.round(right)} px`]
                    : [];
                });
            }
            """);

    /// <summary>
    /// Visible elements among <paramref name="elements"/> (a JavaScript expression such as
    /// <see cref="NavLinks"/>) whose box is smaller than <paramref name="minSize"/> CSS px either way.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SmallTargetsAsync(IPage page, string elements, int minSize) =>
        await page.EvaluateAsync<string[]>($$"""
            min => {
              {{DescribeJs}}
              return ({{elements}})
                .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
                .map(el => [el, el.getBoundingClientRect()])
                .filter(([, r]) => r.width < min - 0.01 || r.height < min - 0.01)
                .map(([el, r]) => `${describe(el)} is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px, less than ${min}×${min}`);
            }
            """, minSize);

    /// <summary>The computed font size of body text, in CSS px.</summary>
    public static async Task<double> BodyFontSizeAsync(IPage page)
    {
        var size = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize");
        return double.Parse(size.Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The skip link: the first Tab must reach it, it must point at the &lt;main&gt; element, be on
    /// screen once focused, and following it must move the keyboard into the main content.
    /// The page must be freshly loaded with nothing focused. The link must say
    /// <paramref name="name"/> (case aside), the theme's words in the page's language.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SkipLinkProblemsAsync(IPage page, string name = "Skip to content")
    {
        await page.Keyboard.PressAsync("Tab");
        var problems = (await page.EvaluateAsync<string[]>($$"""
            async name => {
              {{DescribeJs}}
              const el = document.activeElement;
              if (!el || el === document.body) return ['the first Tab focused nothing'];
              const check = () => {
                const problems = [];
                if (el.tagName !== 'A' || !el.textContent.trim().toLocaleLowerCase().includes(name.toLocaleLowerCase())) problems.push(`the first Tab focused ${describe(el)}, not a "${name}" link`);
                const href = el.getAttribute('href') || '';
                const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
                if (!target) problems.push(`the first focused element points at "${href}", which is not an element on the page`);
                else if (!target.matches('main, [role=main]')) problems.push(`the skip link points at "${href}", which is not the <main> element`);
                const r = el.getBoundingClientRect();
                if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth)
                  problems.push('the focused skip link is not on screen');
                return problems;
              };
              if (check().length === 0) return [];
              {{SettleJs}}
              return check();
            }
            """, name)).ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var after = await page.EvaluateAsync<string?>($$"""
            () => {
              {{DescribeJs}}
              const main = document.querySelector('main');
              const el = document.activeElement;
              if (!main || !el || el === document.body) return 'after following the skip link, Tab focused nothing';
              const inOrAfterMain = main.contains(el) || (main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
              return inOrAfterMain ? null : `after following the skip link, Tab focused ${describe(el)}, which comes before <main>`;
            }
            """);
        return after is null ? [] : [after];
    }

    /// <summary>
    /// Presses Tab up to <paramref name="tabs"/> times on a freshly loaded page: focus must follow
    /// document order (header, nav, main, footer; no positive tabindex jumping around) and every
    /// focused element must show a focus indicator (an outline or a box shadow).
    /// </summary>
    public static async Task<IReadOnlyList<string>> TabOrderProblemsAsync(IPage page, int tabs)
    {
        var problems = new List<string>();
        var previousIndex = -1;
        var previous = "";
        for (var i = 1; i <= tabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusedElement?>($$"""
                async () => {
                  {{DescribeJs}}
                  const el = document.activeElement;
                  if (!el || el === document.body) return null;
                  const visibleFocus = () => {
                    const s = getComputedStyle(el);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                  };
                  let visible = visibleFocus();
                  if (!visible) {
                    {{SettleJs}}
                    visible = visibleFocus();
                  }
                  return { index: Array.from(document.querySelectorAll('*')).indexOf(el), name: describe(el), visibleFocus: Boolean(visible) };
                }
                """);
            if (focus is null)
            {
                break; // Focus left the document: every element was visited.
            }

            if (!focus.VisibleFocus)
            {
                problems.Add($"Tab {i}: {focus.Name} has no visible focus indicator (outline or box-shadow)");
            }

            if (focus.Index <= previousIndex)
            {
                problems.Add($"Tab {i}: focus went back from {previous} to {focus.Name}, against the reading order");
            }

            previousIndex = focus.Index;
            previous = focus.Name;
        }

        return problems;
    }

    /// <summary>
    /// For a page loaded with JavaScript off: the main content has text and the main navigation
    /// has links; returns the navigation's link targets for comparison with a scripted load.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Problems, IReadOnlyList<string> NavLinks)> ContentAndNavigationAsync(IPage page)
    {
        var result = await page.EvaluateAsync<ContentReport>("""
            () => {
              const main = document.querySelector('main');
              // The site's main navigation: the first <nav> that is not the language switcher (links with hreflang).
              const navs = Array.from(document.querySelectorAll('nav'));
              const nav = navs.find(n => !n.querySelector('a[hreflang]')) || navs[0];
              return {
                mainText: main ? main.innerText.trim().length : -1,
                navLinks: nav ? Array.from(nav.querySelectorAll('a[href]'), a => a.href) : null,
              };
            }
            """);
        var problems = new List<string>();
        if (result.MainText < 0)
        {
            problems.Add("the page has no <main>");
        }
        else if (result.MainText == 0)
        {
            problems.Add("<main> shows no text");
        }

        if (result.NavLinks is null)
        {
            problems.Add("the page has no <nav>");
        }
        else if (result.NavLinks.Length == 0)
        {
            problems.Add("<nav> has no links");
        }

        return (problems, result.NavLinks ?? []);
    }

    /// <summary>
    /// The timeline as a visitor reads it: one section per year headed by an &lt;h2&gt; with the year,
    /// an &lt;ol&gt; of events in date order, each with an id, a &lt;time datetime&gt; of the year it is
    /// filed under in YYYY, YYYY-MM or YYYY-MM-DD form, and a visible link to itself. Events their
    /// source gives no date stand in sections of their own, whose heading is not a year, with no
    /// date of their own (a &lt;time&gt; in their list of sources is the source's) and a note instead.
    /// Returns the problems and the event ids in page order.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Problems, IReadOnlyList<string> EventIds)> TimelineAsync(IPage page)
    {
        var report = await page.EvaluateAsync<TimelineReport>($$"""
            () => {
              {{DescribeJs}}
              const problems = [], ids = [];
              const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
              const sections = Array.from(document.querySelectorAll('main section')).filter(s => s.querySelector(':scope > ol'));
              if (sections.length === 0) problems.push('no <section> in <main> holds an <ol> of events');
              let lastYear = -Infinity, lastDate = '';
              for (const section of sections) {
                const h2 = section.querySelector(':scope > h2');
                const year = h2 ? h2.textContent.trim() : '';
                const items = Array.from(section.querySelectorAll(':scope > ol > li'));
                // The event's own date: a <time> whose nearest list is the timeline's, not its sources'.
                const own = li => Array.from(li.querySelectorAll('time[datetime]')).find(t => t.closest('ol, ul') === li.parentElement);
                const undated = h2 && !/^\d{4}$/.test(year) && items.length > 0 && items.every(li => !own(li));
                if (!h2) { problems.push(`${describe(section)} has no <h2>`); }
                else if (undated) { /* a run of events without a date, kept where the story puts them */ }
                else if (!/^\d{4}$/.test(year)) problems.push(`year heading "${year}" is not a year`);
                else if (+year <= lastYear) problems.push(`year ${year} comes after ${lastYear}`);
                else lastYear = +year;
                if (items.length === 0) problems.push(`the year ${year} has no events`);
                for (const li of items) {
                  const name = li.id ? `#${li.id}` : describe(li);
                  if (!li.id) problems.push(`${name} has no id, so it cannot be linked`);
                  else ids.push(li.id);
                  const time = own(li);
                  const date = time ? time.getAttribute('datetime') : '';
                  if (undated) { if (!li.textContent.trim()) problems.push(`${name} is empty`); }
                  else if (!time) problems.push(`${name} has no <time datetime>`);
                  else if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) problems.push(`${name} has datetime="${date}", not YYYY, YYYY-MM or YYYY-MM-DD`);
                  else {
                    if (date.slice(0, 4) !== year) problems.push(`${name} (${date}) is filed under the year ${year}`);
                    if (date < lastDate) problems.push(`${name} (${date}) comes after an event of ${lastDate}`);
                    lastDate = date;
                  }
                  if (!undated && (!time || !time.textContent.trim())) problems.push(`${name} shows no date`);
                  const link = li.id ? li.querySelector(`a[href="#${CSS.escape(li.id)}"]`) : null;
                  if (li.id && !link) problems.push(`${name} has no link to itself (a[href="#${li.id}"])`);
                  else if (link && !visible(link)) problems.push(`${name}'s link to itself is not visible`);
                }
              }
              return { problems, ids };
            }
            """);
        return (report.Problems, report.Ids);
    }

    /// <summary>
    /// After opening the page at "#<paramref name="id"/>": that element is the :target and looks
    /// different from <paramref name="otherId"/> (an outline, background or border).
    /// </summary>
    public static async Task<IReadOnlyList<string>> TargetHighlightAsync(IPage page, string id, string otherId) =>
        await page.EvaluateAsync<string[]>("""
            async ([id, otherId]) => {
              const target = document.getElementById(id), other = document.getElementById(otherId);
              if (!target || !other) return [`#${id} or #${otherId} is missing`];
              if (!target.matches(':target')) return [`#${id} is not the :target after opening the page at #${id}`];
              const props = ['outline-style', 'outline-color', 'outline-width', 'background-color', 'background-image',
                             'box-shadow', 'border-left-color', 'border-left-width', 'border-top-color'];
              const a = getComputedStyle(target), b = getComputedStyle(other);
              const diff = props.filter(p => a.getPropertyValue(p) !== b.getPropertyValue(p));
              // The theme may scroll smoothly; give the scroll to the fragment a moment to arrive.
              const inView = () => { const r = target.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; };
              for (let i = 0; i < 40 && !inView(); i++) await new Promise(r => setTimeout(r, 50));
              const problems = [];
              if (diff.length === 0) problems.push(`#${id} as :target looks like any other event (no outline, background or border differs)`);
              if (!inView()) problems.push(`#${id} is not scrolled into view (its top is at ${Math.round(target.getBoundingClientRect().top)} px, scrollY ${Math.round(scrollY)})`);
              return problems;
            }
            """, new object[] { id, otherId });

    // Playwright fills these by setting properties, so they need setters and a parameterless constructor.
    private sealed class FocusedElement
    {
        public int Index { get; set; }

        public string Name { get; set; } = "";

        public bool VisibleFocus { get; set; }
    }

    private sealed class ContentReport
    {
        public int MainText { get; set; }

        public string[]? NavLinks { get; set; }
    }

    private sealed class TimelineReport
    {
        public string[] Problems { get; set; } = [];

        public string[] Ids { get; set; } = [];
    }
}

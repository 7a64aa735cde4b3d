using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>
/// axe-core in the page, limited to the WCAG 2.0, 2.1 and 2.2 A and AA rules the output contract
/// names. It is the copy of axe-core bundled with Deque.AxeCore.Commons, run with axe.run directly:
/// Deque's Playwright wrapper runs it frame by frame and finishes each run in a new tab, which made
/// the same rules five times slower (55 s against 11 s for the memorial's 19 pages, measured alone)
/// and the browser suite the longest part of CI. Our pages have no frames, so nothing is lost.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    // One line per violated rule, as the findings print it; only violations are asked for, since
    // the nodes of every pass would be serialized for nothing.
    private const string Run = """
        async within => {
          const context = within === null ? document : document.querySelector(within);
          if (context === null) {
            throw new Error(`axe was to check ${within}, which is not in the page`);
          }
          const result = await axe.run(context, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.map(v =>
            `${v.id} (${v.impact}): ${v.help} [${v.nodes.map(n => n.target.flat().join(' ')).join(', ')}] ${v.helpUrl}`);
        }
        """;

    /// <summary>
    /// One line per violated rule: id, impact, what it means and the elements (CSS selectors) that
    /// break it; over the whole page, or only inside the element <paramref name="within"/> selects.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string? within = null)
    {
        // Once per document: a second run on the same page (another colour scheme) reuses it.
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        return await page.EvaluateAsync<string[]>(Run, within);
    }
}

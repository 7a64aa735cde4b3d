using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>
/// How a page reads away from a normal screen: printed for a lesson, or for a visitor who asked
/// their system for less motion. Like the other checks, each returns problems and never asserts.
/// </summary>
public static class ReadingChecks
{
    /// <summary>
    /// With print media emulated: navigation and skip link hidden, black text on white, the address
    /// of every external link printed after it, timeline events not split across pages.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PrintProblemsAsync(IPage page)
    {
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Print });
        try
        {
            return await page.EvaluateAsync<string[]>("""
                () => {
                  const problems = [];
                  const visible = el => el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
                  document.querySelectorAll('nav, .skip-link').forEach(el => {
                    if (visible(el)) problems.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} is printed`);
                  });
                  const body = getComputedStyle(document.body);
                  if (body.color !== 'rgb(0, 0, 0)') problems.push(`body text prints in ${body.color}, not black`);
                  if (!['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'].includes(body.backgroundColor)) problems.push(`the page prints on ${body.backgroundColor}, not white`);
                  document.querySelectorAll('main a[href^="http"]').forEach(a => {
                    const after = getComputedStyle(a, '::after').content;
                    if (!after.includes(a.getAttribute('href'))) problems.push(`the address of "${a.textContent.trim().slice(0, 40)}" is not printed after it`);
                  });
                  document.querySelectorAll('main li[id]').forEach(li => {
                    const b = getComputedStyle(li).breakInside;
                    if (b !== 'avoid' && b !== 'avoid-page') problems.push(`event #${li.id} may be split across pages (break-inside: ${b})`);
                  });
                  return problems;
                }
                """);
        }
        finally
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Screen });
        }
    }

    /// <summary>
    /// With reduced motion requested: no smooth scrolling and no transition or animation longer
    /// than a frame on any element.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MotionProblemsAsync(IPage page)
    {
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        try
        {
            return await page.EvaluateAsync<string[]>("""
                () => {
                  const problems = [];
                  if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') problems.push('scrolling is smooth');
                  const seconds = v => Math.max(...v.split(',').map(s => parseFloat(s) * (s.trim().endsWith('ms') ? 0.001 : 1)));
                  for (const el of document.querySelectorAll('body, body *')) {
                    const s = getComputedStyle(el);
                    const moving = seconds(s.transitionDuration) > 0.02 || (s.animationName !== 'none' && seconds(s.animationDuration) > 0.02);
                    if (moving) { problems.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} still moves`); if (problems.length > 10) break; }
                  }
                  return problems;
                }
                """);
        }
        finally
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.NoPreference });
        }
    }
}

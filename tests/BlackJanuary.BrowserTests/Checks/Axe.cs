using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests.Checks;

/// <summary>axe-core in the page, limited to the WCAG 2.0, 2.1 and 2.2 A and AA rules the output contract names.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Details only for violations: passes of every node would be serialized for nothing, which costs seconds a page.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>One line per violated rule: id, impact, what it means and the elements (CSS selectors) that break it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} [{string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}] {v.HelpUrl}")
            .ToList();
    }
}

using BlackJanuary.BrowserTests.Checks;
using Microsoft.Playwright;

namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>
/// A page opened in the browser, with what it requested and logged while loading. Disposing it
/// closes the page, and the context too when the visit was given its own.
/// </summary>
public sealed record Visit(IPage Page, PageMonitor Monitor, IResponse? Response, IBrowserContext? OwnedContext = null) : IAsyncDisposable
{
    public int Status => Response?.Status ?? 0;

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        if (OwnedContext is not null)
        {
            await OwnedContext.CloseAsync();
        }
    }
}

public static class Browse
{
    /// <summary>
    /// Opens <paramref name="url"/> in a new tab and waits for the load event, by which a page
    /// without scripts has requested everything but lazy images. With <paramref name="untilQuiet"/>
    /// it also waits until the network has been idle for half a second, so that requests made
    /// later by scripts are seen by the monitor too.
    /// </summary>
    public static async Task<Visit> OpenAsync(IBrowserContext context, Uri url, bool untilQuiet = false)
    {
        var page = await context.NewPageAsync();
        var monitor = PageMonitor.Attach(page);
        var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
        if (untilQuiet)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 10_000 });
        }

        return new Visit(page, monitor, response);
    }
}

using BlackJanuary.BrowserTests.Checks;
using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>
/// Every page carries a strict policy and nothing that such a policy would block; hosts that read
/// _headers get the same policy as an HTTP header. (That the browser reports no violation is
/// checked by <see cref="PrivacyTests"/>, through the console.)
/// </summary>
public sealed class ContentSecurityPolicyTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public void EveryPageHasAStrictPolicyAndNoInlineScriptOrStyle(string site)
    {
        var findings = new Findings();
        foreach (var page in fixture.Site(site).Pages)
        {
            var html = MarkupChecks.Parse(fixture.Site(site).ReadFile(page.File));
            findings.Add(page.File, MarkupChecks.ContentSecurityPolicyProblems(MarkupChecks.MetaContentSecurityPolicy(html)));
            findings.Add(page.File, MarkupChecks.ResourcesBeforePolicy(html));
            findings.Add(page.File, MarkupChecks.InlineScripts(html));
            findings.Add(page.File, MarkupChecks.InlineEventHandlers(html));
            findings.Add(page.File, MarkupChecks.InlineStyles(html));
        }

        findings.AssertNone($"Content-Security-Policy problems on {site}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void HeadersFileSendsThePagesPolicy(string site)
    {
        var built = fixture.Site(site);
        Assert.True(File.Exists(Path.Combine(built.OutputDir, "_headers")), "the output has no _headers file");
        var findings = new Findings();
        foreach (var page in built.Pages)
        {
            var policy = MarkupChecks.MetaContentSecurityPolicy(MarkupChecks.Parse(built.ReadFile(page.File))) ?? "";
            findings.Add(page.File, SiteFileChecks.HeadersFileProblems(built.ReadFile("_headers"), built.BaseUrl.AbsolutePath, policy));
        }

        findings.AssertNone($"differences between _headers and the pages' <meta> policy on {site}");
    }
}

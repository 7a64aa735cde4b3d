using BlackJanuary.BrowserTests.Infrastructure;

namespace BlackJanuary.BrowserTests;

/// <summary>Zero errors from the Nu Html Checker, the W3C's validator, on every page.</summary>
public sealed class HtmlValidityTests(SiteFixture fixture)
{
    public static TheoryData<string> Sites => SiteFixture.SiteNames;

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task EveryPagePassesTheNuHtmlChecker(string site)
    {
        var output = fixture.Site(site).OutputDir + Path.DirectorySeparatorChar;
        var messages = (await fixture.VnuMessagesAsync()).Where(m => m.File.StartsWith(output, StringComparison.Ordinal)).ToList();
        var findings = new Findings();
        foreach (var m in messages)
        {
            findings.Add($"{Path.GetRelativePath(output, m.File)}:{m.Line}:{m.Column}", m.Message);
        }

        findings.AssertNone($"Nu Html Checker errors on {site}");
    }
}

using System.Diagnostics;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// A template's regex.* call that backtracks without end is stopped after a tenth of a second and
/// reported at its place in the template, instead of spending Scriban's 10 s on every page.
/// </summary>
public class TemplateRegexTests
{
    [Fact]
    public void A_catastrophic_regex_in_a_template_fails_fast_at_its_line_and_column_on_every_page()
    {
        var pages = new Dictionary<string, string>
        {
            ["templates/layouts/page.html"] = "<h1>{{ page.title }}</h1>\n<p>{{ page.title | regex.match '^(a+)+$' }}</p>",
        };
        for (var i = 1; i <= 8; i++)
        {
            pages[$"content/pages/p{i}.md"] = $"---\ntitle: {new string('a', 40)}!\n---\nA fictional page.\n";
        }

        using var site = new FixtureSite(pages);
        var clock = Stopwatch.StartNew();

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("templates/layouts/page.html(2,20): error BJ4007: the regular expression took longer than 100 ms", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
        // Eight pages at Scriban's own limit would take 80 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the build took {clock.Elapsed}");
    }

    [Fact]
    public void An_ordinary_regex_in_a_template_still_works()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["templates/layouts/page.html"] = "<p>{{ page.title | regex.replace '[aeiou]' '*' }}</p>",
            ["content/pages/about.md"] = "---\ntitle: About Testville\n---\nA fictional page.\n",
        });

        var run = site.Build("--strict");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<p>Ab**t T*stv*ll*</p>", site.Read("about/index.html"), StringComparison.Ordinal);
    }
}

using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Every culture a site may name shows every date an editor may write (years 1 to 9999): where
/// the culture's own calendar cannot, the Gregorian calendar in the culture's words does.
/// </summary>
public class CalendarTests
{
    private static FixtureSite SiteIn(string culture) => new(new Dictionary<string, string>
    {
        ["content/site.yaml"] = $"""
            title: Fictional Memorial
            base_url: https://memorial.example.org/
            language: xx
            languages:
              xx: {"{"}name: Testish, culture: {culture}{"}"}
            """,
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\ndate: 9999-12-31\n---\n",
        ["content/pages/founding.md"] = "---\ntitle: Founding\ndate: 0001-01-01\n---\n",
        ["content/timeline.yaml"] = """
            - date: 0001
              title: Testville is founded
            - date: 1500-01
              title: The mill is built
            - date: 1990-01-20
              title: The bridge opens
            - date: 2100-02
              end_date: 2100-03-01
              title: The bridge is rebuilt
            - date: 9999-12-31
              title: The last day of the calendar
            """,
        ["templates/layouts/page.html"] = "<h1>{{ page.title }}</h1><p class=\"date\">{{ page.date_text }}</p>",
    });

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("ja-JP")]
    [InlineData("fa-IR")]
    [InlineData("he-IL")]
    [InlineData("ps-AF")]
    [InlineData("en-GB")]
    public void Every_date_from_year_1_to_9999_builds_in_a_culture_whatever_its_calendar(string culture)
    {
        using var site = SiteIn(culture);

        var run = site.Build();

        Assert.True(run.ExitCode == 0, run.Stderr);
        var timeline = site.Read("timeline/index.html");
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(timeline, @"<time datetime=""[0-9-]+"">[^<]+</time>"));
        Assert.DoesNotMatch(@"<p class=""date""></p>", site.Read("founding/index.html"));
    }

    [Fact]
    public void A_date_outside_the_Um_al_Qura_calendar_is_shown_in_the_Gregorian_one_and_a_date_inside_it_in_its_own()
    {
        using var site = SiteIn("ar-SA");

        var run = site.Build();

        Assert.Equal(0, run.ExitCode);
        var timeline = site.Read("timeline/index.html");
        Assert.Contains("<time datetime=\"1500-01\">يناير 1500", timeline, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"1990-01-20\">23 جمادى الآخرة 1410", timeline, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"9999-12-31\">31 ديسمبر 9999", timeline, StringComparison.Ordinal);
    }
}

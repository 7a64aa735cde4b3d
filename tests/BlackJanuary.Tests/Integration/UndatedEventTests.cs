using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// A source may tell of an event without dating it. Such an event has a 'date_note' instead of a
/// date, keeps the place the editor gave it in timeline.yaml, and stands under a heading that
/// says its date is not given, never under a year it was not given. A source's publisher and
/// date are shown in the page's language, apart from its title.
/// </summary>
public class UndatedEventTests
{
    private static readonly string Theme = Path.Combine(RepoPaths.Root, "templates");

    private const string Timeline = """
        - date: 1901
          id: founding
          title: Testville is founded
          date_note: The chronicle gives only the year.
          sources:
            - title: A Fictional Chronicle
              publisher: Testville Gazette
              date: 1902-03
              language: de
        - id: the-long-dispute
          title: A long dispute
          place: Testville
          date_note: The chronicle gives no date.
        - id: the-quiet-years
          title: Quiet years
          date_note: Nor for this.
        - date: 1905-06-07
          title: The bridge opens
        - date: 1899
          title: Surveyors arrive
        """;

    [Fact]
    public void An_undated_event_keeps_its_place_under_a_heading_of_its_own()
    {
        var (site, run) = Build(Timeline);
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var page = new HtmlParser().ParseDocument(site.Read("timeline/index.html"));
        var headings = page.QuerySelectorAll("section.year > h2").Select(h => (h.Id, h.TextContent)).ToList();
        Assert.Equal([("y-1899", "1899"), ("y-1901", "1901"), ("undated-the-long-dispute", "Date not given"), ("y-1905", "1905")], headings);
        Assert.Equal(["1899-surveyors-arrive", "founding", "the-long-dispute", "the-quiet-years", "1905-06-07-the-bridge-opens"],
            page.QuerySelectorAll("li.event").Select(e => e.Id!).ToList());

        var undated = page.GetElementById("the-long-dispute")!;
        Assert.Empty(undated.QuerySelectorAll("time"));
        Assert.Equal("Testville", undated.QuerySelector(".event-meta")!.TextContent);
        Assert.Equal("The chronicle gives no date.", undated.QuerySelector(".event-date-note")!.TextContent);
        Assert.Empty(page.GetElementById("the-quiet-years")!.QuerySelectorAll(".event-meta"));

        // A dated event may say what its date rests on too, beside the date.
        var founding = page.GetElementById("founding")!;
        Assert.Equal("1901", founding.QuerySelector(".event-meta time")!.GetAttribute("datetime"));
        Assert.Equal("The chronicle gives only the year.", founding.QuerySelector(".event-date-note")!.TextContent);
    }

    [Fact]
    public void A_source_shows_its_title_in_its_own_language_and_who_published_it_when_in_the_page_s()
    {
        var (site, run) = Build(Timeline);
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var page = new HtmlParser().ParseDocument(site.Read("timeline/index.html"));
        var source = page.QuerySelector("#founding .event-sources li")!;
        Assert.Equal("de", source.QuerySelector("cite")!.GetAttribute("lang"));
        Assert.Equal("A Fictional Chronicle", source.QuerySelector("cite")!.TextContent);
        Assert.Null(source.GetAttribute("lang"));
        Assert.Equal("Testville Gazette, March 1902", source.QuerySelector(".source-meta")!.TextContent);
        Assert.Equal("1902-03", source.QuerySelector(".source-meta time")!.GetAttribute("datetime"));
    }

    [Theory]
    [InlineData("- id: lost\n  title: No date and nothing said of it\n", "content/timeline.yaml(1,3): error BJ2001: a timeline event has no 'date'")]
    [InlineData("- title: A span with no start\n  end_date: 1990\n  date_note: Unknown.\n", "content/timeline.yaml(2,13): error BJ2008: end_date needs a date to start from")]
    [InlineData("- date: 1990\n  title: T\n  sources:\n    - title: S\n      date: 1990-13\n", "content/timeline.yaml(5,13): error BJ2003: date '1990-13' is not a valid date")]
    public void What_cannot_be_shown_is_reported_where_it_is_written(string timeline, string expected)
    {
        var (site, run) = Build(timeline);
        using var _ = site;

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    private static (FixtureSite Site, CliRun Run) Build(string timeline)
    {
        var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = "title: Testville Memorial\nbase_url: https://memorial.example.org/\nlanguage: en\n",
            ["content/pages/index.md"] = "---\ntitle: Welcome to Testville\n---\nA fictional town.\n",
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
            ["content/timeline.yaml"] = timeline,
        }, withTheme: false, withContent: false);
        return (site, site.Run(["build", "--content", site.Content, "--templates", Theme, "--output", site.Output, "--strict"]));
    }
}

using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BlackJanuary.Model;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Sources that outlive their sites: a source's archived copy and the day it was read, checked
/// where they are written, shown beside the source with Robust Links' attributes by the real
/// theme, and reported by 'check --external' against a real HTTP server on the loopback
/// interface. Every source is invented, at example.org and example.com.
/// </summary>
public class RobustLinksTests
{
    private static readonly string Theme = Path.Combine(RepoPaths.Root, "templates");

    /// <summary>The build's date of every build here, so that "after the build's date" does not move.</summary>
    private const string Today = "2026-12-01";

    private const string Wayback = "https://web.archive.org/web/20220120093000/https://gazette.example.org/bridge";

    /// <summary>English and Russian; one event with four kinds of source, one person in a file and one in people.csv.</summary>
    private static Dictionary<string, string> Files() => new()
    {
        ["content/site.yaml"] = """
            title: Fictional Memorial
            base_url: https://memorial.example.org/
            language: en
            languages:
              en:
                name: English
                culture: en-GB
              ru:
                name: Русский
                culture: ru-RU
                title: Вымышленная память
            """,
        ["content/pages/index.md"] = "---\ntitle: Home\nweight: 1\n---\nAn invented town.\n",
        ["content/pages/index.ru.md"] = "---\ntitle: Главная\nweight: 1\n---\nВымышленный город.\n",
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\nweight: 2\n---\n",
        ["content/pages/timeline.ru.md"] = "---\ntitle: Хронология\nlayout: timeline\nweight: 2\n---\n",
        ["content/timeline.yaml"] = $"""
            - date: 1901-05-06
              id: bridge
              title:
                en: The bridge opens
                ru: Открывается мост
              sources:
                - title: Wayback copy
                  url: https://gazette.example.org/bridge
                  archived: {Wayback}
                  accessed: 2022-01-25
                - title: Other archive
                  url: https://news.example.com/fair
                  archived: https://archive.example.org/copies/fair
                  accessed: 2022-02-03
                - title: Read only
                  url: https://example.org/read
                  accessed: 2022-03-04
                - title: Plain
                  url: https://example.org/plain
            """,
        ["content/people/test-person.md"] = """
            ---
            name: Test Person
            died: 1901-05-06
            sources:
              - title: Fictional register
                url: https://register.example.org/test-person
                archived: https://web.archive.org/web/20230405060708id_/https://register.example.org/test-person
            ---
            A fictional person.
            """,
        ["content/people.csv"] = """
            id,name,died,source,source_url,source_archived,source_accessed
            csv-person,Csv Person,1901-05-06,Fictional list,https://list.example.com/csv-person,https://archive.example.org/copies/csv-person,2021-11-12
            """,
    };

    private static (FixtureSite Site, CliRun Run) Build(Dictionary<string, string> files)
    {
        var site = new FixtureSite(files, withTheme: false, withContent: false);
        return (site, site.Run(["build", "--content", site.Content, "--templates", Theme, "--output", site.Output, "--now", Today]));
    }

    private static IElement Source(FixtureSite site, string page, string title)
    {
        var document = new HtmlParser().ParseDocument(site.Read(page));
        return document.QuerySelectorAll(".event-sources li").Single(li => li.QuerySelector("cite")!.TextContent == title);
    }

    /// <summary>The Robust Links attributes of a source's link, and the archived copy and day read shown beside it.</summary>
    private static string Described(IElement source)
    {
        var link = source.QuerySelector("cite a")!;
        var archived = source.QuerySelector(".source-version a");
        var accessed = source.QuerySelector(".source-version time");
        string Of(IElement? e, string name) => e?.GetAttribute(name) ?? "-";
        return $"href={Of(link, "href")} original={Of(link, "data-originalurl")} version={Of(link, "data-versionurl")} date={Of(link, "data-versiondate")}"
            + $" | copy={Of(archived, "href")} copy-original={Of(archived, "data-originalurl")} copy-date={Of(archived, "data-versiondate")} text={archived?.TextContent ?? "-"}"
            + $" | shown={source.QuerySelector(".source-version")?.TextContent ?? "-"} accessed={Of(accessed, "datetime")}";
    }

    [Fact]
    public void A_source_link_carries_the_original_its_archived_copy_and_the_day_of_the_version()
    {
        var (site, run) = Build(Files());
        using var _ = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Equal(
        [
            // The day of a Wayback-style copy is in its address, whatever the day it was read.
            $"href=https://gazette.example.org/bridge original=https://gazette.example.org/bridge version={Wayback} date=2022-01-20"
                + $" | copy={Wayback} copy-original=https://gazette.example.org/bridge copy-date=2022-01-20 text=archived copy"
                + " | shown=(archived copy, accessed 25 January 2022) accessed=2022-01-25",
            // Another archive's address says nothing of its day: the day the original was read stands for it.
            "href=https://news.example.com/fair original=https://news.example.com/fair version=https://archive.example.org/copies/fair date=2022-02-03"
                + " | copy=https://archive.example.org/copies/fair copy-original=https://news.example.com/fair copy-date=2022-02-03 text=archived copy"
                + " | shown=(archived copy, accessed 3 February 2022) accessed=2022-02-03",
            // Read on a day, with no copy: the day lets a reader's tools look for the page as it was.
            "href=https://example.org/read original=https://example.org/read version=- date=2022-03-04"
                + " | copy=- copy-original=- copy-date=- text=- | shown=(accessed 4 March 2022) accessed=2022-03-04",
            // Neither: the link is as it always was.
            "href=https://example.org/plain original=- version=- date=- | copy=- copy-original=- copy-date=- text=- | shown=- accessed=-",
        ], new[] { "Wayback copy", "Other archive", "Read only", "Plain" }.Select(t => Described(Source(site, "timeline/index.html", t))));

        Assert.Equal(
            $"href=https://gazette.example.org/bridge original=https://gazette.example.org/bridge version={Wayback} date=2022-01-20"
                + $" | copy={Wayback} copy-original=https://gazette.example.org/bridge copy-date=2022-01-20 text=архивная копия"
                + " | shown=(архивная копия, дата обращения: 25 января 2022\u202fг.) accessed=2022-01-25",
            Described(Source(site, "ru/timeline/index.html", "Wayback copy")));
        // A Wayback modifier ("id_") after the timestamp, and a person in people.csv, whose columns source_archived and source_accessed are read as a file's.
        Assert.Equal(
            "href=https://register.example.org/test-person original=https://register.example.org/test-person version=https://web.archive.org/web/20230405060708id_/https://register.example.org/test-person date=2023-04-05"
                + " | copy=https://web.archive.org/web/20230405060708id_/https://register.example.org/test-person copy-original=https://register.example.org/test-person copy-date=2023-04-05 text=archived copy | shown=(archived copy) accessed=-",
            Described(Source(site, "people/test-person/index.html", "Fictional register")));
        Assert.Equal(
            "href=https://list.example.com/csv-person original=https://list.example.com/csv-person version=https://archive.example.org/copies/csv-person date=2021-11-12"
                + " | copy=https://archive.example.org/copies/csv-person copy-original=https://list.example.com/csv-person copy-date=2021-11-12 text=archived copy"
                + " | shown=(archived copy, accessed 12 November 2021) accessed=2021-11-12",
            Described(Source(site, "people/csv-person/index.html", "Fictional list")));
    }

    [Fact]
    public void The_registers_data_files_carry_the_archived_copy_and_the_day_read_in_the_columns_people_csv_reads()
    {
        var (site, run) = Build(Files());
        using var built = site;
        Assert.True(run.ExitCode == 0, run.Stderr);

        var csv = site.Read("people.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var row = csv.Skip(1).Single(l => l.StartsWith("csv-person,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("https://archive.example.org/copies/csv-person", row[Array.IndexOf(header, "source_archived")]);
        Assert.Equal("2021-11-12", row[Array.IndexOf(header, "source_accessed")]);

        var people = JsonDocument.Parse(site.Read("people.json")).RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var fromCsv = people["csv-person"].GetProperty("sources")[0];
        Assert.Equal("https://archive.example.org/copies/csv-person", fromCsv.GetProperty("archived").GetString());
        Assert.Equal("2021-11-12", fromCsv.GetProperty("accessed").GetString());
        var fromFile = people["test-person"].GetProperty("sources")[0];
        Assert.Equal("https://web.archive.org/web/20230405060708id_/https://register.example.org/test-person", fromFile.GetProperty("archived").GetString());
        Assert.False(fromFile.TryGetProperty("accessed", out _), "a day nobody wrote down is left out, not invented");
        Assert.False(people["csv-person"].TryGetProperty("source_archived", out _), "the JSON lists sources once, under 'sources'");
    }

    [Theory]
    [InlineData("content/timeline.yaml", "      accessed: 2022-01-25\n", "      accessed: 2022-01\n",
        "content/timeline.yaml(10,17): error BJ2003: accessed date '2022-01' is not a valid day; write the day the source was read as YYYY-MM-DD")]
    [InlineData("content/timeline.yaml", "      accessed: 2022-01-25\n", "      accessed: 2022-02-30\n",
        "content/timeline.yaml(10,17): error BJ2003: accessed date '2022-02-30' is not a valid day; write the day the source was read as YYYY-MM-DD")]
    [InlineData("content/timeline.yaml", "      accessed: 2022-01-25\n", "      accessed: 2026-12-02\n",
        "content/timeline.yaml(10,17): error BJ2003: accessed date 2026-12-02 is after the build's date 2026-12-01; write the day the source was actually read")]
    [InlineData("content/timeline.yaml", "      archived: https://archive.example.org/copies/fair\n", "      archived: archive.example.org/copies/fair\n",
        "content/timeline.yaml(13,17): error BJ2008: source archived copy 'archive.example.org/copies/fair' must be an absolute http(s) address such as https://example.org/article")]
    [InlineData("content/timeline.yaml", "      archived: https://archive.example.org/copies/fair\n", "      archived: ftp://archive.example.org/copies/fair\n",
        "content/timeline.yaml(13,17): error BJ2008: source archived copy 'ftp://archive.example.org/copies/fair' must be an absolute http(s) address such as https://example.org/article")]
    [InlineData("content/timeline.yaml", "      url: https://news.example.com/fair\n", "",
        "content/timeline.yaml(12,17): error BJ2001: the source has an archived copy but no 'url'; add 'url' with the original address the copy was made of (readers see both, and link checks need the original)")]
    [InlineData("content/people.csv", ",2021-11-12", ",2021-11-31",
        "content/people.csv(2,131): error BJ2003: accessed date '2021-11-31' is not a valid day; write the day the source was read as YYYY-MM-DD")]
    [InlineData("content/people.csv", "Fictional list,https://list.example.com/csv-person,", "Fictional list,,",
        "content/people.csv(2,50): error BJ2001: the source has an archived copy but no 'source_url'; add 'source_url' with the original address the copy was made of (readers see both, and link checks need the original)")]
    public void A_wrong_archived_copy_or_day_read_is_an_error_where_it_is_written(string file, string find, string replace, string expected)
    {
        var files = Files();
        var before = files[file].ReplaceLineEndings("\n");
        files[file] = before.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(before, files[file]);

        var (site, run) = Build(files);
        using var _ = site;

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([expected], run.Stderr.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_external_reports_sources_without_an_archived_copy_and_broken_originals_readers_can_still_read_in_one()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = await LinkServer.StartAsync(cancellation);
        var files = new Dictionary<string, string>
        {
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
            ["content/timeline.yaml"] = $"""
                - date: 1901-05-06
                  title: The bridge opens
                  sources:
                    - title: Gone, kept in an archive
                      url: {server.Base}/missing
                      archived: {server.Base}/ok
                    - title: Gone, and so is its copy
                      url: {server.Base}/failing
                      archived: {server.Base}/missing-copy
                    - title: Alive, kept in an archive
                      url: {server.Base}/no-head
                      archived: {server.Base}/moved
                - date: 1901-05-07
                  title: The fair
                  sources:
                    - title: Alive, never archived
                      url: {server.Base}/ok
                    - title: Not online
                """,
            ["content/people/test-person.md"] = $"""
                ---
                name: Test Person
                sources:
                  - title: Cited by the fair too
                    url: {server.Base}/ok
                  - title: Archived where the bridge cites it
                    url: {server.Base}/no-head
                  - title: Fictional register
                    url: {server.Base}/moved-here
                ---
                """,
        };
        using var site = new FixtureSite(files);
        string[] check = ["check", "--content", site.Content, "--templates", Theme, "--now", Today];

        var offline = site.Run(check);
        var online = await Task.Run(() => site.Run([.. check, "--external"]), cancellation);

        // Without --external nothing about the outside world is said.
        Assert.Equal(0, offline.ExitCode);
        Assert.DoesNotContain("BJ302", offline.Stderr + offline.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, online.ExitCode);
        Assert.Equal(
        [
            $"content/people/test-person.md(1,1): warning BJ3020: source '{server.Base}/moved-here' has no archived copy, and its site may change or go away; save it in a web archive (for example at https://web.archive.org/save) and add 'archived:' with the copy's address (in people.csv the column 'source_archived'), such as https://web.archive.org/web/YYYYMMDDhhmmss/{server.Base}/moved-here",
            $"content/timeline.yaml(1,3): warning BJ3010: link '{server.Base}/missing-copy' answered 404; fix or remove the link, or link to an archived copy",
            $"content/timeline.yaml(1,3): warning BJ3021: source '{server.Base}/failing' answered 500; but its archived copy '{server.Base}/missing-copy' answered 404 too (BJ3010); save the page again in a web archive if it can still be found, or find another copy",
            $"content/timeline.yaml(1,3): warning BJ3021: source '{server.Base}/missing' answered 404; readers can still use its archived copy '{server.Base}/ok', linked beside it; keep the source, and give the original's new address in 'url' if it has moved",
            // Once per address, where it is first cited: the person cites it too.
            $"content/timeline.yaml(13,3): warning BJ3020: source '{server.Base}/ok' has no archived copy, and its site may change or go away; save it in a web archive (for example at https://web.archive.org/save) and add 'archived:' with the copy's address (in people.csv the column 'source_archived'), such as https://web.archive.org/web/YYYYMMDDhhmmss/{server.Base}/ok",
        ], online.Stderr.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // The archived copies are asked for too, as links the site writes.
        Assert.Contains("HEAD /missing-copy", server.Requests);
        Assert.Contains("HEAD /moved", server.Requests);
    }

    [Fact]
    public void The_day_of_a_version_comes_from_a_14_digit_timestamp_that_is_a_real_date_else_from_the_day_read()
    {
        var read = PartialDate.TryParse("2022-01-25", out var day) ? day : null;
        string? Of(string archived) => new Source("t", "https://example.org/a") { Archived = archived, Accessed = read }.VersionDate?.Iso;

        Assert.Equal("2022-01-20", Of("https://web.archive.org/web/20220120093000/https://example.org/a"));
        Assert.Equal("2022-01-20", Of("https://web.archive.org/web/20220120093000im_/https://example.org/a"));
        // A 14-digit number that is no date, or a timestamp in the query, is no timestamp.
        Assert.Equal("2022-01-25", Of("https://web.archive.org/web/20221320093000/https://example.org/a"));
        Assert.Equal("2022-01-25", Of("https://archive.example.org/copy?t=20220120093000"));
        Assert.Equal("2022-01-25", Of("https://archive.example.org/copies/a"));
        Assert.Equal("2022-01-25", Of(""));
        Assert.Null(new Source("t", "https://example.org/a").VersionDate);
    }
}

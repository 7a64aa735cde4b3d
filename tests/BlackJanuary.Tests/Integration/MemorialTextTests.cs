using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// The memorial keeps to its one source in its own words: no run of six words of the article
/// appears in the English site outside a quotation or a citation title, and no timeline date is
/// one the article does not give. Each check is also shown to catch a planted problem.
/// </summary>
public partial class MemorialTextTests
{
    /// <summary>The article the memorial is built on (a copy of shared/sources/eu-today-2022.txt, kept beside the tests).</summary>
    private static readonly string Article = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sources", "eu-today-2022.txt"));

    private const int RunLength = 6;

    [Fact]
    public void The_English_text_has_no_run_of_six_words_from_the_article_outside_quotations()
    {
        using var built = Build(_ => { });

        Assert.Empty(CopiedRuns(built));
    }

    [Fact]
    public void Every_timeline_date_is_one_the_article_gives()
    {
        using var built = Build(_ => { });

        Assert.NotEmpty(TimelineDates(built));
        Assert.Empty(DatesNotInArticle(built));
    }

    [Fact]
    public void A_sentence_copied_from_the_article_is_caught()
    {
        using var built = Build(content => File.AppendAllText(Path.Combine(content, "pages", "about.en.md"),
            "\nThe people do not forget the pain of those terrible days, they say.\n"));

        var copied = Assert.Single(CopiedRuns(built));
        Assert.Contains("do not forget the pain of", copied, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copied_sentence_in_quotation_marks_is_a_quotation_and_passes()
    {
        using var built = Build(content => File.AppendAllText(Path.Combine(content, "pages", "about.en.md"),
            "\nThe article says that “the people do not forget the pain of those terrible days”.\n"));

        Assert.Empty(CopiedRuns(built));
    }

    [Fact]
    public void A_date_the_article_does_not_give_is_caught()
    {
        using var built = Build(content => File.AppendAllText(Path.Combine(content, "timeline.yaml"), """

            - date: 1990-01-21
              id: planted-invented-day
              title: An invented day
            - date: 1991
              end_date: 1993-05
              id: planted-invented-span
              title: An invented span
            """));

        Assert.Equal(["1990-01-21", "1991", "1993-05"], DatesNotInArticle(built));
    }

    /// <summary>
    /// Every run of <see cref="RunLength"/> words that the English pages share with the article,
    /// as one line per sentence. Quotations (marked with quotation marks, q, blockquote or cite)
    /// are the article's words on purpose, and are left out.
    /// </summary>
    private static List<string> CopiedRuns(BuiltMemorial built)
    {
        var articleRuns = Runs(Words(Article)).ToHashSet(StringComparer.Ordinal);
        var parser = new HtmlParser();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(built.Output, "en"), "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var quoted in document.QuerySelectorAll("q, blockquote, cite, script, style").ToList())
            {
                quoted.Remove();
            }

            // The page's own blocks, its header and footer, and what search results and shares show of it.
            var texts = document.QuerySelectorAll("body p, body li, body h1, body h2, body h3, body td, body figcaption").Select(e => e.TextContent)
                .Concat(document.QuerySelectorAll("title, meta[name=description], meta[property='og:description']").Select(e => e.GetAttribute("content") ?? e.TextContent));
            foreach (var text in texts)
            {
                var words = Words(Quotation().Replace(text, " "));
                var copied = Runs(words).Where(articleRuns.Contains).ToList();
                if (copied.Count > 0)
                {
                    found.Add($"{Path.GetRelativePath(built.Output, file)}: {string.Join(" | ", copied)}");
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> Runs(List<string> words) =>
        Enumerable.Range(0, Math.Max(0, words.Count - RunLength + 1)).Select(i => string.Join(' ', words.Skip(i).Take(RunLength)));

    /// <summary>Lower-case words, apostrophes kept, so that "Azerbaijan’s" and "Azerbaijan's" are one word.</summary>
    private static List<string> Words(string text) =>
        Word().Matches(text.Replace('’', '\'').ToLowerInvariant()).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)?")]
    private static partial Regex Word();

    /// <summary>Text in typographic or plain double quotation marks, in any of the site's conventions.</summary>
    [GeneratedRegex(@"“[^”]*”|«[^»]*»|""[^""]*""|„[^“]*“")]
    private static partial Regex Quotation();

    /// <summary>Every date the timeline shows: the datetime of each time element in an event's line of dates.</summary>
    private static List<string> TimelineDates(BuiltMemorial built)
    {
        using var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(built.Output, "en", "timeline", "index.html")));
        return document.QuerySelectorAll(".event .event-meta time").Select(t => t.GetAttribute("datetime") ?? "").ToList();
    }

    private static List<string> DatesNotInArticle(BuiltMemorial built)
    {
        var given = ArticleDates();
        return TimelineDates(built).Where(d => !given.Contains(d)).ToList();
    }

    /// <summary>
    /// The dates the article gives, at the precision it gives them: "January 20th, 1990" and
    /// "20th January 2022" give a day (and so its month and year); "In 1987" gives only a year.
    /// </summary>
    private static HashSet<string> ArticleDates()
    {
        var dates = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in DayMonthYear().Matches(Article).Concat(MonthDayYear().Matches(Article)))
        {
            var month = DateTime.ParseExact(m.Groups["month"].Value, "MMMM", CultureInfo.InvariantCulture).Month;
            var (year, day) = (int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture));
            dates.Add($"{year:D4}-{month:D2}-{day:D2}");
            dates.Add($"{year:D4}-{month:D2}");
        }

        foreach (Match m in Year().Matches(Article))
        {
            dates.Add(m.Value);
        }

        return dates;
    }

    private const string Month = "(?<month>January|February|March|April|May|June|July|August|September|October|November|December)";

    [GeneratedRegex(@"\b(?<day>[0-9]{1,2})(?:st|nd|rd|th)? " + Month + @",? (?<year>[0-9]{4})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + Month + @" (?<day>[0-9]{1,2})(?:st|nd|rd|th)?,? (?<year>[0-9]{4})\b")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?:1[89]|20)[0-9]{2}\b")]
    private static partial Regex Year();

    /// <summary>The memorial's content, changed by <paramref name="plant"/> in a copy, built with the real theme.</summary>
    private static BuiltMemorial Build(Action<string> plant)
    {
        var root = Path.Combine(Path.GetTempPath(), "bj-memorial-text-" + Guid.NewGuid().ToString("N"));
        var content = Path.Combine(root, "content");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "content"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(Path.Combine(RepoPaths.Root, "content"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        plant(content);
        var built = new BuiltMemorial(root);
        using var stderr = new StringWriter();
        var code = Cli.App.Run(["build", "--content", content, "--templates", Path.Combine(RepoPaths.Root, "templates"), "--output", built.Output], TextWriter.Null, stderr);
        Assert.True(code == 0, stderr.ToString());
        return built;
    }

    private sealed class BuiltMemorial(string root) : IDisposable
    {
        public string Output { get; } = Path.Combine(root, "_site");

        public void Dispose() => Directory.Delete(root, recursive: true);
    }
}

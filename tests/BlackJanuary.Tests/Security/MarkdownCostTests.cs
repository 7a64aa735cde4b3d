using System.Diagnostics;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// Markdown that parsers are known to read in quadratic time (nested or unclosed brackets and
/// parentheses, runs of emphasis, identical headings, wide tables, footnotes, deep lists) goes
/// through the real Markdown stage in time that grows linearly with its size: twice the text may
/// take at most three times as long, and allocate at most three times as much. Each pattern
/// either renders or is refused with a diagnostic. The sizes are small on purpose: past about
/// 50 KB of such text the stage's heap outgrows the processor's cache and a generation of the
/// garbage collector, and a linear pattern took 67 ms at 100 KB, 221 ms at 200 KB and 403 ms at
/// 400 KB; quadratic ones already take four times as long at twice 25 KB. Pauses of the garbage
/// collector are left out of the time, and what the stage allocates is compared instead.
/// </summary>
[Collection(nameof(MarkdownCostTests))]
public class MarkdownCostTests(ITestOutputHelper output)
{
    /// <summary>The smaller size; each pattern is also timed at twice this.</summary>
    private const int Size = 25_000;

    /// <summary>Times below this are too short to compare and far from quadratic: they count as this.</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(20);

    private static string Repeat(string unit, int size) => string.Concat(Enumerable.Repeat(unit, size / unit.Length));

    public static TheoryData<string> Patterns => [.. Generators.Keys];

    private static readonly Dictionary<string, Func<int, string>> Generators = new()
    {
        ["open brackets"] = n => new string('[', n),
        ["open image brackets"] = n => Repeat("![", n),
        ["balanced nested brackets"] = n => new string('[', n / 2) + new string(']', n / 2),
        ["link openings without spaces"] = n => Repeat("[a](", n),
        ["links without spaces, a few per word"] = n => Repeat("[a](b)[c](d) ", n),
        ["unclosed destination parentheses"] = n => "[a](" + new string('(', n),
        ["balanced destination parentheses"] = n => "[a](" + new string('(', n / 2) + new string(')', n / 2) + ")",
        ["unclosed link titles"] = n => Repeat("[a](b \"", n),
        ["reference-like brackets"] = n => Repeat("[a]", n),
        ["emphasis openers and closers"] = n => Repeat("**a *", n),
        ["underscore runs"] = n => Repeat("__a _", n),
        ["strikethrough runs"] = n => Repeat("~~a ~", n),
        ["superscript and mark runs"] = n => Repeat("^a ==b ", n),
        ["identical headings"] = n => Repeat("# Name\n", n),
        ["identical setext headings"] = n => Repeat("Name\n====\n", n),
        ["headings whose ids collide with suffixes"] = n => Repeat("# a\n# a-1\n", n),
        ["a table with very many columns"] = n => "a|b\n-|-\n" + Repeat("c|", n),
        ["a line of pipes"] = n => "a|b\n-|-\n" + new string('|', n),
        ["a table with many rows"] = n => "a|b\n-|-\n" + Repeat("c|d\n", n),
        ["footnote references"] = n => Repeat("[^a]", n) + "\n\n[^a]: A note.\n",
        ["footnote definitions"] = n => string.Concat(Enumerable.Range(0, n / 12).Select(i => $"[^{i}]: x\n")),
        ["deep lists"] = n => Repeat(string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', i * 2) + "- a\n")), n),
        ["deep quotes"] = n => Repeat(new string('>', 100) + " a\n\n", n),
        ["code span backticks"] = n => Repeat("`` ` ", n),
        ["autolink openings"] = n => Repeat("<a", n),
        ["entity openings"] = n => Repeat("&#", n),
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Pathological_markdown_takes_time_linear_in_its_size(string pattern)
    {
        var generate = Generators[pattern];
        using var small = Page(generate(Size));
        using var large = Page(generate(2 * Size));
        // Compiled and tiered up by the JIT before anything is timed.
        Render(small);
        Render(large);

        // Other work on the machine can slow one size and not the other, but never every time;
        // quadratic time shows a ratio near 4 in every attempt.
        var attempts = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (smallRun, largeRun) = Medians(small, large);
            var ratio = Math.Max(largeRun.Time.TotalMilliseconds, Floor.TotalMilliseconds) / Math.Max(smallRun.Time.TotalMilliseconds, Floor.TotalMilliseconds);
            var memory = (double)largeRun.Allocated / Math.Max(smallRun.Allocated, 1);
            attempts.Add($"{Size / 1000} KB took {smallRun.Time.TotalMilliseconds:0} ms and {smallRun.Allocated >> 20} MiB ({smallRun.Result}), "
                + $"{2 * Size / 1000} KB took {largeRun.Time.TotalMilliseconds:0} ms and {largeRun.Allocated >> 20} MiB ({largeRun.Result}), ratios {ratio:0.00} and {memory:0.00}");
            output.WriteLine($"{pattern}: {attempts[^1]}");
            if (ratio < 3 && memory < 3)
            {
                return;
            }
        }

        Assert.Fail($"{pattern}: " + string.Join("; ", attempts));
    }

    [Fact]
    public void Thirty_two_links_in_one_word_are_read_and_thirty_three_are_refused_at_the_page()
    {
        using var fine = Page(Repeat("[a](/)", 32 * 6));
        using var refused = Page(Repeat("[a](/)", 33 * 6));

        Assert.Equal("rendered", Render(fine));
        Assert.Equal("content/pages/p.md(4,1): error BJ3012: line 1 of the Markdown opens more than 32 links ('](') without a space between them, which takes very long to read; "
            + "put a space between links, or escape the brackets as \\[ and \\]", Render(refused));
    }

    [Fact]
    public void A_paragraph_with_too_many_emphasis_markers_is_refused_and_a_page_of_many_paragraphs_is_not()
    {
        using var fine = Page(Repeat("**a** *b* _c_ ~~d~~\n\n", 400_000));
        using var refused = Page("Intro.\n\n" + Repeat("*a ", 2_001 * 3) + "\n\nEnd.\n");

        Assert.Equal("rendered", Render(fine));
        Assert.StartsWith("content/pages/p.md(4,1): error BJ3012: the paragraph that ends at line 3 of the Markdown has more than 2000 emphasis markers (* _ ~ ^ + =)", Render(refused), StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_underlines_and_footnote_references_are_not_emphasis_markers()
    {
        using var headings = Page(Repeat("Name\n====\nText\n----\n", 3_000 * 20));
        using var footnotes = Page(Repeat("[^a]", 3_000 * 4) + "\n\n[^a]: A fictional note.\n");

        Assert.Equal("rendered", Render(headings));
        Assert.Equal("rendered", Render(footnotes));
    }

    [Fact]
    public void A_line_of_more_than_256_pipes_is_refused_with_what_to_do()
    {
        using var fine = Page("a|b\n-|-\n" + Repeat("c|", 512));
        using var refused = Page("a|b\n-|-\n" + Repeat("c|", 514));

        Assert.Equal("rendered", Render(fine));
        Assert.EndsWith("line 3 of the Markdown has more than 256 '|', more columns than a table can show and very long to read; split the table, or escape '|' that is not a column as \\|", Render(refused), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_more_than_a_hundred_thousand_lines_is_refused_with_what_to_do()
    {
        // A million short lines fill 4 MiB and cost seconds and a gigabyte; a hundred thousand do not.
        using var fine = Page(Repeat("# h\n", 100_000 * 4));
        using var refused = Page(Repeat("# h\n", 100_001 * 4) + "# h");

        Assert.Equal("rendered", Render(fine));
        Assert.Equal("content/pages/p.md(4,1): error BJ3012: the Markdown has more than 100,000 lines, more than a page can show its readers and very long to read; split it into several pages", Render(refused));
    }

    [Fact]
    public void Repeated_headings_keep_the_ids_markdig_gives_them()
    {
        using var site = Page("# Name\n# Name\n# Name-1\n# Name\n## {#name-2}\nName\n----\n# \n# \n# [Link](https://example.org) *text*\n");
        var (rendered, _) = site.LoadAndRender();

        var html = rendered!.Pages.Single(p => p.SourcePath.EndsWith("p.md", StringComparison.Ordinal)).ContentHtml;

        Assert.Equal(
            ["name", "name-1", "name-1-1", "name-2", "name-2", "name-3", "section", "section-1", "link-text"],
            DuplicateIdsOf(html));
    }

    private static List<string> DuplicateIdsOf(string html) => [.. Checks.DuplicateIds.Ids(html)];

    private static FixtureSite Page(string markdown) =>
        new(new Dictionary<string, string> { ["content/pages/p.md"] = "---\ntitle: A fictional page\n---\n" + markdown });

    /// <summary>"rendered", or the diagnostics of the page's Markdown.</summary>
    private static string Render(FixtureSite site)
    {
        var (_, diagnostics) = site.LoadAndRender();
        var reported = site.Format(diagnostics).Where(d => d.Contains("error", StringComparison.Ordinal)).ToList();
        return reported.Count == 0 ? "rendered" : string.Join("\n", reported);
    }

    private sealed record Run(TimeSpan Time, long Allocated, string Result);

    /// <summary>The median run of five renders of each, taken in turn so that the machine's other work falls on both alike.</summary>
    private static (Run Small, Run Large) Medians(FixtureSite small, FixtureSite large)
    {
        var (smallRuns, largeRuns) = (new List<Run>(), new List<Run>());
        for (var i = 0; i < 5; i++)
        {
            smallRuns.Add(Timed(small));
            largeRuns.Add(Timed(large));
        }

        return (smallRuns.OrderBy(r => r.Time).ElementAt(2), largeRuns.OrderBy(r => r.Time).ElementAt(2));
    }

    private static Run Timed(FixtureSite site)
    {
        // Garbage of the last run is not this run's work.
        GC.Collect();
        var (pauses, allocated) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        var clock = Stopwatch.StartNew();
        var result = Render(site);
        var time = clock.Elapsed - (GC.GetTotalPauseDuration() - pauses);
        return new Run(time, GC.GetTotalAllocatedBytes(precise: true) - allocated, result.Length > 80 ? result[..80] : result);
    }
}

/// <summary>Timed alone: tests of other classes running alongside would fall on one size and not the other.</summary>
[CollectionDefinition(nameof(MarkdownCostTests), DisableParallelization = true)]
public sealed class MarkdownCostTiming;

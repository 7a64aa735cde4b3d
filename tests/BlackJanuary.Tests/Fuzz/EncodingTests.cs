using System.Text;
using BlackJanuary.Tests.Integration;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Fuzz;

/// <summary>
/// Files as editors' tools really save them (byte-order marks, Windows and old Mac line ends,
/// tabs, other encodings) and files that are empty or of the wrong shape, built through the real
/// command line: each builds, or fails with one exact located diagnostic and the previous site
/// left as it was.
/// </summary>
public class EncodingTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const string Bom = "\uFEFF";

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        {
            "a tab indenting front matter",
            "content/pages/about.md",
            "---\ntitle: About\n\tsummary: Tabbed\n---\nText.\n",
            "content/pages/about.md(3,1): error BJ1004: YAML syntax error: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"
        },
        {
            "a tab indenting an event, after spaces",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n- date: 1991\n \ttitle: U\n",
            "content/timeline.yaml(4,2): error BJ1004: YAML syntax error: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"
        },
        {
            "a tab indenting a mapping in site.yaml, with CRLF line ends",
            "content/site.yaml",
            "title: T\r\nbase_url: https://memorial.example.org/\r\nmarkdown:\r\n\tunsafe_html: false\r\n",
            "content/site.yaml(4,1): error BJ1004: YAML syntax error: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"
        },
        {
            "a tab indenting a block of text",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n  body: |\n\tText.\n",
            "content/timeline.yaml(4,1): error BJ1004: YAML syntax error: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"
        },
        {
            "front matter not closed, with CRLF line ends",
            "content/pages/about.md",
            "---\r\ntitle: About\r\n\r\nText.\r\n",
            "content/pages/about.md(1,1): error BJ1006: front matter opened with '---' is never closed; add a line '---' after the last front matter key"
        },
        {
            "an empty page",
            "content/pages/about.md",
            "",
            "content/pages/about.md(1,1): error BJ1010: the page is empty; start it with front matter: a line '---', a line 'title: …' and a line '---'"
        },
        {
            "a page of blank lines",
            "content/pages/about.md",
            Bom + "\r\n  \n",
            "content/pages/about.md(1,1): error BJ1010: the page is empty; start it with front matter: a line '---', a line 'title: …' and a line '---'"
        },
        {
            "a page with empty front matter",
            "content/pages/about.md",
            "---\n---\n",
            "content/pages/about.md(2,1): error BJ2001: the front matter has no 'title'; add 'title: …'"
        },
        {
            "an empty site.yaml",
            "content/site.yaml",
            "",
            "content/site.yaml(1,1): error BJ2001: site.yaml has no 'title'; add 'title: …'"
        },
        {
            "a timeline that is a text",
            "content/timeline.yaml",
            "Events go here\n",
            "content/timeline.yaml(1,1): error BJ2002: timeline.yaml must be a list of events, each starting with '- date: …'"
        },
        {
            "a timeline that is one event without its dash",
            "content/timeline.yaml",
            "# The chronology\ndate: 1990\ntitle: T\n",
            "content/timeline.yaml(2,1): error BJ2002: timeline.yaml must be a list of events, each starting with '- date: …'"
        },
        {
            "sources that are a mapping, not a list",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n  sources:\n    title: A book\n",
            "content/timeline.yaml(4,5): error BJ2002: 'sources' of a timeline event must be a list ('- item' lines)"
        },
        {
            "a source that is a list, not a mapping",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n  sources:\n    - - A book\n      - https://example.org/\n",
            "content/timeline.yaml(4,7): error BJ2002: a source must be a mapping of 'key: value' lines"
        },
        {
            "a key twice in front matter",
            "content/pages/about.md",
            "---\ntitle: About\nsummary: S\ntitle: About us\n---\n",
            "content/pages/about.md(4,1): error BJ1009: 'title' is already set on line 2; a key may appear once — remove one"
        },
        {
            "a key twice in site.yaml, once quoted",
            "content/site.yaml",
            "title: T\nbase_url: https://memorial.example.org/\n\"title\": U\n",
            "content/site.yaml(3,1): error BJ1009: 'title' is already set on line 1; a key may appear once — remove one"
        },
        {
            "a key twice in an event",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n- date: 1991\n  title: U\n  date: 1992\n",
            "content/timeline.yaml(5,3): error BJ1009: 'date' is already set on line 3; a key may appear once — remove one"
        },
        {
            "a key twice in a source",
            "content/timeline.yaml",
            "- date: 1990\n  title: T\n  sources:\n    - title: A\n      url: https://example.org/a\n      title: B\n",
            "content/timeline.yaml(6,7): error BJ1009: 'title' is already set on line 4; a key may appear once — remove one"
        },
        {
            "a key twice in a one-line mapping",
            "content/site.yaml",
            "title: T\nbase_url: https://memorial.example.org/\nmarkdown: {unsafe_html: false, unsafe_html: true}\n",
            "content/site.yaml(3,32): error BJ1009: 'unsafe_html' is already set on line 3; a key may appear once — remove one"
        },
        {
            "a bad date after lone CR line ends",
            "content/pages/about.md",
            "---\rtitle: About\rdate: 1990-01\r---\rText.\r",
            "content/pages/about.md(3,7): error BJ2003: date '1990-01' is not a valid date; use YYYY-MM-DD"
        },
        {
            "a bad date after a byte-order mark and CRLF line ends",
            "content/timeline.yaml",
            Bom + "- date: 1990\r\n  title: T\r\n- date: 1990-13\r\n  title: U\r\n",
            "content/timeline.yaml(3,9): error BJ2003: date '1990-13' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_file_is_one_located_error_and_the_previous_site_stays(string what, string file, string text, string expected) =>
        AssertRefused(what, file, Utf8.GetBytes(text), expected);

    [Fact]
    public void Invalid_utf8_is_reported_with_its_byte_offset_which_counts_the_bom_and_crlf()
    {
        // 3 (BOM) + 5 ("---\r\n") + 14 ("title: About\r\n") + 5 ("---\r\n") + 3 ("Bak"): offset 30.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "---\r\ntitle: About\r\n---\r\nBak"u8, 0xC3, 0x28, .. "\r\n"u8];
        Assert.Equal(0xC3, bytes[30]);
        AssertRefused("invalid UTF-8", "content/pages/about.md", bytes,
            "content/pages/about.md(4,4): error BJ1002: the file is not valid UTF-8 at byte 30 (0xC3); save it as UTF-8 in your editor");
    }

    [Fact]
    public void Invalid_utf8_after_lone_cr_line_ends_is_on_the_right_line()
    {
        byte[] bytes = [.. "- date: 1990\r  title: T\r  place: Bak"u8, 0xFF, .. "u\r"u8];
        AssertRefused("invalid UTF-8", "content/timeline.yaml", bytes,
            "content/timeline.yaml(3,13): error BJ1002: the file is not valid UTF-8 at byte 36 (0xFF); save it as UTF-8 in your editor");
    }

    [Fact]
    public void A_utf16_file_is_named_as_such()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("title: T\n")];
        AssertRefused("UTF-16", "content/site.yaml", bytes,
            "content/site.yaml(1,1): error BJ1002: the file is not valid UTF-8 at byte 0 (0xFF): it looks like UTF-16; save it as UTF-8 in your editor");
    }

    public static TheoryData<string, string> LineEnds => new()
    {
        { "LF", "\n" },
        { "CRLF", "\r\n" },
        { "CR", "\r" },
    };

    [Theory]
    [MemberData(nameof(LineEnds))]
    public void Files_with_or_without_bom_and_any_line_ends_build_and_positions_count_lines_as_editors_do(string name, string newline)
    {
        foreach (var bom in new[] { "", Bom })
        {
            using var site = new FixtureSite(new Dictionary<string, string>());
            string Saved(string text) => bom + text.Replace("\n", newline, StringComparison.Ordinal);
            site.WriteBytes("content/site.yaml", Utf8.GetBytes(Saved("title: Line ends\nbase_url: https://memorial.example.org/\n")));
            site.WriteBytes("content/pages/index.md", Utf8.GetBytes(Saved("---\ntitle: Home\n---\nFirst line\nsecond line.\n")));
            site.WriteBytes("content/pages/about.md", Utf8.GetBytes(Saved("---\ntitle: About\nsumary: typo\n---\n# About\n\nSee [gone](gone.md).\n")));
            site.WriteBytes("content/pages/timeline.md", Utf8.GetBytes(Saved("---\ntitle: Timeline\nlayout: timeline\n---\n")));
            site.WriteBytes("content/timeline.yaml", Utf8.GetBytes(Saved("- date: 1990\n  title: T\n  body: |\n    One\n    two.\n  id: x\n  plcae: Baku\n")));

            var label = $"{name}{(bom.Length > 0 ? " with BOM" : "")}";
            var lines = site.Build().Stderr.Split('\n');
            Assert.Contains("content/pages/about.md(3,1): warning BJ2006: unknown key 'sumary' in the front matter is ignored; did you mean 'summary'?", lines);
            Assert.Contains("content/pages/about.md(7,5): error BJ3001: broken link 'gone.md': there is no page gone.md (or it is a draft); fix the link or the target", lines);
            Assert.Contains(lines, l => l.StartsWith("content/timeline.yaml(7,3): warning BJ2006: unknown key 'plcae' in a timeline event is ignored;", StringComparison.Ordinal));

            site.WriteBytes("content/pages/about.md", Utf8.GetBytes(Saved("---\ntitle: About\n---\n# About\n")));
            var run = site.Build();
            Assert.True(run.ExitCode == 0, $"{label}: exit {run.ExitCode}\n{run.Stderr}");
            Assert.Contains("<title>Home | Line ends</title>", site.Read("index.html"), StringComparison.Ordinal);
            Assert.Contains("<p>First line\nsecond line.</p>", site.Read("index.html"), StringComparison.Ordinal);
            Assert.Contains("<p>One\ntwo.</p>", site.Read("timeline/index.html"), StringComparison.Ordinal);
            Assert.DoesNotContain("\r", site.Read("timeline/index.html"), StringComparison.Ordinal);
            Assert.DoesNotContain("\uFEFF", site.Read("index.html"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_timeline_is_a_timeline_without_events()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.WriteBytes("content/timeline.yaml", []);
        var run = site.Build();
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("timeline.yaml", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_given_twice_is_reported_and_the_rest_of_the_file_still_checked()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\ntitle: Again\nsummary: [a]\nsummary: b\n---\n",
        });
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stderr.Split('\n');
        Assert.Contains("content/pages/about.md(3,1): error BJ1009: 'title' is already set on line 2; a key may appear once — remove one", lines);
        Assert.Contains("content/pages/about.md(5,1): error BJ1009: 'summary' is already set on line 4; a key may appear once — remove one", lines);
        Assert.Contains("content/pages/about.md(4,10): error BJ2002: 'summary' of the front matter must be text, not a list", lines);
        Assert.DoesNotContain("BJ1004", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Builds a good site, then breaks <paramref name="file"/>: the build must fail with exactly <paramref name="expected"/> among its lines and leave the site as it was.</summary>
    private static void AssertRefused(string what, string file, byte[] bytes, string expected)
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\n---\nHello.\n",
        });
        var first = site.Build();
        Assert.True(first.ExitCode == 0, first.Stderr);
        var before = DiagnosticsTests.Snapshot(site.Output);

        site.WriteBytes(file, bytes);
        var run = site.Build();

        Assert.True(run.ExitCode == 1, $"{what}: exit {run.ExitCode}\n{run.Stderr}");
        Assert.True(run.Stderr.Split('\n').Contains(expected), $"{what}: expected\n{expected}\nin\n{run.Stderr}");
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DiagnosticsTests.Snapshot(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".*staging*"));
    }
}

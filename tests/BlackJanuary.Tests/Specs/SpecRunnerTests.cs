namespace BlackJanuary.Tests.Specs;

/// <summary>
/// The runner against specs that are wrong on purpose: each must fail with a message that says
/// what differs and where, so that no spec can pass because the runner looked at nothing.
/// </summary>
public class SpecRunnerTests
{
    private const string Page = """
        -- content/pages/about.md --
        ---
        title: About Testville
        ---
        A fictional town.

        """;

    private static IReadOnlyList<string> Run(string text) => SpecRunner.Run(SpecParser.Parse("inline.txtar", text));

    /// <summary>The failures joined, asserted to be there: a wrong spec that passes is the bug these tests exist for.</summary>
    private static string Failures(string text)
    {
        var failures = Run(text);
        Assert.NotEmpty(failures);
        return string.Join('\n', failures);
    }

    [Fact]
    public void A_right_spec_passes_so_that_the_failures_below_are_the_specs_fault()
    {
        Assert.Empty(Run("# right\n" + Page + "-- expect: diagnostics --\n-- expect: about/index.html contains --\n<h1>About Testville</h1>\n-- expect: rendered --\n3\n"));
    }

    [Fact]
    public void A_diagnostic_the_build_does_not_report_fails_and_shows_what_it_did_report()
    {
        var failures = Failures("# wrong\n" + Page + "-- expect: diagnostics --\nwarning BJ2006 content/pages/about.md:3:1 unknown key\n");
        Assert.Contains("inline.txtar, the first build: expected these diagnostics", failures, StringComparison.Ordinal);
        Assert.Contains("(line 7)", failures, StringComparison.Ordinal);
        Assert.Contains("actual:\n    (none)", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_diagnostics_section_expects_none_and_a_missing_one_too()
    {
        const string Typo = "# wrong\n-- content/pages/about.md --\n---\ntitle: About\nsumary: Typo\n---\n";
        var empty = Failures(Typo + "-- expect: diagnostics --\n");
        Assert.Contains("expected no diagnostics", empty, StringComparison.Ordinal);
        Assert.Contains("warning BJ2006 content/pages/about.md:3:1 unknown key 'sumary'", empty, StringComparison.Ordinal);
        Assert.Contains("expected no diagnostics", Failures(Typo + "-- expect: about/index.html contains --\nAbout\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown key 'sumary' in the front matter", true)]
    [InlineData("", true)]
    [InlineData("key 'sumary'", false)]
    [InlineData("unknown key 'sumary' in the front matter is ignored; did you mean 'summary'? Really", false)]
    public void A_message_matches_when_the_reported_one_starts_with_it(string message, bool matches)
    {
        var text = $"# prefix\n-- content/pages/about.md --\n---\ntitle: About\nsumary: Typo\n---\n-- expect: diagnostics --\nwarning BJ2006 content/pages/about.md:3:1 {message}\n";
        Assert.Equal(matches, Run(text).Count == 0);
    }

    [Theory]
    [InlineData("warning BJ2006 content/pages/about.md:3:2 unknown key")]
    [InlineData("error BJ2006 content/pages/about.md:3:1 unknown key")]
    [InlineData("warning BJ2007 content/pages/about.md:3:1 unknown key")]
    [InlineData("warning BJ2006 content/pages/about.md unknown key")]
    public void A_diagnostic_of_another_place_severity_or_code_does_not_match(string expected)
    {
        Failures($"# wrong\n-- content/pages/about.md --\n---\ntitle: About\nsumary: Typo\n---\n-- expect: diagnostics --\n{expected}\n");
    }

    [Theory]
    [InlineData("contains")]
    [InlineData("lacks")]
    public void An_excerpt_of_a_file_the_build_did_not_write_fails_naming_the_files_it_did(string how)
    {
        var failures = Failures($"# wrong\n{Page}-- expect: abuot/index.html {how} --\nanything\n");
        Assert.Contains("expected output file abuot/index.html (line 7), but the build did not write it; it wrote 404.html,", failures, StringComparison.Ordinal);
        Assert.Contains("about/index.html", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excerpt_of_a_failed_build_fails_saying_it_wrote_nothing()
    {
        var failures = Failures("# wrong\n-- content/pages/about.md --\n---\nsummary: no title\n---\n-- expect: diagnostics --\nerror BJ2001 content/pages/about.md:2:1\n-- expect: index.html lacks --\nanything\n");
        Assert.Contains("expected output file index.html (line 8), but the build wrote no file at all", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_a_file_lacks_or_holds_against_the_spec_fails_with_the_excerpt()
    {
        var failures = Failures("# wrong\n" + Page + "-- expect: about/index.html contains --\n<h1>About Examplefield</h1>\n-- expect: about/index.html lacks --\nA fictional town.\n");
        Assert.Contains("about/index.html does not contain '<h1>About Examplefield</h1>' (line 7); it holds:", failures, StringComparison.Ordinal);
        Assert.Contains("about/index.html contains 'A fictional town.', which it must not (line 9)", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_files_another_count_of_rendered_pages_and_a_file_that_should_be_absent_fail()
    {
        var failures = Failures("# wrong\n" + Page + "-- expect: files --\nabout/index.html\nhistory/index.html\n-- expect: rendered --\n2\n-- expect: absent --\nabout/index.html\n");
        Assert.Contains("not written: history/index.html; written but not expected: 404.html, CITATION.cff, _headers, about/cite.bib, about/cite.json, about/cite.ris, assets/css/site.", failures, StringComparison.Ordinal);
        Assert.Contains("expected 2 page(s) rendered (line 10), but 3 were", failures, StringComparison.Ordinal);
        Assert.Contains("about/index.html was written, but must not be (line 12)", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_files_of_a_failed_build_prove_nothing_and_fail()
    {
        var failures = Failures("# wrong\n-- content/pages/about.md --\n---\nsummary: no title\n---\n-- expect: diagnostics --\nerror BJ2001 content/pages/about.md:2:1\n-- expect: absent --\nabout/index.html\n");
        Assert.Contains("'expect: absent' (line 8) needs a build that succeeds, but this one failed", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_in_a_rebuild_names_the_rebuild_and_what_was_edited()
    {
        var failures = Failures("# wrong\n" + Page + "-- expect: rendered --\n3\n-- edit: content/pages/about.md --\n---\ntitle: About\n---\nEdited.\n-- expect: rendered --\n3\n");
        Assert.Contains("inline.txtar, rebuild 1 after editing content/pages/about.md: expected 3 page(s) rendered (line 14), but 1 were", failures, StringComparison.Ordinal);
        Assert.Contains("inline.txtar, rebuild 2 (nothing changed): expected 1 page(s) rendered", Failures("# wrong\n" + Page + "-- rebuild --\n-- expect: rendered --\n0\n-- rebuild --\n-- expect: rendered --\n1\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_a_file_the_fixture_lacks_fails()
    {
        Assert.Contains("cannot delete content/pages/history.md: the fixture has no such file", Failures("# wrong\n" + Page + "-- delete: content/pages/history.md --\n-- expect: rendered --\n0\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rebuild_that_differs_from_a_fresh_build_fails_naming_the_file_and_the_diagnostics()
    {
        SpecDiagnostic Warning(int line) => new("warning", "BJ3001", $"content/pages/about.md:{line}:1", "broken link");
        var rebuilt = new SpecBuild([Warning(4)], true, new Dictionary<string, SpecFile> { ["a.html"] = new("old", null), ["b.html"] = new("same", null) }, 1);
        var fresh = new SpecBuild([Warning(5)], true, new Dictionary<string, SpecFile> { ["a.html"] = new("new", null), ["c.html"] = new("more", null) }, 3);
        var failures = string.Join('\n', SpecRunner.SameAsFresh(rebuilt, fresh));
        Assert.Contains("the rebuild's diagnostics differ from a fresh build's", failures, StringComparison.Ordinal);
        Assert.Contains("a.html differs from a fresh build's:\n--- rebuild\nold\n--- fresh build\nnew", failures, StringComparison.Ordinal);
        Assert.Contains("the rebuild writes b.html, but a fresh build does not", failures, StringComparison.Ordinal);
        Assert.Contains("a fresh build writes c.html, but the rebuild does not", failures, StringComparison.Ordinal);
        Assert.Empty(SpecRunner.SameAsFresh(rebuilt, rebuilt));
    }

    [Theory]
    [InlineData("title: T\n-- expect: rendered --\n1\n", "inline.txtar: the spec must start with '# what it shows'")]
    [InlineData("# d\n-- content/pages/a.md --\nx\n", "inline.txtar(2): the spec expects nothing")]
    [InlineData("# d\n-- expect: rendered --\none\n", "inline.txtar(2): 'expect: rendered' holds one number")]
    [InlineData("# d\n-- expect: everything --\n", "inline.txtar(2): unknown expectation 'everything'")]
    [InlineData("# d\n-- expect: diagnostics --\nBJ2001 content/pages/a.md:1:1\n", "inline.txtar(2): 'BJ2001 content/pages/a.md:1:1' is not a diagnostic")]
    [InlineData("# d\n-- expect: rendered --\n1\n-- content/pages/a.md --\nx\n", "inline.txtar(4): input file 'content/pages/a.md' comes after an expectation")]
    [InlineData("# d\n-- options --\nthem: none\n-- expect: rendered --\n1\n", "inline.txtar(2): unknown option 'them: none'")]
    [InlineData("# d\n-- ../outside.md --\nx\n-- expect: rendered --\n1\n", "inline.txtar(2): '../outside.md' is not a plain path")]
    [InlineData("# d\n-- expect: index.html contains --\n\n-- expect: rendered --\n1\n", "inline.txtar(2): 'expect: index.html contains' names no text")]
    [InlineData("# d\n-- expect: rendered --\n1\n-- expect: rendered --\n2\n", "inline.txtar(4): 'expect: rendered' is written twice")]
    public void A_spec_that_cannot_be_read_says_where(string text, string message)
    {
        var error = Assert.Throws<SpecFormatException>(() => SpecParser.Parse("inline.txtar", text));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edits_written_together_are_one_rebuild_and_the_options_are_read()
    {
        var spec = SpecParser.Parse("inline.txtar", "# d\n-- options --\ntheme: none\ncontent: none\nstrict: true\ndrafts: true\n-- a.md --\nx\n-- edit: a.md --\ny\n-- delete: b.md --\n-- expect: rendered --\n1\n");
        Assert.Equal(new SpecOptions(Theme: false, Content: false, Strict: true, Drafts: true), spec.Options);
        Assert.Equal(["the first build", "rebuild 1 after editing a.md, deleting b.md"], spec.Steps.Select(s => s.Title));
        Assert.Equal([new("a.md", "y\n"), new("b.md", null)], spec.Steps[1].Changes);
    }
}

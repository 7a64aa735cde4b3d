using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>'blackjanuary init': a new site that builds clean in every language it is given, and never a byte of anyone's folder changed.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("bj-init-");

    private string Root => _scratch.Root;

    public void Dispose() => _scratch.Dispose();

    private static CliRun Run(params string[] args) => ScratchFolder.Run(args);

    /// <summary>Builds and checks the site in <paramref name="dir"/> with --strict, with the theme built into the program (it has no templates/).</summary>
    internal static void AssertBuildsClean(string dir)
    {
        string[] site = ["--content", Path.Combine(dir, "content"), "--templates", Path.Combine(dir, "templates")];
        var build = Run(["build", .. site, "--output", Path.Combine(dir, "_site"), "--strict"]);
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stdout + build.Stderr);
        Assert.DoesNotContain("warning", build.Stdout, StringComparison.Ordinal);
        var check = Run(["check", .. site, "--strict"]);
        Assert.True(check.ExitCode == 0 && check.Stderr.Length == 0, check.Stdout + check.Stderr);
        Assert.Contains("no problems", check.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("az", new[] { "index.html", "about/index.html", "sources/index.html", "timeline/index.html" })]
    [InlineData("en", new[] { "index.html", "about/index.html", "sources/index.html", "timeline/index.html" })]
    [InlineData("ru", new[] { "index.html", "about/index.html", "sources/index.html", "timeline/index.html" })]
    [InlineData("az,en,ru", new[] { "index.html", "en/index.html", "ru/about/index.html", "en/timeline/index.html", "ru/sources/index.html" })]
    [InlineData("en,ru", new[] { "index.html", "ru/index.html", "ru/timeline/index.html" })]
    [InlineData("ru,az", new[] { "index.html", "az/index.html", "az/sources/index.html" })]
    [InlineData("de", new[] { "index.html", "about/index.html" })]
    [InlineData("de,en,az", new[] { "index.html", "en/index.html", "az/about/index.html" })]
    public void A_new_site_builds_with_strict_and_no_warning_in_every_language_it_was_given(string languages, string[] pages)
    {
        var run = Run("init", Root, "--languages", languages, "--base-url", "https://example.github.io/memorial");
        Assert.True(run.ExitCode == 0, run.Stderr);
        AssertBuildsClean(Root);
        foreach (var page in pages)
        {
            Assert.True(File.Exists(Path.Combine(Root, "_site", page)), page);
        }

        var home = File.ReadAllText(Path.Combine(Root, "_site", "index.html"));
        Assert.Contains($"<html lang=\"{languages.Split(',')[0]}\"", home, StringComparison.Ordinal);
        Assert.Contains("https://example.github.io/memorial/", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_site_has_its_title_and_every_file_a_site_needs()
    {
        Assert.Equal(0, Run("init", Root, "--title", "In memory: the town").ExitCode);
        foreach (var file in new[] { "content/site.yaml", "content/timeline.yaml", "content/pages/index.md", "content/pages/about.md", "content/pages/sources.md", "content/pages/timeline.md", ".gitignore", ".github/workflows/pages.yml" })
        {
            Assert.True(File.Exists(Path.Combine(Root, file)), file);
        }

        Assert.True(Directory.Exists(Path.Combine(Root, "content", "media")));
        Assert.Contains("In memory: the town", File.ReadAllText(Path.Combine(Root, "content", "site.yaml")), StringComparison.Ordinal);
        Assert.Contains("blackjanuary build --strict", File.ReadAllText(Path.Combine(Root, ".github", "workflows", "pages.yml")), StringComparison.Ordinal);
        AssertBuildsClean(Root);
        Assert.Contains("In memory: the town", File.ReadAllText(Path.Combine(Root, "_site", "index.html")), StringComparison.Ordinal);
    }

    /// <summary>A memorial shows only what a source gives: the starter text asks for facts and gives none, so no number stands in it but the pages' order.</summary>
    [Fact]
    public void The_starter_text_invents_no_date_or_figure()
    {
        Assert.Equal(0, Run("init", Root, "--languages", "az,en,ru,de").ExitCode);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "content"), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(File.ReadAllLines(file), l => !l.StartsWith("weight: ", StringComparison.Ordinal) && l.Any(char.IsDigit));
        }

        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(Root, "content", "timeline.yaml")), l => l.Length > 0 && !l.StartsWith('#'));
    }

    [Fact]
    public void It_says_the_next_two_commands()
    {
        var run = Run("init", Root);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Next: cd {Root}, then 'blackjanuary serve'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("'blackjanuary build'", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_into_a_folder_that_is_not_empty_changes_nothing()
    {
        Directory.CreateDirectory(Path.Combine(Root, "content"));
        File.WriteAllText(Path.Combine(Root, "content", "site.yaml"), "title: Theirs\n");
        File.WriteAllText(Path.Combine(Root, "notes.txt"), "someone's notes");
        var before = DiagnosticsTests.Snapshot(Root);
        var run = Run("init", Root, "--languages", "az,en,ru");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BJ6001: the folder is not empty, and nothing is ever overwritten", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DiagnosticsTests.Snapshot(Root));
        Assert.Equal(["content", "notes.txt"], Directory.EnumerateFileSystemEntries(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--languages", "EN" }, 1, "error BJ2008: 'EN' is not a language code")]
    [InlineData(new[] { "--languages", "en,en" }, 1, "error BJ2008: the language 'en' is given twice")]
    [InlineData(new[] { "--languages", "xq" }, 1, "error BJ2008: 'xq' is not a language code .NET knows")]
    [InlineData(new[] { "--base-url", "example.org" }, 1, "error BJ2008: --base-url 'example.org' is not an absolute http(s) address")]
    [InlineData(new[] { "--title" }, 2, "blackjanuary: --title needs a value")]
    [InlineData(new[] { "--theme", "x" }, 2, "blackjanuary: unknown option '--theme' for init")]
    public void Bad_values_are_refused_and_nothing_is_written(string[] args, int exitCode, string message)
    {
        var run = Run(["init", Root, .. args]);
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Root));
    }
}

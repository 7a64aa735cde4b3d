using BlackJanuary.Templates;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>The default theme built into the engine: the same theme as templates/, used by a site that has no theme folder.</summary>
public sealed class EmbeddedThemeTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("bj-theme-");

    private string Root => _scratch.Root;

    public void Dispose() => _scratch.Dispose();

    private static CliRun Run(params string[] args) => ScratchFolder.Run(args);

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes);

    [Fact]
    public void The_embedded_theme_is_every_file_of_templates_byte_for_byte()
    {
        var folder = Files(Path.Combine(RepoPaths.Root, "templates"));
        Assert.Equal(folder.Keys.Order(StringComparer.Ordinal), EmbeddedTheme.Files.Select(f => f.Path));
        Assert.All(EmbeddedTheme.Files, f => Assert.True(folder[f.Path].AsSpan().SequenceEqual(f.Bytes), f.Path));
    }

    [Fact]
    public void The_memorial_built_with_the_embedded_theme_is_byte_identical_to_the_memorial_built_from_templates()
    {
        string[] build = ["build", "--strict", "--content", Path.Combine(RepoPaths.Root, "content")];
        var fromFolder = Run([.. build, "--templates", Path.Combine(RepoPaths.Root, "templates"), "--output", Path.Combine(Root, "folder")]);
        var embedded = Run([.. build, "--templates", Path.Combine(Root, "no-theme"), "--output", Path.Combine(Root, "embedded")]);
        Assert.True(fromFolder.ExitCode == 0, fromFolder.Stderr);
        Assert.True(embedded.ExitCode == 0, embedded.Stderr);
        var expected = Files(Path.Combine(Root, "folder"));
        var actual = Files(Path.Combine(Root, "embedded"));
        Assert.True(expected.Count > 20, $"{expected.Count} files");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, f => Assert.True(f.Value.AsSpan().SequenceEqual(actual[f.Key]), f.Key));
    }

    [Fact]
    public void A_site_overrides_a_single_file_of_the_embedded_theme_in_content_templates()
    {
        Assert.Equal(0, Run("init", Root).ExitCode);
        var footer = Path.Combine(Root, "content", "templates", "partials", "footer.html");
        Directory.CreateDirectory(Path.GetDirectoryName(footer)!);
        File.WriteAllText(footer, "<footer>Our own footer</footer>\n");
        InitCommandTests.AssertBuildsClean(Root);
        var home = File.ReadAllText(Path.Combine(Root, "_site", "index.html"));
        Assert.Contains("<footer>Our own footer</footer>", home, StringComparison.Ordinal);
        Assert.Contains("Skip to content", home, StringComparison.Ordinal); // the rest is still the embedded theme
    }

    [Fact]
    public void Theme_copy_writes_the_whole_theme_which_the_site_then_uses_instead()
    {
        Assert.Equal(0, Run("init", Root).ExitCode);
        var theme = Path.Combine(Root, "templates");
        var copy = Run("theme", "copy", theme);
        Assert.True(copy.ExitCode == 0, copy.Stderr);
        Assert.Contains($"Copied the built-in theme into {theme} ({EmbeddedTheme.Files.Count} files)", copy.Stdout, StringComparison.Ordinal);
        Assert.Equal(EmbeddedTheme.Files.Select(f => f.Path), Files(theme).Keys.Order(StringComparer.Ordinal));

        File.WriteAllText(Path.Combine(theme, "layouts", "home.html"), "<p>Changed home layout</p>{{ page.content }}");
        InitCommandTests.AssertBuildsClean(Root);
        Assert.Contains("<p>Changed home layout</p>", File.ReadAllText(Path.Combine(Root, "_site", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Theme_copy_into_a_folder_that_is_not_empty_changes_nothing()
    {
        var theme = Path.Combine(Root, "templates");
        Directory.CreateDirectory(Path.Combine(theme, "layouts"));
        File.WriteAllText(Path.Combine(theme, "layouts", "base.html"), "mine");
        var run = Run("theme", "copy", theme);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BJ6001: the folder is not empty", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["layouts/base.html"], Files(theme).Keys);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(theme, "layouts", "base.html")));
    }
}

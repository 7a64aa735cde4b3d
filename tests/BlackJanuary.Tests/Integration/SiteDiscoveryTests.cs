using BlackJanuary.Tests.Security;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>build, check, serve and new find the site from any folder inside it, as Hugo and Zola do; the site's folders are in its root.</summary>
public sealed class SiteDiscoveryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bj-discovery-" + Guid.NewGuid().ToString("N"));

    public SiteDiscoveryTests()
    {
        using var stdout = new StringWriter();
        Assert.Equal(0, BlackJanuary.Cli.App.Run(["init", Path.Combine(_root, "site")], stdout, stdout));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Site => Path.Combine(_root, "site");

    [Theory]
    [InlineData("")]
    [InlineData("content")]
    [InlineData("content/pages")]
    public void Build_from_the_site_or_a_folder_inside_it_builds_that_site_into_its_own_output_folder(string folder)
    {
        var run = CliProcess.Run(["build", "--strict", "-v"], Path.Combine(Site, folder));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains($"Site root: {Site}", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Site, "_site", "index.html")));
        var up = string.Concat(folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(_ => "../"));
        Assert.Contains($"into {up}_site in", run.Stdout, StringComparison.Ordinal);
        Assert.False(folder.Length > 0 && Directory.Exists(Path.Combine(Site, folder, "_site")));
    }

    [Fact]
    public void Check_and_new_find_the_site_from_a_nested_folder()
    {
        var pages = Path.Combine(Site, "content", "pages");
        var check = CliProcess.Run(["check", "--strict"], pages);
        Assert.True(check.ExitCode == 0, check.Stderr);
        var created = CliProcess.Run(["new", "page", "history"], pages);
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Contains("history.md as a draft", created.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(pages, "history.md")));
    }

    [Fact]
    public void Theme_copy_from_a_nested_folder_writes_the_theme_folder_the_build_then_finds_there()
    {
        var copy = CliProcess.Run(["theme", "copy"], Path.Combine(Site, "content", "pages"));
        Assert.True(copy.ExitCode == 0, copy.Stderr);
        Assert.StartsWith("Copied the built-in theme into ../../templates (", copy.Stdout, StringComparison.Ordinal);
        var layout = Path.Combine(Site, "templates", "layouts", "home.html");
        File.WriteAllText(layout, "<p>The site's own theme</p>{{ page.content }}");
        var run = CliProcess.Run(["build"], Path.Combine(Site, "content"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("<p>The site's own theme</p>", File.ReadAllText(Path.Combine(Site, "_site", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_folders_are_relative_to_the_current_folder_as_always()
    {
        var run = CliProcess.Run(["build", "--content", "site/content", "--output", "out"], _root);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(Path.Combine(_root, "out", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(Site, "_site")));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("serve")]
    [InlineData("new", "page", "about")]
    public void Without_a_site_the_command_says_where_it_looked_and_exits_with_2(params string[] args)
    {
        var nowhere = Path.Combine(_root, "empty", "deeper");
        Directory.CreateDirectory(nowhere);
        var run = CliProcess.Run(args, nowhere);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"blackjanuary: no site here: none of these folders holds content/site.yaml, or site.yaml with pages/ beside it: {nowhere}, {Path.Combine(_root, "empty")}, {_root}, ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("start a site with 'blackjanuary init'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["deeper"], Directory.EnumerateFileSystemEntries(Path.Combine(_root, "empty")).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(nowhere));
    }
}

using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Input the build would leave out of the site without a word is reported: a folder where a file
/// belongs and a file where a folder belongs, a second YAML document, and an entry of the content
/// folder that the build does not read.
/// </summary>
public class SilentLossTests
{
    private const string FileInstead = "error BJ1012: this is a file, but a folder belongs here and the build reads nothing from a file in its place; make it a folder";

    private static readonly Dictionary<string, string> Timeline = new()
    {
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
    };

    [Theory]
    [InlineData("timeline.yaml")]
    [InlineData("site.yaml")]
    public void A_folder_where_a_file_of_the_content_belongs_is_an_error(string name)
    {
        using var site = new FixtureSite(Timeline);
        var file = Path.Combine(site.Root, "content", name);
        File.Delete(file);
        site.Write($"content/{name}/events.yaml", "- date: 1901\n  title: The mill opens\n");

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/{name}: error BJ1012: this is a folder, but the build reads {name} as a file and would find nothing in it; move what it holds into a file of that name", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content/media")]
    [InlineData("content/pages")]
    [InlineData("content/templates")]
    [InlineData("content/templates/i18n")]
    [InlineData("templates/assets")]
    [InlineData("templates/i18n")]
    [InlineData("templates")]
    [InlineData("content")]
    public void A_file_where_a_folder_belongs_is_an_error(string path)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var full = Path.Combine(site.Root, path);
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }

        site.Write(path, "photo.jpg\n");

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: {FileInstead}", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content/timeline.yaml", "- date: 1901\n  title: The mill opens\n---\n- date: 1902\n  title: The mill burns\n", "content/timeline.yaml(4,1)")]
    [InlineData("content/timeline.yaml", "- date: 1901\n  title: The mill opens\n...\n--- \n- date: 1902\n  title: The mill burns\n", "content/timeline.yaml(5,1)")]
    [InlineData("content/site.yaml", "title: Fictional Memorial\nbase_url: https://memorial.example.org/\n---\ntagline: Never forgotten\n", "content/site.yaml(4,1)")]
    [InlineData("content/pages/about.md", "---\ntitle: About Testville\n--- summary\n---\nBody.\n", "content/pages/about.md(3,5)")]
    public void A_second_YAML_document_is_an_error_at_its_start(string path, string text, string at)
    {
        using var site = new FixtureSite(Timeline);
        site.Write(path, text);

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{at}: error BJ1013: a second YAML document starts here, after a '---' or '...' line, and the build reads only the first", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_document_after_a_closing_line_loses_nothing_and_is_not_reported()
    {
        using var site = new FixtureSite(Timeline);
        site.Write("content/timeline.yaml", "---\n- date: 1901\n  title: The mill opens\n---\n");

        var run = site.Build();

        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Theory]
    [InlineData("content/timeline.yml", "- date: 1901\n  title: The mill opens\n", ": did you mean 'timeline.yaml'?")]
    [InlineData("content/page/about.md", "---\ntitle: About\n---\n", ": did you mean 'pages'?")]
    [InlineData("content/notes.txt", "to do\n", "")]
    public void An_entry_of_the_content_folder_that_the_build_does_not_read_is_a_warning(string path, string text, string hint)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.Write(path, text);

        var run = site.Build();

        var entry = path.Split('/')[1];
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"content/{entry}: warning BJ2011: the build does not read '{entry}', so nothing of it is published; a content folder holds site.yaml, pages, timeline.yaml, people, people.csv, media, templates, urls.lock{hint}\n", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, site.Build("--strict").ExitCode);
    }

    [Theory]
    [InlineData("content/pages/about.markdown")]
    [InlineData("content/pages/About.MD")]
    [InlineData("content/pages/history/early-days.txt")]
    public void A_file_in_pages_that_is_not_a_page_is_a_warning(string path)
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        site.Write(path, "---\ntitle: About Testville\n---\n");

        var run = site.Build();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{path}: warning BJ2011: only files ending in '.md' in pages/ are pages, so '{Path.GetFileName(path)}' is not published; rename it to end in '.md'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content/pages/shared.md")]
    [InlineData("content/pages/history/shared.md")]
    [InlineData("content/templates/layouts/page.html")]
    [InlineData("templates/partials/shared.html")]
    [InlineData("templates/i18n/en.yaml")]
    public void A_symbolic_link_in_pages_or_the_theme_is_an_error_not_left_out_without_a_word(string path)
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["elsewhere/shared.txt"] = "---\ntitle: Shared\n---\n" });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(site.Root, path))!);
        File.CreateSymbolicLink(Path.Combine(site.Root, path), Path.Combine(site.Root, "elsewhere/shared.txt"));

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: error BJ2009: the file is a symbolic link; content and templates must be real files inside their folders", run.Stderr, StringComparison.Ordinal);
    }
}

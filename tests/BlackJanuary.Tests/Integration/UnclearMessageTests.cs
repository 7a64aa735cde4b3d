using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Problems that used to surface late or not at all are reported where the editor wrote them,
/// with what to do: a slug too long for a file system, a number beyond its range, a YAML tag the
/// build does not understand.
/// </summary>
public class UnclearMessageTests
{
    private static FixtureSite Page(string frontMatter) => new(new Dictionary<string, string>
    {
        ["content/pages/mill.md"] = $"---\ntitle: The mill\n{frontMatter}\n---\nBody.\n",
    });

    [Theory]
    [InlineData(300, 'a', 300)]
    [InlineData(101, 'б', 202)]
    [InlineData(201, 'a', 201)]
    public void A_slug_too_long_for_a_file_system_is_reported_at_the_slug_with_its_length_in_bytes(int letters, char letter, int bytes)
    {
        var slug = new string(letter, letters);
        using var site = Page($"slug: {slug}");

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/pages/mill.md(3,7): error BJ2012: slug '{slug[..40]}…' is {bytes} bytes long in UTF-8 ({letters} characters), and a slug becomes a folder name, which file systems limit to 255 bytes: a slug may have at most 200 bytes (about 200 Latin or 100 Cyrillic letters); shorten it", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("BJ5001", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 'б')]
    [InlineData(200, 'a')]
    public void A_slug_of_200_bytes_is_published(int letters, char letter)
    {
        var slug = new string(letter, letters);
        using var site = Page($"slug: {slug}");

        var run = site.Build();

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(site.Exists($"{slug}/index.html"));
    }

    [Fact]
    public void A_file_name_that_gives_a_slug_too_long_is_reported_at_the_file()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var name = new string('ж', 120);
        site.Write($"content/pages/{name}.md", "---\ntitle: Long\n---\n");

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/pages/{name}.md: error BJ2012: the file's path gives the slug '{name[..40]}…' is 240 bytes long in UTF-8 (120 characters)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("; shorten the name of the file or folder, or give the page a shorter 'slug'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_name_longer_than_255_bytes_is_reported_at_its_input_not_as_a_failed_write()
    {
        using var site = new FixtureSite(new Dictionary<string, string>());
        var stem = new string('a', 245);
        site.Write($"templates/assets/{stem}.css", "p { margin: 0; }\n");

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"templates/assets/{stem}\.css: error BJ2009: the name '{stem}\.[0-9a-f]{{10}}\.css' in assets/{stem}\.[0-9a-f]{{10}}\.css is 260 bytes long in UTF-8, and file systems allow 255 bytes in a name; rename it", run.Stderr);
        Assert.DoesNotContain("BJ5001", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("-2147483649")]
    [InlineData("2147483648")]
    public void A_weight_beyond_the_range_of_whole_numbers_says_the_range(string weight)
    {
        using var site = Page($"weight: {weight}");

        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/pages/mill.md(3,9): error BJ2002: 'weight' must be a whole number from -2147483648 to 2147483647, not '{weight}'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary: !!binary aGVsbG8=", 10, "!!binary")]
    [InlineData("summary: !!python/object:x {}", 10, "!!python/object:x")]
    [InlineData("summary: !custom 3", 10, "!custom")]
    [InlineData("summary: !<tag:example.org,2000:x> y", 10, "!<tag:example.org,2000:x>")]
    [InlineData("extra: !!set {a: 1}", 8, "!!set")]
    public void An_unknown_YAML_tag_is_a_warning_at_the_tag(string line, int column, string tag)
    {
        using var site = Page(line);

        var run = site.Build();

        Assert.Contains($"content/pages/mill.md(3,{column}): warning BJ1014: the YAML tag '{tag}' means nothing to the build, which reads the value after it as it is written", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, site.Build("--strict").ExitCode);
    }

    [Fact]
    public void YAML_core_tags_and_the_non_specific_tag_are_understood()
    {
        using var site = Page("summary: !!str 1990\nweight: !!int 2\nnav_title: ! Mill");

        var run = site.Build("--strict");

        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Fact]
    public void An_unknown_tag_in_timeline_yaml_or_site_yaml_is_reported_there_too()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/site.yaml"] = "title: Fictional Memorial\nbase_url: https://memorial.example.org/\ntagline: !!python/name:os.system x\n",
            ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
            ["content/timeline.yaml"] = "- date: 1901\n  title: !custom The mill opens\n",
        });

        var run = site.Build();

        Assert.Contains("content/site.yaml(3,10): warning BJ1014: the YAML tag '!!python/name:os.system'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("content/timeline.yaml(2,10): warning BJ1014: the YAML tag '!custom'", run.Stderr, StringComparison.Ordinal);
    }
}

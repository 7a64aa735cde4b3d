using System.Text.Json;
using System.Text.RegularExpressions;
using BlackJanuary.Testing;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// The command as it is tool (dotnet publish -r RID: compiled ahead of time, trimmed, no JIT)
/// does what the command the other tests run does: the same files, byte for byte, the same
/// messages for bad input, and a dev server whose messages to the browser are the same JSON.
/// Code that works under the JIT can fail only when compiled ahead of time (reflection over
/// trimmed members), so these run the tool program itself.
/// </summary>
[Collection(InstalledTool.Collection)]
public sealed partial class NativeCommandTests(InstalledTool tool)
{
    [Fact]
    public void It_is_a_native_program_with_no_assemblies_beside_it()
    {
        Assert.False(File.Exists(Path.Combine(tool.Folder, "BlackJanuary.Cli.dll")));
        Assert.False(File.Exists(Path.Combine(tool.Folder, "Scriban.Signed.dll")));
        Assert.Matches(@"^blackjanuary \d+\.\d+\.\d+", tool.Run(tool.Folder, "--version").Stdout);
    }

    [Fact]
    public void It_builds_the_memorial_byte_for_byte_as_the_command_under_the_jit()
    {
        var jit = Path.Combine(Path.GetTempPath(), "bj-native-jit-" + Guid.NewGuid().ToString("N"));
        var native = Path.Combine(Path.GetTempPath(), "bj-native-aot-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] args = ["build", "--strict", "--content", Path.Combine(RepoPaths.Root, "content"), "--templates", Path.Combine(RepoPaths.Root, "templates")];
            Assert.Equal(0, BlackJanuary.Cli.App.Run([.. args, "--output", jit], TextWriter.Null, TextWriter.Null));
            var run = tool.Run(RepoPaths.Root, [.. args, "--output", native]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            var files = Directory.EnumerateFiles(jit, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(jit, f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(files, Directory.EnumerateFiles(native, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(native, f)).Order(StringComparer.Ordinal));
            Assert.True(files.Count > 20, $"{files.Count} files");
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(jit, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(native, file))), $"{file} differs");
            }
        }
        finally
        {
            foreach (var dir in new[] { jit, native }.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>
    /// libvips is called through P/Invoke, which compiled ahead of time finds the library beside the
    /// program; and two builds with caches of their own make the same AVIF, WebP and JPEG bytes.
    /// </summary>
    [Fact]
    public void It_makes_a_sites_photos_byte_for_byte_as_the_command_under_the_jit_each_with_a_cache_of_its_own()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/mill.md"] = "---\ntitle: The mill\n---\n![The fictional mill](media/mill.jpg)\n\n![Its sign](media/sign.png)\n",
        });
        site.WriteBytes("content/media/mill.jpg", Exif.Into(TestImages.Jpeg(700, 500)));
        site.WriteBytes("content/media/sign.png", TestImages.Png(300, 100, alpha: true));
        var (jit, native) = (Path.Combine(site.Root, "jit"), Path.Combine(site.Root, "native"));
        string[] args = ["build", "--strict", "--content", site.Content, "--templates", Path.Combine(site.Root, "templates")];

        Assert.Equal(0, BlackJanuary.Cli.App.Run([.. args, "--output", jit, "--cache", Path.Combine(site.Root, "jit-cache")], TextWriter.Null, TextWriter.Null));
        var run = tool.Run(site.Root, [.. args, "--output", native, "--cache", Path.Combine(site.Root, "native-cache")]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var images = Directory.EnumerateFiles(Path.Combine(jit, "media")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(images, Directory.EnumerateFiles(Path.Combine(native, "media")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The mill at 320, 640 and its own 700 px, the sign at its own 300, each in three formats, and both at their own address.
        Assert.Equal(14, images.Count);
        foreach (var image in images)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(jit, "media", image!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(native, "media", image!))), $"{image} differs");
        }
    }

    /// <summary>Errors of loading, a template function's exception and a warning: the same lines, the same exit code.</summary>
    [Theory]
    [InlineData("content/pages/about.md", "---\ntitle: About\nweight: two\n---\nText.\n", "error BJ2002:")]
    [InlineData("content/timeline.yaml", "- date: 1990-13-20\n  titel: Misspelt\n", "error BJ2003:")]
    [InlineData("templates/layouts/page.html", "{{ format_date \"not a date\" }}{{ page.content }}", "error BJ4003: template error: 'not a date' is not a date")]
    public void It_reports_bad_input_as_the_command_under_the_jit(string file, string text, string expected)
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["content/pages/about.md"] = "---\ntitle: About\n---\nSee [nowhere](missing.md).\n",
            [file] = text,
        });
        var jit = site.Build();
        var native = tool.Run(site.Root, "build", "--content", site.Content, "--templates", Path.Combine(site.Root, "templates"), "--output", site.Output);
        Assert.Equal((1, WithoutTimes(jit.Stderr)), (native.ExitCode, WithoutTimes(native.Stderr)));
        Assert.Contains(expected, native.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\(\d+ ms\)")]
    private static partial Regex Time();

    private static string WithoutTimes(string text) => Time().Replace(text, "(… ms)");

    [Fact]
    public async Task It_serves_reloads_and_shows_problems_as_the_command_under_the_jit()
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["content/pages/about.md"] = "---\ntitle: About\n---\nThe first version.\n" });
        await using var serve = await ServeProcess.StartWithOptionsAsync(site.Content, Path.Combine(site.Root, "templates"), ["--port", "0"], tool.Command);
        using var http = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(20) };
        var ct = TestContext.Current.CancellationToken;
        Assert.Contains("The first version.", await http.GetStringAsync("about/", ct), StringComparison.Ordinal);
        await using var events = ServerEvents.Open(http, new Uri(serve.Address, "__blackjanuary/events"));
        Assert.Equal("[]", await events.NextAsync("problems", TimeSpan.FromSeconds(20)));

        site.Write("content/pages/about.md", "---\ntitle: About\n---\nThe second version.\n");
        Assert.Equal(["about/index.html"], JsonSerializer.Deserialize<string[]>(await events.NextAsync("reload", TimeSpan.FromSeconds(20))) ?? []);
        Assert.Contains("The second version.", await http.GetStringAsync("about/", ct), StringComparison.Ordinal);

        site.Write("content/pages/about.md", "---\ntitle: About\nweight: two\n---\nBroken.\n");
        using var problems = JsonDocument.Parse(await events.NextAsync("problems", TimeSpan.FromSeconds(20)));
        var problem = Assert.Single(problems.RootElement.EnumerateArray());
        Assert.Equal(("error", 3), (problem.GetProperty("severity").GetString(), problem.GetProperty("line").GetInt32()));
        Assert.Contains(problem.GetProperty("excerpt").EnumerateArray(), l => l.GetProperty("number").GetInt32() == 3 && l.GetProperty("text").GetString() == "weight: two");
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using BlackJanuary.Testing;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// A named pipe or a socket where a content or theme file is expected is refused before it is
/// opened: opening a pipe to read waits for a writer that never comes. The build ends at once
/// with a diagnostic at the file, and leaves no staging folder behind.
/// </summary>
public class SpecialFileTests
{
    private static readonly Dictionary<string, string> Site = new()
    {
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
        ["content/timeline.yaml"] = "- date: 1901\n  title: The mill opens\n",
        ["content/media/photo.jpg"] = "not really a photo",
    };

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var mkfifo = Process.Start("/usr/bin/mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>The real program, given a few seconds: a build that opens a pipe never ends, and is killed.</summary>
    private static CliRun BuildWithin(FixtureSite site, TimeSpan limit)
    {
        using var process = Process.Start(CliProcess.StartInfo(["build", "--output", "_site"], site.Root))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"the build still ran after {limit.TotalSeconds} s (it opened the pipe)");
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void AssertRefused(FixtureSite site, string path, string kind)
    {
        var run = BuildWithin(site, TimeSpan.FromSeconds(30));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: error BJ1011: this is {kind}, not a regular file, and reading it could wait for ever; content and themes may hold only regular files and folders, so delete it", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, "._site.staging-*"));
    }

    [Theory]
    [InlineData("content/site.yaml")]
    [InlineData("content/timeline.yaml")]
    [InlineData("content/pages/about.md")]
    [InlineData("content/pages/index.md")]
    [InlineData("content/media/clip.mp3")]
    [InlineData("content/media/photo.jpg")]
    [InlineData("content/templates/layouts/page.html")]
    [InlineData("content/templates/i18n/en.yaml")]
    [InlineData("templates/layouts/base.html")]
    [InlineData("templates/assets/css/site.css")]
    [InlineData("templates/assets/js/extra.js")]
    public void A_named_pipe_where_a_file_is_expected_ends_the_build_at_once_with_a_located_error(string path)
    {
        using var site = new FixtureSite(Site);
        MakeFifo(Path.Combine(site.Root, path));

        AssertRefused(site, path, "a named pipe (FIFO)");
    }

    /// <summary>serve reads through its memo of files, which hashes a file before reading it: that too must not open a pipe.</summary>
    [Fact]
    public async Task Serve_refuses_a_named_pipe_before_it_starts_serving()
    {
        using var site = new FixtureSite(Site);
        MakeFifo(Path.Combine(site.Root, "content/timeline.yaml"));

        await using var serve = await ServeProcess.StartAsync(Path.Combine(site.Root, "content"), Path.Combine(site.Root, "templates"));

        Assert.Contains("content/timeline.yaml: error BJ1011: this is a named pipe (FIFO), not a regular file", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_socket_in_media_is_refused_and_never_copied()
    {
        using var site = new FixtureSite(Site);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        Directory.CreateDirectory(Path.Combine(site.Root, "content/media"));
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(site.Root, "content/media/listen.sock")));

        AssertRefused(site, "content/media/listen.sock", "a socket");
    }
}

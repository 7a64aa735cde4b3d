using BlackJanuary.Testing;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// What a new user does, with the tool installed from its packages as 'dotnet tool install' does:
/// start a site in an empty folder outside this repository, build it with --strict, serve it.
/// </summary>
[Collection(InstalledTool.Collection)]
public sealed class InstallTests(InstalledTool tool) : IDisposable
{
    private readonly ScratchFolder _scratch = new("bj-install-");

    private string Root => _scratch.Root;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void The_installed_command_is_the_native_program_with_no_managed_entry_assembly_to_run()
    {
        Assert.True(File.Exists(tool.Command));
        Assert.Empty(Directory.EnumerateFiles(tool.Folder, "*.dll"));
        Assert.Empty(Directory.EnumerateFiles(tool.Folder, "*.runtimeconfig.json"));
        if (OperatingSystem.IsLinux())
        {
            // An ELF executable of its own, not the .NET host that would load an assembly.
            using var program = File.OpenRead(Path.Combine(tool.Folder, "BlackJanuary.Cli"));
            var magic = new byte[4];
            program.ReadExactly(magic);
            Assert.Equal("\u007fELF"u8.ToArray(), magic);
        }

        Assert.Matches(@"^blackjanuary \d+\.\d+\.\d+ \(commit [0-9a-f]{40}\)\n$", tool.Run(Root, "--version").Stdout);
    }

    [Fact]
    public async Task A_site_started_with_init_outside_the_repository_builds_with_strict_and_is_served()
    {
        Directory.CreateDirectory(Root);
        Assert.DoesNotContain(RepoPaths.Root, Root, StringComparison.Ordinal);
        var init = tool.RunIn(Root, Root, "init", "memorial", "--title", "A memorial", "--languages", "az,en,ru");
        Assert.True(init.ExitCode == 0, init.Stderr);
        Assert.Contains("Next: cd memorial, then 'blackjanuary serve'", init.Stdout, StringComparison.Ordinal);

        var site = Path.Combine(Root, "memorial");
        var build = tool.RunIn(site, site, "build", "--strict");
        Assert.True(build.ExitCode == 0 && build.Stderr.Length == 0, build.Stdout + build.Stderr);
        Assert.StartsWith("Built 16 pages", build.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "_site", "en", "timeline", "index.html")));

        await using var serve = await ServeProcess.StartWithOptionsAsync(Path.Combine(site, "content"), Path.Combine(site, "templates"), ["--port", "0"], tool.Command);
        using var http = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(20) };
        var about = await http.GetStringAsync("ru/about/", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"ru\"", about, StringComparison.Ordinal);
        Assert.Contains("О сайте", about, StringComparison.Ordinal);
    }
}

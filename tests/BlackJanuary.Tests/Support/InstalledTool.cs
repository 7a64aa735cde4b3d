using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BlackJanuary.Tests.Support;

/// <summary>
/// The tool as a user gets it: this repository packed (the pointer package BlackJanuary and this
/// platform's native package, compiled ahead of time) and installed with 'dotnet tool install
/// --tool-path' from that package folder alone. Made once for the whole collection, since the
/// native compile takes minutes: NativeCommandTests and InstallTests share it.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    public const string Collection = "The installed tool";

    public InstalledTool()
    {
        Root = Path.Combine(Path.GetTempPath(), "bj-tool-" + Guid.NewGuid().ToString("N"));
        Packages = Path.Combine(Root, "packages");
        var project = Path.Combine(RepoPaths.Root, "src", "BlackJanuary.Cli");
        Dotnet(["pack", project, "-c", "Release", "-o", Packages, "--nologo"]);
        Dotnet(["pack", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", Packages, "--nologo"]);
        // Only the package folder as a source, and a package cache of its own: the tool installed
        // is the one just packed, never one a network source or an earlier pack of the same version left.
        var config = Path.Combine(Root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{Packages}" />
              </packageSources>
            </configuration>
            """);
        Tools = Path.Combine(Root, "tools");
        Dotnet(["tool", "install", "BlackJanuary", "--tool-path", Tools, "--configfile", config], Path.Combine(Root, "nuget-cache"));
        Command = Path.Combine(Tools, OperatingSystem.IsWindows() ? "blackjanuary.exe" : "blackjanuary");
        // The command is a link into the tool's store, to the program itself.
        Folder = Path.GetDirectoryName(new FileInfo(Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Command)!;
    }

    public string Root { get; }

    /// <summary>Where dotnet pack wrote the packages.</summary>
    public string Packages { get; }

    /// <summary>The --tool-path the tool was installed into.</summary>
    public string Tools { get; }

    /// <summary>The command as the user types it: blackjanuary in the tool path.</summary>
    public string Command { get; }

    /// <summary>The folder of the program the command runs.</summary>
    public string Folder { get; }

    /// <summary>Runs the installed command to its end; paths inside <paramref name="root"/> are shown relative to it.</summary>
    public CliRun Run(string root, params string[] args) => RunIn(Directory.GetCurrentDirectory(), root, args);

    /// <summary>Runs the installed command in <paramref name="workingDir"/>, as a user does from a folder of a site.</summary>
    public CliRun RunIn(string workingDir, string root, params string[] args)
    {
        var start = new ProcessStartInfo(Command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDir };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            throw new TimeoutException("the installed command did not finish within 120 s");
        }

        return new CliRun(process.ExitCode, stdout.Result.Replace(root + "/", "", StringComparison.Ordinal), stderr.Result.Replace(root + "/", "", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <param name="packageCache">A NuGet package cache of its own (NUGET_PACKAGES), or null for the user's.</param>
    private static void Dotnet(string[] args, string? packageCache = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (packageCache is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packageCache;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var ended = process.WaitForExit(TimeSpan.FromMinutes(10));
        if (!ended)
        {
            process.Kill(entireProcessTree: true); // Else reading its output below would wait for it.
        }

        if (!ended || process.ExitCode != 0)
        {
            var outcome = ended ? $"failed (exit {process.ExitCode})" : "did not finish within 10 minutes";
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} {outcome}:\n{output.Result}\n{errors.Result}");
        }
    }
}

[CollectionDefinition(InstalledTool.Collection)]
public sealed class InstalledToolGroup : ICollectionFixture<InstalledTool>;

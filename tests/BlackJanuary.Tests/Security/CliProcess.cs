using System.Diagnostics;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Security;

/// <summary>
/// The real 'blackjanuary' program as a child process, for what a test cannot do in its own
/// process: run it in another current folder or with another home folder, or kill it.
/// </summary>
internal static class CliProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string workingDir, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDir,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BlackJanuary.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs the program to its end; paths inside <paramref name="workingDir"/> are shown relative to it, as a user sees them.</summary>
    public static CliRun Run(IEnumerable<string> args, string workingDir, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, workingDir, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            throw new TimeoutException("blackjanuary did not finish within 120 s");
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}

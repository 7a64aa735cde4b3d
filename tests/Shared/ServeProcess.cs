using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BlackJanuary.Testing;

/// <summary>
/// 'blackjanuary serve' run as a real process on a free loopback port, as an editor runs it, and
/// stopped with Ctrl+C (SIGINT). Shared by the integration and the browser tests.
/// </summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly SemaphoreSlim _lines = new(0);

    private ServeProcess(Process process) => _process = process;

    /// <summary>Where the site is served, e.g. "http://127.0.0.1:43117/".</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Everything printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public int Pid => _process.Id;

    /// <summary>Serve on any free port (--port 0), with <paramref name="extra"/> options.</summary>
    public static Task<ServeProcess> StartAsync(string contentDir, string templatesDir, params string[] extra) =>
        StartWithOptionsAsync(contentDir, templatesDir, ["--port", "0", .. extra]);

    /// <summary>Serve with exactly these options: without --port, on the default port.</summary>
    /// <param name="nativeCommand">The published native program to run; by default the program beside the tests, on the .NET host.</param>
    public static async Task<ServeProcess> StartWithOptionsAsync(string contentDir, string templatesDir, IEnumerable<string> options, string? nativeCommand = null)
    {
        // A shell script that starts the tests in the background (`… &`) makes them ignore SIGINT, and
        // every process they start inherits that, as POSIX says; serve would then never see the
        // Ctrl+C these tests send. env gives it the default handling an editor's terminal gives,
        // and runs it in its own place, so the process (and its pid) is serve itself.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] program = nativeCommand is null
            ? [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "BlackJanuary.Cli.dll")]
            : [nativeCommand];
        foreach (var arg in program.Prepend("--default-signal=INT").Concat(["serve", "--content", contentDir, "--templates", templatesDir]).Concat(options))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        var serve = new ServeProcess(Process.Start(start)!);
        serve._process.OutputDataReceived += (_, e) => serve.Collect(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Collect(e.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        var serving = await serve.WaitForAsync(ServingLine(), TimeSpan.FromSeconds(60));
        serve.Address = new Uri(serving.Groups[1].Value);
        return serve;
    }

    [GeneratedRegex(@"Serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        _lines.Release();
    }

    /// <summary>Waits until the output has a line matching <paramref name="pattern"/> after the first <paramref name="skip"/> lines.</summary>
    public async Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout, int skip = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_output)
            {
                foreach (var line in _output.Skip(skip))
                {
                    if (pattern.Match(line) is { Success: true } match)
                    {
                        return match;
                    }
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (_process.HasExited || left <= TimeSpan.Zero || !await _lines.WaitAsync(left))
            {
                throw new TimeoutException($"serve did not print /{pattern}/ (exited: {_process.HasExited}); it printed:\n{Output}");
            }
        }
    }

    public int LineCount
    {
        get
        {
            lock (_output)
            {
                return _output.Count;
            }
        }
    }

    /// <summary>Ctrl+C, as an editor stops it; returns the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        if (!_process.HasExited)
        {
            // SIGINT, what Ctrl+C sends; .NET's Process can only send SIGKILL.
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Say where serve was: this is how the inherited SIGINT above was found. Exited yet not
            // awaited means its output never reached its end (a pipe still open somewhere).
            throw new TimeoutException(_process.HasExited
                ? $"serve (pid {Pid}) exited after SIGINT, but its output did not end within 20 s; it printed:\n{Output}"
                : $"serve (pid {Pid}) was still running 20 s after SIGINT ({KernelState()}); it printed:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>The process's state and what it waits for in the kernel, where Linux tells.</summary>
    private string KernelState()
    {
        try
        {
            var state = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal)) ?? "";
            var threads = Directory.GetDirectories($"/proc/{Pid}/task")
                .Select(t => File.ReadAllText(Path.Combine(t, "wchan")))
                .GroupBy(w => w.Length == 0 || w == "0" ? "running" : w)
                .Select(g => $"{g.Count()} in {g.Key}");
            return $"{state.Trim()}; threads: {string.Join(", ", threads)}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "state unknown";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await InterruptAsync();
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _lines.Dispose();
    }
}

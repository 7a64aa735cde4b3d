using System.Diagnostics;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Cli;

/// <summary>Whether the program writes to a terminal that shows colours and redrawn lines.</summary>
public sealed record Terminal(bool Interactive, bool Color)
{
    public static readonly Terminal None = new(false, false);

    /// <summary>
    /// Colours only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org);
    /// redirected output gets plain lines that logs and editors can read.
    /// </summary>
    public static Terminal FromConsole() =>
        new(!Console.IsErrorRedirected, !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
}

/// <summary>
/// Everything the program tells its user: diagnostics, progress, summaries. Each message is one
/// line: whatever content it quotes is escaped (<see cref="Printable"/>) before the colours and
/// redrawing that only the program itself may send are added.
/// </summary>
internal sealed class Reporter(TextWriter stdout, TextWriter stderr, CommandLine.Verbosity verbosity, Terminal terminal)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _progressShown;

    public bool Verbose => verbosity == CommandLine.Verbosity.Verbose;

    /// <summary>The stage a long build is in, redrawn in place on a terminal; nothing in logs.</summary>
    public void Progress(string stage)
    {
        if (Verbose)
        {
            stderr.WriteLine($"  {_clock.ElapsedMilliseconds,6} ms  {Printable.Escape(stage)}");
        }
        else if (terminal.Interactive && verbosity == CommandLine.Verbosity.Normal)
        {
            stderr.Write($"\r\u001b[K{Printable.Escape(stage)}…");
            _progressShown = true;
        }
    }

    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        ClearProgress();
        var cwd = Directory.GetCurrentDirectory();
        foreach (var d in diagnostics)
        {
            var line = d.Format(cwd);
            if (terminal.Color)
            {
                var (word, colour) = d.Severity == Severity.Error ? (" error ", "\u001b[1;31m") : (" warning ", "\u001b[1;33m");
                line = line.Replace(word, $" {colour}{word.Trim()}\u001b[0m ", StringComparison.Ordinal);
            }

            stderr.WriteLine(line);
        }
    }

    /// <summary>
    /// A line of success; not shown with --quiet. Never coloured: standard output may go to a file
    /// while standard error, which decides colours, is a terminal.
    /// </summary>
    public void Done(string message)
    {
        ClearProgress();
        if (verbosity != CommandLine.Verbosity.Quiet)
        {
            Print(stdout, message);
        }
    }

    /// <summary>What the user must know even with --quiet, such as the address being served.</summary>
    public void Always(string message)
    {
        ClearProgress();
        Print(stdout, message);
    }

    /// <summary>Information along the way (URLs, rebuilds); not shown with --quiet.</summary>
    public void Info(string message)
    {
        ClearProgress();
        if (verbosity != CommandLine.Verbosity.Quiet)
        {
            Print(stdout, message);
        }
    }

    public void Detail(string message)
    {
        if (Verbose)
        {
            Print(stdout, message);
        }
    }

    /// <summary>A failure, always shown, with what to do next.</summary>
    public void Failed(string message)
    {
        ClearProgress();
        Print(stderr, message, terminal.Color ? "\u001b[1;31m" : null);
    }

    /// <summary>"3 error(s), 1 warning(s)" for a summary line.</summary>
    public static string Count(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        return $"{errors} error(s), {diagnostics.Count - errors} warning(s)";
    }

    /// <summary>One line of <paramref name="message"/>, its content escaped, then coloured when <paramref name="colour"/> is given.</summary>
    private static void Print(TextWriter to, string message, string? colour = null)
    {
        var line = Printable.Escape(message);
        to.WriteLine(colour is null ? line : $"{colour}{line}\u001b[0m");
    }

    private void ClearProgress()
    {
        if (_progressShown)
        {
            stderr.Write("\r\u001b[K");
            _progressShown = false;
        }
    }
}

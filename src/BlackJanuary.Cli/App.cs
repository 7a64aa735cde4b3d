using System.Diagnostics;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Cli;

/// <summary>The program, with its streams passed in so that tests run it exactly as a user would.</summary>
public static class App
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0 && args[0] == "new")
        {
            return NewCommand.Run(args.Skip(1).ToList(), stdout, stderr);
        }

        switch (CommandLine.Parse(args))
        {
            case CommandLine.Help:
                stdout.Write(CommandLine.Usage);
                return ExitCodes.Ok;
            case CommandLine.ShowVersion:
                stdout.WriteLine($"blackjanuary {SiteBuilder.Version}");
                return ExitCodes.Ok;
            case CommandLine.Invalid invalid:
                stderr.WriteLine($"blackjanuary: {invalid.Message}");
                stderr.WriteLine("Run 'blackjanuary --help' for usage.");
                return ExitCodes.Usage;
            case CommandLine.Build build:
                try
                {
                    return Build(build.Options, stdout, stderr);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Bad content is always a diagnostic; reaching here is a bug in the generator.
                    stderr.WriteLine($"blackjanuary: internal error: {e.GetType().Name}: {e.Message}");
                    stderr.WriteLine("This is a bug in blackjanuary, not in your content; please report it with the files that cause it.");
                    return ExitCodes.InternalError;
                }
            default:
                throw new UnreachableException();
        }
    }

    private static int Build(BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var result = SiteBuilder.Build(options);
        var cwd = Directory.GetCurrentDirectory();
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(d.Format(cwd));
        }

        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        var ms = clock.ElapsedMilliseconds;
        if (result.Succeeded)
        {
            stdout.WriteLine($"Built {result.PagesWritten} pages ({result.FilesWritten} files) into {options.OutputDir} in {ms} ms" +
                (warnings > 0 ? $", {warnings} warning(s)" : "") + ".");
            return ExitCodes.Ok;
        }

        var why = errors > 0 ? $"{errors} error(s), {warnings} warning(s)" : $"{warnings} warning(s) with --strict";
        stderr.WriteLine($"Build failed: {why}; {options.OutputDir} was left as it was ({ms} ms).");
        return ExitCodes.ContentErrors;
    }
}

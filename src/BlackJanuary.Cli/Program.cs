using System.Diagnostics;
using BlackJanuary;
using BlackJanuary.Cli;
using BlackJanuary.Diagnostics;

return Run(args);

static int Run(string[] args)
{
    var parsed = CommandLine.Parse(args);
    switch (parsed)
    {
        case CommandLine.Help:
            Console.Out.Write(CommandLine.Usage);
            return ExitCodes.Ok;
        case CommandLine.ShowVersion:
            Console.Out.WriteLine($"blackjanuary {SiteBuilder.Version}");
            return ExitCodes.Ok;
        case CommandLine.Invalid invalid:
            Console.Error.WriteLine($"blackjanuary: {invalid.Message}");
            Console.Error.WriteLine("Run 'blackjanuary --help' for usage.");
            return ExitCodes.Usage;
        case CommandLine.Build build:
            return Build(build.Options);
        default:
            throw new UnreachableException();
    }
}

static int Build(BuildOptions options)
{
    var clock = Stopwatch.StartNew();
    var result = SiteBuilder.Build(options);
    var cwd = Directory.GetCurrentDirectory();
    foreach (var d in result.Diagnostics)
    {
        Console.Error.WriteLine(d.Format(cwd));
    }

    var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
    var warnings = result.Diagnostics.Count - errors;
    var ms = clock.ElapsedMilliseconds;
    if (result.Succeeded)
    {
        Console.Out.WriteLine($"Built {result.PagesWritten} pages ({result.FilesWritten} files) into {options.OutputDir} in {ms} ms" +
            (warnings > 0 ? $", {warnings} warning(s)" : "") + ".");
        return ExitCodes.Ok;
    }

    var why = errors > 0 ? $"{errors} error(s), {warnings} warning(s)" : $"{warnings} warning(s) with --strict";
    Console.Error.WriteLine($"Build failed: {why}; {options.OutputDir} was left as it was ({ms} ms).");
    return ExitCodes.ContentErrors;
}

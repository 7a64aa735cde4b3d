using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Scaffolding;

namespace BlackJanuary.Cli;

/// <summary>'blackjanuary new page|event|person': its own arguments and messages; the engine does the writing.</summary>
internal static class NewCommand
{
    public const string Usage = """
        Usage: blackjanuary new page <path> [--title TEXT] [--content DIR]
               blackjanuary new event --date DATE --title TEXT [--place TEXT] [--end-date DATE] [--id ID] [--content DIR]
               blackjanuary new person <id> --name TEXT [--born DATE] [--died DATE] [--place TEXT]
                                        [--source TEXT [--source-url URL]] [--content DIR]

        Creates content for you to fill in, like 'hugo new'. It never overwrites a file.

          new page <path>    writes pages/<path>.md as a draft ('draft: true'), e.g. 'about' or 'history/1990'
            --title TEXT     the page title                  [from the file name: black-january → Black January]
          new event          adds an event at the end of timeline.yaml (created if missing)
            --date DATE      YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source
            --title TEXT     the event title
            --place TEXT     where it happened
            --end-date DATE  the end of a span
            --id ID          a stable anchor                 [from date and title: 1990-01-20-soviet-troops-enter-baku]
          new person <id>    writes people/<id>.md, kept out of the site ('publish: false') until checked;
                             the id is the person's address, /people/<id>/, e.g. 'test-person-one'
            --name TEXT      the name as the site's default language writes it
            --born DATE      YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source
            --died DATE      the same
            --place TEXT     where the person died
            --source TEXT    the title of the source the facts come from   [none: a warning reminds you]
            --source-url URL its http(s) address
          --content DIR      the content folder              [the site's around the current folder]
          -h, --help         show this help

        Exit codes: 0 written, 1 content problem (nothing written), 2 usage errors, 3 internal error (a bug).

        """;

    private static readonly string[] PageOptions = ["--title", "--content"];
    private static readonly string[] EventOptions = ["--date", "--title", "--place", "--end-date", "--id", "--content"];
    private static readonly string[] PersonOptions = ["--name", "--born", "--died", "--place", "--source", "--source-url", "--content"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var kind = args.Count > 0 ? args[0] : "";
        if (kind is "-h" or "--help" or "help")
        {
            stdout.Write(Usage);
            return ExitCodes.Ok;
        }

        if (kind is not ("page" or "event" or "person"))
        {
            return UsageError(kind.Length == 0 || kind.StartsWith('-')
                ? "new needs what to create: 'new page <path>', 'new event --date … --title …' or 'new person <id> --name …'"
                : $"cannot create '{kind}'; use 'new page <path>', 'new event --date … --title …' or 'new person <id> --name …'", stderr);
        }

        var known = kind switch { "page" => PageOptions, "event" => EventOptions, _ => PersonOptions };
        if (Arguments(args, 1, known, $"'new {kind}'", Usage, stdout, stderr, UsageError, out var options, out var positional) is { } exit)
        {
            return exit;
        }

        if (SiteLocation.ContentDir(options.GetValueOrDefault("--content"), stderr) is not { } contentDir)
        {
            return ExitCodes.Usage;
        }

        if (kind == "page")
        {
            return positional.Count switch
            {
                0 => UsageError("new page needs a path, such as 'new page about' or 'new page history/1990'", stderr),
                > 1 => UsageError($"new page takes one path; '{positional[1]}' is one too many", stderr),
                _ => Report($"new {kind}", stdout, stderr, bag => Page(contentDir, positional[0], options.GetValueOrDefault("--title"), bag)),
            };
        }

        if (kind == "person")
        {
            return Person(contentDir, positional, options, stdout, stderr);
        }

        if (positional.Count > 0)
        {
            return UsageError($"new event takes only options; '{positional[0]}' is not one (quote a title with spaces)", stderr);
        }

        if (!options.TryGetValue("--date", out var date) || !options.TryGetValue("--title", out var title))
        {
            return UsageError("new event needs --date and --title, such as --date 1990-01-20 --title \"Soviet troops enter Baku\"", stderr);
        }

        var request = new NewEvent(date, title, options.GetValueOrDefault("--place"), options.GetValueOrDefault("--end-date"), options.GetValueOrDefault("--id"));
        return Report($"new {kind}", stdout, stderr, bag => Event(contentDir, request, bag));
    }

    /// <summary>
    /// Reads the arguments of a command that writes files (new, init) from <paramref name="from"/>
    /// on: each known option with its value, and the other arguments in order. Returns an exit
    /// code when it printed the help or a usage error instead.
    /// </summary>
    internal static int? Arguments(IReadOnlyList<string> args, int from, IReadOnlyCollection<string> known, string command, string usage,
        TextWriter stdout, TextWriter stderr, Func<string, TextWriter, int> usageError, out Dictionary<string, string> options, out List<string> positional)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        positional = [];
        for (var i = from; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                stdout.Write(usage);
                return ExitCodes.Ok;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
            }
            else if (!known.Contains(arg))
            {
                return usageError($"unknown option '{arg}' for {command}", stderr);
            }
            else if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return usageError($"{arg} needs a value", stderr);
            }
            else
            {
                options[arg] = args[++i];
            }
        }

        return null;
    }

    private static int Person(string contentDir, List<string> positional, Dictionary<string, string> options, TextWriter stdout, TextWriter stderr)
    {
        if (positional.Count == 0)
        {
            return UsageError("new person needs an id, such as 'new person test-person-one --name \"Test Person One\"'", stderr);
        }

        if (positional.Count > 1)
        {
            return UsageError($"new person takes one id; '{positional[1]}' is one too many (quote a name with spaces)", stderr);
        }

        if (!options.TryGetValue("--name", out var name))
        {
            return UsageError("new person needs --name, such as --name \"Test Person One\"", stderr);
        }

        var request = new NewPerson(positional[0], name, options.GetValueOrDefault("--born"), options.GetValueOrDefault("--died"),
            options.GetValueOrDefault("--place"), options.GetValueOrDefault("--source"), options.GetValueOrDefault("--source-url"));
        return Report("new person", stdout, stderr, bag =>
        {
            var file = NewContent.CreatePerson(contentDir, request, bag);
            // A warning printed above (no source) is the reminder the next step refers to.
            var source = request.Source is null ? "add its 'sources' (the site shows nothing it cannot attribute), " : "";
            return file is null ? null : $"""
                Created {Shown(file)}, kept out of the site ('publish: false') until it is checked.
                Next: {source}write the biography below its front matter, check the record with the family and the sources, then delete the line 'publish: false' to publish it.
                """;
        });
    }

    private static string? Page(string contentDir, string path, string? title, DiagnosticBag diagnostics)
    {
        // The editor's own calendar day is the page's date, as 'hugo new' does.
        var file = NewContent.CreatePage(contentDir, path, title, DateOnly.FromDateTime(DateTime.Now), diagnostics);
        return file is null ? null : $"""
            Created {Shown(file)} as a draft ('draft: true'), so it is not published yet.
            Next: write the page below its front matter, preview it with 'blackjanuary serve --drafts', then remove the line 'draft: true' to publish it.
            """;
    }

    private static string? Event(string contentDir, NewEvent request, DiagnosticBag diagnostics)
    {
        var added = NewContent.AddEvent(contentDir, request, diagnostics);
        if (added is null)
        {
            return null;
        }

        var done = added.CreatedFile ? $"Created {Shown(added.File)} with the event" : $"Added the event to {Shown(added.File)}";
        return $"""
            {done}; its anchor on the timeline page is #{added.Id}.
            Next: add its 'body' and 'sources' in that file (the memorial shows nothing it cannot attribute), then run 'blackjanuary build'.
            """;
    }

    /// <summary>Runs one engine call that writes files (new, init, theme copy) and prints what it did, or its diagnostics in the build's format.</summary>
    internal static int Report(string command, TextWriter stdout, TextWriter stderr, Func<DiagnosticBag, string?> write)
    {
        var diagnostics = new DiagnosticBag();
        string? done;
        try
        {
            done = write(diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Bad content and unwritable files are diagnostics; reaching here is a bug in the generator.
            return App.InternalError(e, stderr);
        }

        var cwd = Directory.GetCurrentDirectory();
        foreach (var d in diagnostics.Sorted())
        {
            stderr.WriteLine(d.Format(cwd));
        }

        if (done is null)
        {
            stderr.WriteLine($"{command} failed: {diagnostics.Sorted().Count} error(s); nothing was written. Fix the problems above and run it again.");
            return ExitCodes.ContentErrors;
        }

        stdout.WriteLine(Printable.Escape(done));
        return ExitCodes.Ok;
    }

    private static string Shown(string file) => new SourceLocation(file).Format(Directory.GetCurrentDirectory());

    private static int UsageError(string message, TextWriter stderr)
    {
        stderr.WriteLine(Printable.Escape($"blackjanuary: {message}"));
        stderr.WriteLine("Run 'blackjanuary new --help' for usage.");
        return ExitCodes.Usage;
    }
}

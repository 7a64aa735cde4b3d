namespace BlackJanuary.Cli;

/// <summary>Parses the command line into what to do; no other part of the program reads args.</summary>
internal static class CommandLine
{
    public const int DefaultPort = 1990;

    public const string Usage = """
        Usage: blackjanuary <command> [options]

        Commands:
          build             build the site into the output folder
          serve             build, serve at http://127.0.0.1:1990/ and rebuild on every save
          check             validate everything build does, and list external links; writes no site
          urls update       record every address the site publishes in content/urls.lock (after a deploy)
          archive           write the built site as one WACZ web archive, and an offline copy with --offline
          new               create a page or a person's record, or add an event to the timeline ('blackjanuary new --help')
          init [DIR]        start a new site in an empty folder ('blackjanuary init --help')
          theme copy [DIR]  write the built-in theme into templates/, to change it as a whole

        Options of build, serve, check, urls update and archive:
          --content DIR     content folder (site.yaml, pages/, timeline.yaml, media/)
                            [the site's around the current folder: see below]
          --templates DIR   theme folder, else the theme built in          [templates in the site]
          --base-url URL    overrides base_url of site.yaml (not serve, which uses its own address)
          --drafts          include pages with 'draft: true'
          --now YYYY-MM-DD  the build's date, which ends embargoes ('embargo_until')
                            [SOURCE_DATE_EPOCH's day when set, else today (UTC)]
          --cache DIR       where resized images are kept between builds  [.blackjanuary/cache in the site]
          --strict          treat warnings as errors (for CI)
          -q, --quiet       print only problems
          -v, --verbose     also print each stage as it starts (ms since the start)
        build:
          --output DIR      where the site is written; replaced only on success  [_site in the site]
        serve:
          --port N          the port to listen on (another free one if taken; 0: any)  [1990]
          --open            open the site in the default browser
        check:
          --external        also fetch every external link (needs a network)
        archive:
          --output FILE     the WACZ file, replaced only on success  [<host>[-<path>].wacz of base_url in the site]
          --offline DIR     also write a copy that works opened from the disk (file://), replaced as build's output

          -h, --help        show this help
          --version         show the version

        Run them in any folder of a site: its root is the first folder upward that holds
        content/site.yaml, or the folder above a content folder (site.yaml with pages/ beside it);
        _site and templates are in the root. With --content DIR, no site is looked for: paths are
        relative to the current folder.
        Colours are used on a terminal unless NO_COLOR is set.
        Exit codes: 0 success, 1 content or template errors, 2 usage errors, 3 internal error (a bug).

        """;

    public enum Verbosity
    {
        Quiet,
        Normal,
        Verbose,
    }

    public abstract record Result;

    public sealed record Help : Result;

    public sealed record ShowVersion : Result;

    public sealed record Invalid(string Message) : Result;

    /// <summary>A command that works on a site; <see cref="Given"/> names the folder options given, the others being the site's (<see cref="SiteLocation"/>).</summary>
    public abstract record SiteCommand(BuildOptions Options, Verbosity Verbosity) : Result
    {
        public IReadOnlySet<string> Given { get; init; } = new HashSet<string>();
    }

    public sealed record Build(BuildOptions Options, Verbosity Verbosity) : SiteCommand(Options, Verbosity);

    public sealed record Serve(BuildOptions Options, Verbosity Verbosity, int Port, bool PortGiven, bool Open) : SiteCommand(Options, Verbosity);

    public sealed record Check(BuildOptions Options, Verbosity Verbosity, bool External) : SiteCommand(Options, Verbosity);

    public sealed record UrlsUpdate(BuildOptions Options, Verbosity Verbosity) : SiteCommand(Options, Verbosity);
    /// <param name="Output">The WACZ file (--output), or null for the site's default.</param>
    /// <param name="Offline">The offline copy's folder (--offline), or null for none.</param>
    public sealed record Archive(BuildOptions Options, Verbosity Verbosity, string? Output, string? Offline) : SiteCommand(Options, Verbosity);

    public static Result Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return new Help();
        }

        if (args[0] == "--version")
        {
            return new ShowVersion();
        }

        var command = args[0];
        if (command is not ("build" or "serve" or "check" or "urls" or "archive"))
        {
            return new Invalid($"unknown command '{command}'; the commands are build, serve, check, urls, archive, new, init and theme");
        }

        if (command == "urls" && (args.Count < 2 || args[1] != "update"))
        {
            return new Invalid("'urls' has one command: 'urls update', which records the site's addresses in content/urls.lock");
        }

        var options = new BuildOptions();
        var given = new HashSet<string>(StringComparer.Ordinal);
        var verbosity = Verbosity.Normal;
        var (port, portGiven, open, external) = (DefaultPort, false, false, false);
        var (archive, offline) = ((string?)null, (string?)null);
        for (var i = command == "urls" ? 2 : 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return new Help();
                case "--drafts":
                    options = options with { Drafts = true };
                    continue;
                case "--strict":
                    options = options with { Strict = true };
                    continue;
                case "-q" or "--quiet":
                    verbosity = Verbosity.Quiet;
                    continue;
                case "-v" or "--verbose":
                    verbosity = Verbosity.Verbose;
                    continue;
                case "--open" or "--port" when command != "serve":
                    return new Invalid($"{arg} applies to serve only");
                case "--external" when command != "check":
                    return new Invalid("--external applies to check only");
                case "--output" when command is not ("build" or "archive"):
                    return new Invalid($"--output applies to build and archive only; {command} writes no files");
                case "--offline" when command != "archive":
                    return new Invalid("--offline applies to archive only");
                case "--base-url" when command == "serve":
                    // Links must lead back to the preview, not to the production host.
                    return new Invalid("--base-url does not apply to serve, which uses its own address as the base URL");
                case "--open":
                    open = true;
                    continue;
                case "--external":
                    external = true;
                    continue;
                case "--content" or "--templates" or "--base-url" or "--output" or "--port" or "--now" or "--cache" or "--offline":

                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        return new Invalid($"{arg} needs a value");
                    }

                    var value = args[++i];
                    if (command == "archive" && arg is "--output" or "--offline")
                    {
                        // Files of their own: the site's output folder is not involved.
                        (archive, offline) = arg == "--output" ? (value, offline) : (archive, value);
                        continue;
                    }

                    given.Add(arg);
                    if (arg == "--port")
                    {
                        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 0 or > 65535)
                        {
                            return new Invalid($"--port needs a number from 0 to 65535 (0: any free port), not '{value}'");
                        }

                        portGiven = true;
                        continue;
                    }

                    if (arg == "--now")
                    {
                        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var now))
                        {
                            return new Invalid($"--now needs a date written YYYY-MM-DD, not '{value}'");
                        }

                        options = options with { Today = now };
                        continue;
                    }

                    options = arg switch
                    {
                        "--content" => options with { ContentDir = value },
                        "--templates" => options with { TemplatesDir = value },
                        "--output" => options with { OutputDir = value },
                        "--cache" => options with { CacheDir = value },
                        _ => options with { BaseUrl = value },
                    };
                    continue;
            }

            return new Invalid($"unknown option '{arg}' for {command}");
        }

        return command switch
        {
            "build" => new Build(options, verbosity) { Given = given },
            "serve" => new Serve(options, verbosity, port, portGiven, open) { Given = given },
            "urls" => new UrlsUpdate(options, verbosity) { Given = given },
            "archive" => new Archive(options, verbosity, archive, offline) { Given = given },
            _ => new Check(options, verbosity, external) { Given = given },
        };
    }
}

namespace BlackJanuary.Cli;

/// <summary>Parses the command line into what to do; no other part of the program reads args.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: blackjanuary build [options]
               blackjanuary new page <path> | new event --date D --title T   (see 'blackjanuary new --help')

        Builds the static site from Markdown/YAML content through Scriban templates.

        Options:
          --content DIR     content folder (site.yaml, pages/, timeline.yaml, media/)  [content]
          --templates DIR   theme folder (layouts/, partials/, assets/)                  [templates]
          --output DIR      where the site is written; replaced only on success         [_site]
          --base-url URL    overrides base_url of site.yaml (e.g. for a preview host)
          --drafts          include pages with 'draft: true'
          --strict          treat warnings as errors (for CI)
          -h, --help        show this help
          --version         show the version

        Exit codes: 0 built, 1 content or template errors, 2 usage errors, 3 internal error (a bug).

        """;

    public abstract record Result;

    public sealed record Help : Result;

    public sealed record ShowVersion : Result;

    public sealed record Invalid(string Message) : Result;

    public sealed record Build(BuildOptions Options) : Result;

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

        if (args[0] != "build")
        {
            return new Invalid($"unknown command '{args[0]}'; the command is 'build'");
        }

        var options = new BuildOptions();
        for (var i = 1; i < args.Count; i++)
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
                case "--content" or "--templates" or "--output" or "--base-url":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        return new Invalid($"{arg} needs a value");
                    }

                    var value = args[++i];
                    options = arg switch
                    {
                        "--content" => options with { ContentDir = value },
                        "--templates" => options with { TemplatesDir = value },
                        "--output" => options with { OutputDir = value },
                        _ => options with { BaseUrl = value },
                    };
                    continue;
                default:
                    return new Invalid($"unknown option '{arg}'");
            }
        }

        return new Build(options);
    }
}

using BlackJanuary.Content;
using BlackJanuary.Scaffolding;

namespace BlackJanuary.Cli;

/// <summary>'blackjanuary init [DIR]' and 'blackjanuary theme copy [DIR]': their arguments and messages; the engine writes the files.</summary>
internal static class InitCommand
{
    public const string Usage = """
        Usage: blackjanuary init [DIR] [--title TEXT] [--languages CODES] [--base-url URL]
               blackjanuary theme copy [DIR]

        init starts a new memorial site in DIR (the current folder by default), which must be
        empty or not exist yet: content/ with site.yaml, a home, timeline, sources and about page
        in each language, an empty timeline.yaml, media/; a .gitignore; and a GitHub Pages workflow.
          --title TEXT       the site's title                      [a title to replace, per language]
          --languages CODES  its languages, the default first      [en]  e.g. az,en,ru
          --base-url URL     the address it will be published at   [https://example.org/]

        theme copy writes the theme built into the program into DIR (by default templates/ in the
        site around the current folder, or in the current folder), to change it as a whole; a
        site that has that folder uses it instead of the built-in theme. To change single files,
        put them in content/templates/ instead. DIR must be empty or not exist yet.

          -h, --help         show this help

        Exit codes: 0 written, 1 nothing written (the folder is not empty, or a value is wrong), 2 usage errors.

        """;

    private static readonly string[] InitOptions = ["--title", "--languages", "--base-url"];

    public static int Init(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (NewCommand.Arguments(args, 0, InitOptions, "init", Usage, stdout, stderr, UsageError, out var options, out var positional) is { } exit)
        {
            return exit;
        }

        if (positional.Count > 1)
        {
            return UsageError($"init takes one folder; '{positional[1]}' is one too many", stderr);
        }

        var dir = positional.Count == 1 ? positional[0] : ".";
        var languages = (options.GetValueOrDefault("--languages") ?? "en").Split(',', StringSplitOptions.TrimEntries);
        var request = new NewSiteRequest(options.GetValueOrDefault("--title"), languages, options.GetValueOrDefault("--base-url"));
        return NewCommand.Report("init", stdout, stderr, bag =>
        {
            var files = NewContent.CreateSite(dir, request, bag);
            var cd = dir == "." ? "" : $"cd {Quoted(dir)}, then ";
            return files is null ? null : $"""
                Created a new site in {(dir == "." ? "this folder" : dir)}: {files.Count(f => f.StartsWith("content/pages/", StringComparison.Ordinal))} pages to fill in, an empty content/timeline.yaml, content/media/, a .gitignore and a GitHub Pages workflow.
                Next: {cd}'blackjanuary serve' to see the site at http://127.0.0.1:1990/ as you write, and 'blackjanuary build' to write it into _site/ for publishing.
                """;
        });
    }

    public static int Theme(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0 && args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage);
            return ExitCodes.Ok;
        }

        if (args.Count == 0 || args[0] != "copy")
        {
            return UsageError(args.Count == 0 ? "theme needs what to do: 'theme copy [DIR]'" : $"cannot '{args[0]}' a theme; use 'theme copy [DIR]'", stderr);
        }

        if (args.Skip(1).FirstOrDefault(a => a.StartsWith('-')) is { } option)
        {
            return option is "-h" or "--help" ? Theme(["--help"], stdout, stderr) : UsageError($"unknown option '{option}' for theme copy", stderr);
        }

        if (args.Count > 2)
        {
            return UsageError($"theme copy takes one folder; '{args[2]}' is one too many", stderr);
        }

        var cwd = Directory.GetCurrentDirectory();
        // Where the build looks for a theme folder: templates/ at the site's root.
        var dir = args.Count == 2 ? args[1]
            : Path.GetRelativePath(cwd, Path.Combine(SiteRoot.Find(cwd, out _)?.Root ?? cwd, new BuildOptions().TemplatesDir));
        return NewCommand.Report("theme copy", stdout, stderr, bag => NewContent.CopyTheme(dir, bag) is { } files
            ? $"""
              Copied the built-in theme into {dir} ({files.Count} files); a build of this site now uses it instead of the built-in theme.
              Next: change its files (docs/templates.md describes them), then 'blackjanuary serve' to see the result.
              """
            : null);
    }

    private static string Quoted(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$') ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'" : path;

    private static int UsageError(string message, TextWriter stderr)
    {
        stderr.WriteLine(Diagnostics.Printable.Escape($"blackjanuary: {message}"));
        stderr.WriteLine("Run 'blackjanuary init --help' for usage.");
        return ExitCodes.Usage;
    }
}

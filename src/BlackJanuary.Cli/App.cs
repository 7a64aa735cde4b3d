using System.Diagnostics;
using BlackJanuary.Checks;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Output;

namespace BlackJanuary.Cli;

/// <summary>The program, with its streams passed in so that tests run it exactly as a user would.</summary>
public static class App
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Terminal? terminal = null)
    {
        terminal ??= Terminal.None;
        try
        {
            // 'new', 'init' and 'theme' write files rather than build a site, and have their own arguments.
            switch (args.Count > 0 ? args[0] : "")
            {
                case "new":
                    return NewCommand.Run(args.Skip(1).ToList(), stdout, stderr);
                case "init":
                    return InitCommand.Init(args.Skip(1).ToList(), stdout, stderr);
                case "theme":
                    return InitCommand.Theme(args.Skip(1).ToList(), stdout, stderr);
            }

            switch (CommandLine.Parse(args))
            {
                case CommandLine.Help:
                    stdout.Write(CommandLine.Usage);
                    return ExitCodes.Ok;
                case CommandLine.ShowVersion:
                    stdout.WriteLine($"blackjanuary {Generator.Version}" + (Generator.Commit is { } commit ? $" (commit {commit})" : ""));
                    return ExitCodes.Ok;
                case CommandLine.Invalid invalid:
                    stderr.WriteLine(Printable.Escape($"blackjanuary: {invalid.Message}"));
                    stderr.WriteLine("Run 'blackjanuary --help' for usage.");
                    return ExitCodes.Usage;
                case CommandLine.SiteCommand command:
                    return OnSite(command, stdout, stderr, terminal);
                default:
                    throw new UnreachableException();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Bad content is always a diagnostic; reaching here is a bug in the generator.
            return InternalError(e, stderr);
        }
    }

    /// <summary>Runs build, check or serve on the site it was given, or the one around the current folder.</summary>
    private static int OnSite(CommandLine.SiteCommand command, TextWriter stdout, TextWriter stderr, Terminal terminal)
    {
        if (SiteLocation.Resolve(command.Options, command.Given, stderr) is not { } site)
        {
            return ExitCodes.Usage;
        }

        var reporter = new Reporter(stdout, stderr, command.Verbosity, terminal);
        SiteLocation.Say(site.Root, reporter);
        return command switch
        {
            CommandLine.Build => Build(site.Options, reporter),
            CommandLine.Check check => Check(check with { Options = site.Options }, reporter),
            CommandLine.UrlsUpdate => UrlsUpdate(site.Options with { KeepLockedUrls = false }, reporter),
            CommandLine.Serve serve => DevServer.Run(serve with { Options = site.Options }, reporter),
            CommandLine.Archive archive => Archive(archive with { Options = site.Options }, reporter),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>Reports a bug; the exception's message may quote a file name, so it is escaped as every message is.</summary>
    internal static int InternalError(Exception e, TextWriter stderr)
    {
        stderr.WriteLine(Printable.Escape($"blackjanuary: internal error: {e.GetType().Name}: {e.Message}"));
        stderr.WriteLine("This is a bug in blackjanuary, not in your content; please report it with the files that cause it.");
        return ExitCodes.InternalError;
    }

    private static int Build(BuildOptions options, Reporter reporter)
    {
        var clock = Stopwatch.StartNew();
        var result = new SiteBuilder(options, BuildMode.Disk) { Progress = new ReporterProgress(reporter) }.Build();
        reporter.Diagnostics(result.Diagnostics);
        var ms = clock.ElapsedMilliseconds;
        var warnings = result.Diagnostics.Count;
        if (result.Succeeded)
        {
            reporter.Done($"Built {result.Pages} pages ({result.FilesWritten} files) into {options.OutputDir} in {ms} ms" +
                (warnings > 0 ? $", {warnings} warning(s)" : "") + ".");
            return ExitCodes.Ok;
        }

        reporter.Failed($"Build failed: {Why(result.Diagnostics, options.Strict)}; {options.OutputDir} was left as it was ({ms} ms). Fix the problems above and build again.");
        return ExitCodes.ContentErrors;
    }

    /// <summary>Builds the site in memory and records its addresses in content/urls.lock, which later builds keep.</summary>
    private static int UrlsUpdate(BuildOptions options, Reporter reporter)
    {
        var snapshot = new SiteBuilder(options, BuildMode.Memory) { Progress = new ReporterProgress(reporter) }.Build();
        reporter.Diagnostics(snapshot.Diagnostics);
        var lockFile = Path.Combine(options.ContentDir, GeneratedFiles.UrlsLockFile);
        if (!snapshot.Succeeded)
        {
            reporter.Failed($"urls update failed: {Why(snapshot.Diagnostics, options.Strict)}; {lockFile} was left as it was. Fix the problems above and run it again.");
            return ExitCodes.ContentErrors;
        }

        var (added, removed) = PublishedUrls.Update(options.ContentDir, snapshot.Addresses);
        reporter.Done($"Wrote {lockFile}: {snapshot.Addresses.Count} addresses ({added} new, {removed} no longer kept). Commit it with the content.");
        return ExitCodes.Ok;
    }

    private static int Archive(CommandLine.Archive archive, Reporter reporter)
    {
        var clock = Stopwatch.StartNew();
        var result = SiteArchiver.Run(archive.Options, archive.Output, archive.Offline, new ReporterProgress(reporter));
        reporter.Diagnostics(result.Diagnostics);
        var ms = clock.ElapsedMilliseconds;
        if (result.Succeeded)
        {
            var warnings = result.Diagnostics.Count;
            reporter.Done($"Archived {result.Pages} pages ({result.Files} files) into {result.Archive}" +
                (archive.Offline is { } offline ? $", with an offline copy in {offline}" : "") + $" in {ms} ms" +
                (warnings > 0 ? $", {warnings} warning(s)" : "") + ".");
            return ExitCodes.Ok;
        }

        var kept = result.Archive is null ? "no archive was written" : $"{result.Archive} was written, the offline copy was not";
        reporter.Failed($"Archive failed: {Why(result.Diagnostics, archive.Options.Strict)}; {kept} ({ms} ms). Fix the problems above and archive again.");
        return ExitCodes.ContentErrors;
    }

    private static int Check(CommandLine.Check check, Reporter reporter)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = new SiteBuilder(check.Options, BuildMode.Memory) { Progress = new ReporterProgress(reporter) }.Build();
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(snapshot.Diagnostics);
        var external = snapshot.Site is { } site ? ExternalLinks.Collect(site) : [];
        ExternalLinks.CheckSyntax(external, diagnostics);
        var note = $"{external.Count} external link(s), not fetched (use --external)";
        if (check.External && external.Count > 0)
        {
            reporter.Progress($"Fetching {external.Count} external links");
            using var client = new HttpClient();
            client.DefaultRequestHeaders.UserAgent.ParseAdd($"blackjanuary/{Generator.Version} (link check)");
            var results = ExternalLinks.FetchAsync(external, client, maxParallel: 8, TimeSpan.FromSeconds(15), CancellationToken.None).GetAwaiter().GetResult();
            diagnostics.AddRange(ExternalLinks.Report(results, ExternalLinks.CitedSources(snapshot.Site!)));
            var limited = results.Where(r => r.Status == ExternalLinkStatus.RateLimited).Select(r => r.Link.Url).ToList();
            note = $"{external.Count} external link(s) fetched" + (limited.Count > 0 ? $", {limited.Count} not checked (rate limited: {string.Join(", ", limited)})" : "");
        }

        var all = diagnostics.Sorted();
        reporter.Diagnostics(all);
        if (snapshot.Site is { } checkedSite)
        {
            ReportTranslations(Translations.Missing(checkedSite), reporter);
        }

        foreach (var link in external)
        {
            reporter.Detail($"  {link.Url}  ({link.Locations[0].Format(Directory.GetCurrentDirectory())}{(link.Locations.Count > 1 ? $" and {link.Locations.Count - 1} more" : "")})");
        }

        var failed = all.Any(d => d.Severity == Severity.Error) || (check.Options.Strict && all.Count > 0);
        var ms = clock.ElapsedMilliseconds;
        if (!failed)
        {
            reporter.Done($"Checked {snapshot.Pages} pages in {ms} ms: " + (all.Count > 0 ? $"{all.Count} warning(s)" : "no problems") + $"; {note}.");
            return ExitCodes.Ok;
        }

        reporter.Failed($"Check failed: {Why(all, check.Options.Strict)}; {note} ({ms} ms). Fix the problems above and check again.");
        return ExitCodes.ContentErrors;
    }

    /// <summary>A table of what each language lacks; not a problem (a site may publish before every translation is done), so not a diagnostic.</summary>
    private static void ReportTranslations(IReadOnlyList<Translations.Gaps> gaps, Reporter reporter)
    {
        if (gaps.Count == 0)
        {
            return;
        }

        reporter.Info("Translations:");
        reporter.Info($"  {"language",-22} {"pages missing",13} {"events missing",14}");
        foreach (var gap in gaps)
        {
            reporter.Info($"  {gap.Language + " (" + gap.Name + ")",-22} {gap.Pages.Count,13} {gap.Events.Count,14}" +
                (gap.Pages.Count + gap.Events.Count > 0 ? "  " + string.Join(", ", gap.Pages.Concat(gap.Events.Select(e => "event " + e))) : ""));
        }
    }

    internal static string Why(IReadOnlyList<Diagnostic> diagnostics, bool strict) =>
        diagnostics.Any(d => d.Severity == Severity.Error) || !strict
            ? Reporter.Count(diagnostics)
            : $"{diagnostics.Count} warning(s) with --strict";

    /// <summary>Reports on the caller's thread, unlike Progress&lt;T&gt;, so lines come out in order.</summary>
    internal sealed class ReporterProgress(Reporter reporter) : IProgress<string>
    {
        public void Report(string value) => reporter.Progress(value);
    }
}

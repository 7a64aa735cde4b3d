using BlackJanuary.Content;

namespace BlackJanuary.Cli;

/// <summary>Which site a command works on when no --content is given: the one around the current folder (<see cref="SiteRoot"/>).</summary>
internal static class SiteLocation
{
    /// <summary>The options in the site found, with its root (null when --content was given), or null after saying where no site was found.</summary>
    public static (BuildOptions Options, string? Root)? Resolve(BuildOptions options, IReadOnlySet<string> given, TextWriter stderr)
    {
        if (given.Contains("--content"))
        {
            return (options, null);
        }

        var cwd = Directory.GetCurrentDirectory();
        if (Find(cwd, stderr) is not { } site)
        {
            return null;
        }

        return (site.Apply(options, given.Contains("--templates"), given.Contains("--output"), cwd), site.Root);
    }

    /// <summary>The content folder of 'new': the one given, or the site's around the current folder; null after saying none was found.</summary>
    public static string? ContentDir(string? given, TextWriter stderr)
    {
        var cwd = Directory.GetCurrentDirectory();
        return given ?? (Find(cwd, stderr) is { } site ? Path.GetRelativePath(cwd, site.ContentDir) : null);
    }

    /// <summary>Tells a verbose run which site it works on (-v), since the site may be folders above.</summary>
    public static void Say(string? root, Reporter reporter)
    {
        if (root is not null)
        {
            reporter.Detail($"Site root: {root}");
        }
    }

    private static SiteRoot? Find(string cwd, TextWriter stderr)
    {
        var site = SiteRoot.Find(cwd, out var looked);
        if (site is null)
        {
            stderr.WriteLine(Diagnostics.Printable.Escape($"blackjanuary: no site here: none of these folders holds content/site.yaml, or site.yaml with pages/ beside it: {string.Join(", ", looked)}"));
            stderr.WriteLine("Run it inside a site, give the content folder with --content DIR, or start a site with 'blackjanuary init'.");
        }

        return site;
    }
}

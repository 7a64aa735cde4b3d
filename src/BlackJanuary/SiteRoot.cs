namespace BlackJanuary;

/// <summary>
/// Where a site is, found from any folder inside it as Hugo and Zola do: the first folder upward
/// that holds content/site.yaml, or that is itself a content folder (site.yaml with pages/ beside
/// it). The site root is the folder that holds the content folder; the defaults of the output
/// and theme folders are relative to it, never to where the command was run.
/// </summary>
public sealed record SiteRoot(string Root, string ContentDir)
{
    /// <summary>The site around <paramref name="start"/>, or null; <paramref name="looked"/> lists every folder asked, nearest first.</summary>
    public static SiteRoot? Find(string start, out IReadOnlyList<string> looked)
    {
        var asked = new List<string>();
        looked = asked;
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            asked.Add(dir.FullName);
            var content = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(content, "site.yaml")))
            {
                return new SiteRoot(dir.FullName, content);
            }

            if (File.Exists(Path.Combine(dir.FullName, "site.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "pages")))
            {
                return new SiteRoot(dir.Parent?.FullName ?? dir.FullName, dir.FullName);
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="options"/> with the content folder, and each default folder the user did not
    /// give, in this site; relative to <paramref name="cwd"/>, so that a build run from the root
    /// says 'content' and '_site' exactly as it always did.
    /// </summary>
    public BuildOptions Apply(BuildOptions options, bool templatesGiven, bool outputGiven, string cwd)
    {
        var defaults = new BuildOptions();
        string Here(string path) => Path.GetRelativePath(cwd, path);
        return options with
        {
            ContentDir = Here(ContentDir),
            TemplatesDir = templatesGiven ? options.TemplatesDir : Here(Path.Combine(Root, defaults.TemplatesDir)),
            OutputDir = outputGiven ? options.OutputDir : Here(Path.Combine(Root, defaults.OutputDir)),
        };
    }
}

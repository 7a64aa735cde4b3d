namespace BlackJanuary.Model;

/// <summary>A page rendered to its final HTML document.</summary>
public sealed record RenderedPage(Page Page, string Html)
{
    /// <summary>The page's output file, made once: a session's rebuild hands on the kept pages as they are.</summary>
    public SiteFile File { get; } = SiteFile.Generated(Html);

    public string OutputFile { get; } = Page.OutputFile;

    /// <summary>Whether two rendered pages are written to the same file from the same source: all the checks of output paths read.</summary>
    public static bool SamePath(RenderedPage a, RenderedPage b) =>
        string.Equals(a.OutputFile, b.OutputFile, StringComparison.Ordinal) && string.Equals(a.Page.SourcePath, b.Page.SourcePath, StringComparison.Ordinal);
}

namespace BlackJanuary.Model;

/// <summary>A page rendered to its final HTML document.</summary>
public sealed record RenderedPage(Page Page, string Html)
{
    public string OutputFile { get; } = Page.OutputFile;
}

using Markdig;

namespace BlackJanuary.Markdown;

public static class MarkdownPipelineFactory
{
    // Built once per process: a pipeline is immutable, and keeps the renderers it lends (Markdown.ToHtml) for later documents.
    private static readonly Lazy<MarkdownPipeline> Escaping = new(() => Build(allowHtml: false));
    private static readonly Lazy<MarkdownPipeline> Allowing = new(() => Build(allowHtml: true));

    /// <summary>
    /// The one pipeline of a build. Raw HTML is escaped unless the site opts in, as in Hugo: content
    /// may come from strangers' pull requests, and HTML could carry scripts past the CSP review.
    /// Allowed raw HTML is sanitised after rendering unless the site trusts it (<see cref="RawHtmlSanitizer"/>).
    /// </summary>
    public static MarkdownPipeline For(bool allowHtml) => allowHtml ? Allowing.Value : Escaping.Value;

    private static MarkdownPipeline Build(bool allowHtml)
    {
        // Diagnostics point at links by line and column, which Markdig gives every inline without
        // UsePreciseSourceLocation; that adds exact spans to every node, a third of parsing time.
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes()
            .Use<HeadingIds>()
            .UseSmartyPants()
            .UseFigures()
            .UseEmphasisExtras()
            .UseListExtras()
            .Use<BracketedSpanExtension>()
            // Last, as Markdig requires: lets editors give a heading a stable id with {#id}.
            .UseGenericAttributes();
        if (!allowHtml)
        {
            builder.DisableHtml();
        }

        return builder.Build();
    }
}

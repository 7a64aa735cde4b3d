using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BlackJanuary.Markdown;

/// <summary>
/// Gives each heading without an {#id} the id GitHub gives it ("Black January" → "black-january",
/// "section" when nothing is left), made unique in its body with -1, -2, … the same ids as
/// Markdig's AutoIdentifiers. That extension looks for a free suffix from -1 up for every heading,
/// so n headings of one text take n²/2 look-ups (12,500 "# a" lines, 50 KB, took 3 s); here
/// each text remembers where its search stopped, and a page's headings take linear time.
/// </summary>
internal sealed class HeadingIds : IMarkdownExtension
{
    /// <summary>The ids a body's headings have, and for each text, the first suffix not yet tried.</summary>
    private sealed class Taken
    {
        public readonly HashSet<string> Ids = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> NextSuffix = new(StringComparer.Ordinal);
    }

    [ThreadStatic]
    private static (HtmlRenderer Renderer, StringWriter Text)? _plain;

    private static (HtmlRenderer, StringWriter) PlainRenderer()
    {
        var text = new StringWriter();
        return (new HtmlRenderer(text) { EnableHtmlForInline = false, EnableHtmlEscape = false }, text);
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Setext headings ("Title\n=====") are closed by the paragraph parser.
        foreach (var parser in new BlockParser?[] { pipeline.BlockParsers.Find<HeadingBlockParser>(), pipeline.BlockParsers.FindExact<ParagraphBlockParser>() })
        {
            if (parser is not null)
            {
                parser.Closed -= Closed;
                parser.Closed += Closed;
            }
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Closed(BlockProcessor processor, Block block)
    {
        // The id is made from the heading's text, which exists once its inlines are parsed.
        if (block is HeadingBlock heading)
        {
            heading.ProcessInlinesEnd += Assign;
        }
    }

    private static void Assign(InlineProcessor processor, Inline? inline)
    {
        var heading = (HeadingBlock)processor.Block!;
        var attributes = heading.GetAttributes();
        // An id written with {#id} is the editor's, and kept as it is.
        if (heading.Inline is null || attributes.Id is not null)
        {
            return;
        }

        if (processor.Document.GetData(typeof(Taken)) is not Taken taken)
        {
            processor.Document.SetData(typeof(Taken), taken = new Taken());
        }

        // The heading's text as plain text: links and markup stripped, nothing escaped. Making a
        // renderer costs more than most headings' text, so each thread keeps one.
        var (renderer, text) = _plain ??= PlainRenderer();
        text.GetStringBuilder().Clear();
        renderer.Render(heading.Inline);
        var id = LinkHelper.UrilizeAsGfm(text.ToString()) is { Length: > 0 } urilized ? urilized : "section";
        if (!taken.Ids.Add(id))
        {
            // Every suffix below the one remembered is taken already, and ids are never given back.
            var suffix = taken.NextSuffix.GetValueOrDefault(id, 1);
            while (!taken.Ids.Add($"{id}-{suffix}"))
            {
                suffix++;
            }

            taken.NextSuffix[id] = suffix + 1;
            id = $"{id}-{suffix}";
        }

        attributes.Id = id;
    }
}

using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace BlackJanuary.Markdown;

/// <summary>
/// Pandoc's bracketed spans: <c>[words]{lang=en}</c> becomes <c>&lt;span lang="en"&gt;words&lt;/span&gt;</c>.
/// A citation title in English inside an Azerbaijani or Russian paragraph needs its language
/// marked, or a screen reader reads it with the page's pronunciation; Markdig's generic attributes
/// alone would give the attribute to the whole paragraph. Which attributes survive is decided
/// where every attribute of the body is judged (<see cref="MarkdownStage"/>), as for headings.
/// </summary>
internal sealed class BracketedSpanExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before links: '[text](url)' is a link, '[text]{…}' a span; the scan tells them apart.
        if (!pipeline.InlineParsers.Contains<BracketedSpanParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new BracketedSpanParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<BracketedSpanRenderer>())
        {
            html.ObjectRenderers.Insert(0, new BracketedSpanRenderer());
        }
    }
}

/// <summary>A span of inlines with attributes; open until its ']' is read.</summary>
internal sealed class BracketedSpan : ContainerInline
{
    /// <summary>Where in the paragraph's text its closing ']' is, found when it was opened.</summary>
    public int CloseAt { get; init; }
}

internal sealed class BracketedSpanParser : InlineParser
{
    public BracketedSpanParser() => OpeningCharacters = ['[', ']'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice) =>
        slice.CurrentChar == '[' ? Open(processor, ref slice) : Close(processor, ref slice);

    private bool Open(InlineProcessor processor, ref StringSlice slice)
    {
        // Only a '[' whose own ']' is followed at once by attributes opens a span; anything else
        // (a link, a footnote, plain brackets) is left to the parsers after this one.
        var close = Brackets(processor, slice.Text)[slice.Start];
        if (close < 0 || close + 1 > slice.End || slice.Text[close + 1] != '{')
        {
            return false;
        }

        var attributes = new StringSlice(slice.Text, close + 1, slice.End);
        if (!GenericAttributesParser.TryParse(ref attributes, out _))
        {
            return false;
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new BracketedSpan { CloseAt = close, IsClosed = false, Span = new(start, start), Line = line, Column = column };
        slice.SkipChar();
        return true;
    }

    private static bool Close(InlineProcessor processor, ref StringSlice slice)
    {
        // The innermost open container is the span whose ']' this is, or there is none here.
        if (Innermost(processor.Root) is not { } span || span.CloseAt != slice.Start)
        {
            return false;
        }

        slice.SkipChar();
        if (!GenericAttributesParser.TryParse(ref slice, out var attributes))
        {
            return false;
        }

        // The attribute reader also takes the spaces and line break after '}', which are the text's.
        while (slice.Start > 0 && char.IsWhiteSpace(slice.Text[slice.Start - 1]))
        {
            slice.Start--;
        }

        span.SetAttributes(attributes);
        // Emphasis inside the span pairs up within it, as inside a link's text.
        processor.PostProcessInlines(0, span, null, false);
        span.IsClosed = true;
        processor.Inline = null;
        return true;
    }

    /// <summary>
    /// The innermost span still open on the chain of open containers that the next inline would
    /// go into; emphasis delimiters inside it are open containers too, until emphasis is paired.
    /// </summary>
    private static BracketedSpan? Innermost(ContainerInline? root)
    {
        var span = (BracketedSpan?)null;
        for (var open = root; open?.LastChild is ContainerInline { IsClosed: false } child; open = child)
        {
            span = child as BracketedSpan ?? span;
        }

        return span;
    }

    /// <summary>
    /// For every '[' of <paramref name="text"/>, the offset of the ']' that closes it, or -1; found
    /// in one pass per text and kept for its other brackets, so that a run of thousands of '['
    /// costs linear time, not a scan to the end of the paragraph from each of them.
    /// </summary>
    private int[] Brackets(InlineProcessor processor, string text)
    {
        if (processor.ParserStates[Index] is (string known, int[] found) && ReferenceEquals(known, text))
        {
            return found;
        }

        var matches = new int[text.Length];
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            matches[i] = -1;
            switch (text[i])
            {
                case '\\' when i + 1 < text.Length:
                    matches[++i] = -1;
                    break;
                case '[':
                    open.Push(i);
                    break;
                case ']' when open.Count > 0:
                    matches[open.Pop()] = i;
                    break;
            }
        }

        processor.ParserStates[Index] = (text, matches);
        return matches;
    }
}

internal sealed class BracketedSpanRenderer : HtmlObjectRenderer<BracketedSpan>
{
    protected override void Write(HtmlRenderer renderer, BracketedSpan span)
    {
        // A span never closed (its ']' was inside code, say) is the plain brackets it was written as.
        if (!span.IsClosed)
        {
            renderer.Write('[');
            renderer.WriteChildren(span);
            return;
        }

        if (renderer.EnableHtmlForInline)
        {
            renderer.Write("<span").WriteAttributes(span).Write('>');
        }

        renderer.WriteChildren(span);
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write("</span>");
        }
    }
}

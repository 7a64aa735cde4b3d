using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using BlackJanuary.Model;

namespace BlackJanuary.Templates;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is
/// <see cref="TrustedHtml"/>. Escaping by default means a template author who forgets does not
/// open a hole; the template text itself is written as is.
/// </summary>
/// <remarks>
/// One context serves every page a thread renders (<see cref="Rent"/>): making one allocates some
/// 20 KB of stacks and argument arrays, and its output buffer grows anew, which at 10,000 pages
/// was a tenth of the template stage's garbage. Scriban's <see cref="TemplateContext.Reset"/> is
/// made for such reuse on one thread.
/// </remarks>
internal sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>Bounds on template work, so that a bad or hostile template cannot hang the build.</summary>
    private const int LoopLimitPerPage = 100_000;

    private const int RecursiveLimitPerPage = 64;

    /// <summary>
    /// Time one regex.* call may take. Scriban allows 10 s, which a pattern that backtracks
    /// (like (a+)+$) spends on every page; a template's pattern on a page's text needs microseconds.
    /// </summary>
    public static readonly TimeSpan RegexTimeLimit = TimeSpan.FromMilliseconds(100);

    [ThreadStatic]
    private static HtmlTemplateContext? _idle;

    /// <summary>Output buffers of partials, kept at their grown size for the next include (they nest: head.html includes jsonld.html).</summary>
    private readonly Stack<StringBuilderOutput> _spareOutputs = new();

    private RenderReads? _reads;
    private SiteLanguage? _language;

    private HtmlTemplateContext(ScriptObject builtins)
        : base(builtins)
    {
        LoopLimit = LoopLimitPerPage;
        RecursiveLimit = RecursiveLimitPerPage;
        RegexTimeOut = RegexTimeLimit;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        // Scriban would indent every line of trusted HTML by the spaces before its {{ }},
        // which changes the text of <pre> blocks.
        AutoIndent = false;
    }

    /// <summary>What the page being rendered read, and the problems its templates reported.</summary>
    public RenderReads Reads => _reads ?? throw new InvalidOperationException("the context renders no page");

    /// <summary>The language of the page being rendered: functions shared by every page (t, lang_url, format_date) answer in it.</summary>
    public SiteLanguage PageLanguage => _language ?? throw new InvalidOperationException("the context renders no page");

    public static RenderReads ReadsOf(TemplateContext context) => ((HtmlTemplateContext)context).Reads;

    public static SiteLanguage LanguageOf(TemplateContext context) => ((HtmlTemplateContext)context).PageLanguage;

    /// <summary>
    /// This thread's context, ready for one page; hand it back with <see cref="Return"/> when the
    /// page is done. A render that failed is not handed back: what a throw left half-done in it
    /// is dropped with it.
    /// </summary>
    public static HtmlTemplateContext Rent(ScriptObject builtins, RenderReads reads, SiteLanguage language)
    {
        var context = _idle is { } idle && ReferenceEquals(idle.BuiltinObject, builtins) ? idle : new HtmlTemplateContext(builtins);
        _idle = null;
        (context._reads, context._language) = (reads, language);
        return context;
    }

    public void Return()
    {
        Reset();
        ResetPreviousNewLine();
        (_reads, _language) = (null, null);
        _idle = this;
    }

    /// <summary>
    /// What Scriban's include does (a recursion step, an output and a local scope of the
    /// partial's own, its arguments as $), into a buffer kept for the next include instead of a
    /// new one that grows afresh for every partial of every page.
    /// </summary>
    public string RenderPartial(Template template, ScriptArray arguments, ScriptNode caller)
    {
        EnterRecursive(caller);
        var indent = CurrentIndent;
        CurrentIndent = null;
        var output = _spareOutputs.TryPop(out var spare) ? spare : new StringBuilderOutput();
        PushOutput(output);
        PushLocal();
        try
        {
            SetValue(ScriptVariable.Arguments, arguments, true, true);
            return template.Render(this);
        }
        finally
        {
            PopLocal();
            PopOutput();
            output.Builder.Clear();
            _spareOutputs.Push(output);
            CurrentIndent = indent;
            ExitRecursive(caller);
        }
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is TrustedHtml trusted)
        {
            Write(trusted.Html);
            return this;
        }

        var text = ObjectToString(textAsObject);
        if (!string.IsNullOrEmpty(text))
        {
            Write(Html.Escape(text));
        }

        return this;
    }
}

using BlackJanuary.Configuration;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BlackJanuary.Templates;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is
/// <see cref="TrustedHtml"/>. Escaping by default means a template author who forgets does not
/// open a hole; the template text itself is written as is.
/// </summary>
internal sealed class HtmlTemplateContext(ScriptObject builtins, RenderReads reads, SiteLanguage language) : TemplateContext(builtins)
{
    /// <summary>What the page being rendered read, and the problems its templates reported.</summary>
    public RenderReads Reads { get; } = reads;

    /// <summary>The language of the page being rendered: functions shared by every page (t, lang_url, format_date) answer in it.</summary>
    public SiteLanguage PageLanguage { get; } = language;

    public static RenderReads ReadsOf(TemplateContext context) => ((HtmlTemplateContext)context).Reads;

    public static SiteLanguage LanguageOf(TemplateContext context) => ((HtmlTemplateContext)context).PageLanguage;

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

using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BlackJanuary.Templates;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is
/// <see cref="TrustedHtml"/>. Escaping by default means a template author who forgets does not
/// open a hole; the template text itself is written as is.
/// </summary>
internal sealed class HtmlTemplateContext(ScriptObject builtins) : TemplateContext(builtins)
{
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

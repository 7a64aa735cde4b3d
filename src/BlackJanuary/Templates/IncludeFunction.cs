using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BlackJanuary.Templates;

/// <summary>
/// 'include' that marks its result trusted. Scriban's own include returns the partial's output as a
/// string, which our escaping context would then escape a second time; the partial's values were
/// already escaped as it rendered them. It renders through <see cref="HtmlTemplateContext.RenderPartial"/>.
/// </summary>
internal sealed class IncludeFunction : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(TrustedHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "name");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var caller = callerContext ?? context.CurrentNode ?? throw new ScriptRuntimeException(context.CurrentSpan, "include is called from nowhere");
        // Scriban's include would make named arguments ('title: …') variables of the partial; ours
        // shares the caller's variables instead (docs/templates.md), so it says so rather than drop them.
        if (arguments.Count != 1 || (caller is ScriptFunctionCall call && call.Arguments.Any(a => a is ScriptNamedArgument)))
        {
            throw new ScriptRuntimeException(caller.Span, "include takes exactly one argument, the template's name, like include \"partials/head.html\"; the partial sees the variables of the template that includes it");
        }

        // The template set's loader answers a path for every template it has, and throws for any other name.
        var path = context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), caller)!;
        var html = (HtmlTemplateContext)context;
        return new TrustedHtml(html.RenderPartial(context.GetOrCreateTemplate(path, caller), arguments, caller));
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}

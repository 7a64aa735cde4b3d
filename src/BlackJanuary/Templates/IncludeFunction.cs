using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BlackJanuary.Templates;

/// <summary>
/// 'include' that marks its result trusted. Scriban's own include returns the partial's output as a
/// string, which our escaping context would then escape a second time; the partial's values were
/// already escaped as it rendered them.
/// </summary>
internal sealed class IncludeFunction : IScriptCustomFunction
{
    private static readonly Scriban.Functions.IncludeFunction Builtin = new();

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(TrustedHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "name");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new TrustedHtml(Builtin.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}

using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BlackJanuary.Templates;

/// <summary>
/// A function templates call, which Scriban calls directly. A C# delegate imported into a script
/// object is called through reflection (<c>Delegate.DynamicInvoke</c>), which took a tenth of the
/// template stage: every page calls url, t and asset dozens of times. Scriban checks the number of
/// arguments and converts each to its parameter's type before the call, as for a delegate.
/// </summary>
internal sealed class TemplateFunction : IScriptCustomFunction
{
    private readonly ScriptParameterInfo[] _parameters;
    private readonly Func<TemplateContext, ScriptArray, object?> _invoke;

    private TemplateFunction(Type returnType, ScriptParameterInfo[] parameters, Func<TemplateContext, ScriptArray, object?> invoke, ScriptVarParamKind kind = ScriptVarParamKind.None)
    {
        ReturnType = returnType;
        _parameters = parameters;
        _invoke = invoke;
        VarParamKind = kind;
    }

    /// <summary>A function that fails with <paramref name="message"/> however it is called, with any arguments or none.</summary>
    public static TemplateFunction Refused(string message) =>
        new(typeof(object), [], (_, _) => throw new InvalidOperationException(message), ScriptVarParamKind.Direct);

    public static TemplateFunction Of<T, TResult>(string name, Func<TemplateContext, T, TResult> function) =>
        new(typeof(TResult), [new(typeof(T), name)], (context, arguments) => function(context, (T)arguments[0]!));

    public static TemplateFunction Of<T1, T2, TResult>(string name1, string name2, Func<TemplateContext, T1, T2, TResult> function) =>
        new(typeof(TResult), [new(typeof(T1), name1), new(typeof(T2), name2)], (context, arguments) => function(context, (T1)arguments[0]!, (T2)arguments[1]!));

    public int RequiredParameterCount => _parameters.Length;

    public int ParameterCount => _parameters.Length;

    public ScriptVarParamKind VarParamKind { get; }

    public Type ReturnType { get; }

    public ScriptParameterInfo GetParameterInfo(int index) => index < _parameters.Length ? _parameters[index] : new(typeof(object), "value");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        _invoke(context, arguments);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}

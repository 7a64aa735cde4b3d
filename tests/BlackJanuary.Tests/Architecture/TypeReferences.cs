using System.Reflection;
using System.Reflection.Emit;

namespace BlackJanuary.Tests.Architecture;

/// <summary>
/// Every type a compiled type refers to: in its declaration (base type, interfaces, fields,
/// properties, signatures) and in the instructions of its methods, where most uses are (a call,
/// a `new`, a cast, a lambda's closure). Read from the assembly, so that nothing a source
/// reading would miss (a fully qualified name, a `global using`) slips past.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Each opcode by its value; two-byte opcodes start with 0xFE.
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>(where, referenced type) for each reference <paramref name="type"/> makes; "where" names the member.</summary>
    public static IEnumerable<(string Where, Type Referenced)> Of(Type type)
    {
        var found = new List<(string, Type)>();
        void Add(string where, Type? t)
        {
            foreach (var each in Unfold(t))
            {
                found.Add((where, each));
            }
        }

        Add("base type", type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add("interface", i);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add($"field {field.Name}", field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add($"property {property.Name}", property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var where = $"{(method.IsConstructor ? "constructor" : "method " + method.Name)}";
            if (method is MethodInfo info)
            {
                Add(where, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(where, parameter.ParameterType);
            }

            foreach (var referenced in InBody(method))
            {
                Add(where, referenced);
            }
        }

        return found;
    }

    /// <summary>The type with its element and generic arguments: List&lt;Page&gt; refers to Page.</summary>
    private static IEnumerable<Type> Unfold(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var element in Unfold(type.GetElementType()))
            {
                yield return element;
            }

            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Unfold))
            {
                yield return argument;
            }
        }
    }

    /// <summary>The types named by the tokens of a method's instructions: types, and the types declaring the members it uses.</summary>
    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var op = OpCodesByValue[value];
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                MemberInfo? member = null;
                try
                {
                    member = module.ResolveMember(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A token of a generic context this reading cannot supply: its declaring type is still in a signature.
                }

                if (member is Type t)
                {
                    yield return t;
                }
                else if (member is not null)
                {
                    yield return member.DeclaringType!;
                    if (member is MethodInfo { IsGenericMethod: true } generic)
                    {
                        foreach (var argument in generic.GetGenericArguments())
                        {
                            yield return argument;
                        }
                    }
                }
            }

            at += size;
        }
    }
}

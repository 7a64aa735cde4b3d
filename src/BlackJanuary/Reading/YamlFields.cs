using System.Globalization;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using YamlDotNet.RepresentationModel;

namespace BlackJanuary.Reading;

/// <summary>
/// Typed, located access to one YAML mapping. Every value read that has the wrong shape is
/// reported with its position, and keys nobody asked about are reported as unknown at the end.
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _what;

    public YamlFields(YamlMappingNode node, string file, int firstLine, DiagnosticBag diagnostics, string what)
    {
        _node = node;
        _file = file;
        _lineOffset = firstLine - 1;
        _diagnostics = diagnostics;
        _what = what;
    }

    /// <summary>The mapping at <paramref name="node"/>, or null after reporting that it is something else.</summary>
    public static YamlFields? Of(YamlNode node, string file, int firstLine, DiagnosticBag diagnostics, string what)
    {
        if (node is YamlMappingNode map)
        {
            return new YamlFields(map, file, firstLine, diagnostics, what);
        }

        diagnostics.Error(DiagnosticCodes.WrongType, Locate(file, firstLine, node),
            $"{what} must be a mapping of 'key: value' lines");
        return null;
    }

    public SourceLocation Location => Locate(_file, _lineOffset + 1, _node);

    public SourceLocation LocationOf(string key) =>
        TryGet(key, out var keyNode, out _) ? Locate(_file, _lineOffset + 1, keyNode) : Location;

    public SourceLocation ValueLocationOf(string key) =>
        TryGet(key, out _, out var value) ? Locate(_file, _lineOffset + 1, value) : Location;

    /// <summary>True when the key is present with a value (YAML null counts as absent).</summary>
    public bool Has(string key) => TryGet(key, out _, out var value) && !IsNull(value);

    public string? Text(string key, bool required = false)
    {
        if (!TryGet(key, out _, out var value))
        {
            if (required)
            {
                _diagnostics.Error(DiagnosticCodes.MissingField, Location, $"{_what} has no '{key}'; add '{key}: …'");
            }

            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            var text = scalar.Value ?? "";
            var unset = IsNull(scalar);
            if (TextFile.FirstForbiddenCharacter(text) is var bad and >= 0)
            {
                _diagnostics.Error(DiagnosticCodes.ForbiddenCharacter, Locate(_file, _lineOffset + 1, value),
                    $"'{key}' contains the control character U+{(int)text[bad]:X4}, which HTML and XML forbid; remove the escape that makes it");
                return null;
            }

            if (required && (unset || text.Trim().Length == 0))
            {
                _diagnostics.Error(DiagnosticCodes.MissingField, Locate(_file, _lineOffset + 1, value), $"'{key}' of {_what} is empty; give it a value");
                return null;
            }

            return unset ? null : text;
        }

        _diagnostics.Error(DiagnosticCodes.WrongType, Locate(_file, _lineOffset + 1, value), $"'{key}' of {_what} must be text, not a {Shape(value)}");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                _diagnostics.Error(DiagnosticCodes.WrongType, ValueLocationOf(key), $"'{key}' must be true or false, not '{text}'");
                return null;
        }
    }

    public int? Number(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        _diagnostics.Error(DiagnosticCodes.WrongType, ValueLocationOf(key),
            string.Create(CultureInfo.InvariantCulture, $"'{key}' must be a whole number from {int.MinValue} to {int.MaxValue}, not '{text}'"));
        return null;
    }

    public PartialDate? Date(string key, bool required = false, bool dayRequired = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date) && (!dayRequired || date.Precision == DatePrecision.Day))
        {
            return date;
        }

        var forms = dayRequired ? "YYYY-MM-DD" : "YYYY, YYYY-MM or YYYY-MM-DD";
        _diagnostics.Error(DiagnosticCodes.InvalidDate, ValueLocationOf(key), $"date '{text}' is not a valid date; use {forms}");
        return null;
    }

    /// <summary>The items of a list value, or an empty list after reporting a wrong shape.</summary>
    public IReadOnlyList<YamlNode> List(string key)
    {
        if (!TryGet(key, out _, out var value) || IsNull(value))
        {
            return [];
        }

        if (value is YamlSequenceNode seq)
        {
            return seq.Children.ToList();
        }

        _diagnostics.Error(DiagnosticCodes.WrongType, Locate(_file, _lineOffset + 1, value), $"'{key}' of {_what} must be a list ('- item' lines)");
        return [];
    }

    /// <summary>The texts of a list of plain values ("tags: [memory, baku]"); an item that is not one is reported and left out.</summary>
    public IReadOnlyList<string> Texts(string key) => [.. LocatedTexts(key).Select(t => t.Text)];

    /// <summary>The texts of a list of plain values, each with where it is written.</summary>
    public IReadOnlyList<(string Text, SourceLocation At)> LocatedTexts(string key)
    {
        var texts = new List<(string, SourceLocation)>();
        foreach (var item in List(key))
        {
            if (item is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            {
                texts.Add((text.Trim(), Locate(_file, _lineOffset + 1, item)));
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.WrongType, Locate(_file, _lineOffset + 1, item),
                    $"each item of '{key}' of {_what} must be a short text, like '{key}: [first, second]'; remove the empty or nested item");
            }
        }

        return texts;
    }

    /// <summary>
    /// A map of the site's own values ("extra: {unit: 4th battalion}"), as plain data for the
    /// templates: texts, lists and maps, as written. Null when absent; reported when not a map.
    /// </summary>
    public IReadOnlyDictionary<string, object>? Data(string key)
    {
        if (!TryGet(key, out _, out var value) || IsNull(value))
        {
            return null;
        }

        if (value is not YamlMappingNode map)
        {
            _diagnostics.Error(DiagnosticCodes.WrongType, Locate(_file, _lineOffset + 1, value),
                $"'{key}' of {_what} must be a map of names to values ('{key}:' then indented 'name: value' lines)");
            return null;
        }

        return (IReadOnlyDictionary<string, object>)Plain(map);
    }

    private static object Plain(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children
            .Where(c => c.Key is YamlScalarNode)
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => Plain(c.Value), StringComparer.Ordinal) as IReadOnlyDictionary<string, object>,
        YamlSequenceNode list => list.Children.Select(Plain).ToList(),
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => "",
    };

    public YamlFields? Map(string key)
    {
        if (!TryGet(key, out _, out var value) || IsNull(value))
        {
            return null;
        }

        return Of(value, _file, _lineOffset + 1, _diagnostics, $"'{key}'");
    }

    /// <summary>The mapping's keys, in the order they are written.</summary>
    public IReadOnlyList<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();

    /// <summary>
    /// A value that may be given once for every language ("title: Bridge") or per language
    /// ("title: {en: Bridge, az: Körpü}"): language code → text, with "" as the code of a plain
    /// value. Null when absent (reported when required) or of another shape.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Localized(string key, bool required = false)
    {
        if (!TryGet(key, out _, out var value) || value is not YamlMappingNode)
        {
            return Text(key, required) is { } plain ? new Dictionary<string, string> { [""] = plain } : null;
        }

        var map = Map(key)!;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in map.Keys)
        {
            if (map.Text(code, required) is { } text)
            {
                texts[code] = text;
            }
        }

        return texts.Count > 0 ? texts : null;
    }

    /// <summary>Warns about keys outside <paramref name="known"/>, suggesting the nearest known one.</summary>
    public void WarnUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (known.Contains(key))
            {
                continue;
            }

            var suggestion = Suggest.Nearest(key, known);
            var hint = suggestion is null
                ? $"known keys are: {string.Join(", ", known)}"
                : $"did you mean '{suggestion}'?";
            _diagnostics.Warning(DiagnosticCodes.UnknownKey, Locate(_file, _lineOffset + 1, keyNode),
                $"unknown key '{key}' in {_what} is ignored; {hint}");
        }
    }

    private bool TryGet(string key, out YamlNode keyNode, out YamlNode value)
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                keyNode = k;
                value = v;
                return true;
            }
        }

        keyNode = null!;
        value = null!;
        return false;
    }

    /// <summary>
    /// YAML null: a plain `key:` with nothing after it, `~` or `null`. Editors mean "not set" by
    /// it, so it reads as an absent key everywhere.
    /// </summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    internal static SourceLocation Locate(string file, int firstLine, YamlNode node) =>
        new(file, (int)node.Start.Line + firstLine - 1, (int)node.Start.Column);

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };
}

using BlackJanuary.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BlackJanuary.Reading;

/// <summary>Parses YAML into nodes that keep their line and column, within safe limits.</summary>
public static class YamlDocument
{
    /// <summary>Hand-written content needs few aliases; many of them is how alias-bombs begin.</summary>
    public const int MaxAliases = 64;

    public const int MaxDepth = 32;

    /// <summary>
    /// Parses <paramref name="text"/>; <paramref name="firstLine"/> is the file line the text starts
    /// on (front matter starts on line 2). Returns null (and reports) when the YAML is unusable.
    /// An empty document gives an empty mapping.
    /// </summary>
    public static YamlNode? Parse(string text, string file, int firstLine, DiagnosticBag diagnostics)
    {
        var parser = new LimitedParser(text);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Skip(1).Select(d => d.RootNode).FirstOrDefault(n => n is not YamlScalarNode { Value: null or "" }) is { } lost)
            {
                // Every file the build reads holds one document; YamlDotNet would hand over the
                // first and drop the rest without a word.
                diagnostics.Error(DiagnosticCodes.SecondYamlDocument, new SourceLocation(file, (int)lost.Start.Line + firstLine - 1, (int)lost.Start.Column),
                    "a second YAML document starts here, after a '---' or '...' line, and the build reads only the first: remove that line so that this belongs to the first document, or move it there");
            }

            return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var mark = parser.Relocate(e.Start);
            if (NearestLineSeparator(text, (int)mark.Index) is { } separator
                && At(text, separator) is var at && at.Line >= mark.Line - 1 && at.Line <= mark.Line)
            {
                // YamlDotNet reads U+2028 and U+2029 as line breaks (as YAML 1.1 did), so one pasted
                // into a value breaks it in two; what it then says about indentation would mislead.
                var name = text[separator] == '\u2028' ? "line separator" : "paragraph separator";
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, (int)at.Line + firstLine - 1, (int)at.Column),
                    $"YAML syntax error: the invisible character U+{(int)text[separator]:X4} ({name}) is here, and YAML reads it as a line break; delete it");
                return null;
            }

            if (message.Contains(" tab", StringComparison.OrdinalIgnoreCase) && TabIndent(text, (int)mark.Line) is var (line, column))
            {
                // YamlDotNet points at the start of the scalar or mapping the tab broke, often lines
                // above it; the tab itself is what the editor has to find.
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, line + firstLine - 1, column),
                    "YAML syntax error: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces");
                return null;
            }

            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, (int)mark.Line + firstLine - 1, (int)mark.Column),
                $"YAML syntax error: {Clean(message)}; check indentation, and quote values that contain ': ' or start with a special character");
            return null;
        }
        catch (UnreadableException e)
        {
            diagnostics.Error(e.Code, new SourceLocation(file, e.Line + firstLine - 1, e.Column), e.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (an unclosed '[' before a
            // new '- ' item); the last event it read is the best position we have.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, parser.Line + firstLine - 1, parser.Column),
                "YAML syntax error: the YAML cannot be read after this point; look for an unclosed '[', '{' or quote");
            return null;
        }
        finally
        {
            // Reported whether or not the rest of the YAML could be read: each is a fact on its own.
            foreach (var (key, first, again) in parser.DuplicateKeys)
            {
                diagnostics.Error(DiagnosticCodes.DuplicateKey, new SourceLocation(file, (int)again.Line + firstLine - 1, (int)again.Column),
                    $"'{key}' is already set on line {first.Line + firstLine - 1}; a key may appear once — remove one");
            }

            foreach (var (tag, at) in parser.UnknownTags)
            {
                diagnostics.Warning(DiagnosticCodes.UnknownYamlTag, new SourceLocation(file, (int)at.Line + firstLine - 1, (int)at.Column),
                    $"the YAML tag '{tag}' means nothing to the build, which reads the value after it as it is written (a '!!binary' value stays base64 text); remove the tag, or quote the value if it starts with '!'");
            }
        }
    }

    /// <summary>The line and column (counting line feeds only) of the character at <paramref name="index"/>.</summary>
    private static Mark At(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return new Mark(index, 1 + text.AsSpan(0, index).Count('\n'), index - lineStart + 1);
    }

    /// <summary>The index of the first '\\u' escape of a surrogate (D800–DFFF) from <paramref name="from"/> on, if any.</summary>
    private static int? SurrogateEscape(string text, int from)
    {
        for (var i = text.IndexOf("\\u", Math.Min(from, text.Length), StringComparison.Ordinal); i >= 0; i = text.IndexOf("\\u", i + 2, StringComparison.Ordinal))
        {
            if (i + 6 <= text.Length && int.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code) && code is >= 0xD800 and <= 0xDFFF)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The index of the U+2028 or U+2029 nearest to <paramref name="index"/>, if the text has any.</summary>
    private static int? NearestLineSeparator(string text, int index)
    {
        int? nearest = null;
        for (var i = text.AsSpan().IndexOfAny('\u2028', '\u2029'); i >= 0; i = text.AsSpan(i + 1).IndexOfAny('\u2028', '\u2029') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (nearest is null || Math.Abs(i - index) < Math.Abs(nearest.Value - index))
            {
                nearest = i;
            }
        }

        return nearest;
    }

    /// <summary>
    /// The first line from <paramref name="fromLine"/> on whose indentation holds a tab, and the
    /// tab's column (both 1-based); null when there is none.
    /// </summary>
    private static (int Line, int Column)? TabIndent(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(fromLine, 1) - 1; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; we give the position ourselves.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = (i >= 0 ? message[(i + 3)..] : message).Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    /// <summary>The tags of YAML's core schema: they say what the value already is, and change nothing the build reads.</summary>
    private static readonly HashSet<string> CoreTags = new[] { "str", "int", "float", "bool", "null", "map", "seq" }.Select(t => YamlTagPrefix + t).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Hands YamlDotNet's events to the loader while counting depth and aliases, so the limits
    /// are checked in the one parse, before a deep or alias-heavy document is built into nodes.
    /// It also takes out every key that its mapping already has, with its value, and notes it:
    /// YAML forbids such keys, and YamlDotNet would stop at the first, so the loader gets the
    /// first value and the rest of the file is still read and checked.
    /// </summary>
    private sealed class LimitedParser(string text) : IParser
    {
        private readonly Parser _inner = new(new StringReader(text));

        /// <summary>
        /// Where each line starts, when the text holds U+2028, U+2029 or U+0085: YamlDotNet counts
        /// them as line breaks (as YAML 1.1 did), editors and the rest of the engine do not.
        /// </summary>
        private readonly int[]? _lineStarts = text.AsSpan().IndexOfAny('\u2028', '\u2029', '\u0085') < 0
            ? null
            : [0, .. text.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];

        private ParsingEvent? _current;

        /// <summary>One per open collection: for a mapping, its plain keys so far and whether a key comes next; null for a list.</summary>
        private readonly Stack<MappingKeys?> _open = new();
        private int _depth;
        private int _aliases;

        public int Line { get; private set; } = 1;

        public int Column { get; private set; } = 1;

        public List<(string Key, Mark First, Mark Again)> DuplicateKeys { get; } = [];

        /// <summary>Each tag other than YAML's own (<c>!!str</c>, <c>!!int</c>, …), as written, and where: the build would silently read past it.</summary>
        public List<(string Tag, Mark At)> UnknownTags { get; } = [];

        public ParsingEvent? Current => _current;

        public bool MoveNext()
        {
            while (Next() is { } e)
            {
                if (_open.TryPeek(out var keys) && keys is not null && keys.KeyNext && e is Scalar { Value: var key })
                {
                    if (keys.Seen.TryGetValue(key, out var first))
                    {
                        DuplicateKeys.Add((key, first, e.Start));
                        SkipValueOf(e);
                        continue;
                    }

                    keys.Seen[key] = e.Start;
                }

                Track(e);
                return true;
            }

            return false;
        }

        /// <summary>The next event, counted against the limits; null at the end.</summary>
        private ParsingEvent? Next()
        {
            bool moved;
            try
            {
                moved = _inner.MoveNext();
            }
            catch (ArgumentOutOfRangeException)
            {
                // YamlDotNet's scanner lets char.ConvertToUtf32 throw on an escaped surrogate pair
                // whose halves do not match ("\uD800\u0041", "\uDC00\u8…"), not a YamlException.
                var at = SurrogateEscape(text, _current is null ? 0 : (int)_current.End.Index);
                var mark = at is null ? new Mark(0, Line, Column) : At(text, at.Value);
                var escape = at is null ? "\\u…" : text.Substring(at.Value, 6);
                throw new UnreadableException(DiagnosticCodes.YamlSyntax, mark,
                    $"YAML syntax error: the escape '{escape}' is half of a character (a UTF-16 surrogate) without its other half; write the character itself instead of escapes");
            }
            catch (ArgumentException refused)
            {
                // Other input YamlDotNet refuses with an ArgumentException rather than a YamlException,
                // such as a tag that is no URI ('!!['); found by fuzzing.
                var mark = _current is null ? new Mark(0, Line, Column) : _current.End;
                var reason = refused.Message.Split(" (Parameter", 2)[0].TrimEnd('.');
                throw new UnreadableException(DiagnosticCodes.YamlSyntax, mark,
                    $"YAML syntax error: {reason}; put the value in quotes if it starts with '!', '&' or '*'");
            }

            if (!moved)
            {
                return null;
            }

            var e = _current = Relocate(_inner.Current!);
            Line = (int)e.Start.Line;
            Column = (int)e.Start.Column;
            if (e is NodeEvent { Tag: { IsEmpty: false, IsNonSpecific: false } tag } && !CoreTags.Contains(tag.Value))
            {
                UnknownTags.Add((tag.Value.StartsWith(YamlTagPrefix, StringComparison.Ordinal) ? "!!" + tag.Value[YamlTagPrefix.Length..] : tag.IsLocal ? tag.Value : $"!<{tag.Value}>", e.Start));
            }

            switch (e)
            {
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new UnreadableException(DiagnosticCodes.YamlTooComplex, e.Start, $"YAML is nested more than {MaxDepth} levels deep; flatten the structure");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
                case AnchorAlias when ++_aliases > MaxAliases:
                    throw new UnreadableException(DiagnosticCodes.YamlTooComplex, e.Start, $"YAML uses more than {MaxAliases} aliases (*name); write the values out instead");
            }

            return e;
        }

        /// <summary>The line and column of <paramref name="mark"/> counted with line feeds only.</summary>
        public Mark Relocate(Mark mark)
        {
            if (_lineStarts is null)
            {
                return mark;
            }

            var line = Array.BinarySearch(_lineStarts, (int)mark.Index);
            line = line >= 0 ? line : ~line - 1;
            return new Mark(mark.Index, line + 1, mark.Index - _lineStarts[line] + 1);
        }

        /// <summary>The event with its marks relocated: nodes keep the marks of the events they are built from.</summary>
        private ParsingEvent Relocate(ParsingEvent e) => _lineStarts is null ? e : e switch
        {
            Scalar s => new Scalar(s.Anchor, s.Tag, s.Value, s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, Relocate(s.Start), Relocate(s.End)),
            MappingStart m => new MappingStart(m.Anchor, m.Tag, m.IsImplicit, m.Style, Relocate(m.Start), Relocate(m.End)),
            SequenceStart q => new SequenceStart(q.Anchor, q.Tag, q.IsImplicit, q.Style, Relocate(q.Start), Relocate(q.End)),
            AnchorAlias a => new AnchorAlias(a.Value, Relocate(a.Start), Relocate(a.End)),
            MappingEnd => new MappingEnd(Relocate(e.Start), Relocate(e.End)),
            SequenceEnd => new SequenceEnd(Relocate(e.Start), Relocate(e.End)),
            _ => e,
        };

        /// <summary>Keeps track of which collection is open and whether a mapping expects a key or a value.</summary>
        private void Track(ParsingEvent e)
        {
            if (_open.TryPeek(out var keys) && keys is not null)
            {
                // An alias is a node too, though YamlDotNet's AnchorAlias is no NodeEvent.
                if (e is NodeEvent or AnchorAlias)
                {
                    if (keys.KeyNext)
                    {
                        keys.LastKey = e;
                    }

                    keys.KeyNext = !keys.KeyNext;
                }
                else if (e is MappingEnd && !keys.KeyNext)
                {
                    // YamlDotNet's parser lets some odd input (": *: *b") end a mapping between a key
                    // and its value; its loader then throws ArgumentException, not a YamlException.
                    throw new YamlException(keys.LastKey!.Start, keys.LastKey.End, "this key has no value");
                }
            }

            switch (e)
            {
                case MappingStart:
                    _open.Push(new MappingKeys());
                    break;
                case SequenceStart:
                    _open.Push(null);
                    break;
                case MappingEnd or SequenceEnd:
                    _open.Pop();
                    break;
            }
        }

        /// <summary>Reads past the value of <paramref name="key"/>, however deep.</summary>
        private void SkipValueOf(ParsingEvent key)
        {
            var open = 0;
            while (Next() is { } e)
            {
                if (open == 0 && e is MappingEnd)
                {
                    // As in Track: the parser ended the mapping after a key without its value.
                    throw new YamlException(key.Start, key.End, "this key has no value");
                }

                open += e switch
                {
                    MappingStart or SequenceStart => 1,
                    MappingEnd or SequenceEnd => -1,
                    _ => 0,
                };
                if (open == 0)
                {
                    return;
                }
            }
        }
    }

    private sealed class MappingKeys
    {
        public Dictionary<string, Mark> Seen { get; } = new(StringComparer.Ordinal);

        public bool KeyNext { get; set; } = true;

        public ParsingEvent? LastKey { get; set; }
    }

    /// <summary>A problem found while reading, reported with its own code and message as they are.</summary>
    private sealed class UnreadableException(string code, Mark mark, string message) : Exception(message)
    {
        public string Code { get; } = code;

        public int Line { get; } = (int)mark.Line;

        public int Column { get; } = (int)mark.Column;
    }
}

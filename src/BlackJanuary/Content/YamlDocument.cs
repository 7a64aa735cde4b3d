using BlackJanuary.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BlackJanuary.Content;

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
            return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var mark = e.Start;
            var message = Clean(e.InnerException is YamlException inner ? inner.Message : e.Message);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, (int)mark.Line + firstLine - 1, (int)mark.Column),
                $"YAML syntax error: {message}; check indentation, and quote values that contain ': ' or start with a special character");
            return null;
        }
        catch (LimitException e)
        {
            diagnostics.Error(DiagnosticCodes.YamlTooComplex, new SourceLocation(file, e.Line + firstLine - 1, e.Column), e.Message);
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
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; we give the position ourselves.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = (i >= 0 ? message[(i + 3)..] : message).Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>
    /// Hands YamlDotNet's events to the loader while counting depth and aliases, so the limits
    /// are checked in the one parse, before a deep or alias-heavy document is built into nodes.
    /// </summary>
    private sealed class LimitedParser(string text) : IParser
    {
        private readonly Parser _inner = new(new StringReader(text));
        private int _depth;
        private int _aliases;

        public int Line { get; private set; } = 1;

        public int Column { get; private set; } = 1;

        public ParsingEvent? Current => _inner.Current;

        public bool MoveNext()
        {
            if (!_inner.MoveNext())
            {
                return false;
            }

            var e = _inner.Current!;
            Line = (int)e.Start.Line;
            Column = (int)e.Start.Column;
            switch (e)
            {
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new LimitException(e.Start, $"YAML is nested more than {MaxDepth} levels deep; flatten the structure");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
                case AnchorAlias when ++_aliases > MaxAliases:
                    throw new LimitException(e.Start, $"YAML uses more than {MaxAliases} aliases (*name); write the values out instead");
            }

            return true;
        }
    }

    private sealed class LimitException(Mark mark, string message) : Exception(message)
    {
        public int Line { get; } = (int)mark.Line;

        public int Column { get; } = (int)mark.Column;
    }
}

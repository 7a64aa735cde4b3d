using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace BlackJanuary.Content;

/// <summary>
/// How many pages a PDF has, for the line beside a document's link ("PDF, 12 pages, 1.4 MB"). The
/// count is the /Count of the page tree's root: the /Type /Pages dictionary without a /Parent, the
/// last one in the file when an incremental update has replaced it. A lexical scan finds it without
/// following the cross-reference table, which damaged and hand-edited files get wrong; it reads
/// the file once, skipping the data of streams, and looks inside compressed object streams, where
/// PDF 1.5 and later writers keep their dictionaries. Any document is untrusted input, so every
/// read is bounded and a file that cannot be told gives null, never an exception.
/// </summary>
internal static class PdfInfo
{
    /// <summary>Larger files are not read, so a page never waits on a scan of gigabytes.</summary>
    private const long MaxFile = 100L << 20;

    /// <summary>Bounds on an object stream's compressed bytes and what they inflate to, alone and for the whole file, against deflate bombs.</summary>
    private const int MaxCompressed = 16 << 20;
    private const long MaxInflated = 16L << 20;
    private const long MaxInflatedInAll = 64L << 20;

    /// <summary>Real documents nest dictionaries a few levels deep; a file nested deeper is not one, and would otherwise cost memory.</summary>
    private const int MaxDepth = 64;

    /// <summary>The number of pages, or null when the file is not a PDF whose page tree can be read.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static int? PageCount(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (stream.Length > MaxFile)
        {
            return null;
        }

        var scan = new Scan();
        return scan.Read(new Lexer(new Source(stream, MaxFile)), objectStreams: true) ? scan.Root : null;
    }

    private enum Kind
    {
        End,
        Name,
        Integer,
        Keyword,
        DictionaryStart,
        DictionaryEnd,
        ArrayStart,
        ArrayEnd,

        /// <summary>A string, real number or stray delimiter: a value whose content does not matter here.</summary>
        Other,
    }

    private readonly record struct Token(Kind Kind, string Text = "", int Number = 0);

    /// <summary>A dictionary being read: the key whose value comes next, and the values that tell a page tree or an object stream.</summary>
    private sealed class OpenDictionary
    {
        public string Key = "";
        public bool ExpectKey = true;
        public int ArrayDepth;

        /// <summary>The key of the last integer value, which a following 'R' turns into a reference.</summary>
        public string IntegerKey = "";

        public string Type = "";
        public int? Count;
        public bool HasParent;
        public int Filters;
        public bool Flate;

        /// <summary>A value has been read; <paramref name="integerKey"/> is its key when it is an integer.</summary>
        public void ValueRead(string integerKey)
        {
            (ExpectKey, IntegerKey) = (true, integerKey);
        }
    }

    private sealed class Scan
    {
        private long _inflated;

        public int? Root { get; private set; }

        /// <summary>Reads every dictionary of <paramref name="lexer"/>; false when the input is nested beyond any real document.</summary>
        public bool Read(Lexer lexer, bool objectStreams)
        {
            var open = new Stack<OpenDictionary>();
            OpenDictionary? closed = null;
            for (var token = lexer.Next(); token.Kind != Kind.End; token = lexer.Next())
            {
                if (token is { Kind: Kind.Keyword, Text: "stream" or "endobj" })
                {
                    // Whatever a damaged object left open ends with it.
                    open.Clear();
                    if (token.Text == "stream" && !Stream(lexer, objectStreams && closed is { Type: "ObjStm", Filters: 1, Flate: true }))
                    {
                        return false;
                    }

                    closed = null;
                    continue;
                }

                closed = null;
                if (token.Kind == Kind.DictionaryStart)
                {
                    if (open.Count == MaxDepth)
                    {
                        return false;
                    }

                    open.Push(new OpenDictionary());
                    continue;
                }

                if (open.Count == 0)
                {
                    continue;
                }

                var top = open.Peek();
                if (token.Kind == Kind.DictionaryEnd)
                {
                    open.Pop();
                    if (top is { Type: "Pages", HasParent: false, Count: { } count })
                    {
                        Root = count;
                    }

                    if (open.TryPeek(out var parent) && parent.ArrayDepth == 0)
                    {
                        parent.ValueRead("");
                    }

                    closed = open.Count == 0 ? top : null;
                }
                else if (top.ArrayDepth > 0)
                {
                    InArray(top, token);
                }
                else
                {
                    InDictionary(top, token);
                }
            }

            return true;
        }

        private static void InArray(OpenDictionary dictionary, Token token)
        {
            switch (token.Kind)
            {
                case Kind.ArrayStart:
                    dictionary.ArrayDepth++;
                    break;
                case Kind.ArrayEnd when --dictionary.ArrayDepth == 0:
                    dictionary.ValueRead("");
                    break;
                case Kind.Name when dictionary is { Key: "Filter", ArrayDepth: 1 }:
                    Filter(dictionary, token.Text);
                    break;
            }
        }

        private static void InDictionary(OpenDictionary dictionary, Token token)
        {
            switch (token.Kind)
            {
                case Kind.Name when dictionary.ExpectKey:
                    (dictionary.Key, dictionary.ExpectKey) = (token.Text, false);
                    dictionary.HasParent |= token.Text == "Parent";
                    break;
                case Kind.Name:
                    if (dictionary.Key == "Type")
                    {
                        dictionary.Type = token.Text;
                    }
                    else if (dictionary.Key == "Filter")
                    {
                        Filter(dictionary, token.Text);
                    }

                    dictionary.ValueRead("");
                    break;
                case Kind.Integer when !dictionary.ExpectKey:
                    if (dictionary.Key == "Count")
                    {
                        dictionary.Count = token.Number;
                    }

                    dictionary.ValueRead(dictionary.Key);
                    break;
                case Kind.Keyword when token.Text == "R":
                    // '/Count 12 0 R' names the count's object: it cannot be told from here.
                    if (dictionary.IntegerKey == "Count")
                    {
                        dictionary.Count = null;
                    }

                    dictionary.ValueRead("");
                    break;
                case Kind.ArrayStart:
                    dictionary.ArrayDepth = 1;
                    break;
                case Kind.Keyword or Kind.Other when !dictionary.ExpectKey:
                    dictionary.ValueRead("");
                    break;
            }
        }

        private static void Filter(OpenDictionary dictionary, string name)
        {
            dictionary.Filters++;
            dictionary.Flate = name == "FlateDecode";
        }

        /// <summary>Past a stream's data, reading it first when it is an object stream; false as <see cref="Read"/>.</summary>
        private bool Stream(Lexer lexer, bool objectStream)
        {
            var data = lexer.StreamData(objectStream ? MaxCompressed : 0);
            if (data is null || _inflated >= MaxInflatedInAll)
            {
                return true;
            }

            using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            var inflated = new Source(zlib, Math.Min(MaxInflated, MaxInflatedInAll - _inflated));
            try
            {
                return Read(new Lexer(inflated), objectStreams: false);
            }
            catch (InvalidDataException)
            {
                // Encrypted or damaged: what it holds cannot be told, but the rest of the file can.
                return true;
            }
            finally
            {
                _inflated += inflated.Consumed;
            }
        }
    }

    /// <summary>The tokens of PDF's syntax (ISO 32000-1, 7.2), as far as a page count needs them.</summary>
    private sealed class Lexer(Source source)
    {
        /// <summary>Longer names and keywords are none this scan looks for, so they are not kept.</summary>
        private const int MaxWord = 32;

        private static readonly SearchValues<byte> Regular = SearchValues.Create(
            Enumerable.Range(0, 256).Select(b => (byte)b).Where(b => b is not (0 or 9 or 10 or 12 or 13 or 32) && "()<>[]{}/%"u8.IndexOf(b) < 0).ToArray());

        private readonly byte[] _word = new byte[MaxWord];

        public Token Next()
        {
            while (true)
            {
                source.SkipWhitespace();
                switch (source.Next())
                {
                    case -1:
                        return new Token(Kind.End);
                    case '%':
                        while (source.Peek() is not (-1 or '\r' or '\n'))
                        {
                            source.Next();
                        }

                        continue;
                    case '/':
                        return new Token(Kind.Name, Word(NextRegular(), name: true) ?? "");
                    case '<' when source.Peek() == '<':
                        source.Next();
                        return new Token(Kind.DictionaryStart);
                    case '<':
                        while (source.Next() is not (-1 or '>'))
                        {
                        }

                        return new Token(Kind.Other);
                    case '>' when source.Peek() == '>':
                        source.Next();
                        return new Token(Kind.DictionaryEnd);
                    case '[':
                        return new Token(Kind.ArrayStart);
                    case ']':
                        return new Token(Kind.ArrayEnd);
                    case '(':
                        SkipString();
                        return new Token(Kind.Other);
                    case var c when Regular.Contains((byte)c):
                        var word = Word(c, name: false);
                        return word is null ? new Token(Kind.Other)
                            : int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? new Token(Kind.Integer, Number: number)
                            : new Token(Kind.Keyword, word);
                    default:
                        return new Token(Kind.Other);
                }
            }
        }

        /// <summary>The data after a 'stream' keyword, when it is no longer than <paramref name="limit"/>; the lexer moves past it either way.</summary>
        public byte[]? StreamData(int limit)
        {
            // The keyword's end of line is not data.
            if (source.Peek() == '\r')
            {
                source.Next();
            }

            if (source.Peek() == '\n')
            {
                source.Next();
            }

            return source.ReadPast("endstream"u8, limit);
        }

        /// <summary>
        /// The word of regular characters that starts with <paramref name="first"/> (none when -1),
        /// a name's #xx escapes decoded; null when longer than any word this scan looks for.
        /// </summary>
        private string? Word(int first, bool name)
        {
            var length = 0;
            for (var c = first; c >= 0; c = NextRegular())
            {
                if (name && c == '#' && Hex(source.Peek()) is { } high)
                {
                    source.Next();
                    c = high;
                    if (Hex(source.Peek()) is { } low)
                    {
                        source.Next();
                        c = (high << 4) | low;
                    }
                }

                if (length < MaxWord)
                {
                    _word[length] = (byte)c;
                }

                length++;
            }

            return length > MaxWord ? null : Encoding.Latin1.GetString(_word, 0, length);
        }

        private int NextRegular() => source.Peek() is >= 0 and var c && Regular.Contains((byte)c) ? source.Next() : -1;

        private static int? Hex(int c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => null,
        };

        /// <summary>Past a literal string: its parentheses balance unless escaped.</summary>
        private void SkipString()
        {
            for (var depth = 1; depth > 0;)
            {
                switch (source.Next())
                {
                    case -1:
                        return;
                    case '\\':
                        source.Next();
                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth--;
                        break;
                }
            }
        }
    }

    /// <summary>Bytes read through a buffer, at most <paramref name="limit"/> of them, so that no input is read without bound.</summary>
    private sealed class Source(Stream stream, long limit)
    {
        private static readonly SearchValues<byte> Whitespace = SearchValues.Create([0, 9, 10, 12, 13, 32]);

        private readonly byte[] _buffer = new byte[1 << 16];
        private int _at;
        private int _end;

        /// <summary>How many bytes have been taken from the stream.</summary>
        public long Consumed { get; private set; }

        public int Peek() => _at < _end || Fill() ? _buffer[_at] : -1;

        public int Next() => _at < _end || Fill() ? _buffer[_at++] : -1;

        public void SkipWhitespace()
        {
            while (_at < _end || Fill())
            {
                var skip = _buffer.AsSpan(_at, _end - _at).IndexOfAnyExcept(Whitespace);
                if (skip >= 0)
                {
                    _at += skip;
                    return;
                }

                _at = _end;
            }
        }

        /// <summary>Moves past the next <paramref name="marker"/> (or to the end), returning what came before it unless that is longer than <paramref name="keep"/>.</summary>
        public byte[]? ReadPast(ReadOnlySpan<byte> marker, int keep)
        {
            var kept = keep > 0 ? new MemoryStream() : null;
            while (true)
            {
                var rest = _buffer.AsSpan(_at, _end - _at);
                var found = rest.IndexOf(marker);
                // Without the marker, its first bytes may lie at the end of the buffer: they stay for the next read.
                var take = found >= 0 ? found : Math.Max(0, rest.Length - (marker.Length - 1));
                if (kept is not null && kept.Length + take <= keep)
                {
                    kept.Write(rest[..take]);
                }
                else
                {
                    kept = null;
                }

                _at += take;
                if (found >= 0)
                {
                    _at += marker.Length;
                    return kept?.ToArray();
                }

                if (!Fill())
                {
                    kept?.Write(_buffer.AsSpan(_at, _end - _at));
                    _at = _end;
                    return kept?.ToArray();
                }
            }
        }

        /// <summary>Reads more after the bytes not yet taken, which move to the buffer's start; false at the end or the limit.</summary>
        private bool Fill()
        {
            var left = _end - _at;
            _buffer.AsSpan(_at, left).CopyTo(_buffer);
            (_at, _end) = (0, left);
            var read = stream.Read(_buffer, left, (int)Math.Min(_buffer.Length - left, limit - Consumed));
            Consumed += read;
            _end += read;
            return read > 0;
        }
    }
}

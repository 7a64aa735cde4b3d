using System.Buffers;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Reading;

/// <summary>A column of a <see cref="CsvTable"/>: its name as the header writes it, trimmed, and where.</summary>
public readonly record struct CsvColumn(string Name, int Index, SourceLocation At);

/// <summary>One cell's text and where it was written (for a quoted cell, its opening quote).</summary>
public readonly record struct CsvCell(string Text, SourceLocation At)
{
    /// <summary>The items of a list cell (<c>a; b; c</c>), trimmed, empty ones left out.</summary>
    public IReadOnlyList<string> Items => CsvTable.SplitList(Text);
}

/// <summary>One row of a <see cref="CsvTable"/>, with exactly as many cells as the header has columns.</summary>
public readonly struct CsvRow
{
    private readonly CsvTable _table;
    private readonly int _first;

    internal CsvRow(CsvTable table, int first, int line)
    {
        _table = table;
        _first = first;
        Line = line;
    }

    /// <summary>The line where the row starts: a quoted cell may carry it over several lines.</summary>
    public int Line { get; }

    public SourceLocation At => new(_table.File, Line, 1);

    /// <summary>The cell under <paramref name="column"/>, or null when the table has no such column.</summary>
    public CsvCell? Cell(string column) =>
        _table.IndexOf(column) is var i and >= 0 ? this[i] : null;

    /// <summary>The cell under the column at <paramref name="index"/>.</summary>
    public CsvCell this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _table.Columns.Count);
            return _table.CellAt(_first + index);
        }
    }
}

/// <summary>
/// A CSV file that editors write by hand or export from a spreadsheet (RFC 4180, comma-separated,
/// the first row naming the columns), read with the place of every cell so that whoever reads the
/// values can report them as <c>people.csv(line,column)</c>.
/// </summary>
/// <remarks>
/// Cells are kept as offsets into the text and become strings only when asked for: a register of
/// 100,000 people has millions of cells, most of which a build reads once or never. Blank lines
/// are skipped. An unquoted cell is trimmed of spaces and tabs, as are the spaces around a quoted
/// one, since a hand-written <c>id, name</c> means no space; quotes keep them.
/// </remarks>
public sealed class CsvTable
{
    // Stops inside an unquoted cell, and inside a quoted one (where line ends are only counted).
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    private readonly string _text;
    private readonly List<Span> _cells;
    private readonly Dictionary<string, int> _indexes;

    private CsvTable(string text, string file, List<CsvColumn> columns, List<Span> cells)
    {
        _text = text;
        File = file;
        Columns = columns;
        _cells = cells;
        _indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            // The first of two columns of one name wins; the second is already an error.
            _indexes.TryAdd(column.Name, column.Index);
        }

        Rows = [];
    }

    public string File { get; }

    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>The rows that read well, in file order; a row that was reported is not among them.</summary>
    public IReadOnlyList<CsvRow> Rows { get; private set; }

    public bool HasColumn(string name) => _indexes.ContainsKey(name);

    internal int IndexOf(string column) => _indexes.GetValueOrDefault(column, -1);

    /// <summary>
    /// Reads <paramref name="text"/> (as <see cref="TextFile"/> decodes it; a byte-order mark is
    /// skipped too). Returns null, after reporting it, only when there is no header to read; a bad
    /// row is reported and left out, and the rest is still read, except after a quote that never
    /// closes, which leaves nothing after it to read.
    /// </summary>
    public static CsvTable? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var reader = new Reader(text, file, diagnostics);
        return reader.Run();
    }

    /// <summary>
    /// Warns about each column outside <paramref name="known"/>, suggesting the nearest known
    /// name. A known name ending in <c>.*</c> (<c>names.*</c>) stands for a map field: any column
    /// with that prefix and a key after it is known.
    /// </summary>
    public void WarnUnknownColumns(IReadOnlyCollection<string> known, DiagnosticBag diagnostics)
    {
        var prefixes = known.Where(k => k.EndsWith(".*", StringComparison.Ordinal)).Select(k => k[..^1]).ToList();
        foreach (var column in Columns)
        {
            var name = column.Name;
            if (name.Length == 0 || known.Contains(name)
                || prefixes.Any(p => name.Length > p.Length && name.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            // "nmes.az" is nearest to "names.az", which the pattern "names.*" does not spell out.
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var candidates = known.Where(k => !k.EndsWith(".*", StringComparison.Ordinal))
                .Concat(dot > 0 ? prefixes.Select(p => p + name[(dot + 1)..]) : []);
            var hint = Suggest.Nearest(name, candidates) is { } near
                ? $"did you mean '{near}'?"
                : $"known columns are: {string.Join(", ", known)}";
            diagnostics.Warning(DiagnosticCodes.UnknownKey, column.At, $"unknown column '{name}' is ignored; {hint}");
        }
    }

    /// <summary>The items of a list cell, which separates them with ';': trimmed, empty ones left out.</summary>
    public static IReadOnlyList<string> SplitList(string cell) =>
        cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal CsvCell CellAt(int index)
    {
        var span = _cells[index];
        var text = _text.Substring(span.Start, span.Length);
        if (span.Unescape)
        {
            text = text.Replace("\"\"", "\"", StringComparison.Ordinal)
                .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return new CsvCell(text, new SourceLocation(File, span.Line, span.Column));
    }

    /// <summary>
    /// Where a cell's text is in the file. <see cref="Unescape"/> marks a quoted cell with a
    /// doubled quote or a carriage return in it, whose text is not the slice as it stands.
    /// </summary>
    private readonly record struct Span(int Start, int Length, int Line, int Column, bool Unescape);

    /// <summary>One pass over the text; the position, line and the start of the line move together.</summary>
    private sealed class Reader(string text, string file, DiagnosticBag diagnostics)
    {
        private readonly List<Span> _cells = [];
        private int _pos = text.StartsWith('\uFEFF') ? 1 : 0;
        private int _line = 1;
        private int _lineStart = text.StartsWith('\uFEFF') ? 1 : 0;

        public CsvTable? Run()
        {
            List<CsvColumn>? columns = null;
            var headerLine = 0;
            var rows = new List<(int First, int Line)>();
            while (SkipBlankLines())
            {
                var line = _line;
                var first = _cells.Count;
                var outcome = ReadRow();
                if (outcome == RowOutcome.Unclosed)
                {
                    _cells.RemoveRange(first, _cells.Count - first);
                    if (columns is null)
                    {
                        return null;
                    }

                    break;
                }

                if (columns is null)
                {
                    columns = Header(first);
                    headerLine = line;
                    _cells.Clear();
                    continue;
                }

                var count = _cells.Count - first;
                if (outcome == RowOutcome.Read && count != columns.Count)
                {
                    ReportCount(first, count, columns.Count, line, headerLine);
                    outcome = RowOutcome.Reported;
                }

                if (outcome == RowOutcome.Reported)
                {
                    _cells.RemoveRange(first, count);
                    continue;
                }

                rows.Add((first, line));
            }

            if (columns is null)
            {
                diagnostics.Error(DiagnosticCodes.CsvBadHeader, new SourceLocation(file),
                    "the file has no header: its first line must name the columns, separated by commas (such as 'id,name'); write it, or delete the file if there is nothing to list");
                return null;
            }

            var table = new CsvTable(text, file, columns, _cells);
            table.Rows = rows.Select(r => new CsvRow(table, r.First, r.Line)).ToList();
            return table;
        }

        /// <summary>Moves past lines that hold nothing or only spaces and tabs; false at the end of the text.</summary>
        private bool SkipBlankLines()
        {
            while (true)
            {
                var p = SkipSpaces(_pos);
                if (p >= text.Length)
                {
                    _pos = p;
                    return false;
                }

                if (text[p] is not ('\n' or '\r'))
                {
                    return true;
                }

                _pos = p;
                NewLine();
            }
        }

        private RowOutcome ReadRow()
        {
            var outcome = RowOutcome.Read;
            while (true)
            {
                var p = SkipSpaces(_pos);
                if (p < text.Length && text[p] == '"')
                {
                    if (!ReadQuoted(p, ref outcome))
                    {
                        return RowOutcome.Unclosed;
                    }
                }
                else
                {
                    var stop = text.AsSpan(p).IndexOfAny(UnquotedStops);
                    var end = stop < 0 ? text.Length : p + stop;
                    var last = end;
                    while (last > p && text[last - 1] is ' ' or '\t')
                    {
                        last--;
                    }

                    _cells.Add(new Span(p, last - p, _line, p - _lineStart + 1, false));
                    _pos = end;
                }

                if (_pos < text.Length && text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_pos < text.Length)
                {
                    NewLine();
                }

                return outcome;
            }
        }

        /// <summary>Reads the quoted cell whose quote is at <paramref name="open"/>; false when it never closes.</summary>
        private bool ReadQuoted(int open, ref RowOutcome outcome)
        {
            var (line, column) = (_line, open - _lineStart + 1);
            var unescape = false;
            var q = open + 1;
            while (true)
            {
                var stop = text.AsSpan(q).IndexOfAny(QuotedStops);
                if (stop < 0)
                {
                    diagnostics.Error(DiagnosticCodes.CsvQuoteUnclosed, new SourceLocation(file, line, column),
                        "this quoted cell is never closed, so everything after it, to the end of the file, reads as one cell and was skipped; close it with '\"' (a quote inside a quoted cell is written twice: \"\")");
                    return false;
                }

                q += stop;
                if (text[q] != '"')
                {
                    unescape |= text[q] == '\r';
                    _pos = q;
                    NewLine();
                    q = _pos;
                }
                else if (q + 1 < text.Length && text[q + 1] == '"')
                {
                    unescape = true;
                    q += 2;
                }
                else
                {
                    break;
                }
            }

            _cells.Add(new Span(open + 1, q - open - 1, line, column, unescape));
            var after = SkipSpaces(q + 1);
            if (after < text.Length && text[after] is not (',' or '\n' or '\r'))
            {
                if (outcome == RowOutcome.Read && line != _line)
                {
                    // A quote left open pairs with the next row's opening quote, and what that
                    // quote opened follows it: the cause is where the cell opened, lines earlier.
                    diagnostics.Error(DiagnosticCodes.CsvQuoteUnclosed, new SourceLocation(file, line, column),
                        $"this quoted cell runs on to line {_line}, column {q - _lineStart + 1}, where text follows what would be its closing quote, so a closing quote is probably missing here and the lines to there are skipped; close the cell with '\"' (a quote inside a quoted cell is written twice: \"\")");
                    outcome = RowOutcome.Reported;
                }
                else if (outcome == RowOutcome.Read)
                {
                    diagnostics.Error(DiagnosticCodes.CsvTextAfterQuote, new SourceLocation(file, _line, after - _lineStart + 1),
                        "text follows the closing quote of a cell, and the row is skipped; put the whole cell in quotes and write each quote inside it twice (\"a \"\"b\"\" c\")");
                    outcome = RowOutcome.Reported;
                }

                // The rest of the cell is lost either way; its quotes would only mislead the reading of the row.
                var stop = text.AsSpan(after).IndexOfAny(UnquotedStops);
                after = stop < 0 ? text.Length : after + stop;
            }

            _pos = after;
            return true;
        }

        private List<CsvColumn> Header(int first)
        {
            var columns = new List<CsvColumn>(_cells.Count - first);
            var seen = new Dictionary<string, CsvColumn>(StringComparer.Ordinal);
            for (var i = first; i < _cells.Count; i++)
            {
                var span = _cells[i];
                var at = new SourceLocation(file, span.Line, span.Column);
                var name = text.AsSpan(span.Start, span.Length).Trim().ToString();
                if (span.Unescape)
                {
                    name = name.Replace("\"\"", "\"", StringComparison.Ordinal);
                }

                var column = new CsvColumn(name, i - first, at);
                if (name.Length == 0)
                {
                    diagnostics.Error(DiagnosticCodes.CsvBadHeader, at,
                        $"column {i - first + 1} of the header has no name; name it (such as 'names.ru'), or remove the comma that makes it");
                }
                else if (seen.TryGetValue(name, out var earlier))
                {
                    diagnostics.Error(DiagnosticCodes.CsvBadHeader, at,
                        $"the column '{name}' is already named at column {earlier.At.Column} of the header; a column may appear once, so remove or rename one");
                }
                else
                {
                    seen.Add(name, column);
                }

                columns.Add(column);
            }

            return columns;
        }

        private void ReportCount(int first, int count, int expected, int line, int headerLine)
        {
            // Too many cells: the first extra one is where the stray comma took effect.
            var at = count > expected
                ? new SourceLocation(file, _cells[first + expected].Line, _cells[first + expected].Column)
                : new SourceLocation(file, line, 1);
            var fix = count > expected
                ? "put a cell that holds a comma in double quotes (\"Test, Person\"), or remove the extra comma"
                : "add the missing cells (an empty cell is just its comma), or check the quotes of a cell that holds a comma";
            diagnostics.Error(DiagnosticCodes.CsvCellCount, at,
                $"this row has {count} {(count == 1 ? "cell" : "cells")}, but the header on line {headerLine} has {expected} {(expected == 1 ? "column" : "columns")}, so the row is skipped; {fix}");
        }

        private int SkipSpaces(int p)
        {
            while (p < text.Length && text[p] is ' ' or '\t')
            {
                p++;
            }

            return p;
        }

        /// <summary>Moves past the line end at the position (CR LF, LF or a lone CR).</summary>
        private void NewLine()
        {
            _pos += text[_pos] == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n' ? 2 : 1;
            _line++;
            _lineStart = _pos;
        }
    }

    private enum RowOutcome
    {
        Read,
        Reported,
        Unclosed,
    }
}

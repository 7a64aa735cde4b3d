using System.Buffers;
using BlackJanuary.Diagnostics;

namespace BlackJanuary.Reading;

public sealed partial class CsvTable
{
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

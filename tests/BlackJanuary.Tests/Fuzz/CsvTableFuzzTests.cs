using BlackJanuary.Diagnostics;
using BlackJanuary.Reading;
using FsCheck;
using FsCheck.Fluent;

namespace BlackJanuary.Tests.Fuzz;

/// <summary>
/// The CSV reader against what any spreadsheet may write (it reads back what was written, each
/// cell where it was written) and against any text at all (it never throws, and reports each bad
/// place once). See <see cref="FuzzPropertyAttribute"/> for how many cases run.
/// </summary>
public class CsvTableFuzzTests
{
    private static readonly Gen<string> Cell = Gen.Frequency(
            (6, Gen.Elements("Test Person One", "Тест Один", "Test Şəxs", "a", "1990-01-20", "x;y", "", " ", "é")),
            (3, Gen.Elements(",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", ";")),
            (1, FuzzInput.AnyChar.Where(c => c is not '\uFEFF').Select(c => c.ToString())))
        .ListOf().Select(pieces => string.Concat(pieces.Take(6)));

    private static readonly Gen<string> ColumnName = Gen.Elements("id", "name", "names.az", "names.ru", "born", "died", "tags", "Ad, soyad", "say \"hi\"");

    private static readonly Gen<Written> Tables =
        from columns in Gen.Choose(1, 6)
        from names in Gen.Shuffle(Enumerable.Range(0, 12).ToArray()).Select(order => order.Take(columns).ToArray())
        from header in ColumnName.ArrayOf(columns).Select(n => n.Select((name, i) => $"{name}{names[i]}").ToArray())
        from rows in Cell.ArrayOf(columns).ListOf().Select(r => r.Take(8).ToArray())
        from lineEnd in Gen.Elements("\n", "\r\n", "\r")
        from bom in Gen.Elements(true, false)
        from endsInLineEnd in Gen.Elements(true, false)
        select Written.Of(header, rows, lineEnd, bom, endsInLineEnd);

    private static readonly Gen<string> CsvText = Gen.Sized(size => Gen.Choose(0, size).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency(
                (5, Gen.Elements(",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "\t", "a", "id", "name", "Test Person One", "Тест", "\uFEFF", ";")),
                (1, FuzzInput.AnyChar.Select(c => c.ToString()))),
            n)))
        .Select(string.Concat);

    [FuzzProperty]
    public Property A_table_written_with_correct_quoting_reads_back_to_the_same_cells_where_they_were_written() =>
        Prop.ForAll(Arb.From(Tables), written =>
        {
            var bag = new DiagnosticBag();
            var table = CsvTable.Read(written.Text, "t.csv", bag);

            Assert.False(bag.Any, string.Join("\n", bag.Sorted()));
            Assert.NotNull(table);
            Assert.Equal(written.Header, table.Columns.Select(c => c.Name));
            Assert.Equal(written.Rows.Length, table.Rows.Count);
            for (var r = 0; r < written.Rows.Length; r++)
            {
                for (var c = 0; c < written.Header.Length; c++)
                {
                    var cell = table.Rows[r][c];
                    Assert.Equal(written.Rows[r][c].Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), cell.Text);
                    Assert.Equal(written.Starts[r][c], cell.At);
                    Assert.Equal(cell, table.Rows[r].Cell(written.Header[c]));
                }

                Assert.Equal(written.Starts[r][0].Line, table.Rows[r].Line);
            }
        });

    [FuzzProperty]
    public Property Any_text_reads_without_throwing_and_each_problem_is_reported_once_inside_the_text() =>
        Prop.ForAll(Arb.From(CsvText.Select(t => new FuzzText(t)), t => FuzzInput.ShrinkText(t.Value).Select(v => new FuzzText(v))), input =>
        {
            var text = input.Value;
            var bag = new DiagnosticBag();
            var table = CsvTable.Read(text, "t.csv", bag);
            var diagnostics = bag.Sorted();

            var lines = 1 + text.Count(c => c == '\n') + text.Count(c => c == '\r');
            foreach (var d in diagnostics)
            {
                Assert.Equal("t.csv", d.Location.File);
                Assert.InRange(d.Location.Line, d.Code == DiagnosticCodes.CsvBadHeader && table is null ? 0 : 1, lines);
            }

            var unclosed = diagnostics.Where(d => d.Code == DiagnosticCodes.CsvQuoteUnclosed && d.Message.Contains("end of the file", StringComparison.Ordinal)).ToList();
            Assert.True(unclosed.Count <= 1);
            if (unclosed.Count == 1)
            {
                Assert.All(diagnostics, d => Assert.True(d.Location.Line <= unclosed[0].Location.Line, "nothing is reported after a quote that never closes"));
            }

            // A row is reported once, whatever is wrong with it; a quote that opens and never
            // closes is a problem of the whole rest of the file, and counts apart.
            var rowProblems = diagnostics.Where(d => d.Code is DiagnosticCodes.CsvQuoteUnclosed or DiagnosticCodes.CsvTextAfterQuote or DiagnosticCodes.CsvCellCount)
                .Except(unclosed).ToList();
            Assert.Equal(rowProblems.Count, rowProblems.Select(d => d.Location.Line).Distinct().Count());

            if (table is null)
            {
                Assert.True(bag.HasErrors);
                return;
            }

            foreach (var row in table.Rows)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    Assert.InRange(row[c].At.Line, row.Line, lines);
                    if (table.Columns.First(x => x.Name == table.Columns[c].Name).Index == c)
                    {
                        Assert.Equal(row[c], row.Cell(table.Columns[c].Name));
                    }
                }
            }
        });

    /// <summary>A table as a spreadsheet writes it, with where each cell starts.</summary>
    internal sealed record Written(string Text, string[] Header, string[][] Rows, SourceLocation[][] Starts)
    {
        public static Written Of(string[] header, string[][] rows, string lineEnd, bool bom, bool endsInLineEnd)
        {
            var text = new System.Text.StringBuilder(bom ? "\uFEFF" : "");
            var (line, lineStart) = (1, text.Length);
            var starts = new List<SourceLocation[]>();
            foreach (var (row, r) in new[] { header }.Concat(rows).Select((row, r) => (row, r)))
            {
                var rowStarts = new SourceLocation[row.Length];
                for (var c = 0; c < row.Length; c++)
                {
                    if (c > 0)
                    {
                        text.Append(',');
                    }

                    rowStarts[c] = new SourceLocation("t.csv", line, text.Length - lineStart + 1);
                    var cell = row[c];
                    // Quotes for what would otherwise end the cell or be trimmed, and for an empty
                    // row of one column, which would be a blank line.
                    var quoted = cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || cell.Trim(' ', '\t') != cell || cell.Length == 0;
                    var inner = quoted ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
                    foreach (var ch in inner.Select((ch, i) => (ch, i)))
                    {
                        text.Append(ch.ch);
                        var lineBreak = ch.ch == '\n' || (ch.ch == '\r' && (ch.i + 1 >= inner.Length || inner[ch.i + 1] != '\n'));
                        if (lineBreak)
                        {
                            (line, lineStart) = (line + 1, text.Length);
                        }
                    }
                }

                if (r > 0)
                {
                    starts.Add(rowStarts);
                }

                if (r < rows.Length || endsInLineEnd)
                {
                    text.Append(lineEnd);
                    (line, lineStart) = (line + 1, text.Length);
                }
            }

            return new Written(text.ToString(), header, rows, [.. starts]);
        }

        public override string ToString() => FuzzInput.Literal(Text);
    }
}

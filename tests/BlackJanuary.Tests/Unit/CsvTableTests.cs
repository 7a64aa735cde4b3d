using System.Globalization;
using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Reading;

namespace BlackJanuary.Tests.Unit;

public class CsvTableTests
{
    private const string File = "content/people.csv";

    [Fact]
    public void Quoted_cells_hold_commas_line_breaks_and_doubled_quotes()
    {
        var (table, diagnostics) = Read(
            "id,name,place\n" +
            "test-person-one,\"Test, Person One\",\"Line one\nline two\"\n" +
            "test-person-two,\"Said \"\"no\"\"\",Bakı\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["id", "name", "place"], table.Columns.Select(c => c.Name));
        Assert.Equal([2, 4], table.Rows.Select(r => r.Line));
        Assert.Equal(new CsvCell("Test, Person One", new SourceLocation(File, 2, 17)), table.Rows[0].Cell("name"));
        Assert.Equal(new CsvCell("Line one\nline two", new SourceLocation(File, 2, 36)), table.Rows[0].Cell("place"));
        Assert.Equal(new CsvCell("Said \"no\"", new SourceLocation(File, 4, 17)), table.Rows[1].Cell("name"));
        Assert.Equal(new CsvCell("Bakı", new SourceLocation(File, 4, 31)), table.Rows[1].Cell("place"));
    }

    [Fact]
    public void Crlf_and_lone_cr_end_lines_and_a_byte_order_mark_takes_no_column()
    {
        var (table, diagnostics) = Read("\uFEFFid,name\r\na,Тест Один\rb,\"Test\r\nŞəxs\"\r\n");

        Assert.Empty(diagnostics);
        Assert.Equal(new SourceLocation(File, 1, 1), table.Columns[0].At);
        Assert.Equal([2, 3], table.Rows.Select(r => r.Line));
        Assert.Equal(new CsvCell("Тест Один", new SourceLocation(File, 2, 3)), table.Rows[0].Cell("name"));
        Assert.Equal(new CsvCell("Test\nŞəxs", new SourceLocation(File, 3, 3)), table.Rows[1].Cell("name"));
    }

    [Fact]
    public void Blank_lines_and_the_empty_line_at_the_end_are_not_rows()
    {
        var (table, diagnostics) = Read("\nid,name\n\na,Test Person One\n  \t\n\n");

        Assert.Empty(diagnostics);
        Assert.Equal(new SourceLocation(File, 2, 1), table.Columns[0].At);
        Assert.Equal(4, Assert.Single(table.Rows).Line);
    }

    [Fact]
    public void Trailing_cells_may_be_empty_and_are_located_after_their_comma()
    {
        var (table, diagnostics) = Read("id,name,place\na,,\n");

        Assert.Empty(diagnostics);
        var row = Assert.Single(table.Rows);
        Assert.Equal(new CsvCell("", new SourceLocation(File, 2, 3)), row.Cell("name"));
        Assert.Equal(new CsvCell("", new SourceLocation(File, 2, 4)), row[2]);
    }

    [Fact]
    public void Spaces_around_a_cell_are_dropped_but_quotes_keep_those_inside_them()
    {
        var (table, diagnostics) = Read(" id ,\" name\" \n a , \"  Test Person One \" \n");

        Assert.Empty(diagnostics);
        Assert.Equal(["id", "name"], table.Columns.Select(c => c.Name));
        var row = Assert.Single(table.Rows);
        Assert.Equal(new CsvCell("a", new SourceLocation(File, 2, 2)), row.Cell("id"));
        Assert.Equal(new CsvCell("  Test Person One ", new SourceLocation(File, 2, 6)), row.Cell("name"));
    }

    [Fact]
    public void A_header_only_table_has_columns_and_no_rows()
    {
        var (table, diagnostics) = Read("id,name,names.az");

        Assert.Empty(diagnostics);
        Assert.Equal(new CsvColumn("names.az", 2, new SourceLocation(File, 1, 9)), table.Columns[2]);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void A_column_the_table_lacks_has_no_cell()
    {
        var (table, _) = Read("id\na");

        Assert.Null(table.Rows[0].Cell("name"));
        Assert.False(table.HasColumn("name"));
        Assert.True(table.HasColumn("id"));
    }

    [Fact]
    public void A_list_cell_splits_on_semicolons_into_trimmed_items_without_empty_ones() =>
        Assert.Equal(["1990-01-20-night", "funeral", "Test Şəxs"], CsvTable.SplitList(" 1990-01-20-night; funeral;; Test Şəxs ;"));

    [Fact]
    public void A_quote_that_never_closes_is_reported_once_where_it_opens_and_ends_the_table()
    {
        var (table, diagnostics) = Read("id,name\nx,Test Person One\na,\"Test Person Two\nb,c\nd,e\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal(
            "content/people.csv(3,3): error BJ1015: this quoted cell is never closed, so everything after it, to the end of the file, reads as one cell and was skipped; close it with '\"' (a quote inside a quoted cell is written twice: \"\")",
            d.Format());
        Assert.Equal(2, Assert.Single(table.Rows).Line);
    }

    [Fact]
    public void A_quote_left_open_that_the_next_rows_quote_closes_is_reported_once_where_it_opens()
    {
        var (table, diagnostics) = Read("id,name\na,\"Test Person One\nb,\"Test Person Two\"\nc,\"Test Person Three\"\n");

        Assert.Equal(
            "content/people.csv(2,3): error BJ1015: this quoted cell runs on to line 3, column 3, where text follows what would be its closing quote, so a closing quote is probably missing here and the lines to there are skipped; close the cell with '\"' (a quote inside a quoted cell is written twice: \"\")",
            Assert.Single(diagnostics).Format());
        Assert.Equal(new CsvCell("Test Person Three", new SourceLocation(File, 4, 3)), Assert.Single(table.Rows).Cell("name"));
    }

    [Fact]
    public void A_quote_that_never_closes_in_the_header_leaves_no_table()
    {
        var (table, diagnostics) = ReadMaybe("id,\"name\na,b\n");

        Assert.Null(table);
        Assert.Equal(new SourceLocation(File, 1, 4), Assert.Single(diagnostics).Location);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported_there_and_the_row_is_left_out()
    {
        var (table, diagnostics) = Read("id,name\na,\"Test\"Person, \"x\"y\nb,c\n");

        Assert.Equal(
            "content/people.csv(2,9): error BJ1016: text follows the closing quote of a cell, and the row is skipped; put the whole cell in quotes and write each quote inside it twice (\"a \"\"b\"\" c\")",
            Assert.Single(diagnostics).Format());
        Assert.Equal(3, Assert.Single(table.Rows).Line);
    }

    [Fact]
    public void A_row_with_too_many_cells_is_reported_at_the_first_extra_one()
    {
        var (table, diagnostics) = Read("id,name\na,Test, Person One\nb,c\n");

        Assert.Equal(
            "content/people.csv(2,9): error BJ1017: this row has 3 cells, but the header on line 1 has 2 columns, so the row is skipped; put a cell that holds a comma in double quotes (\"Test, Person\"), or remove the extra comma",
            Assert.Single(diagnostics).Format());
        Assert.Equal(3, Assert.Single(table.Rows).Line);
    }

    [Fact]
    public void A_row_with_too_few_cells_is_reported_at_its_start()
    {
        var (table, diagnostics) = Read("id,name,place\n\"a\nb\"\nc,d,e\n");

        Assert.Equal(
            "content/people.csv(2,1): error BJ1017: this row has 1 cell, but the header on line 1 has 3 columns, so the row is skipped; add the missing cells (an empty cell is just its comma), or check the quotes of a cell that holds a comma",
            Assert.Single(diagnostics).Format());
        Assert.Equal(4, Assert.Single(table.Rows).Line);
    }

    [Fact]
    public void A_header_column_without_a_name_is_reported_at_its_cell()
    {
        var (table, diagnostics) = Read("id,,name\na,b,c\n");

        Assert.Equal(
            "content/people.csv(1,4): error BJ1018: column 2 of the header has no name; name it (such as 'names.ru'), or remove the comma that makes it",
            Assert.Single(diagnostics).Format());
        Assert.Equal("c", table.Rows[0].Cell("name")?.Text);
    }

    [Fact]
    public void A_column_named_twice_is_reported_at_the_second_and_the_first_is_read()
    {
        var (table, diagnostics) = Read("id,name, name\na,b,c\n");

        Assert.Equal(
            "content/people.csv(1,10): error BJ1018: the column 'name' is already named at column 4 of the header; a column may appear once, so remove or rename one",
            Assert.Single(diagnostics).Format());
        Assert.Equal("b", table.Rows[0].Cell("name")?.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n \r\n\t\n")]
    public void A_file_without_a_header_is_reported_at_the_file(string text)
    {
        var (table, diagnostics) = ReadMaybe(text);

        Assert.Null(table);
        Assert.Equal(
            "content/people.csv: error BJ1018: the file has no header: its first line must name the columns, separated by commas (such as 'id,name'); write it, or delete the file if there is nothing to list",
            Assert.Single(diagnostics).Format());
    }

    [Fact]
    public void Unknown_columns_are_warned_about_with_the_nearest_known_name()
    {
        var (table, _) = Read("id,nmae,names.az,nmes.ru,extra.motto,colour\n");
        var bag = new DiagnosticBag();

        table.WarnUnknownColumns(["id", "name", "names.*", "extra.*"], bag);

        Assert.Equal(
            [
                "content/people.csv(1,4): warning BJ2006: unknown column 'nmae' is ignored; did you mean 'name'?",
                "content/people.csv(1,18): warning BJ2006: unknown column 'nmes.ru' is ignored; did you mean 'names.ru'?",
                "content/people.csv(1,38): warning BJ2006: unknown column 'colour' is ignored; known columns are: id, name, names.*, extra.*",
            ],
            bag.Sorted().Select(d => d.Format()));
    }

    [Fact]
    public void A_table_of_100000_rows_and_20_columns_reads_every_row_with_its_place()
    {
        var text = LargeTable(100_000, badRow: -1);

        var (table, diagnostics) = Read(text);

        Assert.Empty(diagnostics);
        Assert.Equal(100_000, table.Rows.Count);
        var last = table.Rows[^1];
        Assert.Equal(100_001, last.Line);
        Assert.Equal(new CsvCell("Test, Person 99999", new SourceLocation(File, 100_001, 11)), last[1]);
        Assert.Equal(new CsvCell("r99999c19", new SourceLocation(File, 100_001, 202)), last[19]);
    }

    [Fact]
    public void One_bad_row_among_100000_is_reported_once_and_the_others_are_read()
    {
        var text = LargeTable(100_000, badRow: 54_321);

        var (table, diagnostics) = Read(text);

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.CsvCellCount, new SourceLocation(File, 54_323, 1)), (d.Code, d.Location));
        Assert.StartsWith("this row has 19 cells, but the header on line 1 has 20 columns", d.Message, StringComparison.Ordinal);
        Assert.Equal(99_999, table.Rows.Count);
        Assert.Equal(54_324, table.Rows[54_321].Line);
    }

    /// <summary>
    /// About 20 MB of text, each cell nine characters and the second one quoted with a comma in
    /// it, so that each column starts at a known place. The bad row lacks its last cell.
    /// </summary>
    private static string LargeTable(int rows, int badRow)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Enumerable.Range(0, 20).Select(c => string.Create(CultureInfo.InvariantCulture, $"column{c}"))).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            var cells = r == badRow ? 19 : 20;
            for (var c = 0; c < cells; c++)
            {
                sb.Append(c == 0 ? "" : ",");
                if (c == 1)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\"Test, Person {r:D5}\"");
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"r{r:D5}c{c:D2}");
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static (CsvTable Table, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var (table, diagnostics) = ReadMaybe(text);
        Assert.NotNull(table);
        return (table, diagnostics);
    }

    private static (CsvTable? Table, IReadOnlyList<Diagnostic> Diagnostics) ReadMaybe(string text)
    {
        var bag = new DiagnosticBag();
        var table = CsvTable.Read(text, File, bag);
        return (table, bag.Sorted());
    }
}

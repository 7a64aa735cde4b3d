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
public sealed partial class CsvTable
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
}

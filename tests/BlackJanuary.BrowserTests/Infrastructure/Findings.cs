namespace BlackJanuary.BrowserTests.Infrastructure;

/// <summary>
/// Problems gathered across many pages, so that one failing test lists all of them (page, then
/// problem) instead of stopping at the first.
/// </summary>
public sealed class Findings
{
    private readonly List<string> _lines = [];

    public void Add(string where, IEnumerable<string> problems) => _lines.AddRange(problems.Select(p => $"{where}: {p}"));

    public void Add(string where, string problem) => _lines.Add($"{where}: {problem}");

    public void AssertNone(string what)
    {
        if (_lines.Count > 0)
        {
            Assert.Fail($"{_lines.Count} {what}:{Environment.NewLine}{string.Join(Environment.NewLine, _lines.Select(l => "  " + l))}");
        }
    }
}

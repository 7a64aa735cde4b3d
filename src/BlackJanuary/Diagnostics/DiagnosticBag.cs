using System.Collections.Concurrent;

namespace BlackJanuary.Diagnostics;

/// <summary>
/// Collects every problem of a build, from any thread, so that an editor sees all of them at once.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _items.Enqueue(d);
        }
    }

    public void Error(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(Severity.Error, code, location, message));

    public void Warning(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(Severity.Warning, code, location, message));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public bool Any => !_items.IsEmpty;

    /// <summary>
    /// Sorted by file, then position, so that output is the same whatever the thread timing; a
    /// template error met by every page is reported once.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct().OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}

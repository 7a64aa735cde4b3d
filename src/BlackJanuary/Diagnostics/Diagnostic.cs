namespace BlackJanuary.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A place in a source file; line and column are 1-based, 0 when unknown.</summary>
public readonly record struct SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary>The place as messages show it, with any character a file name may hold but a terminal must not get escaped (see <see cref="Printable"/>).</summary>
    public string Format(string? relativeTo)
    {
        var path = File;
        if (relativeTo is not null && Path.IsPathRooted(path))
        {
            var rel = Path.GetRelativePath(relativeTo, path);
            if (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel))
            {
                path = rel;
            }
        }

        path = Printable.Escape(path.Replace('\\', '/'));
        return Line > 0 ? $"{path}({Line},{Math.Max(Column, 1)})" : path;
    }
}

/// <summary>
/// One problem found by any stage. The message says what is wrong and what to do about it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message)
{
    /// <summary>
    /// MSBuild/GCC form, which editors and CI logs turn into links: always one line, whatever the
    /// content the message quotes (see <see cref="Printable"/>).
    /// </summary>
    public string Format(string? relativeTo = null) =>
        $"{Location.Format(relativeTo)}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Printable.Escape(Message)}";

    public override string ToString() => Format();
}

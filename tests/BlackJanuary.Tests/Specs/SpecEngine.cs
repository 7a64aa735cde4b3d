using System.Globalization;

namespace BlackJanuary.Tests.Specs;

/// <summary>
/// A diagnostic as specs write it: "error BJ2001 content/pages/about.md:3:8 message", the path
/// relative to the fixture, ":line:column" left out when the engine knows no line.
/// </summary>
public sealed record SpecDiagnostic(string Severity, string Code, string Location, string Message)
{
    public override string ToString() => $"{Severity} {Code} {Location} {Message}".TrimEnd();

    /// <summary>Whether this actual diagnostic is the one <paramref name="expected"/> describes: all equal but the message, which need only start with the expected one.</summary>
    public bool Matches(SpecDiagnostic expected) =>
        Severity == expected.Severity && Code == expected.Code && Location == expected.Location
        && Message.StartsWith(expected.Message, StringComparison.Ordinal);

    public static SpecDiagnostic ParseExpected(string line, Func<string, Exception> error)
    {
        var parts = line.Trim().Split(' ', 4);
        if (parts.Length < 3 || parts[0] is not ("error" or "warning") || !parts[1].StartsWith("BJ", StringComparison.Ordinal))
        {
            throw error($"'{line}' is not a diagnostic; write 'error|warning BJnnnn path[:line:column] message'");
        }

        return new SpecDiagnostic(parts[0], parts[1], parts[2], parts.Length > 3 ? parts[3] : "");
    }
}

/// <summary>An output file: generated text, or a copy of a file of the fixture (path relative to it).</summary>
public sealed record SpecFile(string? Text, string? CopyOf);

/// <summary>What one build gave, in the runner's own terms.</summary>
public sealed record SpecBuild(IReadOnlyList<SpecDiagnostic> Diagnostics, bool Succeeded, IReadOnlyDictionary<string, SpecFile> Files, int PagesRendered);

/// <summary>
/// The only place the runner touches the engine, and it names as few of its types as it can:
/// the engine's namespaces are being reorganised, and the specs must not care.
/// </summary>
public sealed class SpecEngine(string root, bool strict, bool drafts)
{
    private readonly SiteBuilder _session = new(Options(root, strict, drafts, "_site"));

    private static BuildOptions Options(string root, bool strict, bool drafts, string output) =>
        new(Path.Combine(root, "content"), Path.Combine(root, "templates"), Path.Combine(root, output), Drafts: drafts, Strict: strict);

    /// <summary>Builds again in the same session, which looks at every file, since it is told nothing of what changed.</summary>
    public SpecBuild Rebuild() => Render(_session);

    /// <summary>A build by a new builder, which remembers nothing of the session's earlier builds.</summary>
    public SpecBuild Fresh() => Render(new SiteBuilder(Options(root, strict, drafts, "_site"), BuildMode.Memory));

    /// <summary>
    /// The one-off build the command line runs, into a folder of its own: its diagnostics, and
    /// the files it wrote as <see cref="SpecFile"/>s (copies are compared by content later).
    /// </summary>
    public (IReadOnlyList<SpecDiagnostic> Diagnostics, bool Succeeded, IReadOnlyDictionary<string, byte[]> Written) BuildToDisk()
    {
        var output = Path.Combine(root, "_built-" + Guid.NewGuid().ToString("N"));
        var result = new SiteBuilder(Options(root, strict, drafts, output), BuildMode.Disk).Build();
        var written = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(output))
        {
            foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
            {
                // The mark by which the build knows the folder is its own, to replace it: not part of the site.
                if (Path.GetRelativePath(output, file) == ".blackjanuary-output")
                {
                    continue;
                }

                written[Path.GetRelativePath(output, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }

            Directory.Delete(output, recursive: true);
        }

        return ([.. result.Diagnostics.Select(d => Convert(d.Severity.ToString(), d.Code, d.Location.File, d.Location.Line, d.Location.Column, d.Message))], result.Succeeded, written);
    }

    // Takes the builder rather than its snapshot so as not to name the snapshot's type.
    private SpecBuild Render(SiteBuilder builder)
    {
        var snapshot = builder.Build();
        return new SpecBuild(
            [.. snapshot.Diagnostics.Select(d => Convert(d.Severity.ToString(), d.Code, d.Location.File, d.Location.Line, d.Location.Column, d.Message))],
            snapshot.Succeeded,
            snapshot.Files.ToDictionary(f => f.Key, f => new SpecFile(f.Value.Text, f.Value.SourceFile is { } source ? Relative(source) : null), StringComparer.Ordinal),
            snapshot.PagesRendered);
    }

    private SpecDiagnostic Convert(string severity, string code, string? file, int line, int column, string message)
    {
        var path = string.IsNullOrEmpty(file) ? "-" : Relative(file);
        var location = line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}") : path;
        return new SpecDiagnostic(severity switch { "Error" => "error", "Warning" => "warning", _ => severity }, code, location, message);
    }

    private string Relative(string path) =>
        Path.IsPathRooted(path) && Path.GetRelativePath(root, path) is var rel && !rel.StartsWith("..", StringComparison.Ordinal)
            ? rel.Replace('\\', '/')
            : path;
}

using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// A built site held in memory: every output file by its path in the output folder. The build
/// writes it to disk; the dev server serves it as it is, so that a visitor never sees a page of
/// a build that has not finished.
/// </summary>
public sealed record SiteSnapshot(
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Succeeded,
    Site? Site,
    IReadOnlyDictionary<string, SiteFile> Files,
    int Pages,
    int PagesRendered);

/// <summary>An output file: generated text, or a file copied as it is (assets, media).</summary>
public sealed record SiteFile(string? Text, string? SourceFile)
{
    public static SiteFile Generated(string text) => new(text, null);

    public static SiteFile CopyOf(string sourceFile) => new(null, sourceFile);
}

/// <summary>
/// The output files gathered by path. Two inputs that want the same path are an error naming
/// both, never one silently overwriting the other.
/// </summary>
internal sealed class SiteFileSet(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, SiteFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SiteFile> Files => _files;

    /// <param name="source">What the file is made from, named in the error if another input wants its path.</param>
    public void Add(string path, SiteFile file, string source)
    {
        if (!_sources.TryAdd(path, source))
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(source),
                $"this file and {_sources[path]} would both be written to {path}; rename or move one of them");
            return;
        }

        _files[path] = file;
    }
}

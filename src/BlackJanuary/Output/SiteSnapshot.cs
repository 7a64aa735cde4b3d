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

using BlackJanuary.Archive;
using BlackJanuary.Diagnostics;
using BlackJanuary.Output;
using BlackJanuary.Reading;

namespace BlackJanuary;

/// <summary>
/// 'archive': the site built in memory, as 'check' builds it, then written as one WACZ file and,
/// when asked, as an offline copy. A site with errors is archived nowhere.
/// </summary>
public static class SiteArchiver
{
    /// <param name="Archive">The WACZ file's path, or null when nothing was written.</param>
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, bool Succeeded, int Pages, int Files, string? Archive);

    /// <summary>
    /// The archive's name when --output is not given: the site's address, host and path, in the
    /// folder that holds the content folder ("https://example.org/memorial/" → "example.org-memorial.wacz").
    /// </summary>
    public static string DefaultOutput(BuildOptions options, Uri baseUrl) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.ContentDir)) ?? ".",
            string.Join('-', new[] { baseUrl.Host }.Concat(baseUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString))) + ".wacz");

    /// <param name="output">The WACZ file to write; null for <see cref="DefaultOutput"/>.</param>
    /// <param name="offline">The folder of the offline copy, replaced whole as 'build' replaces its output; null for none.</param>
    public static Result Run(BuildOptions options, string? output, string? offline, IProgress<string>? progress)
    {
        var snapshot = new SiteBuilder(options, BuildMode.Memory) { Progress = progress }.Build();
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(snapshot.Diagnostics);
        if (!snapshot.Succeeded || snapshot.Site is not { } site)
        {
            return new Result(diagnostics.Sorted(), false, 0, 0, null);
        }

        var inputs = new[] { (options.ContentDir, "the content folder"), (options.TemplatesDir, "the theme folder") };
        var config = site.Config;
        output ??= DefaultOutput(options, config.BaseUrl);
        progress?.Report($"Writing the archive of {snapshot.Files.Count} files");
        var written = WriteArchive(output, inputs, diagnostics, stream =>
            Wacz.Write(stream, snapshot.Files, new Wacz.SiteInfo(config.BaseUrl, config.Title, options.BuildDate())));
        if (written && offline is not null)
        {
            progress?.Report("Writing the offline copy");
            using var writer = OutputWriter.Begin(offline, inputs, diagnostics);
            if (writer is not null)
            {
                try
                {
                    writer.WriteAll(OfflineCopy.Of(snapshot.Files, config.BaseUrl), progress);
                    writer.Commit();
                }
                catch (IOException e)
                {
                    diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(offline), $"cannot make the offline copy: {e.Message}");
                }
            }
        }

        var succeeded = written && !diagnostics.HasErrors;
        return new Result(diagnostics.Sorted(), succeeded, succeeded ? snapshot.Pages : 0, snapshot.Files.Count, written ? output : null);
    }

    /// <summary>Replaces the archive whole (<see cref="WholeFile"/>): a failed run leaves the last one as it was.</summary>
    private static bool WriteArchive(string output, IReadOnlyList<(string Dir, string Name)> inputs, DiagnosticBag diagnostics, Action<Stream> write)
    {
        var at = new SourceLocation(output);
        var full = Path.GetFullPath(output);
        if (OutputFolder.InputHolding(full, inputs) is { } holder)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, at, $"the archive would be written inside {holder}, where the next build would publish it; choose a path outside it with --output");
            return false;
        }

        if (Directory.Exists(full))
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, at, "the archive's path is a folder; give --output a file name such as memorial.wacz");
            return false;
        }

        try
        {
            WholeFile.Replace(full, temporary =>
            {
                using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite);
                write(stream);
            });
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, at, $"cannot write the archive: {e.Message}; check that the folder exists and that you may write there, or choose another --output");
            return false;
        }
    }
}

namespace BlackJanuary.Reading;

/// <summary>
/// The one way a file is replaced: written under a hidden temporary name beside it, then renamed
/// over it, so that whoever reads it meanwhile (a second build, a host's sync, an editor) finds the
/// old file or the new one, never half of either. The temporary name is unique to the call, so two
/// writers racing for the same file cannot write into each other's, and it keeps the file's
/// extension for writers (libvips) that go by it. Content loaders skip hidden entries.
/// </summary>
public static class WholeFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with the temporary path and renames what it wrote to
    /// <paramref name="path"/>; whatever happens, no temporary file is left behind. The errors of
    /// writing and renaming are the caller's to report.
    /// </summary>
    public static void Replace(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            // Gone once renamed; else what a failed writer began, which must not stay beside the file.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover hidden file is less harm than hiding the writer's own error.
            }
        }
    }
}

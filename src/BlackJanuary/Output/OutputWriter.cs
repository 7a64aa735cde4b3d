using System.Text;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Output;

/// <summary>
/// Writes a whole site into a staging folder beside the output folder, then swaps it in, so that
/// visitors of a served folder and editors never see a half-written site, and a failed build
/// leaves the previous one as it was. Disposing without <see cref="Commit"/> throws the staging
/// folder away, whatever went wrong in between.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    /// <summary>
    /// Marks folders the generator made. The output folder is replaced only when it has this mark
    /// (or is empty), so a mistyped --output can never delete someone's documents.
    /// </summary>
    public const string Marker = ".blackjanuary-output";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _output;
    private readonly string _staging;
    private readonly string? _previous;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private OutputWriter(string output, string staging, DiagnosticBag diagnostics)
    {
        _output = output;
        // Only a folder an earlier build made holds files that may be linked into the new one.
        _previous = File.Exists(Path.Combine(output, Marker)) ? output : null;
        _staging = staging;
        _diagnostics = diagnostics;
    }

    /// <summary>Files written so far, the marker not counted.</summary>
    public int FilesWritten
    {
        get
        {
            lock (_lock)
            {
                return _written.Count;
            }
        }
    }

    /// <summary>
    /// Null (after reporting) when the output folder is not one the generator may replace. First
    /// puts back or removes what a build that was killed while writing left beside it.
    /// </summary>
    /// <param name="inputs">The folders the build reads, with what to call them ("the content folder"): the output may neither be, hold nor lie inside one.</param>
    public static OutputWriter? Begin(string outputDir, IReadOnlyList<(string Dir, string Name)> inputs, DiagnosticBag diagnostics)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var at = new SourceLocation(outputDir);
        var parent = Path.GetDirectoryName(output);
        if (parent is null)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, at, "the output folder cannot be the root of a file system; choose a folder such as _site");
            return null;
        }

        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            if (OutputFolder.Refusal(output, inputs) is { } refusal)
            {
                diagnostics.Error(DiagnosticCodes.OutputFailed, at, refusal);
                return null;
            }

            OutputFolder.Recover(output);
            if (Directory.Exists(output) && !File.Exists(Path.Combine(output, Marker)) && Directory.EnumerateFileSystemEntries(output).Any())
            {
                diagnostics.Error(DiagnosticCodes.OutputFailed, at,
                    "the output folder exists, is not empty and was not made by blackjanuary; choose another --output or empty it yourself");
                return null;
            }

            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, Marker), "Made by blackjanuary build; replaced on every build.\n", Utf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, at, $"cannot prepare the output folder: {e.Message}");
            DeleteQuietly(staging);
            return null;
        }

        return new OutputWriter(output, staging, diagnostics);
    }

    public void WriteText(string relativePath, string text)
    {
        var bytes = Utf8.GetBytes(text);
        Write(relativePath, path =>
        {
            if (!KeepUnchanged(relativePath, path, bytes.Length, previous => previous.AsSpan().SequenceEqual(bytes)))
            {
                File.WriteAllBytes(path, bytes);
            }
        });
    }

    public void Copy(string relativePath, string sourceFile) => Write(relativePath, path =>
    {
        var length = new FileInfo(sourceFile).Length;
        // Media can be large: only a file of the same length is read to compare.
        if (!KeepUnchanged(relativePath, path, length, previous => previous.AsSpan().SequenceEqual(File.ReadAllBytes(sourceFile))))
        {
            File.Copy(sourceFile, path);
        }
    });

    /// <summary>
    /// Links the previous build's copy of a file into the staging folder when its bytes are the
    /// same, instead of writing it again: the file keeps its modification time (and inode), so
    /// rsync, deploy tools and hosts that compare times see only the files that really changed.
    /// </summary>
    private bool KeepUnchanged(string relativePath, string target, long length, Func<byte[], bool> sameBytes)
    {
        if (_previous is null || !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        var previous = Path.Combine(_previous, relativePath);
        try
        {
            var info = new FileInfo(previous);
            // A link in the old output could lead anywhere; only a plain file of the same length is compared.
            return info.Exists && info.LinkTarget is null && info.Length == length
                && sameBytes(File.ReadAllBytes(previous)) && OutputFolder.Link(previous, target) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // Written afresh instead.
        }
    }

    private void Write(string relativePath, Action<string> write)
    {
        var target = Target(relativePath);
        if (target is null)
        {
            return;
        }

        // Paths are unique: the site's files were gathered by path before anything is written.
        lock (_lock)
        {
            _written.Add(target);
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            write(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(relativePath), $"cannot write: {e.Message}");
        }
    }

    /// <summary>The full staging path, or null (reported) for a path that would leave the output folder.</summary>
    private string? Target(string relativePath)
    {
        // The file set has refused such paths already, with the input to blame. This is the last
        // line of defence: the same rules (no rooted path, no empty, '.' or '..' part, no NUL),
        // then the full path once the system has resolved it, in case it resolves what they miss.
        var full = OutputNames.Problem(relativePath) is null ? Path.GetFullPath(Path.Combine(_staging, relativePath)) : null;
        if (full is null || !full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            _diagnostics.Error(DiagnosticCodes.UnsafePath, new SourceLocation(relativePath),
                "refusing to write a file whose path is not a plain path inside the output folder; please report this as a bug, with the content that caused it");
            return null;
        }

        return full;
    }

    /// <summary>Writes every file of <paramref name="files"/> but the pages written as they were rendered (<see cref="SiteFile.Written"/>).</summary>
    public void WriteAll(IReadOnlyDictionary<string, SiteFile> files, IProgress<string>? progress)
    {
        var rest = files.Where(f => !ReferenceEquals(f.Value, SiteFile.Written)).ToList();
        progress?.Report($"Writing {rest.Count} files besides the pages, which were written as they were rendered");
        // Creating many small files is mostly time in the kernel, which two threads halve.
        Parallel.ForEach(rest, file =>
        {
            if (file.Value.Text is { } text)
            {
                WriteText(file.Key, text);
            }
            else
            {
                Copy(file.Key, file.Value.SourceFile!);
            }
        });
    }

    /// <summary>
    /// Swaps the staged site in. Call only when the build had no error. On Linux the two folders
    /// trade places in one step, so that at every moment the output folder holds either the whole
    /// old site or the whole new one; elsewhere there is a moment between two renames without it,
    /// which the next build repairs (<see cref="OutputFolder.Recover"/>).
    /// </summary>
    public void Commit()
    {
        try
        {
            if (!Directory.Exists(_output))
            {
                Directory.Move(_staging, _output);
                return;
            }

            if (OutputFolder.Exchange(_staging, _output))
            {
                // The staging path now holds the old site.
                DeleteQuietly(_staging);
                return;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(_output), $"cannot replace the output folder: {e.Message}");
            return;
        }

        MoveAsideAndIn();
    }

    private void MoveAsideAndIn()
    {
        var old = _staging + OutputFolder.OldSuffix;
        try
        {
            Directory.Move(_output, old);
            Directory.Move(_staging, _output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(_output), $"cannot replace the output folder: {e.Message}");
            if (Directory.Exists(old) && !Directory.Exists(_output))
            {
                Directory.Move(old, _output);
            }
        }

        DeleteQuietly(old);
    }

    /// <summary>Removes the staging folder if it was not committed.</summary>
    public void Dispose() => DeleteQuietly(_staging);

    internal static void DeleteQuietly(string dir)
    {
        try
        {
            if (!Directory.Exists(dir))
            {
                return;
            }

            // The marker goes last, so that a build killed while deleting leaves a folder that the
            // next build still knows as its own, and finishes deleting (OutputFolder.Recover).
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos().Where(e => e.Name != Marker))
            {
                if (entry is DirectoryInfo folder)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }

            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden staging folder is harmless; the next build deletes it (OutputFolder.Recover).
        }
    }
}

using System.Text;
using BlackJanuary.Diagnostics;

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
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private OutputWriter(string output, string staging, DiagnosticBag diagnostics)
    {
        _output = output;
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

    /// <summary>Null (after reporting) when the output folder is not one the generator may replace.</summary>
    public static OutputWriter? Begin(string outputDir, DiagnosticBag diagnostics)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var parent = Path.GetDirectoryName(output);
        if (parent is null)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(outputDir),
                "the output folder cannot be the root of a file system; choose a folder such as _site");
            return null;
        }

        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            if (Directory.Exists(output) && !File.Exists(Path.Combine(output, Marker)) && Directory.EnumerateFileSystemEntries(output).Any())
            {
                diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(outputDir),
                    "the output folder exists, is not empty and was not made by blackjanuary; choose another --output or empty it yourself");
                return null;
            }

            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, Marker), "Made by blackjanuary build; replaced on every build.\n", Utf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(outputDir), $"cannot prepare the output folder: {e.Message}");
            DeleteQuietly(staging);
            return null;
        }

        return new OutputWriter(output, staging, diagnostics);
    }

    public void WriteText(string relativePath, string text) => Write(relativePath, path => File.WriteAllText(path, text, Utf8));

    public void Copy(string relativePath, string sourceFile) => Write(relativePath, path => File.Copy(sourceFile, path));

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
        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (Path.IsPathRooted(relativePath) || !full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            _diagnostics.Error(DiagnosticCodes.UnsafePath, new SourceLocation(relativePath),
                "refusing to write outside the output folder; remove '..' or leading '/' from the path");
            return null;
        }

        return full;
    }

    /// <summary>Swaps the staged site in. Call only when the build had no error.</summary>
    public void Commit()
    {
        var old = _staging + ".old";
        try
        {
            if (Directory.Exists(_output))
            {
                Directory.Move(_output, old);
            }

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

    private static void DeleteQuietly(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden staging folder is harmless; the next build makes a new one.
        }
    }
}

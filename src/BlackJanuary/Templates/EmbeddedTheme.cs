using System.Reflection;
using System.Security.Cryptography;
using BlackJanuary.Diagnostics;
using BlackJanuary.Reading;

namespace BlackJanuary.Templates;

/// <summary>
/// The default theme (the repository's templates/ folder), compiled into the engine so that a
/// site needs no theme of its own and an installed program needs no files beside it.
/// </summary>
public static class EmbeddedTheme
{
    private const string Prefix = "theme/";

    private static readonly Lazy<List<(string Path, byte[] Bytes)>> AllFiles = new(Read);

    private static readonly Lock Extracting = new();

    /// <summary>Every file of the theme, by its path inside the theme ("layouts/base.html"), in ordinal order.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files => AllFiles.Value;

    /// <summary>
    /// The theme folders of a build, the first winning: the site's own single files
    /// (content/templates/), then the theme folder when it exists and is not that same folder,
    /// else the embedded theme. A theme folder is a whole theme ('theme copy' writes one), so it
    /// replaces the embedded theme rather than being mixed with it.
    /// </summary>
    public static IReadOnlyList<string> Roots(string contentDir, string templatesDir, DiagnosticBag diagnostics)
    {
        var own = Path.Combine(contentDir, "templates");
        // A file where the theme folder belongs is a mistake to report, not a site without a theme.
        var hasTheme = (Directory.Exists(templatesDir) || SafeFolder.FileInstead(templatesDir, diagnostics))
            && Path.GetFullPath(templatesDir) != Path.GetFullPath(own);
        return hasTheme ? [own, templatesDir] : Folder(diagnostics) is { } embedded ? [own, embedded] : [own];
    }

    /// <summary>
    /// The embedded theme as a folder: the template, strings and asset stages read folders (and a
    /// session remembers files by path), so the theme is written once per user and version into
    /// a folder named by its content hash, which no two versions share and no build changes.
    /// </summary>
    private static string? Folder(DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(CacheFolder(), "theme-" + Hash());
        lock (Extracting)
        {
            if (Directory.Exists(folder))
            {
                return folder;
            }

            // Written beside it and renamed into place, so that no build, in this process or
            // another, ever reads a half-written theme.
            var staging = folder + "." + Environment.ProcessId + ".tmp";
            try
            {
                foreach (var (path, bytes) in Files)
                {
                    var file = Path.Combine(staging, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    File.WriteAllBytes(file, bytes);
                }

                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another process put the same theme in place first.
                Directory.Delete(staging, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.OutputFailed, new SourceLocation(folder),
                    $"cannot write the default theme into its cache folder: {e.Message}; set XDG_CACHE_HOME to a folder you can write, or give a theme folder with --templates");
                return null;
            }

            return folder;
        }
    }

    private static string CacheFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var baseDir = !string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg) ? xdg
            : OperatingSystem.IsWindows() && local.Length > 0 ? local
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return Path.Combine(baseDir, "blackjanuary");
    }

    private static string Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in Files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n" + bytes.Length + "\n"));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static List<(string Path, byte[] Bytes)> Read()
    {
        var assembly = typeof(EmbeddedTheme).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            // MSBuild's RecursiveDir has the build machine's separator.
            .Select(n => (Path: n[Prefix.Length..].Replace('\\', '/'), Bytes: ReadAll(assembly, n)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static byte[] ReadAll(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

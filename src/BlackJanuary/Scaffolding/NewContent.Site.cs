using System.Globalization;
using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Templates;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Scaffolding;

/// <summary>What 'init' asks for: the site's title, its languages (the first is the default) and its address, each optional.</summary>
public sealed record NewSiteRequest(string? Title, IReadOnlyList<string> Languages, string? BaseUrl);

public static partial class NewContent
{
    /// <summary>The address a new site has until its editor gives the real one; the Pages workflow builds with the real one.</summary>
    public const string PlaceholderBaseUrl = "https://example.org/";

    /// <summary>
    /// Writes a new site into <paramref name="dir"/>, which must be empty or not exist: a site root
    /// with content/ (site.yaml, a home, about, sources and timeline page per language, an empty
    /// timeline.yaml, media/), a .gitignore and a GitHub Pages workflow. Its text tells the editor
    /// what to write and states no fact about any event. Returns the files written, relative to
    /// <paramref name="dir"/>, or null after reporting why nothing was.
    /// </summary>
    public static IReadOnlyList<string>? CreateSite(string dir, NewSiteRequest request, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(dir);
        var languages = new List<SiteStarter.Language>();
        foreach (var code in request.Languages)
        {
            if (!LanguageCode.IsValid(code) || SiteStarter.Find(code) is not { } language)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, at,
                    $"'{code}' is not a language code .NET knows; give lower-case codes such as az, en, ru or pt-br, separated by commas");
                return null;
            }

            if (languages.Any(l => l.Code == code))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"the language '{code}' is given twice; give each language once");
                return null;
            }

            languages.Add(language);
        }

        if (languages.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, at, "give at least one language, such as --languages en");
            return null;
        }

        var title = request.Title?.Trim();
        if ((title is not null && !IsUsableText("title", title, at, diagnostics)) || BaseUrl(request.BaseUrl, at, diagnostics) is not { } baseUrl)
        {
            return null;
        }

        return WriteFolder(dir, SiteStarter.Files(title, languages, baseUrl, Generator.Version), diagnostics);
    }

    private static string? BaseUrl(string? given, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (given is null)
        {
            return PlaceholderBaseUrl;
        }

        if (!Uri.TryCreate(given, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || given.Any(char.IsControl))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"--base-url '{given}' is not an absolute http(s) address; give one such as https://example.github.io/memorial/");
            return null;
        }

        return given.EndsWith('/') ? given : given + "/";
    }

    /// <summary>Writes the built-in theme into <paramref name="dir"/>, which must be empty or not exist; the files written, or null after reporting.</summary>
    public static IReadOnlyList<string>? CopyTheme(string dir, DiagnosticBag diagnostics) =>
        WriteFolder(dir, EmbeddedTheme.Files, diagnostics);

    /// <summary>
    /// Writes whole files into a folder that is empty or does not exist yet, so that nothing of
    /// the editor's is ever overwritten; after a failure it removes what it wrote.
    /// </summary>
    private static List<string>? WriteFolder(string dir, IReadOnlyList<(string Path, byte[] Bytes)> files, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(dir);
        if (File.Exists(dir) || (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()))
        {
            diagnostics.Error(DiagnosticCodes.NewFileExists, at,
                "the folder is not empty, and nothing is ever overwritten; give a new or empty folder");
            return null;
        }

        var created = new List<string>();
        var folderExisted = Directory.Exists(dir);
        try
        {
            foreach (var (path, bytes) in files)
            {
                var file = Path.Combine(dir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
                {
                    created.Add(path);
                    stream.Write(bytes);
                }
            }

            return created;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.NewWriteFailed, at, $"cannot write the folder: {e.Message}; nothing was kept");
            // The folder was empty or absent: everything in it now is this command's.
            foreach (var entry in Directory.Exists(dir) ? Directory.EnumerateFileSystemEntries(dir) : [])
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }

            if (!folderExisted && Directory.Exists(dir))
            {
                Directory.Delete(dir);
            }

            return null;
        }
    }
}

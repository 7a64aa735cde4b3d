using System.Security.Cryptography;
using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Reading;

namespace BlackJanuary.Templates;

/// <summary>
/// The theme's static files (templates/assets/**) with content-hash fingerprints in their names,
/// so that hosts can cache them forever and a changed file is fetched again at once.
/// </summary>
public sealed class AssetManifest
{
    private readonly Dictionary<string, Asset> _assets;

    private AssetManifest(Dictionary<string, Asset> assets) => _assets = assets;

    public IEnumerable<Asset> All => _assets.Values.OrderBy(a => a.OutputPath, StringComparer.Ordinal);

    /// <summary>
    /// Collects assets from the theme folders; a file in an earlier folder (the site's own
    /// overrides) hides the file of the same name in later ones.
    /// </summary>
    public static AssetManifest Build(IReadOnlyList<string> templateRoots, DiagnosticBag diagnostics, FileMemo? memo = null)
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var root in templateRoots.Where(r => !Directory.Exists(r) || SafeFolder.IsReal(r, diagnostics)))
        {
            var dir = Path.Combine(root, "assets");
            FileMemo.RefuseLinks(memo, dir, diagnostics);
            foreach (var file in FileMemo.Files(memo, dir, "*", diagnostics))
            {
                var logical = SafeFolder.OutputPath(dir, file);
                if (assets.ContainsKey(logical))
                {
                    continue;
                }

                if (FileMemo.Read(memo, file, diagnostics, d => Fingerprinted(logical, file, d)) is { } asset)
                {
                    assets[logical] = asset;
                }
            }
        }

        return new AssetManifest(assets);
    }

    public Asset? Find(string logicalPath) => _assets.GetValueOrDefault(logicalPath.TrimStart('/'));

    public IReadOnlyCollection<string> Names => _assets.Keys;

    private static Asset? Fingerprinted(string logical, string file, DiagnosticBag diagnostics)
    {
        try
        {
            return new Asset(logical, file, "assets/" + Fingerprint(logical, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(file), $"cannot read the file: {e.Message}");
            return null;
        }
    }

    private static string Fingerprint(string logical, string file)
    {
        using var stream = File.OpenRead(file);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..10];
        var ext = Path.GetExtension(logical);
        return logical[..^ext.Length] + "." + hash + ext;
    }
}

/// <summary>A theme file: its name in templates ("css/site.css"), where it is, and where it goes.</summary>
public sealed record Asset(string LogicalPath, string SourceFile, string OutputPath);

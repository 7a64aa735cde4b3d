namespace BlackJanuary.Model;

/// <summary>
/// How the site makes images ('images' in site.yaml): the widths every photo is offered at, the
/// quality of each format, the layout's width for the browser's choice, and the limits that keep
/// a hostile file from exhausting the build machine.
/// </summary>
/// <param name="Widths">Ascending, distinct; an image is never made wider than it is.</param>
/// <param name="Sizes">The 'sizes' attribute of an image in a page's text: how wide the theme shows it, which decides the source a browser fetches.</param>
/// <param name="MaxPixels">Images with more pixels than this are refused before they are decoded (a decompression bomb is small on disk).</param>
public sealed record ImageSettings(IReadOnlyList<int> Widths, int AvifQuality, int WebpQuality, int JpegQuality, string Sizes, long MaxPixels)
{
    /// <summary>sharp's limit (0x3FFF squared): above any camera's, far below what would exhaust the build.</summary>
    public const long DefaultMaxPixels = 268_402_689;

    /// <summary>The widths of a phone, a tablet, a laptop and a large screen at twice the density of the text column.</summary>
    public static ImageSettings Default { get; } = new([320, 640, 1024, 1600], AvifQuality: 50, WebpQuality: 75, JpegQuality: 80, "(min-width: 42rem) 38rem, 100vw", DefaultMaxPixels);

    /// <summary>What a derivative's bytes depend on besides its source: equal settings make equal files, so a cache may keep them.</summary>
    public string Fingerprint => $"w={string.Join(',', Widths)};q={AvifQuality},{WebpQuality},{JpegQuality};v={Version}";

    /// <summary>Raised when the way derivatives are made changes, so that caches made before are not used.</summary>
    private const int Version = 1;

    public bool Equals(ImageSettings? other) =>
        other is not null && Widths.SequenceEqual(other.Widths) && AvifQuality == other.AvifQuality && WebpQuality == other.WebpQuality
        && JpegQuality == other.JpegQuality && Sizes == other.Sizes && MaxPixels == other.MaxPixels;

    public override int GetHashCode() => HashCode.Combine(Fingerprint, Sizes, MaxPixels);
}

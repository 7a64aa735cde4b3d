using System.Security.Cryptography;
using System.Text;

namespace BlackJanuary.Model;

/// <summary>One file made from a raster image: a format at a width.</summary>
/// <param name="Format">"avif", "webp", "jpeg", "png" or "gif".</param>
public sealed record ImageVariant(string OutputPath, string Format, int Width, int Height)
{
    /// <summary>The name of the file the cache keeps it in: the same image made the same way has the same name on every machine.</summary>
    public required string CacheName { get; init; }

    public string MimeType => "image/" + Format;
}

/// <summary>
/// The files a raster image is published as. Every width of the settings below the image's own,
/// and its own width when that is below the largest, in AVIF, WebP and a fallback every browser
/// shows (PNG for an image with transparency, else JPEG); and, at the image's own address, the
/// largest in its own format, so that a link to 'media/x.jpg' still works, without the original's metadata.
/// A variant's name carries a hash of the image and the settings, so hosts may cache it for ever.
/// </summary>
public static class ImageVariants
{
    public sealed record Variants(IReadOnlyList<ImageVariant> Avif, IReadOnlyList<ImageVariant> Webp, IReadOnlyList<ImageVariant> Fallback, ImageVariant Original)
    {
        public IEnumerable<ImageVariant> All => Avif.Concat(Webp).Concat(Fallback).Append(Original);

        /// <summary>The fallback's own 'src': the largest at most 1024 wide, which an old browser shows well enough anywhere.</summary>
        public ImageVariant Default => Fallback.LastOrDefault(v => v.Width <= 1024) ?? Fallback[0];

        public ImageVariant Largest => Fallback[^1];
    }

    public static Variants Of(MediaFile media, RasterImage image, ImageSettings settings)
    {
        var widths = settings.Widths.Where(w => w < image.Width).ToList();
        var largest = Math.Min(image.Width, settings.Widths[^1]);
        if (widths.Count == 0 || widths[^1] != largest)
        {
            widths.Add(largest);
        }

        var fallback = image.HasAlpha ? "png" : "jpeg";
        var stem = media.OutputPath[..^Path.GetExtension(media.OutputPath).Length];
        var key = image.Hash + ";" + settings.Fingerprint;
        ImageVariant Make(string format, int width, string? path = null)
        {
            var name = Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"{key};{format};{width}")));
            var height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width, MidpointRounding.AwayFromZero));
            return new ImageVariant(path ?? $"{stem}.{width}.{name[..10]}.{Extension(format)}", format, width, height) { CacheName = name + "." + Extension(format) };
        }

        return new Variants(
            [.. widths.Select(w => Make("avif", w))],
            [.. widths.Select(w => Make("webp", w))],
            [.. widths.Select(w => Make(fallback, w))],
            Make(image.Format, largest, media.OutputPath));
    }

    private static string Extension(string format) => format == "jpeg" ? "jpg" : format;

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

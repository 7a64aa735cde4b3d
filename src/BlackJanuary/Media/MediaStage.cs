using System.Globalization;
using System.Security.Cryptography;
using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;
using NetVips;

namespace BlackJanuary.Media;

/// <summary>
/// The pixels of the site's images, with libvips: what each image is (read from its header
/// before anything is decoded, so that a bomb is refused unopened), and the derivatives
/// <see cref="ImageVariants"/> names, made once and kept in a cache folder between builds.
/// A derivative is decoded in sRGB with the photo's own colour profile applied, turned upright
/// by its EXIF orientation, and saved with no metadata at all: no GPS position, camera, serial
/// number or maker notes reaches a visitor.
/// </summary>
public static class MediaStage
{
    /// <summary>The formats decoded and resized; SVG scales by itself and is published as it is.</summary>
    private static readonly Dictionary<string, string> RasterFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "jpeg", [".jpeg"] = "jpeg", [".png"] = "png", [".webp"] = "webp", [".avif"] = "avif", [".gif"] = "gif",
    };

    /// <summary>How many pixels are decoded at once across the build: two large camera photos.</summary>
    private const long PixelsAtOnce = 64_000_000;

    static MediaStage()
    {
        // The build runs one image per core; libvips' own threads on top would only contend for them,
        // and its operation cache would keep decoded photos alive for nothing.
        NetVips.NetVips.Concurrency = 1;
        Cache.Max = 0;
        // Warnings go to stderr otherwise; every one that matters fails the operation (FailOn.Truncated) and is reported.
        Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, (_, _, _) => { });
    }

    /// <summary>
    /// The site with every raster image described (<see cref="MediaFile.Raster"/>); an image that
    /// cannot be read or is too large to decode safely is reported and left out of the site.
    /// </summary>
    /// <param name="cacheDir">Where what was learnt of each file is kept, by its size and time, so that a build of unchanged photos reads none of them.</param>
    public static Site Probe(Site site, string cacheDir, DiagnosticBag diagnostics, Session? session)
    {
        var rasters = site.Media.Where(m => RasterFormats.ContainsKey(Path.GetExtension(m.SourceFile))).ToList();
        if (rasters.Count == 0)
        {
            return site;
        }

        var stamps = ProbeStamps.Open(cacheDir);
        var settings = site.Config.Images;
        // In a session an image is read again only when its size or time changed, or the settings did.
        var probed = Session.Each(session, "media.probe", new Units<MediaFile, Stamp, Probed>(
            rasters, settings, m => m.SourceFile, m => Stamp.Of(m.SourceFile),
            (m, d) => new Probed(ProbeOne(m.SourceFile, settings, stamps, d))), diagnostics);
        stamps.Save();
        var found = new Dictionary<MediaFile, RasterImage?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rasters.Count; i++)
        {
            found[rasters[i]] = probed[i].Image;
        }

        var media = new List<MediaFile>(site.Media.Count);
        foreach (var file in site.Media)
        {
            if (!found.TryGetValue(file, out var raster))
            {
                media.Add(file);
            }
            else if (raster is not null)
            {
                media.Add(file with { Raster = raster });
            }
        }

        return site with { Media = media };
    }

    /// <summary>Whether there is an image to read: a site without any is told nothing of images.</summary>
    public static bool HasRasters(Site site) => site.Media.Any(m => RasterFormats.ContainsKey(Path.GetExtension(m.SourceFile)));

    /// <summary>A file's version as its size and time of last change tell it.</summary>
    private sealed record Stamp(long Length, long Ticks)
    {
        public static Stamp Of(string file) => new FileInfo(file) is { Exists: true } info ? new(info.Length, info.LastWriteTimeUtc.Ticks) : new(-1, 0);
    }

    /// <summary>A probe's result as a session keeps it (a reference type), null inside for a file refused.</summary>
    private sealed record Probed(RasterImage? Image);

    private static RasterImage? ProbeOne(string file, ImageSettings settings, ProbeStamps stamps, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(file);
        var info = new FileInfo(file);
        if (stamps.Find(info) is var (known, wasAnimated))
        {
            return Check(known, at, settings, diagnostics, wasAnimated);
        }

        try
        {
            // Only the header is read: a 50,000 × 50,000 PNG of a few kilobytes says how large it is before any of it is decoded.
            using var image = Image.NewFromFile(file, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            var (width, height) = (image.Width, image.Height);
            // EXIF orientations 5 to 8 turn the picture a quarter: shown, it is as wide as it is stored high.
            if (image.GetTypeOf("orientation") != 0 && image.Get("orientation") is int orientation && orientation is >= 5 and <= 8)
            {
                (width, height) = (height, width);
            }

            var animated = image.GetTypeOf("n-pages") != 0 && image.Get("n-pages") is int pages && pages > 1;
            var raster = new RasterImage(width, height, image.HasAlpha(), Hash(file), RasterFormats[Path.GetExtension(file)]);
            if (Check(raster, at, settings, diagnostics, animated) is { } ok)
            {
                stamps.Add(info, ok, animated);
                return ok;
            }

            return null;
        }
        catch (VipsException e)
        {
            diagnostics.Error(DiagnosticCodes.MediaUnreadable, at, $"the image cannot be read ({FirstLine(e.Message)}); open it in an image editor and export it again as JPEG or PNG, or remove it");
            return null;
        }
    }

    private static RasterImage? Check(RasterImage image, SourceLocation at, ImageSettings settings, DiagnosticBag diagnostics, bool animated)
    {
        if ((long)image.Width * image.Height > settings.MaxPixels)
        {
            diagnostics.Error(DiagnosticCodes.ImageTooLarge, at, string.Create(CultureInfo.InvariantCulture,
                $"the image is {image.Width} × {image.Height} pixels, more than the {settings.MaxPixels:N0} an image may have (decoding it could exhaust the build's memory); scale it down to a few thousand pixels wide, or raise 'images: max_pixels' in site.yaml if it is genuine"));
            return null;
        }

        if (animated)
        {
            diagnostics.Warning(DiagnosticCodes.AnimatedImage, at,
                "the image is animated, and only its first frame is published (movement on a memorial's page distracts and cannot be paused); export the frame you want as a still image, or publish the animation as a video");
        }

        return image;
    }

    /// <summary>The SHA-256 of the file, read as a stream.</summary>
    private static string Hash(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>A file the output gets from the cache: a derivative of <paramref name="SourceFile"/>.</summary>
    /// <param name="IsOriginal">Whether it is published at the image's own address ('media/x.jpg').</param>
    public sealed record Made(string OutputPath, string CacheFile, string SourceFile, bool IsOriginal);

    /// <summary>
    /// Every derivative of every image, made where the cache does not have it yet. Images are
    /// made in parallel, within <see cref="PixelsAtOnce"/>; each is decoded once (shrunk while it
    /// is read, for a JPEG) to its largest width, and every other width is made from that.
    /// </summary>
    public static IReadOnlyList<Made> Derivatives(Site site, string cacheDir, DiagnosticBag diagnostics)
    {
        var settings = site.Config.Images;
        var images = site.Media.Where(m => m.Raster is not null).Select(m => (Media: m, Set: ImageVariants.Of(m, m.Raster!, settings))).ToList();
        var folder = Path.Combine(cacheDir, "images");
        var budget = new PixelBudget(PixelsAtOnce);
        var bags = new DiagnosticBag[images.Count];
        Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (media, set) = images[i];
            var missing = set.All.DistinctBy(v => v.CacheName).Where(v => !File.Exists(CachePath(folder, v))).ToList();
            bags[i] = new DiagnosticBag();
            if (missing.Count > 0)
            {
                using var lease = budget.Take((long)media.Raster!.Width * media.Raster.Height);
                Make(media, missing, folder, settings, bags[i]);
            }
        });
        var made = new List<Made>();
        for (var i = 0; i < images.Count; i++)
        {
            diagnostics.AddRange(bags[i].Sorted());
            made.AddRange(images[i].Set.All.Select(v => new Made(v.OutputPath, CachePath(folder, v), images[i].Media.SourceFile, v.OutputPath == images[i].Media.OutputPath)));
        }

        return made;
    }

    private static string CachePath(string folder, ImageVariant variant) => Path.Combine(folder, variant.CacheName[..2], variant.CacheName);

    private static void Make(MediaFile media, IReadOnlyList<ImageVariant> variants, string folder, ImageSettings settings, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(media.SourceFile);
        try
        {
            using var largest = Decode(media.SourceFile, variants.Max(v => v.Width));
            foreach (var variant in variants)
            {
                using var sized = variant.Width >= largest.Width ? largest.Copy() : largest.ThumbnailImage(variant.Width, height: 1 << 24, size: Enums.Size.Down);
                Save(sized, variant, CachePath(folder, variant), settings);
            }
        }
        catch (VipsException e)
        {
            diagnostics.Error(DiagnosticCodes.MediaUnreadable, at,
                $"the image cannot be decoded ({FirstLine(e.Message)}); it may be cut short or damaged: open it in an image editor and export it again, or remove it");
        }
    }

    /// <summary>
    /// The image upright, in sRGB, at most <paramref name="width"/> wide, in memory. A colour
    /// profile libvips cannot use (damaged) is dropped and the pixels taken as sRGB, which is
    /// what a browser would show of them.
    /// </summary>
    private static Image Decode(string file, int width)
    {
        Image thumb;
        try
        {
            thumb = Image.Thumbnail(file, width, height: 1 << 24, size: Enums.Size.Down, outputProfile: "srgb", failOn: Enums.FailOn.Truncated);
        }
        catch (VipsException e) when (e.Message.Contains("profile", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("icc", StringComparison.OrdinalIgnoreCase))
        {
            using var loaded = Image.NewFromFile(file, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            using var bare = loaded.Mutate(m => m.Remove("icc-profile-data"));
            thumb = bare.ThumbnailImage(width, height: 1 << 24, size: Enums.Size.Down, failOn: Enums.FailOn.Truncated);
        }

        using (thumb)
        {
            // 16-bit PNGs and greyscale-with-alpha come out as they went in; the web formats take 8-bit sRGB.
            using var srgb = thumb.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw ? thumb.Copy() : thumb.Colourspace(Enums.Interpretation.Srgb);
            using var eight = srgb.Format == Enums.BandFormat.Uchar ? srgb.Copy() : srgb.Cast(Enums.BandFormat.Uchar, shift: srgb.Format == Enums.BandFormat.Ushort);
            return eight.CopyMemory();
        }
    }

    /// <summary>Replaced whole (<see cref="WholeFile"/>): a second build running at the same time never reads half a file.</summary>
    private static void Save(Image image, ImageVariant variant, string path, ImageSettings settings)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WholeFile.Replace(path, temporary =>
        {
            switch (variant.Format)
            {
                case "avif":
                    image.Heifsave(temporary, q: settings.AvifQuality, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.None);
                    break;
                case "webp":
                    image.Webpsave(temporary, q: settings.WebpQuality, effort: 4, keep: Enums.ForeignKeep.None);
                    break;
                case "jpeg":
                    using (var flat = image.HasAlpha() ? image.Flatten([255, 255, 255]) : image.Copy())
                    {
                        flat.Jpegsave(temporary, q: settings.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
                    }

                    break;
                case "png":
                    image.Pngsave(temporary, compression: 9, keep: Enums.ForeignKeep.None);
                    break;
                default:
                    image.Gifsave(temporary, keep: Enums.ForeignKeep.None);
                    break;
            }
        });
    }

    private static string FirstLine(string message) => message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "unknown error";
}

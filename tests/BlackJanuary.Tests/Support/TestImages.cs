using NetVips;

namespace BlackJanuary.Tests.Support;

/// <summary>
/// Real images made in memory for fixture sites: the build decodes every raster image, so a file
/// that only starts like one is refused. <paramref name="shade"/> makes images that differ.
/// </summary>
public static class TestImages
{
    /// <summary>An image of the format its extension names (".jpg", ".png", ".gif", ".webp", ".avif"), <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] Of(string extension, int width = 24, int height = 16, int shade = 0, bool alpha = false)
    {
        using var image = Gradient(width, height, shade, alpha);
        return image.WriteToBuffer(extension.ToLowerInvariant() switch
        {
            ".jpeg" => ".jpg",
            var other => other,
        });
    }

    public static byte[] Jpeg(int width = 24, int height = 16, int shade = 0) => Of(".jpg", width, height, shade);

    public static byte[] Png(int width = 24, int height = 16, int shade = 0, bool alpha = false) => Of(".png", width, height, shade, alpha);

    /// <summary>A smooth gradient, so that encoders treat it like a photo; <paramref name="shade"/> shifts its colours.</summary>
    public static Image Gradient(int width, int height, int shade = 0, bool alpha = false)
    {
        using var xy = Image.Xyz(width, height);
        using var red = xy[0] * (255.0 / Math.Max(1, width));
        using var green = xy[1] * (255.0 / Math.Max(1, height));
        using var blue = (xy[0] + xy[1] + (shade * 37 % 256)) * (127.0 / Math.Max(1, width + height));
        var bands = new List<Image> { green, blue };
        if (alpha)
        {
            bands.Add(Image.Black(width, height) + 128);
        }

        using var joined = red.Bandjoin([.. bands]);
        return joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }
}

using BlackJanuary.Model;

namespace BlackJanuary.Content;

/// <summary>The safety of image values, the same for every kind of content and for site.yaml.</summary>
internal static class ImagePath
{
    /// <summary>
    /// Why an image value can be neither a file of this site nor an address on another one, or
    /// null. Paths on the build machine (C:\…, \\server\…, file:) and paths that climb out of
    /// the site with '..' are refused at the value, so that nothing later tries to find them.
    /// </summary>
    internal static string? Problem(string image)
    {
        // Percent escapes are decoded first, as links are: '%2e%2e/' is '../' to a browser.
        var decoded = Uri.UnescapeDataString(image);
        if (decoded.Any(char.IsControl))
        {
            return $"image '{image}' contains the control character U+{(int)decoded.First(char.IsControl):X4}; write the path of a file in content/media/, like media/photo.jpg";
        }

        if ((decoded.Length >= 2 && char.IsAsciiLetter(decoded[0]) && decoded[1] == ':')
            || decoded.StartsWith(@"\\", StringComparison.Ordinal) || decoded.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return $"image '{image}' is a path on the build machine, not in the site; put the file in content/media/ and write media/…";
        }

        if (Urls.IsExternal(image))
        {
            return null;
        }

        if (decoded.Contains('\\', StringComparison.Ordinal))
        {
            return $"image '{image}' contains '\\'; site paths are written with '/', like media/photo.jpg";
        }

        var depth = 0;
        foreach (var segment in decoded.Split('?', '#')[0].Split('/').Where(s => s is not ("" or ".")))
        {
            depth += segment == ".." ? -1 : 1;
            if (depth < 0)
            {
                return $"image '{image}' leads outside the site with '..'; write the path from the site's root, like media/photo.jpg";
            }
        }

        return null;
    }
}

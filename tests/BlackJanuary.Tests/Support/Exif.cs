using System.Text;

namespace BlackJanuary.Tests.Support;

/// <summary>
/// A camera's EXIF block, written by hand as a phone writes one (TIFF, little-endian): the maker,
/// the model, the orientation and a GPS position. Tests put it into a JPEG to see that none of it
/// reaches the published images.
/// </summary>
public static class Exif
{
    public const string Make = "Fictional Camera Works";
    public const string Model = "Testville Mark II";

    /// <summary><paramref name="jpeg"/> with an APP1 EXIF segment right after its start of image.</summary>
    public static byte[] Into(byte[] jpeg, int orientation = 1)
    {
        var tiff = Tiff(orientation);
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static byte[] Tiff(int orientation)
    {
        var make = Encoding.ASCII.GetBytes(Make + "\0");
        var model = Encoding.ASCII.GetBytes(Model + "\0");
        // Layout: header (8), IFD0 (2 + 4 × 12 + 4), GPS IFD (2 + 5 × 12 + 4), then the values that do not fit in an entry.
        const int ifd0 = 8, ifd0Size = 2 + (4 * 12) + 4, gps = ifd0 + ifd0Size, gpsSize = 2 + (5 * 12) + 4, data = gps + gpsSize;
        var (makeAt, modelAt) = (data, data + make.Length);
        var latitudeAt = modelAt + model.Length;
        var longitudeAt = latitudeAt + 24;
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write((uint)ifd0);
        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            w.Write(tag);
            w.Write(type);
            w.Write(count);
            w.Write(value);
        }

        w.Write((ushort)4);
        Entry(0x010F, 2, (uint)make.Length, (uint)makeAt);
        Entry(0x0110, 2, (uint)model.Length, (uint)modelAt);
        Entry(0x0112, 3, 1, (uint)orientation);
        Entry(0x8825, 4, 1, gps);
        w.Write(0u);
        w.Write((ushort)5);
        Entry(0x0000, 1, 4, 0x00000302);
        Entry(0x0001, 2, 2, 'N');
        Entry(0x0002, 5, 3, (uint)latitudeAt);
        Entry(0x0003, 2, 2, 'E');
        Entry(0x0004, 5, 3, (uint)longitudeAt);
        w.Write(0u);
        w.Write(make);
        w.Write(model);
        // 40° 22' 30" N, 49° 50' 15" E: degrees, minutes, seconds as rationals.
        foreach (var (numerator, denominator) in new (uint, uint)[] { (40, 1), (22, 1), (30, 1), (49, 1), (50, 1), (15, 1) })
        {
            w.Write(numerator);
            w.Write(denominator);
        }

        return stream.ToArray();
    }
}

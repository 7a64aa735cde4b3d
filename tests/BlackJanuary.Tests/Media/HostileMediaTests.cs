using System.Buffers.Binary;
using BlackJanuary.Tests.Support;
using NetVips;

namespace BlackJanuary.Tests.Media;

/// <summary>
/// Files that would exhaust or crash an image pipeline end as a diagnostic at the file, and the
/// build ends: a decompression bomb is refused from its header, a damaged photo where it breaks,
/// a file too large to publish before it is read. (Symbolic links and disguised or scripted files
/// are refused before any image is opened: PathSafetyTests and ActiveMediaTests.)
/// </summary>
public sealed class HostileMediaTests : IDisposable
{
    private readonly FixtureSite _site = new(new Dictionary<string, string>
    {
        ["content/pages/photos.md"] = "---\ntitle: Photos\n---\nThe fictional archive's photos.\n",
    });

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_png_that_says_it_is_50000_pixels_square_is_refused_from_its_header_without_being_decoded()
    {
        _site.WriteBytes("content/media/bomb.png", WithSize(TestImages.Png(16, 16), 50_000, 50_000));

        var run = _site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/bomb.png: error BJ1024: the image is 50000 × 50000 pixels, more than the 268,402,689 an image may have", (run.Stdout + run.Stderr).Replace(_site.Root + "/", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_of_pixels_is_the_sites_to_set()
    {
        _site.Write("content/site.yaml", FixtureSite.MinimalContent["content/site.yaml"] + "\nimages:\n  max_pixels: 100\n");
        _site.WriteBytes("content/media/large.png", TestImages.Png(16, 16));

        var run = _site.Build();

        Assert.Contains("content/media/large.png: error BJ1024: the image is 16 × 16 pixels, more than the 100 an image may have", (run.Stdout + run.Stderr).Replace(_site.Root + "/", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_cut_short_is_an_error_at_the_file_and_nothing_is_published()
    {
        var whole = TestImages.Jpeg(600, 400);
        _site.WriteBytes("content/media/cut.jpg", whole[..(whole.Length / 2)]);

        var run = _site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/cut.jpg: error BJ1025: the image cannot be decoded", (run.Stdout + run.Stderr).Replace(_site.Root + "/", ""), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void A_file_larger_than_a_host_accepts_is_refused_before_it_is_read()
    {
        Directory.CreateDirectory(Path.Combine(_site.Content, "media"));
        using (var film = File.Create(Path.Combine(_site.Content, "media", "film.mp4")))
        {
            film.Write([0, 0, 0, 0x20, .. "ftypisom"u8]);
            // Sparse: the test writes 12 bytes, the file says 101 MiB.
            film.SetLength(101L * 1024 * 1024);
        }

        var run = _site.Build();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/media/film.mp4: error BJ1023: the file is 101 MiB, over the 100 MiB a media file may be", (run.Stdout + run.Stderr).Replace(_site.Root + "/", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void An_animated_gif_is_published_as_its_first_frame_with_a_warning()
    {
        using (var first = TestImages.Gradient(40, 30))
        using (var second = first.Invert())
        using (var frames = Image.Arrayjoin([first, second], across: 1))
        using (var animated = frames.Mutate(m => m.Set(GValue.GIntType, "page-height", 30)))
        {
            _site.WriteBytes("content/media/spin.gif", animated.GifsaveBuffer());
        }

        var run = _site.Build();
        var strict = _site.Build("--strict");

        Assert.Equal((0, 1), (run.ExitCode, strict.ExitCode));
        Assert.Contains("content/media/spin.gif: warning BJ1026: the image is animated, and only its first frame is published", (strict.Stdout + strict.Stderr).Replace(_site.Root + "/", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_colour_profile_is_dropped_and_the_photo_published_in_srgb()
    {
        byte[] jpeg;
        using (var srgb = TestImages.Gradient(64, 48))
        using (var p3 = srgb.IccTransform("p3", inputProfile: "srgb"))
        {
            jpeg = p3.JpegsaveBuffer(keep: Enums.ForeignKeep.Icc);
        }

        // The profile's tag table (after its 128-byte header) overwritten: lcms cannot read it.
        var profile = IndexOf(jpeg, "ICC_PROFILE\0"u8) + 14;
        Array.Fill(jpeg, (byte)0xEE, profile + 128, 64);
        _site.WriteBytes("content/media/faded.jpg", jpeg);
        _site.Write("content/pages/photos.md", "---\ntitle: Photos\n---\n![A faded fictional street](media/faded.jpg)\n");

        var run = _site.Build("--strict");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var published = Image.NewFromFile(Path.Combine(_site.Output, "media", "faded.jpg"));
        Assert.Equal((64, 3), (published.Width, published.Bands));
    }

    /// <summary>A PNG whose header says it is <paramref name="width"/> × <paramref name="height"/>, its checksum made right: only its pixels do not match.</summary>
    private static byte[] WithSize(byte[] png, int width, int height)
    {
        var bytes = png.ToArray();
        // Signature (8), IHDR's length (4) and type (4), then width and height.
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> part) => bytes.AsSpan().IndexOf(part);
}

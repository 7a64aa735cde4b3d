using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Media;

/// <summary>
/// A family's right to keep a person out of view covers their photo: a photo only hidden records
/// use is not published at any address, in any size, while one that a published record also
/// shows stays.
/// </summary>
public sealed class HiddenPhotoTests : IDisposable
{
    private readonly FixtureSite _site = new(new Dictionary<string, string>
    {
        ["content/people/ada-example.md"] = "---\nname: Ada Example\nphoto: media/ada.jpg\nphoto_alt: Ada Example in 1985\nphoto_credit: A fictional family\npublish: false\n---\n",
        ["content/people/bo-example.md"] = "---\nname: Bo Example\nphoto: media/bo.jpg\nphoto_alt: Bo Example\nphoto_credit: A fictional family\nwithhold: [photo]\n---\n",
        ["content/people/cy-example.md"] = "---\nname: Cy Example\nphoto: media/shared.jpg\nphoto_alt: Cy and Di Example\nphoto_credit: A fictional family\n---\n",
        ["content/people/di-example.md"] = "---\nname: Di Example\nphoto: media/shared.jpg\nphoto_alt: Cy and Di Example\nphoto_credit: A fictional family\npublish: false\n---\n",
    }, withTheme: false);

    public HiddenPhotoTests()
    {
        _site.WriteBytes("content/media/ada.jpg", TestImages.Jpeg(shade: 1));
        _site.WriteBytes("content/media/bo.jpg", TestImages.Jpeg(shade: 2));
        _site.WriteBytes("content/media/shared.jpg", TestImages.Jpeg(shade: 3));
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void The_photo_of_an_unpublished_or_withholding_person_is_in_no_file_of_the_site()
    {
        var run = _site.Run("build", "--content", _site.Content, "--templates", Path.Combine(RepoPaths.Root, "templates"), "--output", _site.Output);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var files = Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_site.Output, f)).ToList();
        Assert.DoesNotContain(files, f => f.Contains("ada", StringComparison.Ordinal) || f.Contains("/bo.", StringComparison.Ordinal));
        Assert.Contains("media/shared.jpg", files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(_site.Output, file));
            Assert.False(text.Contains("media/ada", StringComparison.Ordinal) || text.Contains("media/bo.", StringComparison.Ordinal) || text.Contains("Ada Example in 1985", StringComparison.Ordinal), $"{file} names a hidden photo");
        }
    }
}

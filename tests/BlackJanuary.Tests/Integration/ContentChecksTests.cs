using BlackJanuary.Checks;
using BlackJanuary.Diagnostics;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// The whole-site content checks on fixture sites loaded and rendered by the real stages: each
/// test lists every diagnostic the checks must give, so a missing, extra or misplaced one fails.
/// </summary>
public class ContentChecksTests
{
    // A page that shows the timeline, so that events load without BJ2010.
    private static readonly Dictionary<string, string> Common = new()
    {
        ["content/pages/timeline.md"] = "---\ntitle: Timeline\nlayout: timeline\n---\n",
    };

    // Media files to name: only the start of a JPEG, which is all the build looks at.
    private static readonly string[] Media = ["content/media/photo.jpg", "content/media/Black January.jpg"];

    private static IReadOnlyList<string> Check(Dictionary<string, string> files, bool includeDrafts = false)
    {
        using var fixture = new FixtureSite(new Dictionary<string, string>(Common.Concat(files)));
        foreach (var file in Media)
        {
            fixture.WriteBytes(file, TestImages.Jpeg());
        }

        var (site, loading) = fixture.LoadAndRender(includeDrafts);
        // The fixtures are otherwise clean, so whatever is reported below comes from the checks.
        Assert.Empty(fixture.Format(loading));
        var diagnostics = new DiagnosticBag();
        ContentChecks.Run(site!, diagnostics);
        return fixture.Format(diagnostics);
    }

    [Fact]
    public void Page_images_that_are_media_files_in_any_way_they_may_be_written_pass()
    {
        var reported = Check(new()
        {
            ["content/pages/relative.md"] = "---\ntitle: Relative\nimage: media/photo.jpg\nimage_alt: The alley\n---\n",
            ["content/pages/rooted.md"] = "---\ntitle: Rooted\nimage: /media/photo.jpg\nimage_alt: The alley\n---\n",
            ["content/pages/encoded.md"] = "---\ntitle: Encoded\nimage: media/Black%20January.jpg\nimage_alt: The alley\n---\n",
            ["content/pages/spaced.md"] = "---\ntitle: Spaced\nimage: media/Black January.jpg\nimage_alt: The alley\n---\n",
            // Share images may be elsewhere (docs/content.md): only the sites showing a shared link load them.
            ["content/pages/shared.md"] = "---\ntitle: Shared\nimage: https://cdn.example.org/share.jpg\nimage_alt: The alley\n---\n",
        });

        Assert.Empty(reported);
    }

    [Fact]
    public void A_page_image_missing_from_media_is_an_error_with_the_nearest_file_in_the_form_it_was_written()
    {
        var reported = Check(new()
        {
            ["content/pages/typo.md"] = "---\ntitle: Typo\nimage: media/phto.jpg\nimage_alt: The alley\n---\n",
            ["content/pages/rooted-typo.md"] = "---\ntitle: Rooted typo\nimage: /media/photo.jpeg\nimage_alt: The alley\n---\n",
            ["content/pages/gone.md"] = "---\ntitle: Gone\nimage: media/unrelated-name.png\nimage_alt: The alley\n---\n",
            // A page is published at about/, but it is not an image.
            ["content/pages/about.md"] = "---\ntitle: About\nimage: timeline/\nimage_alt: The alley\n---\n",
        });

        Assert.Equal(
        [
            "content/pages/about.md(3,8): error BJ3006: image 'timeline/' is not a file in content/media/; put the file there, or fix the path (written like media/photo.jpg)",
            "content/pages/gone.md(3,8): error BJ3006: image 'media/unrelated-name.png' is not a file in content/media/; put the file there, or fix the path (written like media/photo.jpg)",
            "content/pages/rooted-typo.md(3,8): error BJ3006: image '/media/photo.jpeg' is not a file in content/media/; did you mean '/media/photo.jpg'?",
            "content/pages/typo.md(3,8): error BJ3006: image 'media/phto.jpg' is not a file in content/media/; did you mean 'media/photo.jpg'?",
        ], reported);
    }

    [Fact]
    public void Event_images_are_checked_and_reported_at_the_image_value()
    {
        var reported = Check(new()
        {
            ["content/timeline.yaml"] = """
                - date: 1990-01-19
                  title: Fine
                  image: media/photo.jpg
                  image_alt: Soldiers at the edge of the city
                - date: 1990-01-20
                  title: Misspelt and undescribed
                  image: /media/phot.jpg
                """,
        });

        Assert.Equal(
        [
            "content/timeline.yaml(7,10): error BJ3006: image '/media/phot.jpg' is not a file in content/media/; did you mean '/media/photo.jpg'?",
            "content/timeline.yaml(7,10): warning BJ3007: image '/media/phot.jpg' has no 'image_alt'; add 'image_alt: …' saying what the image shows: screen-reader users hear this text instead of seeing the image, and a memorial's images are never mere decoration",
        ], reported);
    }

    [Fact]
    public void An_image_without_alt_text_is_a_warning_for_pages_too_even_for_a_share_image_elsewhere()
    {
        var reported = Check(new()
        {
            ["content/pages/bare.md"] = "---\ntitle: Bare\nimage: media/photo.jpg\n---\n",
            ["content/pages/blank.md"] = "---\ntitle: Blank\nimage: media/photo.jpg\nimage_alt: '  '\n---\n",
            ["content/pages/shared.md"] = "---\ntitle: Shared\nimage: https://cdn.example.org/share.jpg\n---\n",
            ["content/pages/no-image.md"] = "---\ntitle: No image\n---\n",
        });

        Assert.Equal(
        [
            "content/pages/bare.md(3,8): warning BJ3007: image 'media/photo.jpg' has no 'image_alt'; add 'image_alt: …' saying what the image shows: screen-reader users hear this text instead of seeing the image, and a memorial's images are never mere decoration",
            "content/pages/blank.md(3,8): warning BJ3007: image 'media/photo.jpg' has no 'image_alt'; add 'image_alt: …' saying what the image shows: screen-reader users hear this text instead of seeing the image, and a memorial's images are never mere decoration",
            "content/pages/shared.md(3,8): warning BJ3007: image 'https://cdn.example.org/share.jpg' has no 'image_alt'; add 'image_alt: …' saying what the image shows: screen-reader users hear this text instead of seeing the image, and a memorial's images are never mere decoration",
        ], reported);
    }

    [Fact]
    public void Pages_with_the_same_title_are_reported_at_the_title_of_each_later_one_naming_the_first_as_a_link_would()
    {
        var reported = Check(new()
        {
            ["content/pages/about.md"] = "---\ntitle: Remembrance\n---\n",
            ["content/pages/history/remembrance.md"] = "---\ntitle: \" REMEMBRANCE \"\n---\n",
            ["content/pages/zz.md"] = "---\ntitle: remembrance\n---\n",
            ["content/pages/other.md"] = "---\ntitle: Remembrance day\n---\n",
        });

        Assert.Equal(
        [
            "content/pages/history/remembrance.md(2,8): warning BJ3008: this page has the same title as ../about.md, 'Remembrance'; give each page its own title: readers tell pages apart by title in tabs, bookmarks, search results and screen readers' page lists",
            "content/pages/zz.md(2,8): warning BJ3008: this page has the same title as about.md, 'Remembrance'; give each page its own title: readers tell pages apart by title in tabs, bookmarks, search results and screen readers' page lists",
        ], reported);
    }

    [Fact]
    public void Drafts_and_the_404_page_may_share_a_title_with_a_published_page()
    {
        // Built with drafts, so the draft is in the model and only its draft flag can excuse it.
        var reported = Check(new()
        {
            ["content/pages/about.md"] = "---\ntitle: Remembrance\n---\n",
            ["content/pages/about-new.md"] = "---\ntitle: Remembrance\ndraft: true\n---\n",
            ["content/pages/404.md"] = "---\ntitle: Remembrance\n---\n",
        }, includeDrafts: true);

        Assert.Empty(reported);
    }
}

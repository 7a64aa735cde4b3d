using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;

namespace BlackJanuary.Checks;

/// <summary>
/// Checks that look across the whole site rather than at one value: images that name files the
/// site does not have, images without a text alternative, and pages readers cannot tell apart by
/// their titles. Runs on the model once the Markdown stage has run.
/// </summary>
public static class ContentChecks
{
    public static void Run(Site site, DiagnosticBag diagnostics)
    {
        CheckImages(site, diagnostics);
        CheckTitles(site, diagnostics);
    }

    private static void CheckImages(Site site, DiagnosticBag diagnostics)
    {
        // Image paths are resolved the way links are, so '/media/x.jpg', 'media/x.jpg' and
        // 'media/Black%20January.jpg' mean what they mean in a page; headings play no part here.
        // Made only for a site that has images: most pages have none, and the targets cost a look at every page.
        var targets = new Lazy<LinkTargets>(() => new LinkTargets(site));
        var media = new Lazy<HashSet<string>>(() => site.Media.Select(m => m.OutputPath).ToHashSet(StringComparer.Ordinal));

        // The front matter keeps no key positions, so a page's image is reported at the file's start.
        var images = site.Pages.Select(p => (p.Image, p.ImageAlt, At: new SourceLocation(p.SourcePath, 1, 1)))
            .Concat(site.Timeline.Select(e => (e.Image, e.ImageAlt, At: e.Location)));
        foreach (var (image, alt, at) in images.Where(i => i.Image.Length > 0))
        {
            // A page's share image may live on another site (docs/content.md); an event's may not,
            // and the loader has already refused it (BJ3005). Neither is a file of content/media/.
            if (!Urls.IsExternal(image) && !(targets.Value.Resolve(null, image) is { Problem: null } r && media.Value.Contains(r.Path)))
            {
                diagnostics.Error(DiagnosticCodes.MissingImage, at, $"image '{image}' is not a file in content/media/; " + (
                    Suggest.Nearest(image.TrimStart('/'), media.Value) is { } near
                        ? $"did you mean '{(image.StartsWith('/') ? "/" : "")}{near}'?"
                        : "put the file there, or fix the path (written like media/photo.jpg)"));
            }

            if (string.IsNullOrWhiteSpace(alt))
            {
                diagnostics.Warning(DiagnosticCodes.MissingAltText, at,
                    $"image '{image}' has no 'image_alt'; add 'image_alt: …' saying what the image shows: screen-reader users hear this text instead of seeing the image, and a memorial's images are never mere decoration");
            }
        }
    }

    private static void CheckTitles(Site site, DiagnosticBag diagnostics)
    {
        // Drafts are not published, and the 404 page is never listed or indexed, so neither can be
        // confused with another page. File order, as for BJ2004, decides which page is "first".
        var published = site.Pages.Where(p => !p.Draft && !p.IsNotFound).ToList();
        // Within one language: "Timeline" may well be the English and the Azerbaijani title alike.
        static string Key(Page p) => p.Language + "\n" + p.Title.Trim();
        // Usually every title differs: seen without sorting thousands of pages.
        var titles = new HashSet<string>(published.Count, StringComparer.OrdinalIgnoreCase);
        if (published.All(p => titles.Add(Key(p))))
        {
            return;
        }

        foreach (var group in published.OrderBy(p => p.SourcePath, StringComparer.Ordinal).GroupBy(Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                // Named as a link from this page would name it, which is how editors refer to pages.
                var firstName = Path.GetRelativePath(Path.GetDirectoryName(other.SourcePath) ?? "", first.SourcePath).Replace('\\', '/');
                diagnostics.Warning(DiagnosticCodes.DuplicateTitle, new SourceLocation(other.SourcePath, 1, 1),
                    $"this page has the same title as {firstName}, '{first.Title.Trim()}'; give each page its own title: readers tell pages apart by title in tabs, bookmarks, search results and screen readers' page lists");
            }
        }
    }
}

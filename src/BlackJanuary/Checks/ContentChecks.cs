using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Checks;

/// <summary>
/// Checks that look across the whole site rather than at one value: share images that would run
/// code, images that name files the site does not have, images without a text alternative,
/// pages readers cannot tell apart by their titles, and addresses that look like others. Runs on the model once the Markdown stage has run.
/// </summary>
public static class ContentChecks
{
    /// <param name="session">Keeps what the checks found while nothing they read has changed.</param>
    public static void Run(Site site, DiagnosticBag diagnostics, Session? session = null)
    {
        var key = new ChecksKey(
            site.Config,
            new ByPlace<Page>(site.Pages, Page.SameForChecks),
            new ByPlace<TimelineEvent>(site.Timeline, TimelineEvent.SameForChecks),
            new Values<string>([.. site.Media.Select(m => m.OutputPath)]));
        Session.Once(session, "checks.content", key, diagnostics, found =>
        {
            RefuseCodeImages(site, found);
            CheckImages(site, found);
            CheckTitles(site, found);
            LookAlikeAddresses.Check(site, found);
            return true;
        });
    }

    /// <summary>What the checks read: the settings, each page's and event's image, alt text, title and place, and the files in media/.</summary>
    private sealed record ChecksKey(SiteConfig Config, ByPlace<Page> Pages, ByPlace<TimelineEvent> Events, Values<string> Media);

    /// <summary>
    /// A page's share image is a URL the theme writes into the page's head and JSON-LD; one that
    /// would run code is refused like such a link. (Event images must be site files: the loader checks them.)
    /// </summary>
    private static void RefuseCodeImages(Site site, DiagnosticBag diagnostics)
    {
        foreach (var page in site.Pages.Where(p => Urls.RunsCode(p.Image)))
        {
            diagnostics.Error(DiagnosticCodes.UnsafeLink, page.ImageLocation,
                $"image '{page.Image}' would run code in the reader's browser; use a file of content/media/ (media/photo.jpg) or an http(s) address instead");
        }
    }

    private static void CheckImages(Site site, DiagnosticBag diagnostics)
    {
        // Image paths are resolved the way links are, so '/media/x.jpg', 'media/x.jpg' and
        // 'media/Black%20January.jpg' mean what they mean in a page; headings play no part here.
        // Made only for a site that has images: most pages have none, and the targets cost a look at every page.
        var targets = new Lazy<LinkTargets>(() => new LinkTargets(site));
        var media = new Lazy<HashSet<string>>(() => site.Media.Select(m => m.OutputPath).ToHashSet(StringComparer.Ordinal));

        var images = site.Pages.Select(p => (p.Image, p.ImageAlt, At: p.ImageLocation))
            .Concat(site.Timeline.Select(e => (e.Image, e.ImageAlt, At: e.ImageLocation)));
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
        // The register's pages are left out too: namesakes are real, and its lists take their titles from the theme.
        var published = site.Pages.Where(p => !p.Draft && !p.IsNotFound && p.Person is null && !(p.Listing is not null && p.Title.Length == 0)).ToList();
        // Within one language: "Timeline" may well be the English and the Azerbaijani title alike.
        static string Key(Page p) => p.Language + "\n" + p.Title.Trim();
        // Usually every title differs: seen without sorting, or making a key of, thousands of pages.
        var titles = new HashSet<Page>(published.Count, SameTitle.Instance);
        if (published.All(titles.Add))
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
                diagnostics.Warning(DiagnosticCodes.DuplicateTitle, other.TitleLocation,
                    $"this page has the same title as {firstName}, '{first.Title.Trim()}'; give each page its own title: readers tell pages apart by title in tabs, bookmarks, search results and screen readers' page lists");
            }
        }
    }

    /// <summary>Two pages of one language whose titles differ only in case or in spaces around them.</summary>
    private sealed class SameTitle : IEqualityComparer<Page>
    {
        public static readonly SameTitle Instance = new();

        public bool Equals(Page? x, Page? y) =>
            x is not null && y is not null && string.Equals(x.Language, y.Language, StringComparison.Ordinal)
            && x.Title.AsSpan().Trim().Equals(y.Title.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(Page page) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(page.Language), string.GetHashCode(page.Title.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase));
    }
}

using BlackJanuary.Content;
using BlackJanuary.Diagnostics;
using BlackJanuary.Model;
using BlackJanuary.Incremental;
using BlackJanuary.Reading;

namespace BlackJanuary.Checks;

/// <summary>
/// Checks that look across the whole site rather than at one value: share images that would run
/// code, images that name files the site does not have, images without a text alternative,
/// pages readers cannot tell apart by their titles, and addresses that look like others. Runs on the model once the Markdown stage has run.
/// </summary>
public static class ContentChecks
{
    /// <param name="memo">What the checks found at the session's last build: found again when nothing they look at has changed.</param>
    public static void Run(Site site, DiagnosticBag diagnostics, ChecksMemo? memo = null)
    {
        var inputs = new ChecksMemo.Inputs(
            site.Config,
            new ByPlace<Page>(site.Pages, (a, b) => a.Image == b.Image && a.ImageAlt == b.ImageAlt && a.Title == b.Title && a.Draft == b.Draft && a.SourcePath == b.SourcePath && Page.SamePlace(a, b)
                && a.ImageLocation == b.ImageLocation && a.TitleLocation == b.TitleLocation && a.PathLocation == b.PathLocation),
            new ByPlace<TimelineEvent>(site.Timeline, (a, b) => a.Image == b.Image && a.ImageAlt == b.ImageAlt && a.Location == b.Location && a.ImageLocation == b.ImageLocation && a.Id == b.Id),
            [.. site.Media.Select(m => m.OutputPath)]);
        if (memo?.Last is { } last && last.Inputs.SameAs(inputs))
        {
            memo.Last = (inputs, last.Found);
            diagnostics.AddRange(last.Found);
            return;
        }

        var own = new DiagnosticBag();
        RefuseCodeImages(site, own);
        CheckImages(site, own);
        CheckTitles(site, own);
        LookAlikeAddresses.Check(site, own);
        var found = own.Sorted();
        memo?.Last = (inputs, found);
        diagnostics.AddRange(found);
    }

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
        var published = site.Pages.Where(p => !p.Draft && !p.IsNotFound).ToList();
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

/// <summary>What <see cref="ContentChecks"/> found at the last build of a session, and what it looked at.</summary>
public sealed class ChecksMemo
{
    internal sealed record Inputs(SiteConfig Config, ByPlace<Page> Pages, ByPlace<TimelineEvent> Events, string[] Media)
    {
        public bool SameAs(Inputs other) =>
            ReferenceEquals(Config, other.Config) && Pages.Equals(other.Pages) && Events.Equals(other.Events) && Media.AsSpan().SequenceEqual(other.Media);
    }

    internal (Inputs Inputs, IReadOnlyList<Diagnostic> Found)? Last { get; set; }
}

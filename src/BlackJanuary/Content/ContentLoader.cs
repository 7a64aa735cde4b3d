using BlackJanuary.Configuration;
using BlackJanuary.Diagnostics;
using BlackJanuary.Incremental;
using BlackJanuary.Model;
using BlackJanuary.Reading;

namespace BlackJanuary.Content;

/// <summary>
/// Loads a content folder (site.yaml, pages/, timeline.yaml, people/ and people.csv, media/) into a <see cref="Site"/>:
/// each kind of content by its own loader, then the steps across kinds (languages, navigation).
/// </summary>
public static class ContentLoader
{
    /// <param name="session">The session whose files and steps are kept; only changed files are read again.</param>
    /// <param name="today">The build's date, which decides whether an embargo is over; today's (UTC) when not given.</param>
    /// <param name="search">Whether each language gets a search page: the theme has a layout for it.</param>
    public static Site? Load(string contentDir, string? baseUrlOverride, bool includeDrafts, DiagnosticBag diagnostics, Session? session = null, DateOnly? today = null, bool search = false)
    {
        var memo = session?.Files;
        if (!ContentFolder.Exists(contentDir, diagnostics))
        {
            return null;
        }

        ContentFolder.WarnUnknownEntries(contentDir, diagnostics);
        var configFile = Path.Combine(contentDir, "site.yaml");
        var config = FileMemo.Read(memo, configFile, diagnostics, d => SiteConfigLoader.Load(configFile, baseUrlOverride, d));
        var pagesDir = Path.Combine(contentDir, "pages");
        var pages = PageLoader.Load(pagesDir, includeDrafts, diagnostics, memo);
        var timelineFile = Path.Combine(contentDir, "timeline.yaml");
        var timeline = FileMemo.Read(memo, timelineFile, diagnostics, d => TimelineLoader.Load(timelineFile, d))!;
        var records = PeopleLoader.Load(contentDir, diagnostics, session);
        var mediaDir = Path.Combine(contentDir, "media");
        FileMemo.RefuseLinks(memo, mediaDir, diagnostics);
        FileMemo.RefuseLinks(memo, pagesDir, diagnostics);
        if (config is null)
        {
            return null;
        }

        var media = MediaFiles.Load(mediaDir, config, diagnostics, memo);

        if (ImagePath.Problem(config.Image) is { } imageProblem)
        {
            diagnostics.Error(DiagnosticCodes.UnsafePath, config.ImageLocation, imageProblem);
        }

        var localized = Directory.Exists(pagesDir) ? Localization.Localize(pages, config, pagesDir, search, diagnostics, session) : pages;
        var timelines = TimelineLoader.Timelines(timeline, config, diagnostics, session);
        var navs = Navigation.Navs(localized, config, session);
        var buildDate = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        Sources.CheckAccessed(timeline.SelectMany(e => e.Sources).Concat(records.SelectMany(r => r.Person.Sources)), buildDate, diagnostics, session);
        var register = Register.Add(records, localized, timelines, config, media, buildDate, contentDir, diagnostics, session);
        var site = new Site(config, register.Pages, register.Timelines, navs, Shown(media, records, register, config)) { People = register.People, Withdrawn = register.Withdrawn };
        if (timeline.Count > 0 && site.TimelinePage is null)
        {
            diagnostics.Warning(DiagnosticCodes.TimelineNotShown, new SourceLocation(timelineFile),
                $"timeline.yaml has {timeline.Count} event(s) but no page shows them; add pages/timeline.md with 'layout: timeline'");
        }

        return site;
    }

    /// <summary>
    /// The media without the photos only hidden people use: a record kept out of view
    /// ('publish: false', an embargo, 'withhold: [photo]') must not leave its photo at a guessable
    /// address. A photo a published page, event or person also shows stays.
    /// </summary>
    private static List<MediaFile> Shown(List<MediaFile> media, List<PeopleLoader.Record> records, Register.Made register, SiteConfig config)
    {
        static string PathOf(string image) => image.TrimStart('/');
        var hidden = records.Select(r => r.Person.Photo).Where(p => p.Length > 0).Select(PathOf).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 0)
        {
            return media;
        }

        var shown = register.People.Select(p => p.Photo)
            .Concat(register.Pages.Select(p => p.Image))
            .Concat(register.Timelines.Values.SelectMany(events => events.Select(e => e.Image)))
            .Append(config.Image)
            .Where(p => p.Length > 0).Select(PathOf);
        hidden.ExceptWith(shown);
        return hidden.Count == 0 ? media : media.Where(m => !hidden.Contains(m.OutputPath)).ToList();
    }
}

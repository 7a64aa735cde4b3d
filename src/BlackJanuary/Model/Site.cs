using BlackJanuary.Configuration;

namespace BlackJanuary.Model;

/// <summary>Everything the content folder says, after loading and validation.</summary>
public sealed record Site(
    SiteConfig Config,
    IReadOnlyList<Page> Pages,
    IReadOnlyList<TimelineEvent> Timeline,
    IReadOnlyList<NavItem> Nav,
    IReadOnlyList<MediaFile> Media)
{
    /// <summary>The page that shows the timeline (layout: timeline), if the site has one.</summary>
    public Page? TimelinePage => Pages.FirstOrDefault(p => p.Layout == "timeline");
}

/// <summary>A file from content/media, copied as is to media/ in the output.</summary>
public sealed record MediaFile(string SourceFile, string OutputPath);

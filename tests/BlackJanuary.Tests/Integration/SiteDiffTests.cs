using BlackJanuary.Content;
using BlackJanuary.Output;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Integration;

/// <summary>
/// Which output paths the dev server tells open tabs have changed: real snapshots of one session,
/// rebuilt after edits on disk, as the server rebuilds after a save.
/// </summary>
public sealed class SiteDiffTests : IDisposable
{
    private readonly FixtureSite _site = new(new Dictionary<string, string>
    {
        ["content/pages/about.md"] = "---\ntitle: About\n---\nA fictional town.\n",
        ["content/pages/history.md"] = "---\ntitle: History\n---\nA fictional mill.\n",
    });

    private readonly SiteBuilder _session;
    private readonly SiteDiff _diff = new();

    public SiteDiffTests()
    {
        _site.WriteBytes("content/media/mill.pdf", Pdf(16));
        _session = new SiteBuilder(new BuildOptions(Path.Combine(_site.Root, "content"), Path.Combine(_site.Root, "templates"), _site.Output));
    }

    public void Dispose() => _site.Dispose();

    /// <summary>A file that starts as a PDF does, as media files must; a file copied as it is (images are made anew).</summary>
    private static byte[] Pdf(int length) => [.. "%PDF-"u8, .. new byte[length - 5]];

    private SiteSnapshot Build()
    {
        var snapshot = _session.Build();
        Assert.True(snapshot.Succeeded, string.Join("\n", snapshot.Diagnostics));
        return snapshot;
    }

    private IReadOnlyList<string> Rebuilt() => _diff.Changed(Build());

    [Fact]
    public void The_first_build_changes_every_path()
    {
        var snapshot = Build();

        Assert.Equal(snapshot.Files.Keys.Order(StringComparer.Ordinal), new SiteDiff().Changed(snapshot).Order(StringComparer.Ordinal));
        Assert.Contains("media/mill.pdf", snapshot.Files.Keys);
    }

    [Fact]
    public void A_rebuild_with_nothing_edited_changes_nothing()
    {
        Rebuilt();

        Assert.Empty(Rebuilt());
    }

    [Fact]
    public void An_edited_page_changes_its_own_path_only()
    {
        Rebuilt();
        _site.Write("content/pages/history.md", "---\ntitle: History\n---\nA fictional mill, rebuilt.\n");

        Assert.Equal(["history/index.html"], Rebuilt());
    }

    [Fact]
    public void A_new_page_is_added_and_a_deleted_page_removed_in_path_order()
    {
        Rebuilt();
        _site.Write("content/pages/school.md", "---\ntitle: School\n---\nA fictional school.\n");
        File.Delete(Path.Combine(_site.Root, "content/pages/history.md"));

        var changed = Rebuilt();

        Assert.Contains("school/index.html", changed);
        Assert.Contains("history/index.html", changed);
        Assert.Equal(changed.Order(StringComparer.Ordinal), changed);
    }

    [Fact]
    public void A_copied_file_written_in_place_changes_its_path_though_its_output_file_is_the_same()
    {
        var before = Build();
        _diff.Changed(before);
        _site.WriteBytes("content/media/mill.pdf", Pdf(32));

        var after = Build();

        Assert.Equal(before.Files["media/mill.pdf"], after.Files["media/mill.pdf"]);
        Assert.Equal(["media/mill.pdf"], _diff.Changed(after));
    }
}

using BlackJanuary.Diagnostics;

namespace BlackJanuary.Tests.Unit;

public class DiagnosticTests
{
    [Fact]
    public void Formats_like_msbuild_so_editors_link_to_the_place()
    {
        var d = new Diagnostic(Severity.Error, "BJ2003", new SourceLocation("content/timeline.yaml", 12, 7),
            "date '1990-13-20' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD");
        Assert.Equal("content/timeline.yaml(12,7): error BJ2003: date '1990-13-20' is not a valid date; use YYYY, YYYY-MM or YYYY-MM-DD", d.Format());
    }

    [Fact]
    public void Shows_paths_relative_to_the_working_folder_and_warnings_as_warnings()
    {
        var d = new Diagnostic(Severity.Warning, "BJ2006", new SourceLocation("/home/ed/site/content/pages/a.md", 3, 1), "unknown key");
        Assert.Equal("content/pages/a.md(3,1): warning BJ2006: unknown key", d.Format("/home/ed/site"));
        Assert.Equal("/home/ed/site/content/pages/a.md(3,1): warning BJ2006: unknown key", d.Format("/elsewhere"));
    }

    [Fact]
    public void A_file_wide_problem_has_no_position()
    {
        var d = new Diagnostic(Severity.Error, "BJ1007", new SourceLocation("content/site.yaml"), "site.yaml not found");
        Assert.Equal("content/site.yaml: error BJ1007: site.yaml not found", d.Format());
    }

    [Fact]
    public void The_bag_sorts_by_place_and_drops_repeats()
    {
        var bag = new DiagnosticBag();
        bag.Error("BJ4003", new SourceLocation("b.html", 2, 1), "x");
        bag.Error("BJ4003", new SourceLocation("b.html", 2, 1), "x");
        bag.Warning("BJ2006", new SourceLocation("a.md", 9, 1), "y");
        bag.Warning("BJ2006", new SourceLocation("a.md", 3, 1), "z");
        Assert.Equal(["a.md(3,1)", "a.md(9,1)", "b.html(2,1)"], bag.Sorted().Select(d => d.Location.Format(null)));
        Assert.True(bag.HasErrors);
    }
}

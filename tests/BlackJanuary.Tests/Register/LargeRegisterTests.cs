using System.Text;
using BlackJanuary.Tests.Support;

namespace BlackJanuary.Tests.Register;

/// <summary>A register at the scale of the largest memorials: one bad row among 100,000 is found, and said once.</summary>
public sealed class LargeRegisterTests
{
    [Fact]
    public void One_bad_row_among_100000_is_reported_at_that_row_once()
    {
        var csv = new StringBuilder("id,name,died,place,source\n");
        for (var i = 1; i <= 100_000; i++)
        {
            // Row 61,235 (line 61,236) has a cell too many: a comma not put in quotes.
            csv.Append(i == 61_235 ? $"test-person-{i},Test Person, {i},1990,Testville,Test register\n" : $"test-person-{i},Test Person {i},1990-01-20,Testville,Test register\n");
        }

        using var site = new FixtureSite(new Dictionary<string, string> { ["content/people.csv"] = csv.ToString() });

        var run = site.Run("check", "--content", site.Content);

        Assert.Equal(1, run.ExitCode);
        var problems = run.Stderr.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal)).ToList();
        var problem = Assert.Single(problems).Replace('\\', '/');
        Assert.EndsWith("content/people.csv(61236,53): error BJ1017: this row has 6 cells, but the header on line 1 has 5 columns, so the row is skipped; put a cell that holds a comma in double quotes (\"Test, Person\"), or remove the extra comma", problem, StringComparison.Ordinal);
    }
}

using BlackJanuary.Media;

namespace BlackJanuary.Tests.Media;

/// <summary>Images are decoded at once only as far as their pixels fit the budget; one larger than the whole budget runs alone.</summary>
public sealed class PixelBudgetTests
{
    [Fact]
    public async Task A_lease_that_would_pass_the_budget_waits_until_one_before_it_is_given_back()
    {
        var budget = new PixelBudget(100);
        var first = budget.Take(60);
        var second = Task.Run(() => budget.Take(60));

        Assert.False(await Ends(second));
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Leases_that_fit_together_run_together_and_one_larger_than_the_budget_runs_alone()
    {
        var budget = new PixelBudget(100);
        Task<PixelBudget.Lease> huge;
        using (budget.Take(40))
        using (budget.Take(60))
        {
            huge = Task.Run(() => budget.Take(1_000));
            Assert.False(await Ends(huge));
        }

        var alone = await huge.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var small = Task.Run(() => budget.Take(1));
        Assert.False(await Ends(small));
        alone.Dispose();
        (await small.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    /// <summary>Whether the task ends within a fifth of a second: a lease still waiting does not.</summary>
    private static async Task<bool> Ends(Task task) => await Task.WhenAny(task, Task.Delay(200, TestContext.Current.CancellationToken)) == task;
}

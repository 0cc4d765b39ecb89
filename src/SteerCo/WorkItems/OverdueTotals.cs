using SteerCo.Data;

namespace SteerCo.WorkItems;

/// <summary>
/// How many tasks are overdue in a scope (a subtree, or one committee's own tasks) on a day:
/// the total above the overdue list, counted again after any write in this process and at least
/// every few seconds. At the centre the count walks every open task in the country; the page
/// below it reads 25.
/// </summary>
public sealed class OverdueTotals(Writes writes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly UntilWritten<(string Scope, DateOnly Day), int> _totals = new(writes, Lifetime);

    public ValueTask<int> GetAsync(string scope, DateOnly day, Func<Task<int>> count) =>
        _totals.GetAsync((scope, day), _ => count());
}

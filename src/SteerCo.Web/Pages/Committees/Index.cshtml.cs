using Microsoft.AspNetCore.Mvc;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Units;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Committees;

/// <summary>The committee tree and a searchable list of every committee the user may see.</summary>
public sealed class IndexModel(CommitteeService committees) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Dissolved { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CommitteeSummary> Top { get; private set; } = [];
    public Paged<CommitteeSummary> List { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Top = await committees.TopAsync(Actor, ct);
        List = await committees.ListAsync(Actor, new(Q, null, Level, Dissolved, Sort), ListPage(PageNumber, 25), ct);
    }

    /// <summary>The children of one committee, as tree nodes, for the tree's lazy branches.</summary>
    public async Task<IActionResult> OnGetChildrenAsync(int id, CancellationToken ct)
    {
        var children = await committees.ChildrenAsync(Actor, id, ct);
        return children.IsOk ? Partial("_TreeNodes", children.Value) : OutOfScope();
    }
}

using Microsoft.AspNetCore.Mvc;
using SteerCo.Data;
using SteerCo.Web.Infrastructure;
using SteerCo.WorkItems;

namespace SteerCo.Web.Pages.Work;

/// <summary>My work: a member's agency's tasks; for anyone else, a committee's tasks (their own by default), by state.</summary>
public sealed class IndexModel(WorkItemService items) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public WorkItemState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<WorkItemSummary> List { get; private set; } = new([], 0, 1, 25);

    public bool AgencyView => Actor.Role == Access.Role.Member && Actor.AgencyId is not null;

    /// <summary>A secretariat (or an administrator) gives tasks; the new-task page checks the committee itself.</summary>
    public bool CanCreate => Actor.Role is Access.Role.Secretariat or Access.Role.Administrator;

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await items.ListAsync(Actor, new(CommitteeId, State, Sort), ListPage(PageNumber, 25), ct);
}

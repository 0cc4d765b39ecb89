using Microsoft.AspNetCore.Mvc;
using SteerCo.Web.Infrastructure;
using SteerCo.WorkItems;

namespace SteerCo.Web.Pages.Work;

/// <summary>Overdue in my subtree: the oldest first, and each committee below with its counts, to open in turn.</summary>
public sealed class OverdueModel(WorkItemService items) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public OverdueBoard Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var board = await items.OverdueAsync(Actor, CommitteeId, ListPage(PageNumber, 25), ct);
        if (!board.IsOk)
        {
            return OutOfScope();
        }
        Board = board.Value!;
        return Page();
    }
}

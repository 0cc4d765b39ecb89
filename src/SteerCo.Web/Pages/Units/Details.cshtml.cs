using Microsoft.AspNetCore.Mvc;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Units;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Units;

public sealed class DetailsModel(UnitService units, AgencyService agencies, CommitteeService committees) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public UnitHistory History { get; private set; } = null!;
    public Paged<UnitSummary> Children { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];
    public IReadOnlyList<CommitteeSummary> Committees { get; private set; } = [];
    public bool CanManageAgencies { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await units.HistoryAsync(id, ct) is not { } history)
        {
            return NotFound();
        }
        History = history;
        Children = await units.ListAsync(new(null, id, null, true, null), ListPage(PageNumber, 50), ct);
        Agencies = (await agencies.ListAsync(id, null, new(1, 200), ct)).Items;
        Committees = (await committees.ListAsync(Actor, new(IncludeDissolved: true, UnitId: id), new(1, 200), ct)).Items;
        CanManageAgencies = await agencies.CanManageUnitAsync(Actor, id, ct);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Committees;

public sealed class CreateModel(CommitteeService committees, AgencyService agencies) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ParentId { get; set; }

    [BindProperty]
    public CommitteeForm Input { get; set; } = new();

    public CommitteeDetail? Parent { get; private set; }
    public CommitteeFormOptions Options { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return OutOfScope();
        }
        if (Parent is not null && !await committees.CanManageAsync(Actor, Parent.Id, ct))
        {
            return Forbid();
        }
        Input.UnitId = Options.Units.FirstOrDefault(u => u.Id != Parent?.UnitId)?.Id ?? Options.Units.FirstOrDefault()?.Id ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return OutOfScope();
        }
        var established = ParseDate(Input.EstablishedOn, "Input.EstablishedOn");
        var dissolved = ParseDate(Input.DissolvedOn, "Input.DissolvedOn");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await committees.CreateAsync(Actor, new CommitteeInput(
            Input.Name, Input.Abbreviation, Input.UnitId, ParentId, Input.StandingAgencyId,
            Input.DocumentSystem, Input.CurrentTerm, established, dissolved), ct);
        if (result.Outcome == SteerCo.Access.Outcome.Forbidden)
        {
            return Forbid();
        }
        if (!result.IsOk)
        {
            AddProblems(result.Problems);
            return Page();
        }
        TempData["Flash"] = Messages.Get("CommitteeCreated", result.Value!.Name);
        return RedirectToPage("Details", new { id = result.Value.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (ParentId is { } parentId)
        {
            var parent = await committees.GetAsync(Actor, parentId, ct);
            if (!parent.IsOk)
            {
                return false;
            }
            Parent = parent.Value;
        }
        var units = await committees.CandidateUnitsAsync(ParentId, ct);
        Options = new(units, await agencies.ForUnitsAsync([.. units.Select(u => u.Id)], ct));
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Resources;
using SteerCo.Units;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Agencies;

public sealed class CreateModel(AgencyService agencies, UnitService units) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int UnitId { get; set; }

    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    public UnitSummary Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }
        var dissolved = ParseDate(Input.DissolvedOn, "Input.DissolvedOn");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await agencies.CreateAsync(Actor, new AgencyInput(UnitId, Input.Name, Input.Abbreviation, dissolved), ct);
        if (result.Outcome == Outcome.Forbidden)
        {
            return Forbid();
        }
        if (!result.IsOk)
        {
            AddProblems(result.Problems);
            return Page();
        }
        TempData["Flash"] = Messages.Get("Saved");
        return Redirect($"/Units/Details/{UnitId}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await units.FindAsync(UnitId, ct) is not { } unit)
        {
            return NotFound();
        }
        Unit = unit;
        return await agencies.CanManageUnitAsync(Actor, UnitId, ct) ? null : Forbid();
    }
}

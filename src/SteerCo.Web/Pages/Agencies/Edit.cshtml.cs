using Microsoft.AspNetCore.Mvc;
using SteerCo.Agencies;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Agencies;

public sealed class EditModel(AgencyService agencies) : SteerCoPageModel
{
    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    public AgencySummary Agency { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = new AgencyForm { Name = Agency.Name, Abbreviation = Agency.Abbreviation, DissolvedOn = Agency.DissolvedOn.ToShort(), Version = Agency.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var dissolved = ParseDate(Input.DissolvedOn, "Input.DissolvedOn");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await agencies.UpdateAsync(Actor, id, new AgencyInput(Agency.UnitId, Input.Name, Input.Abbreviation, dissolved), Input.Version, ct);
        if (!result.IsOk)
        {
            return Refused(result);
        }
        TempData["Flash"] = Messages.Get("Saved");
        return Redirect($"/Units/Details/{Agency.UnitId}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await agencies.FindAsync(id, ct) is not { } agency)
        {
            return NotFound();
        }
        Agency = agency;
        return await agencies.CanManageUnitAsync(Actor, agency.UnitId, ct) ? null : Forbid();
    }
}

using Microsoft.AspNetCore.Mvc;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Committees;

public sealed class EditModel(CommitteeService committees, AgencyService agencies) : SteerCoPageModel
{
    [BindProperty]
    public CommitteeForm Input { get; set; } = new();

    public CommitteeDetail Committee { get; private set; } = null!;
    public CommitteeFormOptions Options { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var c = Committee;
        Input = new CommitteeForm
        {
            Name = c.Name,
            Abbreviation = c.Abbreviation,
            UnitId = c.UnitId,
            StandingAgencyId = c.StandingAgencyId,
            DocumentSystem = c.DocumentSystem,
            CurrentTerm = c.CurrentTerm,
            EstablishedOn = c.EstablishedOn.ToShort(),
            DissolvedOn = c.DissolvedOn.ToShort(),
            Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var established = ParseDate(Input.EstablishedOn, "Input.EstablishedOn");
        var dissolved = ParseDate(Input.DissolvedOn, "Input.DissolvedOn");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await committees.UpdateAsync(Actor, id, new CommitteeInput(
            Input.Name, Input.Abbreviation, Input.UnitId, Committee.ParentId, Input.StandingAgencyId,
            Input.DocumentSystem, Input.CurrentTerm, established, dissolved), Input.Version, ct);
        if (!result.IsOk)
        {
            return Refused(result);
        }
        TempData["Flash"] = Messages.Get("Saved");
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (committee, refusal) = await ManagedCommitteeAsync(committees, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        Committee = committee!;
        var units = await committees.CandidateUnitsAsync(Committee.ParentId, ct);
        if (units.All(u => u.Id != Committee.UnitId))
        {
            units = [.. units, new UnitOption(Committee.UnitId, Committee.UnitName, Committee.UnitLevel)];
        }
        Options = new(units, await agencies.ForUnitsAsync([.. units.Select(u => u.Id)], ct));
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Members;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.People;

/// <summary>A new committee member or staff, in an agency of the committee's unit; a likely duplicate is a warning.</summary>
public sealed class CreateModel(PeopleService people, AgencyService agencies, CommitteeService committees) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }
        var result = await people.CreateAsync(Actor, Input.ToInput(null), ct);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                var saved = result.Value!;
                TempData["Flash"] = saved.LikelyDuplicates.Count == 0
                    ? Messages.Get("Saved")
                    : Messages.Get("SavedLikelyDuplicate", string.Join(", ", saved.LikelyDuplicates.Select(p => $"{p.FullName} ({p.JobTitle})")));
                return Redirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : $"/People/Edit/{saved.Person.Id}");
            case Outcome.Forbidden:
                return Forbid();
        }
        AddProblems(result.Problems);
        return Page();
    }

    /// <summary>The agencies of the committee's unit (the user's own committee unless one is named).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var committeeId = CommitteeId ?? Actor.CommitteeId;
        if (committeeId is null)
        {
            return Redirect("/Committees");
        }
        var committee = await committees.GetAsync(Actor, committeeId.Value, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        if (!await agencies.CanManageUnitAsync(Actor, committee.Value!.UnitId, ct))
        {
            return Forbid();
        }
        Agencies = await agencies.ForUnitsAsync([committee.Value.UnitId], ct);
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Members;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.People;

/// <summary>A person's record: read by whoever sees them, changed by whoever keeps them.</summary>
public sealed class EditModel(PeopleService people, AgencyService agencies) : SteerCoPageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public PersonDetail Person { get; private set; } = null!;
    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is null)
        {
            Input = PersonForm.From(Person.Person);
        }
        return result ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!Person.CanManage)
        {
            return Forbid();
        }
        var result = await people.UpdateAsync(Actor, id, Input.ToInput(Person.Person.UserId), Input.Version, ct);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Flash"] = result.Value!.LikelyDuplicates.Count == 0
                    ? Messages.Get("Saved")
                    : Messages.Get("SavedLikelyDuplicate", string.Join(", ", result.Value.LikelyDuplicates.Select(p => $"{p.FullName} ({p.JobTitle})")));
                return Redirect($"/People/Edit/{id}");
            case Outcome.Forbidden:
                return Forbid();
        }
        return Refused(result);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var person = await people.GetAsync(Actor, id, ct);
        if (!person.IsOk)
        {
            return OutOfScope();
        }
        Person = person.Value!;
        Agencies = await agencies.ForUnitsAsync([Person.Person.UnitId], ct);
        return null;
    }
}

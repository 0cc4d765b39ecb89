using Microsoft.AspNetCore.Mvc;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;
using SteerCo.WorkItems;

namespace SteerCo.Web.Pages.Work;

/// <summary>A document's tasks and where they stand: a plan's progress page, where the plan's secretariat adds its items.</summary>
public sealed class PlanModel(WorkItemService items) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int DocumentId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public int LeadAgencyId { get; set; }

    [BindProperty]
    public List<int> CoordinatingAgencyIds { get; set; } = [];

    [BindProperty]
    public string? DueDate { get; set; }

    [BindProperty]
    public bool Regular { get; set; }

    public DocumentWork Work { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var due = ParseDate(DueDate, nameof(DueDate));
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        if (!Work.CanAddItems)
        {
            return Forbid();
        }
        var input = new WorkItemInput(Title, null, LeadAgencyId, CoordinatingAgencyIds, due, Regular, WorkItemSource.PlanItem, DocumentId);
        if (!ModelState.IsValid)
        {
            return AddOtherProblems(await items.CheckCreationAsync(Actor, Work.CommitteeId, input, ct), "") ?? Page();
        }
        var created = await items.CreateAsync(Actor, Work.CommitteeId, input, ct);
        if (created.IsOk)
        {
            TempData["Flash"] = Messages.Get("PlanItemAdded");
            return RedirectToPage("Plan", new { documentId = DocumentId });
        }
        AddProblems(created.Problems, "");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var work = await items.DocumentWorkAsync(Actor, DocumentId, ct);
        if (!work.IsOk)
        {
            return OutOfScope();
        }
        Work = work.Value!;
        return null;
    }
}

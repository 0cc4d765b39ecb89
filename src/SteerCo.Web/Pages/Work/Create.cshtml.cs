using Microsoft.AspNetCore.Mvc;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;
using SteerCo.WorkItems;

namespace SteerCo.Web.Pages.Work;

/// <summary>
/// Giao nhiệm vụ: a committee's secretariat gives a new task to a lead agency, with its source
/// (a document, one of the committee's plans, or none) and, if it says so, passes it down to
/// all or some of the committees directly below, in one save.
/// </summary>
public sealed class CreateModel(WorkItemService items) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CommitteeId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int LeadAgencyId { get; set; }

    [BindProperty]
    public List<int> CoordinatingAgencyIds { get; set; } = [];

    [BindProperty]
    public string? DueDate { get; set; }

    [BindProperty]
    public bool Regular { get; set; }

    /// <summary>None, Document or Plan; a post without it means none.</summary>
    [BindProperty]
    public string? Source { get; set; } = "None";

    [BindProperty]
    public int? DocumentId { get; set; }

    [BindProperty]
    public int? PlanId { get; set; }

    /// <summary>A source document typed by its number and symbol, for one older than the list's; it wins over the list.</summary>
    [BindProperty]
    public string? DocumentSymbol { get; set; }

    /// <summary>None, All or Chosen; a post without it means none.</summary>
    [BindProperty]
    public string? FanOut { get; set; } = "None";

    [BindProperty]
    public List<int> FanOutCommitteeIds { get; set; } = [];

    public NewWorkItemChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var due = ParseDate(DueDate, nameof(DueDate));
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var (kind, documentId) = Source switch
        {
            "Document" => (WorkItemSource.Document, DocumentId),
            "Plan" => (WorkItemSource.PlanItem, PlanId),
            _ => (WorkItemSource.Direct, (int?)null),
        };
        if (kind == WorkItemSource.Document && !string.IsNullOrWhiteSpace(DocumentSymbol))
        {
            var named = await items.FindSourceAsync(Actor, Choices.CommitteeId, DocumentSymbol, ct);
            if (named.IsOk)
            {
                documentId = named.Value;
            }
            else
            {
                AddProblems(named.Problems, "");
            }
        }
        if (FanOut == "Chosen" && FanOutCommitteeIds.Count == 0)
        {
            ModelState.AddModelError("CommitteeIds", Messages.Get("FanOutNoCommittees"));
        }
        var input = new WorkItemInput(Title, Description, LeadAgencyId, CoordinatingAgencyIds, due, Regular, kind, documentId,
            FanOutToAll: FanOut == "All", FanOutCommitteeIds: FanOut == "Chosen" ? FanOutCommitteeIds : null);
        if (!ModelState.IsValid)
        {
            return AddOtherProblems(await items.CheckCreationAsync(Actor, Choices.CommitteeId, input, ct), "") ?? Page();
        }
        var created = await items.CreateAsync(Actor, Choices.CommitteeId, input, ct);
        if (created.IsOk)
        {
            TempData["Flash"] = Messages.Get("WorkItemCreated", created.Value!.Children.Count);
            return RedirectToPage("Details", new { id = created.Value.Id });
        }
        if (Refusal(created) is { } refusal)
        {
            return refusal;
        }
        AddProblems(created.Problems, "");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var choices = await items.NewItemChoicesAsync(Actor, CommitteeId ?? Actor.CommitteeId ?? 0, ct);
        if (Refusal(choices) is { } refused)
        {
            return refused;
        }
        Choices = choices.Value!;
        return null;
    }
}

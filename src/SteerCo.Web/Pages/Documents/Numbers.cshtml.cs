using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Documents;

/// <summary>A committee's register numbers: reserve one for a draft, see what became of each, cancel one with its reason.</summary>
public sealed class NumbersModel(DocumentNumbering numbering, CommitteeService committees, TimeProvider clock) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int CommitteeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? ReserveType { get; set; }

    [BindProperty]
    public string? ReserveIssuedOn { get; set; }

    public CommitteeDetail Committee { get; private set; } = null!;
    public Paged<ReservationView> List { get; private set; } = new([], 0, 1, 25);
    public bool CanManage { get; private set; }

    public IReadOnlyList<DocumentType> Types => Committee.DocumentSystem == DocumentSystem.Party ? DocumentTypes.Party : DocumentTypes.State;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReserveIssuedOn = clock.Today().ToShort();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostReserveAsync(CancellationToken ct)
    {
        var issuedOn = ParseDate(ReserveIssuedOn, nameof(ReserveIssuedOn));
        if (issuedOn is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(ReserveIssuedOn), Messages.Get("IssuedOnRequired"));
        }
        if (issuedOn is { } date)
        {
            var result = await numbering.ReserveAsync(Actor, CommitteeId, string.IsNullOrWhiteSpace(ReserveType) ? null : ReserveType, date, ct);
            switch (result.Outcome)
            {
                case Outcome.Ok:
                    TempData["Flash"] = Messages.Get("NumberReserved", result.Value!.Symbol);
                    return RedirectToPage("Numbers", new { committeeId = CommitteeId });
                case Outcome.NotFound:
                    return OutOfScope();
                case Outcome.Forbidden:
                    return Forbid();
            }
            foreach (var problem in result.Problems)
            {
                ModelState.AddModelError(problem.Field switch { "Type" => nameof(ReserveType), "IssuedOn" => nameof(ReserveIssuedOn), _ => "" }, problem.Message);
            }
        }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int reservationId, string? reason, int version, CancellationToken ct)
    {
        var result = await numbering.CancelAsync(Actor, reservationId, reason, version, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = Messages.Get("NumberCancelled", result.Value!.Symbol);
            return RedirectToPage("Numbers", new { committeeId = CommitteeId });
        }
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError(problem.Field == "Reason" ? $"Reason{reservationId}" : "", problem.Message);
        }
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, CommitteeId, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        List = (await numbering.ListAsync(Actor, CommitteeId, ListPage(PageNumber, 25), ct)).Value!;
        CanManage = await committees.CanManageAsync(Actor, CommitteeId, ct);
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Documents;

/// <summary>Corrects a registered document; a number the register issued stays as it is.</summary>
public sealed class EditModel(DocumentRegister register, DocumentNumbering numbering, CommitteeService committees, AgencyService agencies, SteerCoDbContext db)
    : SteerCoPageModel
{
    [BindProperty]
    public DocumentForm Input { get; set; } = new();

    public DocumentDetail Document { get; private set; } = null!;
    public DocumentFormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = DocumentForm.From(Document);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var issuedOn = ParseDate(Input.IssuedOn, "Input.IssuedOn");
        var receivedOn = ParseDate(Input.ReceivedOn, "Input.ReceivedOn");
        if (Document.ReservationId is not null)
        {
            Input.Symbol = Document.Symbol;
        }
        var input = Input.ToInput(issuedOn, receivedOn);
        if (!ModelState.IsValid)
        {
            return AddOtherProblems(await register.CheckUpdateAsync(Actor, id, input, Input.Version, ct)) ?? Page();
        }
        var result = await register.UpdateAsync(Actor, id, input, Input.Version, ct);
        if (!result.IsOk)
        {
            return Refused(result);
        }
        TempData["Flash"] = Messages.Get("Saved");
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var document = await register.GetAsync(Actor, id, ct);
        if (!document.IsOk)
        {
            return OutOfScope();
        }
        if (!document.Value!.CanManage)
        {
            return Forbid();
        }
        Document = document.Value;
        var committee = await committees.GetAsync(Actor, Document.CommitteeId, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Options = await DocumentFormOptions.LoadAsync(db, agencies, numbering, Actor, committee.Value!, forRegistering: false,
            issuedSymbol: Document.ReservationId is null ? null : Document.Symbol, ct);
        return null;
    }
}

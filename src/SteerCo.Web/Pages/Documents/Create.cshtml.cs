using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Documents;

/// <summary>Registers a document into a committee's register; an outgoing one can take its number here.</summary>
public sealed class CreateModel(DocumentRegister register, DocumentNumbering numbering, CommitteeService committees, AgencyService agencies, SteerCoDbContext db, TimeProvider clock)
    : SteerCoPageModel
{
    [BindProperty]
    public DocumentForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? CommitteeId { get; set; }

    public DocumentFormOptions Options { get; private set; } = null!;

    /// <summary>The committees the user may register into, when the address names none.</summary>
    public IReadOnlyList<CommitteeSummary> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CommitteeId is null && Actor.Role != Role.Secretariat)
        {
            Choices = (await committees.ListAsync(Actor, new(), new(1, PageRequest.MaxPageSize), ct)).Items;
            return Page();
        }
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }
        Input.IssuedOn = clock.Today().ToShort();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }
        var issuedOn = ParseDate(Input.IssuedOn, "Input.IssuedOn");
        var receivedOn = ParseDate(Input.ReceivedOn, "Input.ReceivedOn");
        var input = Input.ToInput(issuedOn, receivedOn);
        if (!ModelState.IsValid)
        {
            return AddOtherProblems(await register.CheckRegistrationAsync(Actor, Options.Committee.Id, input, ct)) ?? Page();
        }
        var result = await register.RegisterAsync(Actor, Options.Committee.Id, input, ct);
        if (!result.IsOk)
        {
            AddProblems(result.Problems);
            return Page();
        }
        var document = result.Value!;
        TempData["Flash"] = document.Symbol is { } symbol ? Messages.Get("DocumentRegisteredAs", symbol) : Messages.Get("Saved");
        return RedirectToPage("Details", new { id = document.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var id = CommitteeId ?? Actor.CommitteeId ?? 0;
        var committee = await committees.GetAsync(Actor, id, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        if (!await committees.CanManageAsync(Actor, id, ct))
        {
            return Forbid();
        }
        CommitteeId = id;
        Options = await DocumentFormOptions.LoadAsync(db, agencies, numbering, Actor, committee.Value!, forRegistering: true, issuedSymbol: null, ct);
        return null;
    }
}

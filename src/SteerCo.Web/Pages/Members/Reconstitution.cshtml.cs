using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Office;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Members;

/// <summary>
/// One reconstitution: its new roster (add, remove, change a post), the difference from the
/// current roster, the decision (picked from the register or created there), and applying it.
/// Every change posts the draft's version; a draft saved meanwhile answers 409. A roster sheet
/// (XLSX) can replace the new roster at once; it comes as a stream, at most 5 MB.
/// </summary>
[StreamedUpload("ImportRoster", MaxBytes = RosterWorkbook.MaxUploadBytes)]
public sealed class ReconstitutionModel(Reconstitutions reconstitutions, RosterService roster, PeopleService people, DocumentRegister register, RosterImport import, PdfConverter pdf) : SteerCoPageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? EffectiveOn { get; set; }

    [BindProperty]
    public int? DecisionDocumentId { get; set; }

    [BindProperty]
    public int PersonId { get; set; }

    [BindProperty]
    public int PostId { get; set; }

    [BindProperty]
    public string? DecisionIssuedOn { get; set; }

    [BindProperty]
    public string? SignerName { get; set; }

    [BindProperty]
    public string? SignerTitle { get; set; }

    /// <summary>Narrows the people offered for adding.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    /// <summary>The import's "create missing people" box, as the clerk left it.</summary>
    public bool CreatePeople { get; private set; }

    /// <summary>Every error of a refused roster sheet, each a whole sentence.</summary>
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    public ReconstitutionView Draft { get; private set; } = null!;
    public IReadOnlyList<PostView> Posts { get; private set; } = [];
    public IReadOnlyList<PersonSummary> Candidates { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int draftId, CancellationToken ct)
    {
        var result = await LoadAsync(id, draftId, ct);
        if (result is null)
        {
            EffectiveOn = Draft.EffectiveOn.ToShort();
            DecisionDocumentId = Draft.DecisionDocumentId;
            DecisionIssuedOn = roster.Today.ToShort();
        }
        return result ?? Page();
    }

    /// <summary>The decision on reconstitution with its member list: DOCX to edit and sign, or PDF to read.</summary>
    public async Task<IActionResult> OnGetDecisionAsync(int id, int draftId, string? format, CancellationToken ct)
    {
        var file = await GeneratedFiles.SendAsync(await reconstitutions.DecisionDocxAsync(Actor, id, draftId, ct), format, pdf, ct);
        await file.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, int draftId, CancellationToken ct)
    {
        var effective = ParseDate(EffectiveOn, nameof(EffectiveOn));
        return SaveAsync(id, draftId, lines => lines, (effective, DecisionDocumentId), ct);
    }

    public Task<IActionResult> OnPostAddAsync(int id, int draftId, CancellationToken ct) =>
        SaveAsync(id, draftId, lines => [.. lines, new DraftLineInput(PersonId, PostId, null)], null, ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, int draftId, CancellationToken ct) =>
        SaveAsync(id, draftId, lines => [.. lines.Where(l => l.PersonId != PersonId)], null, ct);

    public Task<IActionResult> OnPostChangePostAsync(int id, int draftId, CancellationToken ct) =>
        SaveAsync(id, draftId, lines => [.. lines.Select(l => l.PersonId == PersonId ? l with { PostId = PostId } : l)], null, ct);

    /// <summary>
    /// A roster sheet replaces the draft's lines (see <see cref="RosterImport"/>). The file comes as a
    /// stream (see <see cref="StreamedUploadAttribute"/>), with the version and the box as fields before it.
    /// </summary>
    public async Task<IActionResult> OnPostImportRosterAsync(int id, int draftId, CancellationToken ct)
    {
        var upload = HttpContext.Features.Get<StreamedUpload>();
        var fields = upload?.Fields ?? new Dictionary<string, string>();
        int? version = upload is null ? Version
            : fields.TryGetValue(nameof(Version), out var v) && int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        CreatePeople = fields.TryGetValue(nameof(CreatePeople), out var create) && create == "true";
        Result<RosterImported> result;
        try
        {
            result = await import.ImportAsync(Actor, id, draftId, upload?.FileName, upload?.Content, version, CreatePeople, ct);
        }
        catch (BadHttpRequestException ex) when (MultipartUpload.IsTooLarge(ex))
        {
            result = Result<RosterImported>.Invalid(RosterImport.TooLargeField, RosterImport.TooLargeMessage());
        }
        if (result.Outcome == Outcome.Ok)
        {
            var imported = result.Value!;
            TempData["Flash"] = imported.CreatedPeople.Count == 0
                ? Messages.Get("RosterImported", imported.Draft!.Lines.Count)
                : Messages.Get("RosterImportedWithPeople", imported.Draft!.Lines.Count, imported.CreatedPeople.Count, string.Join(", ", imported.CreatedPeople));
            return Redirect($"/Members/{id}/Reconstitution/{draftId}");
        }
        if (result.Outcome == Outcome.Invalid)
        {
            ImportErrors = [.. result.Value?.Errors.Select(e => e.ToString()) ?? result.Problems.Select(p => p.Message)];
            return await LoadAsync(id, draftId, ct) ?? Page();
        }
        return await AfterAsync(id, draftId, result.As<ReconstitutionView>(), "", ct);
    }

    public async Task<IActionResult> OnPostCreateDecisionAsync(int id, int draftId, CancellationToken ct)
    {
        var issuedOn = ParseDate(DecisionIssuedOn, nameof(DecisionIssuedOn));
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, draftId, ct) ?? Page();
        }
        var result = await reconstitutions.CreateDecisionAsync(Actor, id, draftId,
            new DecisionInput(issuedOn, null, SignerName, SignerTitle, SigningAuthority.OnBehalf), Version, ct);
        return await AfterAsync(id, draftId, result, Messages.Get("DecisionCreated", result.Value?.DecisionSymbol ?? ""), ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, int draftId, CancellationToken ct)
    {
        var result = await reconstitutions.ApplyAsync(Actor, id, draftId, Version, ct);
        return await AfterAsync(id, draftId, result, Messages.Get("ReconstitutionApplied", result.Value?.EffectiveOn.ToShort() ?? ""), ct);
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, int draftId, CancellationToken ct)
    {
        var result = await reconstitutions.DiscardAsync(Actor, id, draftId, Version, ct);
        return await AfterAsync(id, draftId, result, Messages.Get("Saved"), ct);
    }

    /// <summary>The code of a standard post (its label comes from the resources), null for a committee's own.</summary>
    public string? PostCode(int postId) => Posts.FirstOrDefault(p => p.Id == postId)?.Code;

    private async Task<IActionResult> SaveAsync(int id, int draftId, Func<List<DraftLineInput>, List<DraftLineInput>> change, (DateOnly? EffectiveOn, int? DecisionId)? header, CancellationToken ct)
    {
        var current = await reconstitutions.GetAsync(Actor, id, draftId, ct);
        if (!current.IsOk)
        {
            return OutOfScope();
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, draftId, ct) ?? Page();
        }
        var draft = current.Value!;
        var lines = change([.. draft.Lines.Select(l => new DraftLineInput(l.PersonId, l.PostId, l.AgencyId))]);
        // Only the save form changes the date and the decision; the line forms keep what the draft has.
        var input = header is { } h ? new DraftInput(h.EffectiveOn, h.DecisionId, lines) : new DraftInput(draft.EffectiveOn, draft.DecisionDocumentId, lines);
        var result = await reconstitutions.UpdateAsync(Actor, id, draftId, input, Version, ct);
        return await AfterAsync(id, draftId, result, Messages.Get("Saved"), ct);
    }

    private async Task<IActionResult> AfterAsync(int id, int draftId, Result<ReconstitutionView> result, string flash, CancellationToken ct)
    {
        if (result.IsOk)
        {
            TempData["Flash"] = flash;
            return Redirect($"/Members/{id}/Reconstitution/{draftId}");
        }
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError(problem.Field is nameof(DraftInput.EffectiveOn) or nameof(DraftInput.DecisionDocumentId) ? problem.Field
                : problem.Field == nameof(DecisionInput.IssuedOn) ? nameof(DecisionIssuedOn) : "", problem.Message);
        }
        return await LoadAsync(id, draftId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, int draftId, CancellationToken ct)
    {
        var draft = await reconstitutions.GetAsync(Actor, id, draftId, ct);
        if (!draft.IsOk)
        {
            return OutOfScope();
        }
        Draft = draft.Value!;
        Version = Draft.Version;
        EffectiveOn ??= Draft.EffectiveOn.ToShort();
        Posts = (await roster.PostsAsync(Actor, id, ct)).Value!;
        if (Draft.CanManage && Draft.Status == ReconstitutionStatus.Draft)
        {
            var onDraft = Draft.Lines.Select(l => l.PersonId).ToHashSet();
            Candidates = [.. (await people.ListAsync(Actor, Find, null, new(1, 200), null, ct)).Items.Where(p => !onDraft.Contains(p.Id))];
            Decisions = [.. (await register.ListAsync(Actor, new DocumentQuery(UnderId: id, Type: "QĐ"), new(1, 100), ct)).Items.Where(d => d.CommitteeId == id)];
        }
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Documents.Files;
using SteerCo.Reporting;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Reporting;

/// <summary>
/// One committee's report to a request: the form its secretariat fills (each figure checked by its
/// type, the message beside it), the workbook to fill offline and upload back, submitting; the
/// requester's acceptance or return with a comment; every version kept.
/// </summary>
public sealed class SubmissionModel(Submissions submissions, CommitteeService committees, FileIntake intake, IStringLocalizer<SharedResource> text) : SteerCoPageModel
{
    /// <summary>The model state key of the workbook's problems, listed under the upload form.</summary>
    public const string UploadKey = "Upload";

    /// <summary>What was typed, by indicator code.</summary>
    // Named, so that a form without figures (the review) binds nothing here rather than every other field of the form.
    [BindProperty(Name = nameof(Values))]
    public Dictionary<string, string?> Values { get; set; } = [];

    /// <summary>The narrative sections' text, by section id.</summary>
    // Named, for the same reason: unnamed, a form without sections bound "Version" as a section id and failed.
    [BindProperty(Name = nameof(Narratives))]
    public Dictionary<int, string?> Narratives { get; set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public SubmissionView View { get; private set; } = null!;

    /// <summary>The file limit (Files:MaxBytes), for the hint beside the file input.</summary>
    public long MaxFileBytes => intake.MaxBytes;

    /// <summary>Whether the reader may open the request's page (the requester's readers may; the committee below may not).</summary>
    public bool CanReadRequest { get; private set; }

    /// <summary>The form shows what was typed, not what is stored, when a save was refused.</summary>
    public bool ShowTyped { get; private set; }

    public IReadOnlyList<string> UploadProblems =>
        ModelState.TryGetValue(UploadKey, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>The report as a workbook, pre-filled with what it holds now, to fill offline and upload back.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync(int id, CancellationToken ct) =>
        await submissions.GetAsync(Actor, id, ct) is { IsOk: true } view
            ? File(SubmissionWorkbook.Write(view.Value!), RequestModel.Xlsx, SubmissionWorkbook.FileName(view.Value!))
            : OutOfScope();

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await submissions.SaveAsync(Actor, id, new(Values, Narratives), Version, ct), "DraftSaved", ct);

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await submissions.SaveAndSubmitAsync(Actor, id, new(Values, Narratives), Version, ct), "ReportSubmitted", ct);

    /// <summary>Any wrong cell refuses the whole file, every one listed, and nothing is saved.</summary>
    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        var result = await submissions.ImportAsync(Actor, id, content, Version, ct);
        if (result.Outcome == Outcome.Invalid)
        {
            foreach (var problem in result.Problems)
            {
                ModelState.AddModelError(UploadKey, problem.Message);
            }
            return await LoadAsync(id, ct) ?? Page();
        }
        return await AfterAsync(id, result, "WorkbookImported", ct);
    }

    /// <summary>A file of a version the reader may see: the committee's readers any, the requester's the submitted ones.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, int attachmentId, CancellationToken ct) =>
        await SendFileAsync(await submissions.OpenAttachmentAsync(Actor, id, attachmentId, ct));

    /// <summary>Files for the draft; one refused file refuses them all, and nothing is kept.</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, List<IFormFile> attachments, CancellationToken ct) =>
        await AfterAsync(id, await submissions.AttachAsync(Actor, id, MultipartUpload.Uploads(attachments), Version, ct), "AttachmentsAdded", ct);

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int id, int attachmentId, CancellationToken ct) =>
        await AfterAsync(id, await submissions.RemoveAttachmentAsync(Actor, id, attachmentId, Version, ct), "AttachmentRemoved", ct);

    public async Task<IActionResult> OnPostPrefillAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await submissions.PrefillAsync(Actor, id, Version, ct), "PrefilledFromBelow", ct);

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await submissions.AcceptAsync(Actor, id, Comment, Version, ct), "ReportAccepted", ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await submissions.ReturnAsync(Actor, id, Comment, Version, ct), "ReportReturned", ct);

    private async Task<IActionResult> AfterAsync(int id, Result<SubmissionView> result, string done, CancellationToken ct)
    {
        if (result.IsOk)
        {
            TempData["Flash"] = text[done].Value;
            return Redirect($"/Reporting/Submission/{id}");
        }
        if ((Refusal(result) ?? await LoadAsync(id, ct)) is { } refused)
        {
            return refused;
        }
        // A figure's problem goes beside its field, a section's beside the sections, the rest above the form.
        foreach (var problem in result.Problems)
        {
            var key = View.Fields.Any(f => Submissions.ValueField(f.Code) == problem.Field) ? problem.Field
                : problem.Field is "Narratives" or "Comment" or FileIntake.FileField or FileIntake.TooLargeField ? problem.Field
                : "";
            ModelState.AddModelError(key, problem.Message);
        }
        ShowTyped = result.Outcome == Outcome.Invalid && (Values.Count > 0 || Narratives.Count > 0);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await submissions.GetAsync(Actor, id, ct);
        if (!view.IsOk)
        {
            return OutOfScope();
        }
        View = view.Value!;
        CanReadRequest = (await committees.GetAsync(Actor, View.RequesterCommitteeId, ct)).IsOk;
        return null;
    }

    /// <summary>The value the field shows: what was typed when a save was refused, otherwise what is stored.</summary>
    public string ValueOf(FieldView field) =>
        ShowTyped ? Values.FirstOrDefault(v => string.Equals(v.Key, field.Code, StringComparison.OrdinalIgnoreCase)).Value ?? "" : field.Raw;

    public string NarrativeOf(NarrativeView narrative) =>
        ShowTyped ? Narratives.GetValueOrDefault(narrative.SectionId) ?? "" : narrative.Text;
}

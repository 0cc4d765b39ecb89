using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Meetings;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;
using SteerCo.WorkItems;

namespace SteerCo.Web.Pages.Work;

/// <summary>A task: where it stands, its history and its share in the committees below; report, extend, reassign, close, pass down.</summary>
public sealed class DetailsModel(WorkItemService items, FileIntake intake, MeetingService meetings, DocumentRegister register) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int? Percent { get; set; }

    [BindProperty]
    public string? DueDate { get; set; }

    [BindProperty]
    public int AgencyId { get; set; }

    [BindProperty]
    public WorkItemStatus CloseAs { get; set; } = WorkItemStatus.Done;

    [BindProperty]
    public List<int> CommitteeIds { get; set; } = [];

    /// <summary>The files sent with a progress report; the form is read whole (at most the request limit).</summary>
    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public WorkItemDetail Item { get; private set; } = null!;

    /// <summary>
    /// Whether the reader may open where the task came from (the task it was passed down from, the
    /// meeting, the document): a commune's secretariat sees the source of its task, but the
    /// province's own pages are not in its scope, so they are named, not linked.
    /// </summary>
    public (bool Parent, bool Meeting, bool Document) CanOpenSource { get; private set; }

    /// <summary>The file limit (Files:MaxBytes), for the hint beside the file input.</summary>
    public long MaxFileBytes => intake.MaxBytes;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        On = items.Today.ToShort();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        var on = ParseDate(On, nameof(On));
        return await ActAsync(() => items.ReportAsync(Actor, Id, new(on, Text, Percent, MultipartUpload.Uploads(Attachments)), Version, ct), "ProgressReported", ct);
    }

    /// <summary>A file of a progress report, for whoever may read the task.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int attachmentId, CancellationToken ct) =>
        await SendFileAsync(await items.OpenAttachmentAsync(Actor, Id, attachmentId, ct));

    public async Task<IActionResult> OnPostExtendAsync(CancellationToken ct)
    {
        var due = ParseDate(DueDate, nameof(DueDate));
        return await ActAsync(() => items.ExtendAsync(Actor, Id, due, Text, Version, ct), "DeadlineExtended", ct,
            () => items.CheckExtensionAsync(Actor, Id, due, Text, ct));
    }

    public async Task<IActionResult> OnPostReassignAsync(CancellationToken ct) =>
        await ActAsync(() => items.ReassignAsync(Actor, Id, AgencyId, Text, Version, ct), "WorkItemReassigned", ct);

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        await ActAsync(() => items.CloseAsync(Actor, Id, CloseAs, Text, Version, ct), "WorkItemClosedFlash", ct);

    public async Task<IActionResult> OnPostFanOutAsync(CancellationToken ct) =>
        await ActAsync(() => items.FanOutAsync(Actor, Id, CommitteeIds, Version, ct), "WorkItemPassedDown", ct);

    private Task<IActionResult> ActAsync(Func<Task<Result<WorkItemDetail>>> action, string flash, CancellationToken ct, Func<Task<Result<bool>>>? check = null) =>
        ChangeAsync(action, _ => Messages.Get(flash), () => RedirectToPage("Details", new { id = Id }), () => LoadAsync(ct), check);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var item = await items.GetAsync(Actor, Id, ct, withChoices: true);
        if (!item.IsOk)
        {
            return OutOfScope();
        }
        Item = item.Value!;
        CanOpenSource = (
            Item.ParentId is { } parent && (await items.GetAsync(Actor, parent, ct)).IsOk,
            Item.MeetingId is { } meeting && (await meetings.GetAsync(Actor, meeting, ct)).IsOk,
            Item.SourceDocumentId is { } document && (await register.GetAsync(Actor, document, ct)).IsOk);
        return null;
    }
}
